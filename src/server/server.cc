#include "server/server.h"

#include <fmt/format.h>
#include <malloc.h>
#include <signal.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <mutex>

#include "screen/list_store.h"
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

// A folder shipped beside the binary: SHARE (share/highfence/NAME) for an
// installed bin/highfence, else the source tree's SOURCE for a binary in a
// build folder (build/highfence). "" when neither holds `marker`.
std::string BesideBinary(std::string_view share, std::string_view source, const char* marker) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path exe_dir = fs::read_symlink("/proc/self/exe", ec).parent_path();
  if (ec) return "";
  for (std::string_view relative : {share, source}) {
    fs::path dir = fs::weakly_canonical(exe_dir / ".." / relative, ec);
    if (!ec && fs::exists(dir / marker, ec)) return dir.string();
  }
  return "";
}

// The web UI: --web, else the folder beside the binary; a folder that does not
// match its manifest refuses the start. nullptr (and a line saying so) when
// there is none: the API runs alone.
Result<std::unique_ptr<WebFiles>> LoadWeb(const ServeOptions& o) {
  if (o.no_web) {
    std::fprintf(stderr, "highfence serve: no web UI (--no-web): serving the API only\n");
    return std::unique_ptr<WebFiles>();
  }
  std::string dir = o.web_dir.empty()
                        ? BesideBinary("share/highfence/web", "web/dist", "manifest.json")
                        : o.web_dir;
  if (dir.empty()) {
    std::fprintf(stderr,
                 "highfence serve: no web UI found beside the binary (share/highfence/web, or "
                 "web/dist for a build tree): serving the API only; build it with `make web` or "
                 "give --web DIR\n");
    return std::unique_ptr<WebFiles>();
  }
  Result<std::unique_ptr<WebFiles>> web = WebFiles::Load(dir);
  if (!web.ok()) {
    // Only printed: the hint matters more than the code.
    return Status::InvalidArgument(fmt::format(
        "the web UI: {}; the server does not start on it (--no-web serves the API alone)",
        web.status().message()));
  }
  std::fprintf(stderr, "highfence serve: web UI from %s (%zu files, manifest sha256 %s)\n",
               dir.c_str(), (*web)->file_count(), (*web)->manifest_sha256().c_str());
  return web;
}

// The lists to screen against: --lists, else the data folder's list store
// (the CLI's default store when no --data is given, so `highfence lists
// import FILE` with no option feeds a server with no option).
Result<std::unique_ptr<ScreeningLists>> OpenScreening(const ServeOptions& o) {
  std::string store;
  if (o.lists.empty()) {
    Result<std::string> dir = o.data_dir.empty() ? screen::ListStore::DefaultDir()
                                                 : Result<std::string>(o.data_dir + "/lists");
    if (!dir.ok()) return dir.status();
    store = *dir;
  }
  auto lists = std::make_unique<ScreeningLists>(o.lists, store);
  Result<std::string> loaded = lists->Refresh();
  if (!loaded.ok()) {
    // A --lists file that cannot be read refuses the start; a broken stored
    // snapshot leaves screening unavailable until the next import.
    if (!o.lists.empty()) {
      return Status::InvalidArgument(fmt::format("--lists: {}", loaded.status().message()));
    }
    std::fprintf(stderr, "highfence serve: %s: POST /v1/screen answers 503\n",
                 loaded.status().ToString().c_str());
    return lists;
  }
  std::fprintf(
      stderr, "highfence serve: %s\n",
      loaded->empty()
          ? ("no screening lists yet: POST /v1/screen answers 503; " + lists->HowToLoad()).c_str()
          : loaded->c_str());
  return lists;
}

Result<std::unique_ptr<Simulations>> OpenSimulations(const ServeOptions& o) {
  std::string dir = o.scenarios_dir.empty()
                        ? BesideBinary("share/highfence/scenarios", "scenarios", "B1.toml")
                        : o.scenarios_dir;
  if (dir.empty()) {
    std::fprintf(stderr,
                 "highfence serve: no scenario folder found beside the binary: GET /v1/simulate "
                 "answers 503 (give --scenarios DIR)\n");
    return std::unique_ptr<Simulations>();
  }
  Result<std::unique_ptr<Simulations>> sims = Simulations::Open(dir);
  if (!sims.ok()) return sims.status();
  std::fprintf(stderr, "highfence serve: %zu simulator scenarios from %s\n",
               (*sims)->names().size(), dir.c_str());
  return sims;
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

  Result<std::unique_ptr<WebFiles>> web = LoadWeb(options);
  if (!web.ok()) return Fail(web.status());
  Result<std::unique_ptr<ScreeningLists>> screening = OpenScreening(options);
  if (!screening.ok()) return Fail(screening.status());
  Result<std::unique_ptr<Simulations>> simulations = OpenSimulations(options);
  if (!simulations.ok()) return Fail(simulations.status());
  Result<std::string> target = LedgerTarget(options.data_dir, options.ledger);
  if (!target.ok()) return Fail(target.status());
  Result<std::unique_ptr<EngineAdapter>> adapter = EngineAdapter::Open(*target, screening->get());
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
  ApiContext ctx{adapter->get(), &committer, &keys,      &metrics,         reader->get(),
                 &reader_mu,     kVersion,   web->get(), screening->get(), simulations->get()};
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
    {
      std::lock_guard lock(reader_mu);
      Status reloaded = LoadKeys(reader->get(), &keys);
      if (!reloaded.ok())
        std::fprintf(stderr, "highfence serve: %s\n", reloaded.ToString().c_str());
    }
    // A list snapshot imported since: screening uses it from now on.
    Result<std::string> lists = (*screening)->Refresh();
    if (!lists.ok() || !lists->empty()) {
      std::fprintf(stderr, "highfence serve: %s\n",
                   lists.ok() ? lists->c_str() : lists.status().ToString().c_str());
    }
  }
  std::fprintf(stderr, "highfence serve: draining\n");
  (*transport)->Drain();  // every request read gets its answer
  committer.Stop();       // and everything queued is committed
  std::fprintf(stderr, "highfence serve: stopped\n");
  return 0;
}

}  // namespace highfence::server
