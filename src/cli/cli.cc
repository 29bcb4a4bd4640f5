#include "cli/cli.h"

#include <fmt/format.h>

#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "cli/describe.h"
#include "cli/screen_commands.h"
#include "cli/simulate_command.h"
#include "law/law_data.h"

namespace highfence::cli {
namespace {

constexpr char kVersion[] = "0.1.0";

void AddCommon(CLI::App* app, CommonOptions* common) {
  app->add_option("--law", common->law_dir,
                  "folder of law/*.toml to use instead of the built-in law (e.g. --law ./law)");
  app->add_option("--catalog", common->catalog_path,
                  "accelerator catalog TOML to use instead of the built-in one "
                  "(e.g. --catalog our-chips.toml)");
}

void AddLawChoice(CLI::App* app, CommonOptions* common) {
  app->add_option("--mode", common->mode,
                  "which law applies from 2025-05-13: as-enforced (what BIS enforces) or "
                  "as-written (the AI Diffusion rule as published)")
      ->check(CLI::IsMember({"as-written", "as-enforced", "as_written", "as_enforced"}))
      ->capture_default_str();
  app->add_option("--regime", common->regime,
                  "what-if: evaluate under one regime whatever the date, never writing a ledger: "
                  "none (before 2022-10-07), us-2022-10, us-2023-11 or us-2025-01")
      ->check(CLI::IsMember({"none", "us-2022-10", "us-2023-11", "us-2025-01"}));
}

void AddShipmentFlags(CLI::App* app, ShipmentFlags* f, bool with_id) {
  const char* g = "Shipment by flags";
  if (with_id) app->add_option("--id", f->id, "shipment id")->group(g)->capture_default_str();
  app->add_option("--item", f->item, "catalog id, e.g. nvidia-h100-sxm (see classify --list)")
      ->group(g);
  app->add_option("--units", f->units, "number of items, 1 to 1000000000 (required)")->group(g);
  app->add_option("--to", f->to, "destination, ISO 3166-1 alpha-2, e.g. DE (required)")->group(g);
  app->add_option("--date", f->date,
                  "date of the export, YYYY-MM-DD, or `today` (required: never assumed)")
      ->group(g);
  app->add_option("--type", f->type, "export (default), reexport or transfer")
      ->check(CLI::IsMember({"export", "reexport", "transfer"}))
      ->group(g);
  app->add_option("--from", f->from, "country the item leaves (default US)")->group(g);
  app->add_option("--consignee", f->consignee, "ultimate consignee's name")->group(g);
  app->add_option("--parent", f->parent, "ultimate parent's name (default: the consignee)")
      ->group(g);
  app->add_option("--hq", f->hq, "consignee's headquarters country (default: --to)")->group(g);
  app->add_option("--parent-hq", f->parent_hq, "ultimate parent's headquarters (default: --hq)")
      ->group(g);
  app->add_option("--consignee-id", f->consignee_id, "consignee's stable id (an LEI, ...)")
      ->group(g);
  app->add_option("--parent-id", f->parent_id, "ultimate parent's stable id")->group(g);
  app->add_option("--veu", f->veu, "validated end-user status: UVEU or NVEU")
      ->check(CLI::IsMember({"UVEU", "NVEU"}))
      ->group(g);
  app->add_option("--end-use", f->end_use,
                  "end-use tag, repeatable: military, wmd, frontier_training, development, "
                  "production, storage")
      ->check(CLI::IsMember(
          {"military", "wmd", "frontier_training", "development", "production", "storage"}))
      ->group(g);
}

void AddInputOptions(CLI::App* app, std::string* input_format, std::string* delimiter) {
  app->add_option("--input-format", *input_format,
                  "jsonl or csv (default: from the extension, else from the first line)")
      ->check(CLI::IsMember({"jsonl", "csv"}));
  app->add_option("--delimiter", *delimiter,
                  "CSV delimiter: , ; or tab (default: sniffed from the header)")
      ->check(CLI::IsMember({",", ";", "tab"}));
}

CLI::App* AddCheck(CLI::App& app, CommonOptions* common, CheckOptions* o) {
  CLI::App* check = app.add_subcommand("check", "determine shipments (JSON Lines or CSV)");
  AddCommon(check, common);
  AddLawChoice(check, common);
  check->add_option("input", o->input,
                    "shipments file (.jsonl or .csv; other names are read by content), or - for "
                    "standard input (the default)");
  check
      ->add_option("--format", o->format,
                   "output: table (default on a terminal), jsonl (default when piped) or csv")
      ->check(CLI::IsMember({"jsonl", "csv", "table"}));
  AddInputOptions(check, &o->input_format, &o->delimiter);
  check->add_option("--lists", o->lists,
                    "screen consignees and parents against this restricted-party list (a CSL "
                    "file, or a stored snapshot's sha256 prefix)");
  check->add_option("--ledger", o->ledger,
                    "durable ledger: a SQLite file or a postgres:// URL (default: in memory)");
  check->add_flag("--dry-run", o->dry_run, "read the --ledger, write nothing to it");
  check->add_flag("--log", o->log,
                  "record every determination in the --ledger's decision log, as the server "
                  "does (search it with `highfence decisions`)");
  check->add_option("--fail-on", o->fail_on,
                    "exit 3 when a line gets one of these decisions, comma-separated: "
                    "not_controlled, no_license_required, authorized, license_required");
  check->add_flag("--summary", o->summary,
                  "print to stderr: counts by decision, TPP drawn per account kind, "
                  "needs_review lines by error code");
  check->add_option("--save", o->save, "also write the JSONL determinations to this file");
  AddShipmentFlags(check, &o->flags, /*with_id=*/true);
  check->footer(
      "Examples:\n"
      "  highfence check orders.csv\n"
      "  highfence check --summary --format jsonl orders.jsonl | jq .decision\n"
      "  highfence check --ledger quota.db --fail-on license_required orders.csv\n"
      "  highfence check --item nvidia-h100-sxm --units 8 --to DE --date today\n"
      "Exit codes: 0 decided; 1 could not run; 2 some line needs_review; 3 --fail-on matched.");
  return check;
}

CLI::App* AddClassify(CLI::App& app, CommonOptions* common, ClassifyOptions* o) {
  CLI::App* classify = app.add_subcommand("classify", "classify an accelerator (3A090/4A090)");
  AddCommon(classify, common);
  classify->add_option("id", o->id, "catalog id, e.g. nvidia-h100-sxm");
  classify->add_option("--tpp", o->tpp,
                       "total processing performance of a chip not in the catalog");
  classify->add_option("--die-area-mm2", o->die_area, "applicable die area, mm2 (with --tpp)");
  classify->add_option("--interconnect-gbs", o->interconnect,
                       "bidirectional I/O rate, GB/s (with --tpp)");
  classify->add_option("--dram-bandwidth-gbs", o->dram, "DRAM bandwidth, GB/s (with --tpp)");
  classify->add_flag("--consumer", o->consumer,
                     "not designed or marketed for datacenters (with --tpp)");
  classify->add_flag("--list", o->list, "list the catalog");
  classify->add_option("--date", o->date, "classify under the law of this date (default today)");
  classify->add_option("--format", o->format, "text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  classify->footer(
      "Examples:\n"
      "  highfence classify nvidia-h20 --date 2025-06-01\n"
      "  highfence classify --tpp 4800 --die-area-mm2 600 --format json\n"
      "  highfence classify --list");
  return classify;
}

CLI::App* AddExplain(CLI::App& app, CommonOptions* common, ExplainOptions* o) {
  CLI::App* explain = app.add_subcommand("explain", "the full derivation of one shipment");
  AddCommon(explain, common);
  AddLawChoice(explain, common);
  explain->add_option("file", o->file, "shipments file (the lines before the shipment count)");
  explain->add_option("--id", o->id, "the shipment's id in the file");
  explain->add_option("--ledger", o->ledger, "read balances from this ledger (never written)");
  explain->add_option("--format", o->format, "text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  AddInputOptions(explain, &o->input_format, &o->delimiter);
  explain->add_option("--lists", o->lists,
                      "screen the parties against this restricted-party list, as check does");
  AddShipmentFlags(explain, &o->flags, /*with_id=*/false);
  explain->footer(
      "Examples:\n"
      "  highfence explain orders.jsonl --id PO-1042\n"
      "  highfence explain --item nvidia-h20 --units 100 --to CN --date 2025-06-01\n"
      "  highfence explain orders.csv --id PO-7 --ledger quota.db --format json");
  return explain;
}

CLI::App* AddCountries(CLI::App& app, CommonOptions* common, CountriesOptions* o) {
  CLI::App* countries = app.add_subcommand(
      "countries", "each country's tier, groups and licence requirement on a date");
  AddCommon(countries, common);
  AddLawChoice(countries, common);
  countries->add_option("--date", o->date, "YYYY-MM-DD or today")->capture_default_str();
  countries->add_option("--format", o->format, "text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  countries->add_option("country", o->codes, "only these countries (ISO alpha-2), e.g. AE SG");
  countries->footer(
      "Examples:\n"
      "  highfence countries --date 2025-06-01 --mode as-written\n"
      "  highfence countries AE SA --format json");
  return countries;
}

// The subcommands that parse their own options (each names itself
// `highfence NAME` in its --help).
constexpr Delegated kDelegated[] = {
    {"ledger", "the durable quota ledger", RunLedger},
    {"screen", "restricted-party screening", RunScreen},
    {"lists", "restricted-party list snapshots", RunLists},
    {"simulate", "what-if simulator", RunSimulate},
    {"replay", "re-determine an order book under a regime or reform", RunReplay},
    {"serve", "the HTTP API", RunServe},
    {"keys", "the server's API keys", RunKeys},
    {"decisions", "the server's decision log", RunDecisions},
};

std::string VersionText() {
  std::vector<law::LawSource> sources = law::EmbeddedLawSources();
  Result<law::LawData> data = law::ParseLaw(sources);
  if (!data.ok()) return fmt::format("highfence {} (built-in law data invalid)", kVersion);
  return fmt::format("highfence {}\nlaw data {} (content hash), last reviewed {}", kVersion,
                     data->content_hash, data->LastReviewed().ToString());
}

}  // namespace

int RunCli(int argc, char** argv) {
  if (argc >= 2 && std::string_view(argv[1]) == "generate-docs") {
    return RunGenerateDocs(argc - 1, argv + 1, RunCli);
  }
  if (argc >= 2) {
    for (const Delegated& d : kDelegated) {
      if (std::string_view(argv[1]) == d.name) return d.run(argc - 1, argv + 1);
    }
  }
  CLI::App app{"highfence: U.S. advanced-computing export rules (2022-2026) as software"};
  app.name("highfence");
  app.set_version_flag("--version", VersionText,
                       "the version, the law data's hash and review date");
  app.require_subcommand(1);
  CommonOptions common;
  CheckOptions check_options;
  ClassifyOptions classify_options;
  ExplainOptions explain_options;
  CountriesOptions countries_options;
  CLI::App* check = AddCheck(app, &common, &check_options);
  CLI::App* classify = AddClassify(app, &common, &classify_options);
  CLI::App* explain = AddExplain(app, &common, &explain_options);
  CLI::App* countries = AddCountries(app, &common, &countries_options);
  std::string regimes_format = "text";
  CLI::App* regimes =
      app.add_subcommand("regimes", "every regime and dated change the engine applies");
  AddCommon(regimes, &common);
  regimes->add_option("--format", regimes_format, "text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  for (const Delegated& d : kDelegated) {
    app.add_subcommand(d.name,
                       fmt::format("{} (see `highfence {} --help`)", d.description, d.name));
  }

  PartyKeyOptions party_key_options;
  CLI::App* party_key =
      app.add_subcommand("party-key", "the party key of each name: which names share a cap");
  party_key->add_option("names", party_key_options.names, "party names")->required();
  party_key->add_flag("--id", party_key_options.ids, "the arguments are stable ids, not names");
  party_key->add_option("--format", party_key_options.format, "text or jsonl")
      ->check(CLI::IsMember({"text", "jsonl"}));
  CLI::App* law = app.add_subcommand("law", "the law data");
  law->require_subcommand(1);
  CLI::App* law_check =
      law->add_subcommand("check", "validate the law data (and, with --catalog, a catalog)");
  AddCommon(law_check, &common);
  CLI::App* law_reference =
      law->add_subcommand("reference", "print the parameter reference (docs/parameters.md)");
  AddCommon(law_reference, &common);

  if (DescribeRequested()) return Describe(app, kDelegated, std::size(kDelegated));
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kExitOk : kExitFailed;
  }
  if (check->parsed()) return RunCheck(common, check_options);
  if (classify->parsed()) return RunClassify(common, classify_options);
  if (explain->parsed()) return RunExplain(common, explain_options);
  if (countries->parsed()) return RunCountries(common, countries_options);
  if (regimes->parsed()) return RunRegimes(common, regimes_format);
  if (law_check->parsed()) return RunLawCheck(common);
  if (law_reference->parsed()) return RunLawReference(common);
  if (party_key->parsed()) return RunPartyKey(party_key_options);
  return kExitFailed;
}

}  // namespace highfence::cli
