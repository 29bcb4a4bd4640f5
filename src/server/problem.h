// Problem documents (RFC 9457, `application/problem+json`): every error the API
// answers, with the field it concerns when there is one.
//   {"type", "title", "status", "detail", "field"?, "errors"?: [{field, code, message}]}
// `type` is a stable URI-reference per kind of problem ("/problems/invalid-field").
#ifndef HIGHFENCE_SERVER_PROBLEM_H_
#define HIGHFENCE_SERVER_PROBLEM_H_

#include <string>
#include <string_view>
#include <vector>

#include "highfence/status.h"
#include "server/http.h"

namespace highfence::server {

struct FieldProblem {
  std::string field;
  std::string code;
  std::string message;
};

// `kind` is the type's last segment ("invalid-field"); the title is derived
// from the status.
HttpResponse Problem(int status, std::string_view kind, std::string_view detail,
                     std::string_view field = {}, const std::vector<FieldProblem>& errors = {});

// A 400 naming one field.
HttpResponse BadField(std::string_view field, std::string_view code, std::string_view detail);

// The answer for a Status that is not OK: kNotFound 404, kConflict 409,
// kInvalidArgument 400, kLimitExceeded 413, others (I/O, corruption) 503.
HttpResponse ProblemOf(const Status& status, std::string_view field = {});

std::string_view StatusTitle(int status);

}  // namespace highfence::server

#endif  // HIGHFENCE_SERVER_PROBLEM_H_
