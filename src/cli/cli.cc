#include "cli/cli.h"

#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "cli/screen_commands.h"
#include "cli/simulate_command.h"

namespace highfence::cli {
namespace {

void AddCommon(CLI::App* app, CommonOptions* common) {
  app->add_option("--law", common->law_dir, "folder of law/*.toml (default: the built-in law)");
  app->add_option("--catalog", common->catalog_path,
                  "accelerator catalog TOML (default: the built-in catalog)");
}

void AddLawChoice(CLI::App* app, CommonOptions* common) {
  app->add_option("--mode", common->mode, "as-enforced (default) or as-written");
  app->add_option("--regime", common->regime,
                  "evaluate under one regime whatever the date: us-2022-10, us-2023-11, "
                  "us-2025-01");
}

void AddShipmentFlags(CLI::App* check, ShipmentFlags* f) {
  check->add_option("--id", f->id, "shipment id (default cli-1)");
  check->add_option("--item", f->item, "catalog id");
  check->add_option("--units", f->units, "number of items");
  check->add_option("--to", f->to, "destination country (ISO alpha-2)");
  check->add_option("--date", f->date, "date of the export, YYYY-MM-DD");
  check->add_option("--type", f->type, "export, reexport or transfer");
  check->add_option("--from", f->from, "country the item leaves (default US)");
  check->add_option("--consignee", f->consignee, "ultimate consignee's name");
  check->add_option("--parent", f->parent, "ultimate parent's name");
  check->add_option("--hq", f->hq, "consignee's headquarters country");
  check->add_option("--parent-hq", f->parent_hq, "ultimate parent's headquarters country");
  check->add_option("--veu", f->veu, "UVEU or NVEU");
  check->add_option("--consignee-id", f->consignee_id, "consignee's stable id (an LEI, ...)");
  check->add_option("--parent-id", f->parent_id, "ultimate parent's stable id");
  check->add_option("--end-use", f->end_use, "end-use tag (repeatable)");
}

}  // namespace

int RunCli(int argc, char** argv) {
  if (argc >= 2 && std::string_view(argv[1]) == "ledger") return RunLedger(argc - 1, argv + 1);
  if (argc >= 2 && std::string_view(argv[1]) == "screen") return RunScreen(argc - 1, argv + 1);
  if (argc >= 2 && std::string_view(argv[1]) == "lists") return RunLists(argc - 1, argv + 1);
  if (argc >= 2 && std::string_view(argv[1]) == "simulate") return RunSimulate(argc - 1, argv + 1);
  if (argc >= 2 && std::string_view(argv[1]) == "replay") return RunReplay(argc - 1, argv + 1);
  if (argc >= 2 && std::string_view(argv[1]) == "serve") return RunServe(argc - 1, argv + 1);
  if (argc >= 2 && std::string_view(argv[1]) == "keys") return RunKeys(argc - 1, argv + 1);
  if (argc >= 2 && std::string_view(argv[1]) == "decisions") {
    return RunDecisions(argc - 1, argv + 1);
  }
  CLI::App app{"highfence: U.S. advanced-computing export rules (2022-2026) as software"};
  app.require_subcommand(1);
  CommonOptions common;

  CheckOptions check_options;
  CLI::App* check = app.add_subcommand("check", "determine shipments (JSONL or CSV)");
  AddCommon(check, &common);
  AddLawChoice(check, &common);
  check->add_option("input", check_options.input, "shipments file, or - for stdin");
  check->add_option("--format", check_options.format, "jsonl, csv or table")
      ->check(CLI::IsMember({"jsonl", "csv", "table"}));
  check->add_option("--input-format", check_options.input_format, "jsonl or csv")
      ->check(CLI::IsMember({"jsonl", "csv"}));
  check->add_option("--ledger", check_options.ledger, "durable ledger: a file or postgres:// URL");
  check->add_flag("--dry-run", check_options.dry_run, "read the ledger, write nothing");
  check->add_option("--fail-on", check_options.fail_on,
                    "exit 3 when a line gets one of these decisions (comma-separated)");
  check->add_flag("--summary", check_options.summary, "print counts by decision at the end");
  check->add_option("--save", check_options.save, "also write JSONL determinations to FILE");
  check->add_option("--lists", check_options.lists,
                    "screen consignees and parents against this restricted-party list (a CSL "
                    "file, or a stored snapshot's sha256 prefix)");
  AddShipmentFlags(check, &check_options.flags);

  ClassifyOptions classify_options;
  CLI::App* classify = app.add_subcommand("classify", "classify an accelerator");
  AddCommon(classify, &common);
  classify->add_option("id", classify_options.id, "catalog id");
  classify->add_option("--tpp", classify_options.tpp, "total processing performance");
  classify->add_option("--die-area-mm2", classify_options.die_area, "applicable die area");
  classify->add_option("--interconnect-gbs", classify_options.interconnect, "I/O rate, GB/s");
  classify->add_option("--dram-bandwidth-gbs", classify_options.dram, "DRAM bandwidth, GB/s");
  classify->add_flag("--consumer", classify_options.consumer,
                     "not designed or marketed for datacenters");
  classify->add_flag("--list", classify_options.list, "list the catalog");
  classify->add_option("--date", classify_options.date, "classify under the law of this date");
  classify->add_option("--format", classify_options.format, "text or json")
      ->check(CLI::IsMember({"text", "json"}));

  ExplainOptions explain_options;
  CLI::App* explain = app.add_subcommand("explain", "the full derivation of one shipment");
  AddCommon(explain, &common);
  AddLawChoice(explain, &common);
  explain->add_option("file", explain_options.file, "shipments file")->required();
  explain->add_option("--id", explain_options.id, "shipment id")->required();
  explain->add_option("--ledger", explain_options.ledger,
                      "read balances from this ledger (never written)");
  explain->add_option("--lists", explain_options.lists,
                      "screen the parties against this restricted-party list, as check does");

  CLI::App* regimes = app.add_subcommand("regimes", "the regimes, their dates and sources");
  AddCommon(regimes, &common);

  PartyKeyOptions party_key_options;
  CLI::App* party_key =
      app.add_subcommand("party-key", "the party key of each name: which names share a cap");
  party_key->add_option("names", party_key_options.names, "party names")->required();
  party_key->add_flag("--id", party_key_options.ids, "the arguments are stable ids, not names");
  party_key->add_option("--format", party_key_options.format, "text or jsonl")
      ->check(CLI::IsMember({"text", "jsonl"}));

  app.add_subcommand("ledger", "the durable quota ledger (see `highfence ledger --help`)");
  app.add_subcommand("screen", "restricted-party screening (see `highfence screen --help`)");
  app.add_subcommand("lists", "restricted-party list snapshots (see `highfence lists --help`)");
  app.add_subcommand("simulate", "what-if simulator (see `highfence simulate --help`)");
  app.add_subcommand("replay", "re-determine an order book under a regime or reform");
  app.add_subcommand("serve", "the HTTP API (see `highfence serve --help`)");
  app.add_subcommand("keys", "the server's API keys (see `highfence keys --help`)");
  app.add_subcommand("decisions", "the server's decision log (see `highfence decisions --help`)");
  CLI::App* law = app.add_subcommand("law", "the law data");
  law->require_subcommand(1);
  CLI::App* law_check = law->add_subcommand("check", "validate the law data");
  AddCommon(law_check, &common);
  CLI::App* law_reference =
      law->add_subcommand("reference", "print the parameter reference (docs/parameters.md)");
  AddCommon(law_reference, &common);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kExitOk : kExitFailed;
  }
  if (check->parsed()) return RunCheck(common, check_options);
  if (classify->parsed()) return RunClassify(common, classify_options);
  if (explain->parsed()) return RunExplain(common, explain_options);
  if (regimes->parsed()) return RunRegimes(common);
  if (law_check->parsed()) return RunLawCheck(common);
  if (law_reference->parsed()) return RunLawReference(common);
  if (party_key->parsed()) return RunPartyKey(party_key_options);
  return kExitFailed;
}

}  // namespace highfence::cli
