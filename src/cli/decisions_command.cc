// `highfence decisions search|export|verify`: the decision log the server keeps,
// read from the command line.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <cstdio>

#include "cli/cli.h"
#include "cli/describe.h"
#include "cli/commands.h"
#include "decisions/decision_export.h"
#include "decisions/decision_store.h"
#include "names/party_key.h"
#include "highfence/ledger.h"
#include "io/determination_writer.h"
#include "server/server.h"

namespace highfence::cli {
namespace {

struct DecisionOptions {
  std::string data, ledger, shipment_id, party, from, to, decision, format = "jsonl";
  int64_t limit = 100;
};

int Fail(const std::string& message) {
  std::fprintf(stderr, "highfence: %s\n", message.c_str());
  return kExitFailed;
}

void AppendRecord(const decisions::DecisionRecord& r, bool csv, std::string* out) {
  if (csv) return decisions::AppendDecisionCsv(r, out);
  decisions::AppendDecisionJson(r, out);
  out->push_back('\n');
}

// Fills `q` from the options; prints the problem and returns false on error.
bool ToQuery(const DecisionOptions& o, decisions::DecisionQuery* q) {
  q->shipment_id = o.shipment_id;
  q->party = o.party.empty() ? "" : names::PartyKey(o.party);
  q->decision = o.decision;
  for (auto [text, slot, flag] :
       {std::tuple{&o.from, &q->from_ns, "--from"}, std::tuple{&o.to, &q->to_ns, "--to"}}) {
    if (text->empty()) continue;
    *slot = decisions::ParseIsoTime(*text);
    if (!*slot) {
      Fail(fmt::format("{} must be YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ, not `{}`", flag, *text));
      return false;
    }
  }
  return true;
}

}  // namespace

int RunDecisions(int argc, char** argv) {
  CLI::App app{"highfence decisions: the server's decision log"};
  app.require_subcommand(1);
  DecisionOptions o;
  auto common = [&o](CLI::App* c) {
    c->add_option("--data", o.data, "data folder (default as `highfence serve`)");
    c->add_option("--ledger", o.ledger, "SQLite file or postgres:// URL (default DATA/ledger.db)");
    c->add_option("--shipment-id", o.shipment_id, "exact shipment id");
    c->add_option("--party", o.party, "party name or key");
    c->add_option("--from", o.from, "recorded at or after (YYYY-MM-DD or ...THH:MM:SSZ)");
    c->add_option("--to", o.to, "recorded before");
    c->add_option("--decision", o.decision, "a decision")
        ->check(CLI::IsMember({"not_controlled", "no_license_required", "authorized",
                               "license_required", "needs_review"}));
    c->add_option("--format", o.format, "jsonl (default) or csv")
        ->check(CLI::IsMember({"jsonl", "csv"}));
    return c;
  };
  CLI::App* search = common(app.add_subcommand("search", "matching decisions, newest first"));
  search->add_option("--limit", o.limit, "at most this many (default 100)")
      ->check(CLI::Range(int64_t{1}, int64_t{1'000'000}));
  CLI::App* exp = common(app.add_subcommand("export", "every matching decision, oldest first"));
  CLI::App* verify = common(app.add_subcommand("verify", "check the decision log's hash chain"));
  if (DescribeRequested()) return Describe(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? kExitOk : kExitFailed;
  }
  Result<std::string> target = server::LedgerTarget(o.data, o.ledger);
  if (!target.ok()) return Fail(target.status().ToString());
  if (verify->parsed()) return VerifyDecisionLog(*target);
  decisions::DecisionQuery q;
  if (!ToQuery(o, &q)) return kExitFailed;
  Result<std::unique_ptr<decisions::DecisionStore>> store =
      decisions::DecisionStore::Open(*target, /*read_only=*/true);
  if (!store.ok()) return Fail(store.status().ToString());
  bool csv = o.format == "csv";
  std::string out = csv ? decisions::kDecisionCsvHeader : "";
  q.newest_first = search->parsed();
  int64_t remaining = search->parsed() ? o.limit : INT64_MAX;
  (void)exp;
  while (remaining > 0) {
    q.limit = std::min<int64_t>(remaining, 1000);
    Result<std::vector<decisions::DecisionRecord>> rows = (*store)->Search(q);
    if (!rows.ok()) return Fail(rows.status().ToString());
    for (const decisions::DecisionRecord& r : *rows) AppendRecord(r, csv, &out);
    std::fwrite(out.data(), 1, out.size(), stdout);
    out.clear();
    remaining -= static_cast<int64_t>(rows->size());
    if (static_cast<int64_t>(rows->size()) < q.limit) break;
    q.cursor = rows->back().seq;
  }
  return kExitOk;
}

}  // namespace highfence::cli
