#include "server/fuzz_entry.h"

#include <mutex>

#include "decisions/memory_decision_store.h"
#include "server/api.h"
#include "server/http_transport.h"

namespace highfence::server {
namespace {

struct World {
  std::unique_ptr<EngineAdapter> adapter;
  decisions::MemoryDecisionStore log, reader;
  std::mutex reader_mu;
  KeyRing keys;
  Metrics metrics;
  std::unique_ptr<GroupCommitter> committer;
  std::unique_ptr<Api> api;
  std::string tokens[3];  // viewer, officer, admin
};

World* MakeWorld() {
  auto* w = new World();
  Result<std::unique_ptr<EngineAdapter>> adapter = EngineAdapter::Open("memory:");
  HF_ASSERT(adapter.ok());
  w->adapter = std::move(*adapter);
  for (int r = 0; r < 3; ++r) {
    Result<NewKey> k = CreateKey(&w->reader, RoleName(static_cast<Role>(r)), "fuzz");
    HF_ASSERT(k.ok());
    w->tokens[r] = k->token;
  }
  w->keys.Load(*w->reader.Keys());
  w->committer = std::make_unique<GroupCommitter>(w->adapter->writer(), &w->log, false);
  ApiContext ctx{w->adapter.get(), w->committer.get(),
                 &w->keys,         &w->metrics,
                 &w->reader,       &w->reader_mu,
                 "fuzz",           nullptr,
                 nullptr,          nullptr};
  w->api = std::make_unique<Api>(ctx);
  return w;
}

}  // namespace

void FuzzOneRequest(std::string_view bytes) {
  // Bounded memory over millions of runs: a fresh world (in-memory ledger,
  // log and keys) every kRunsPerWorld runs.
  constexpr int kRunsPerWorld = 2000;
  static World* world = nullptr;
  static int runs = 0;
  if (world == nullptr || ++runs % kRunsPerWorld == 0) {
    delete world;
    world = MakeWorld();
  }
  HttpRequest request;
  int status = ParseHttpRequest(bytes, &request);
  HF_ASSERT(status == 0 || status == 400 || status == 413 || status == 431);
  if (status != 0) return;
  for (auto& [name, value] : request.headers) {
    if (name != "authorization") continue;
    if (value == "viewer") value = "Bearer " + world->tokens[0];
    if (value == "officer") value = "Bearer " + world->tokens[1];
    if (value == "admin") value = "Bearer " + world->tokens[2];
  }
  int answers = 0;
  world->api->Handle(std::move(request), [&answers](HttpResponse r) {
    ++answers;
    HF_ASSERT(r.status >= 200 && r.status <= 599);
    HF_ASSERT(!r.content_type.empty() || r.status == 304);
  });
  HF_ASSERT(answers == 1);  // the in-line committer answers before Handle returns
}

}  // namespace highfence::server
