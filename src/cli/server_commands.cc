// `highfence serve`, `highfence keys ...` and `highfence decisions ...`: the
// HTTP server and the command-line doors to its keys and decision log.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <cstdio>

#include "base/clock.h"
#include "cli/cli.h"
#include "cli/describe.h"
#include "cli/commands.h"
#include "decisions/decision_store.h"
#include "highfence/ledger.h"
#include "ledger/store.h"
#include "server/keys.h"
#include "server/server.h"

namespace highfence::cli {
namespace {

int Fail(const Status& s) {
  std::fprintf(stderr, "highfence: %s\n", s.ToString().c_str());
  return kExitFailed;
}

// Opens the decision log where the server keeps it; the ledger first, so a new
// SQLite file gets the ledger's tables before the log's.
Result<std::unique_ptr<decisions::DecisionStore>> OpenLog(const std::string& data,
                                                          const std::string& ledger,
                                                          bool read_only) {
  Result<std::string> target = server::LedgerTarget(data, ledger);
  if (!target.ok()) return target.status();
  Result<std::unique_ptr<ledger::LedgerStore>> store =
      ledger::LedgerStore::Open(*target, read_only);
  if (!store.ok()) return store.status();
  return decisions::DecisionStore::Open(*target, read_only);
}

void AddWhere(CLI::App* app, std::string* data, std::string* ledger) {
  app->add_option("--data", *data,
                  "data folder (default $XDG_DATA_HOME/highfence, ~/.local/share/highfence)");
  app->add_option("--ledger", *ledger,
                  "the ledger: a SQLite file or postgres:// URL "
                  "(default DATA/ledger.db)");
}

int KeysCreate(decisions::DecisionStore* store, const std::string& role, const std::string& label) {
  Result<server::NewKey> k = server::CreateKey(store, role, label);
  if (!k.ok()) return Fail(k.status());
  std::printf("%s\n", k->token.c_str());
  std::fprintf(stderr, "highfence: created %s key %s; it is shown only this once\n",
               k->record.role.c_str(), k->record.key_id.c_str());
  return kExitOk;
}

int KeysList(decisions::DecisionStore* store) {
  Result<std::vector<decisions::ApiKeyRecord>> keys = store->Keys();
  if (!keys.ok()) return Fail(keys.status());
  std::string out = fmt::format("{:<18} {:<8} {:<25} {:<25} {}\n", "KEY ID", "ROLE", "CREATED",
                                "REVOKED", "LABEL");
  for (const decisions::ApiKeyRecord& k : *keys) {
    out += fmt::format("{:<18} {:<8} {:<25} {:<25} {}\n", k.key_id, k.role,
                       decisions::IsoTime(k.created_ns),
                       k.revoked_ns ? decisions::IsoTime(k.revoked_ns) : "-", k.label);
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return kExitOk;
}

}  // namespace

int RunServe(int argc, char** argv) {
  CLI::App app{"highfence serve: the HTTP API (docs/api.md)"};
  server::ServeOptions o;
  AddWhere(&app, &o.data_dir, &o.ledger);
  app.add_option("--bind", o.bind, "address to listen on (default 127.0.0.1)");
  app.add_option("--port", o.port, "port (default 8080; 0 for any free port)")
      ->check(CLI::Range(0, 65535));
  app.add_option("--threads", o.threads, "I/O threads (default 2)")->check(CLI::Range(1, 64));
  app.add_option("--web", o.web_dir,
                 "the web UI's folder, as `make web` builds it (default: share/highfence/web "
                 "beside the binary, or web/dist for a build tree)");
  app.add_flag("--no-web", o.no_web, "serve the API alone, without the web UI");
  app.add_option("--lists", o.lists,
                 "a restricted-party list file (CSL CSV or JSON) for POST /v1/screen (default: "
                 "the current snapshot of DATA/lists, as `highfence lists import` stores it)");
  app.add_option("--scenarios", o.scenarios_dir,
                 "the simulator's scenario folder for GET /v1/simulate (default: "
                 "share/highfence/scenarios beside the binary, or the source tree's scenarios/)");
  if (DescribeRequested()) return Describe(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? kExitOk : kExitFailed;
  }
  return server::Serve(o);
}

int RunKeys(int argc, char** argv) {
  CLI::App app{"highfence keys: the server's API keys"};
  app.require_subcommand(1);
  std::string data, ledger, role, label, key_id;
  CLI::App* create = app.add_subcommand("create", "make a key; prints it alone on stdout");
  create->add_option("--role", role, "viewer, officer or admin")->required();
  create->add_option("--label", label, "what the key is for");
  AddWhere(create, &data, &ledger);
  CLI::App* list = app.add_subcommand("list", "every key (never the secrets)");
  AddWhere(list, &data, &ledger);
  CLI::App* revoke = app.add_subcommand("revoke", "revoke a key by its id");
  revoke->add_option("key_id", key_id)->required();
  AddWhere(revoke, &data, &ledger);
  if (DescribeRequested()) return Describe(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? kExitOk : kExitFailed;
  }
  Result<std::unique_ptr<decisions::DecisionStore>> store = OpenLog(data, ledger, false);
  if (!store.ok()) return Fail(store.status());
  if (create->parsed()) return KeysCreate(store->get(), role, label);
  if (list->parsed()) return KeysList(store->get());
  Status st = (*store)->RevokeKey(key_id, NowNs());
  if (!st.ok()) return Fail(st);
  std::printf("revoked %s\n", key_id.c_str());
  return kExitOk;
}

int VerifyDecisionLog(const std::string& target) {
  Result<std::unique_ptr<decisions::DecisionStore>> store =
      decisions::DecisionStore::Open(target, /*read_only=*/true);
  if (!store.ok()) {
    // A ledger the server never used has no decision log: nothing to verify.
    if (store.status().code() == Status::Code::kInvalidArgument) return kExitOk;
    return Fail(store.status());
  }
  Result<decisions::DecisionVerifyReport> r = (*store)->Verify();
  if (!r.ok()) return Fail(r.status());
  if (!r->ok) {
    std::printf("decision log verify FAILED: %s\n", r->problem.c_str());
    return kExitFailed;
  }
  std::printf("decision log ok: %lld decisions; chain verified, head %s\n",
              static_cast<long long>(r->decisions), r->head_hash.c_str());
  return kExitOk;
}

}  // namespace highfence::cli
