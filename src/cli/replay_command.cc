// `highfence replay FILE|ledger:PATH (--regime ID | --reform PATCH.toml) [--mode M] [--law DIR]
//  [--catalog FILE] [--format json|csv|text]`: re-determine an order book under
// another regime or a reform of the law (src/replay).
#include <CLI/CLI.hpp>
#include <cstdio>

#include "cli/cli.h"
#include "cli/describe.h"
#include "cli/commands.h"
#include "cli/simulate_command.h"
#include "replay/reform.h"
#include "replay/replay.h"

namespace highfence::cli {
namespace {

struct ReplayFlags {
  std::string input, regime, reform, format = "text";
  CommonOptions common;
};

// The engine over the reformed law (a patched copy of --law or the built-in law).
std::unique_ptr<Engine> ReformedEngine(const CommonOptions& common, const replay::Reform& r) {
  Result<std::vector<law::LawSource>> sources =
      common.law_dir.empty() ? Result<std::vector<law::LawSource>>(law::EmbeddedLawSources())
                             : law::ReadLawDir(common.law_dir);
  if (sources.ok()) sources = replay::ApplyReform(r, std::move(sources).value());
  Result<std::unique_ptr<Engine>> engine =
      sources.ok() ? replay::EngineWithLaw(*sources, common.catalog_path)
                   : Result<std::unique_ptr<Engine>>(sources.status());
  if (!engine.ok()) {
    std::fprintf(stderr, "highfence: %s (in the law as patched by %s)\n",
                 engine.status().ToString().c_str(), r.source.c_str());
    return nullptr;
  }
  return std::move(engine).value();
}

int Replay(const ReplayFlags& f) {
  if (f.regime.empty() == f.reform.empty()) {
    std::fprintf(stderr, "highfence: give exactly one of --regime and --reform\n");
    return kExitFailed;
  }
  std::optional<RegimeChoice> choice = ParseChoice(f.common);
  if (!choice) return kExitFailed;
  std::unique_ptr<Engine> base = LoadEngine(f.common);
  if (!base) return kExitFailed;
  replay::Side a{"the law as it stands (" + f.common.mode + ")", base.get(), *choice};
  replay::Side b = a;
  std::unique_ptr<Engine> reformed;
  if (!f.regime.empty()) {
    b.choice.forced = ParseRegime(f.regime);
    if (!b.choice.forced) {
      std::fprintf(stderr, "highfence: unknown regime `%s` (see `highfence regimes`)\n",
                   f.regime.c_str());
      return kExitFailed;
    }
    b.label = "regime " + f.regime;
  } else {
    Result<replay::Reform> reform = replay::LoadReform(f.reform);
    if (!reform.ok()) {
      std::fprintf(stderr, "highfence: %s\n", reform.status().ToString().c_str());
      return kExitFailed;
    }
    reformed = ReformedEngine(f.common, *reform);
    if (!reformed) return kExitFailed;
    b.engine = reformed.get();
    b.label = "reform " + reform->id + ": " + reform->title + " (" + reform->rationale + ")";
  }
  Result<std::unique_ptr<replay::OrderBook>> orders =
      replay::IsDecisionLog(f.input) ? replay::OpenDecisionLog(f.input, &base->catalog())
                                     : replay::OpenShipmentsFile(f.input, &base->catalog());
  Result<replay::ReplayResult> result = orders.ok() ? replay::Replay(orders->get(), a, b)
                                                    : Result<replay::ReplayResult>(orders.status());
  if (!result.ok()) {
    std::fprintf(stderr, "highfence: %s\n", result.status().ToString().c_str());
    return kExitFailed;
  }
  const std::string text = f.format == "json"  ? replay::ReplayJson(*result)
                           : f.format == "csv" ? replay::ReplayCsv(*result)
                                               : replay::ReplayText(*result);
  std::fwrite(text.data(), 1, text.size(), stdout);
  return std::fflush(stdout) == 0 ? kExitOk : kExitFailed;
}

}  // namespace

int RunReplay(int argc, char** argv) {
  CLI::App app{"replay: re-determine an order book under another regime or a reform",
               "highfence replay"};
  ReplayFlags f;
  app.add_option("file", f.input, "shipments file (JSONL, or CSV by extension)")->required();
  app.add_option("--regime", f.regime, "the other side: us-2022-10, us-2023-11, us-2025-01");
  app.add_option("--reform", f.reform, "the other side: a reform file (TOML, parameter patches)");
  app.add_option("--mode", f.common.mode, "as-enforced (default) or as-written");
  app.add_option("--law", f.common.law_dir, "folder of law/*.toml (default: the built-in law)");
  app.add_option("--catalog", f.common.catalog_path, "accelerator catalog TOML");
  app.add_option("--format", f.format, "text (default), json or csv (flipped decisions)")
      ->check(CLI::IsMember({"text", "json", "csv"}));
  if (DescribeRequested()) return Describe(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? kExitOk : kExitFailed;
  }
  return Replay(f);
}

}  // namespace highfence::cli
