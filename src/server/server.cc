#include "server/server.h"

#include <fmt/format.h>
#include <malloc.h>
#include <signal.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <mutex>

#include "server/api.h"
#include "server/http_transport.h"

namespace highfence::server {
namespace {

// How often the key ring rereads the keys, so a key revoked by `keys revoke`
// or by another server sharing the database stops working within this time.
constexpr int kKeyReloadSeconds = 5;

Status LoadKeys(decisions::DecisionStore* store, KeyRing* ring) {
  Result<std::vector<decisions::ApiKeyRecord>> keys = store->Keys();
  if (!keys.ok()) return keys.status();
  ring->Load(*keys);
  return Status::Ok();
}

// On first start, with no key at all: one admin key, printed once.
Status FirstAdminKey(decisions::DecisionStore* store) {
  Result<std::vector<decisions::ApiKeyRecord>> keys = store->Keys();
  if (!keys.ok()) return keys.status();
  if (!keys->empty()) return Status::Ok();
  Result<NewKey> k = CreateKey(store, "admin", "created on first start");
  if (!k.ok()) return k.status();
  std::printf(
      "No API keys yet: created an admin key. It is shown this once; keep it safe:\n\n  %s\n\n"
      "Call the API with `Authorization: Bearer KEY`; make more keys with "
      "`highfence keys create --role officer`.\n",
      k->token.c_str());
  std::fflush(stdout);
  return Status::Ok();
}

int Fail(const Status& st) {
  std::fprintf(stderr, "highfence serve: %s\n", st.ToString().c_str());
  return 1;
}

}  // namespace

Result<std::string> DataDir(const std::string& data_dir) {
  std::string dir = data_dir;
  if (dir.empty()) {
    const char* xdg = std::getenv("XDG_DATA_HOME");
    const char* home = std::getenv("HOME");
    if (xdg != nullptr && *xdg == '/') {
      dir = std::string(xdg) + "/highfence";
    } else if (home != nullptr && *home != '\0') {
      dir = std::string(home) + "/.local/share/highfence";
    } else {
      return Status::InvalidArgument("neither XDG_DATA_HOME nor HOME is set: give --data DIR");
    }
  }
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Status::IOError(fmt::format("cannot create `{}`: {}", dir, ec.message()));
  return dir;
}

Result<std::string> LedgerTarget(const std::string& data_dir, const std::string& ledger) {
  if (!ledger.empty()) return ledger;
  Result<std::string> dir = DataDir(data_dir);
  if (!dir.ok()) return dir.status();
  return *dir + "/ledger.db";
}

int Serve(const ServeOptions& options) {
  // A batch builds tens of MB (answers, decision records) and frees them; keep
  // that memory in the heap instead of returning it to the kernel and faulting
  // it in again for the next group.
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
  mallopt(M_MMAP_THRESHOLD, 64 << 20);
  // Every thread started from here on inherits this mask: the signals are
  // taken by sigtimedwait below, never by a handler at a random point.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  Result<std::string> target = LedgerTarget(options.data_dir, options.ledger);
  if (!target.ok()) return Fail(target.status());
  Result<std::unique_ptr<EngineAdapter>> adapter = EngineAdapter::Open(*target);
  if (!adapter.ok()) return Fail(adapter.status());
  Result<std::unique_ptr<decisions::DecisionStore>> log =
      decisions::DecisionStore::Open(*target, false);
  if (!log.ok()) return Fail(log.status());
  Result<std::unique_ptr<decisions::DecisionStore>> reader =
      decisions::DecisionStore::Open(*target, false);
  if (!reader.ok()) return Fail(reader.status());
  Status st = FirstAdminKey(reader->get());
  if (!st.ok()) return Fail(st);
  KeyRing keys;
  st = LoadKeys(reader->get(), &keys);
  if (!st.ok()) return Fail(st);

  Metrics metrics;
  GroupCommitter committer((*adapter)->writer(), log->get(), /*threaded=*/true);
  std::mutex reader_mu;
  ApiContext ctx{adapter->get(), &committer, &keys, &metrics, reader->get(), &reader_mu, kVersion};
  Api api(ctx);
  TransportOptions t{options.bind, options.port, options.threads};
  Result<std::unique_ptr<HttpTransport>> transport = HttpTransport::Start(
      t, [&api](HttpRequest&& req, Reply reply) { api.Handle(std::move(req), std::move(reply)); });
  if (!transport.ok()) return Fail(transport.status());
  std::fprintf(stderr, "highfence serve: listening on http://%s:%d (ledger %s, %s)\n",
               options.bind.c_str(), (*transport)->port(), (*adapter)->ledger_kind().data(),
               target->c_str());

  timespec wait{kKeyReloadSeconds, 0};
  for (;;) {
    int sig = sigtimedwait(&signals, nullptr, &wait);
    if (sig == SIGTERM || sig == SIGINT) break;
    std::lock_guard lock(reader_mu);
    Status reloaded = LoadKeys(reader->get(), &keys);
    if (!reloaded.ok()) std::fprintf(stderr, "highfence serve: %s\n", reloaded.ToString().c_str());
  }
  std::fprintf(stderr, "highfence serve: draining\n");
  (*transport)->Drain();  // every request read gets its answer
  committer.Stop();       // and everything queued is committed
  std::fprintf(stderr, "highfence serve: stopped\n");
  return 0;
}

}  // namespace highfence::server
