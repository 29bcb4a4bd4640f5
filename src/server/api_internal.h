// What the API's route handlers share (internal to src/server/api*.cc).
#ifndef HIGHFENCE_SERVER_API_INTERNAL_H_
#define HIGHFENCE_SERVER_API_INTERNAL_H_

#include <memory>
#include <string>
#include <vector>

#include "server/api.h"
#include "server/problem.h"
#include "server/router.h"

namespace highfence::server {

// One request on its way through a handler. Shared, as a handler may answer
// later from the committer's thread.
struct Call {
  HttpRequest request;
  Match match;
  QueryParams query;
  Caller caller;
  Reply reply;  // counts the answer in the metrics, then sends it
};
using CallPtr = std::shared_ptr<Call>;

HttpResponse Json(std::string body, int status = 200);

// The value of query parameter `name`, or `fallback`.
std::string QueryOr(const Call& c, std::string_view name, std::string_view fallback = "");

// A request body of `what`s (a noun: "shipment", "name") split into their JSON
// texts: one object (`single`), a JSON array, or JSONL by Content-Type; at most
// batch_lines_max. An answer (400, 413, 415 naming the field) when it cannot be.
std::optional<HttpResponse> SplitBody(const Call& c, std::string_view what,
                                      std::vector<std::string_view>* lines, bool* single);

// Handlers, one per route (api_*.cc).
void HandleDeterminations(ApiContext& ctx, const CallPtr& c);
void HandleExplain(ApiContext& ctx, const CallPtr& c);
void HandleReference(ApiContext& ctx, const CallPtr& c);  // health, catalog, regimes, ...
void HandleLedger(ApiContext& ctx, const CallPtr& c);
void HandleDecisions(ApiContext& ctx, const CallPtr& c);
void HandleKeys(ApiContext& ctx, const CallPtr& c);
void HandleScreen(ApiContext& ctx, const CallPtr& c);
void HandleSimulate(ApiContext& ctx, const CallPtr& c);

// The OpenAPI 3.1 document (openapi.cc).
std::string_view OpenApiDocument();

}  // namespace highfence::server

#endif  // HIGHFENCE_SERVER_API_INTERNAL_H_
