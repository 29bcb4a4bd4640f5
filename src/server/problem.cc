#include "server/problem.h"

#include "server/json_writer.h"

namespace highfence::server {

std::string_view StatusTitle(int status) {
  switch (status) {
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 408:
      return "Request Timeout";
    case 409:
      return "Conflict";
    case 413:
      return "Content Too Large";
    case 415:
      return "Unsupported Media Type";
    case 422:
      return "Unprocessable Content";
    case 431:
      return "Request Header Fields Too Large";
    case 500:
      return "Internal Server Error";
    case 501:
      return "Not Implemented";
    case 503:
      return "Service Unavailable";
    default:
      return status < 500 ? "Client Error" : "Server Error";
  }
}

HttpResponse Problem(int status, std::string_view kind, std::string_view detail,
                     std::string_view field, const std::vector<FieldProblem>& errors) {
  HttpResponse r;
  r.status = status;
  r.content_type = "application/problem+json";
  JsonWriter w(&r.body);
  w.BeginObject();
  w.Key("type").String(std::string("/problems/") + std::string(kind));
  w.Key("title").String(StatusTitle(status));
  w.Key("status").Int(status);
  w.Key("detail").String(detail);
  if (!field.empty()) w.Key("field").String(field);
  if (!errors.empty()) {
    w.Key("errors").BeginArray();
    for (const FieldProblem& e : errors) {
      w.BeginObject().Key("field").String(e.field).Key("code").String(e.code);
      w.Key("message").String(e.message).EndObject();
    }
    w.EndArray();
  }
  w.EndObject();
  r.body.push_back('\n');
  return r;
}

HttpResponse BadField(std::string_view field, std::string_view code, std::string_view detail) {
  return Problem(400, "invalid-field", detail, field,
                 {{std::string(field), std::string(code), std::string(detail)}});
}

HttpResponse ProblemOf(const Status& status, std::string_view field) {
  switch (status.code()) {
    case Status::Code::kNotFound:
      return Problem(404, "not-found", status.message(), field);
    case Status::Code::kConflict:
      return Problem(409, "conflict", status.message(), field);
    case Status::Code::kInvalidArgument:
      return Problem(400, "invalid-field", status.message(), field);
    case Status::Code::kLimitExceeded:
      return Problem(413, "limit-exceeded", status.message(), field);
    default:
      return Problem(503, "unavailable", status.message(), field);
  }
}

}  // namespace highfence::server
