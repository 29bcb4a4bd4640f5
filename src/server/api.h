// Api: the HTTP API's routes (docs/api.md) over the adapter, the group
// committer, the decision log and the key ring. Handle is the transport's
// handler: it routes, authenticates, checks the query and calls one handler
// per route; every answer is JSON or a problem document, and each is counted
// in the metrics.
//
// Thread safety: Handle may run on any number of threads at once.
#ifndef HIGHFENCE_SERVER_API_H_
#define HIGHFENCE_SERVER_API_H_

#include <memory>
#include <mutex>
#include <string>

#include "decisions/decision_store.h"
#include "server/adapter.h"
#include "server/committer.h"
#include "server/http.h"
#include "server/keys.h"
#include "server/metrics.h"
#include "server/screening.h"
#include "server/simulations.h"
#include "server/web_files.h"

namespace highfence::server {

struct ApiContext {
  EngineAdapter* adapter = nullptr;
  GroupCommitter* committer = nullptr;
  KeyRing* keys = nullptr;
  Metrics* metrics = nullptr;
  // Reads of the decision log and key changes, one request at a time (the
  // committer appends on a connection of its own).
  decisions::DecisionStore* log_reader = nullptr;
  std::mutex* log_reader_mu = nullptr;
  std::string version;
  // The web UI served at `/`; null when the server runs without one.
  const WebFiles* web = nullptr;
  // The restricted-party lists (POST /v1/screen) and the scenarios (GET
  // /v1/simulate); null when the server has none.
  const ScreeningLists* screening = nullptr;
  Simulations* simulations = nullptr;
};

class Api {
 public:
  explicit Api(ApiContext context) : ctx_(std::move(context)) {}
  void Handle(HttpRequest&& request, Reply reply);

 private:
  ApiContext ctx_;
};

}  // namespace highfence::server

#endif  // HIGHFENCE_SERVER_API_H_
