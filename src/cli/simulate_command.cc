// `highfence simulate SCENARIO.toml [--draws N] [--seed S] [--format json|csv|html]
//  [--out DIR] [--threads N] [--lang en|zh] [--shapley-draws N] [--law DIR]`
#include "cli/simulate_command.h"

#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "cli/cli.h"
#include "cli/describe.h"
#include "law/law_data.h"
#include "law/snapshot.h"
#include "simulate/law_inputs.h"
#include "simulate/report.h"
#include "simulate/scenario.h"
#include "simulate/simulate.h"

namespace highfence::cli {
namespace {

struct SimulateFlags {
  std::string scenario, format, out, lang = "en", law_dir;
  int draws = 0, threads = 0, shapley_draws = -1;
  std::optional<uint64_t> seed;
  bool no_measures = false, no_tornado = false, no_variants = false, quiet = false;
};

// The law the determinations use: built in, or a folder (--law).
Result<std::unique_ptr<law::Law>> LoadLaw(const std::string& dir) {
  std::vector<law::LawSource> sources;
  if (dir.empty()) {
    sources = law::EmbeddedLawSources();
  } else {
    Result<std::vector<law::LawSource>> read = law::ReadLawDir(dir);
    if (!read.ok()) return read.status();
    sources = std::move(read).value();
  }
  Result<law::LawData> data = law::ParseLaw(sources);
  if (!data.ok()) return data.status();
  HF_RETURN_IF_ERROR(law::CheckLaw(*data));  // the same checks as for determinations
  return law::Law::Create(std::move(data).value());
}

bool WriteFile(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  out.close();
  if (out) return true;
  std::fprintf(stderr, "highfence: cannot write %s\n", path.string().c_str());
  return false;
}

std::string Render(const simulate::SimulationResult& r, std::string_view format,
                   simulate::Language lang) {
  if (format == "csv") return simulate::ReportCsv(r);
  if (format == "html") return simulate::ReportHtml(r, lang);
  return simulate::ReportJson(r);
}

bool Emit(const simulate::SimulationResult& r, const SimulateFlags& f) {
  const simulate::Language lang =
      f.lang == "zh" ? simulate::Language::kChinese : simulate::Language::kEnglish;
  if (f.out.empty()) {
    std::string text = Render(r, f.format.empty() ? "json" : f.format, lang);
    std::fwrite(text.data(), 1, text.size(), stdout);
    return std::fflush(stdout) == 0;
  }
  std::error_code ec;
  std::filesystem::create_directories(f.out, ec);
  if (ec) {
    std::fprintf(stderr, "highfence: cannot create %s: %s\n", f.out.c_str(), ec.message().c_str());
    return false;
  }
  static constexpr std::pair<std::string_view, std::string_view> kFiles[] = {
      {"json", "simulation.json"}, {"csv", "simulation.csv"}, {"html", "report.html"}};
  for (const auto& [format, name] : kFiles) {
    if (!f.format.empty() && f.format != format) continue;
    if (!WriteFile(std::filesystem::path(f.out) / name, Render(r, format, lang))) return false;
  }
  return true;
}

int Simulate(const SimulateFlags& f) {
  Result<std::unique_ptr<law::Law>> law = LoadLaw(f.law_dir);
  if (!law.ok()) {
    std::fprintf(stderr, "highfence: %s\n", law.status().ToString().c_str());
    return kExitFailed;
  }
  Result<simulate::LawInputs> inputs = simulate::LawInputs::FromLaw(**law);
  if (!inputs.ok()) {
    std::fprintf(stderr, "highfence: %s\n", inputs.status().ToString().c_str());
    return kExitFailed;
  }
  Result<simulate::Scenario> scenario = simulate::LoadScenario(f.scenario, *inputs);
  if (!scenario.ok()) {
    std::fprintf(stderr, "highfence: %s\n", scenario.status().ToString().c_str());
    return kExitFailed;
  }
  simulate::SimulationOptions options;
  options.draws = f.draws;
  options.seed = f.seed;
  options.threads = f.threads;
  options.shapley_draws = f.shapley_draws;
  options.measures = !f.no_measures;
  options.tornado = !f.no_tornado;
  options.variants = !f.no_variants;
  Result<simulate::SimulationResult> result = simulate::Simulate(*scenario, *inputs, options);
  if (!result.ok()) {
    std::fprintf(stderr, "highfence: %s\n", result.status().ToString().c_str());
    return kExitFailed;
  }
  if (!Emit(*result, f)) return kExitFailed;
  if (!f.quiet) {
    const std::string summary = simulate::ReportSummary(*result);
    std::fwrite(summary.data(), 1, summary.size(), stderr);
  }
  for (const simulate::CheckResult& c : result->checks) {
    if (!c.ok) return kExitCheckFailed;
  }
  return kExitOk;
}

}  // namespace

int RunSimulate(int argc, char** argv) {
  CLI::App app{"simulate: the bloc-channel compute model over a scenario (docs/simulator.md)",
               "highfence simulate"};
  SimulateFlags f;
  app.add_option("scenario", f.scenario, "scenario file (TOML), e.g. scenarios/B1.toml")
      ->required();
  app.add_option("--draws", f.draws, "Monte Carlo draws (default: the scenario's)")
      ->check(CLI::Range(1, simulate::kDrawsMax));
  app.add_option("--seed", f.seed, "random seed (default: the scenario's)")
      ->check(CLI::Range(uint64_t{0}, uint64_t{1} << 53));
  app.add_option("--format", f.format, "json, csv or html (default json; with --out: all three)")
      ->check(CLI::IsMember({"json", "csv", "html"}));
  app.add_option("--out", f.out, "write simulation.json, simulation.csv, report.html here");
  app.add_option("--threads", f.threads, "worker threads (default: every core)")
      ->check(CLI::Range(1, 1024));
  app.add_option("--lang", f.lang, "initial language of the HTML report: en or zh")
      ->check(CLI::IsMember({"en", "zh"}));
  app.add_option("--shapley-draws", f.shapley_draws,
                 "draws with Shapley attributions (default: the scenario's)")
      ->check(CLI::Range(0, simulate::kDrawsMax));
  app.add_option("--law", f.law_dir, "folder of law/*.toml (default: the built-in law)");
  app.add_flag("--no-measures", f.no_measures, "skip per-round measures and hypotheses");
  app.add_flag("--no-tornado", f.no_tornado, "skip the sensitivity ranking");
  app.add_flag("--no-variants", f.no_variants, "run the main policy set only (no checks)");
  app.add_flag("--quiet", f.quiet, "no summary on stderr");
  if (DescribeRequested()) return Describe(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? kExitOk : kExitFailed;
  }
  return Simulate(f);
}

}  // namespace highfence::cli
