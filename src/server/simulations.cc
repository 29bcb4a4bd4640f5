#include "server/simulations.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "law/law_data.h"
#include "server/limits.h"
#include "simulate/quarters.h"
#include "simulate/report.h"
#include "simulate/scenario.h"
#include "simulate/simulate.h"

namespace highfence::server {
namespace {

// Reports kept for repeated requests (each is a few hundred KB).
constexpr size_t kCachedReports = 8;

// `"years":[{"year":2020,"<metric>":{"p5":..,"p50":..,"p95":..},...},...]`
// from the main policy set (the first variant): the yearly bands the web UI
// draws.
std::string YearsJson(const simulate::SimulationResult& r) {
  std::string out = "\"years\":[";
  if (!r.variants.empty()) {
    const simulate::VariantSummary& v = r.variants.front();
    for (int y = 0; y < simulate::kYears; ++y) {
      if (y > 0) out += ',';
      out += fmt::format("{{\"year\":{}", simulate::kFirstYear + y);
      for (const auto& [metric, years] : v.annual) {
        const simulate::Band& b = years[static_cast<size_t>(y)];
        out +=
            fmt::format(",\"{}\":{{\"p5\":{},\"p50\":{},\"p95\":{}}}", metric, b.p5, b.p50, b.p95);
      }
      out += '}';
    }
  }
  out += ']';
  return out;
}

}  // namespace

Result<std::unique_ptr<Simulations>> Simulations::Open(const std::string& dir) {
  auto s = std::unique_ptr<Simulations>(new Simulations());
  s->dir_ = dir;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.is_regular_file() && entry.path().extension() == ".toml") {
      s->names_.push_back(entry.path().stem().string());
    }
  }
  if (ec) return Status::NotFound(fmt::format("{}: {}", dir, ec.message()));
  std::sort(s->names_.begin(), s->names_.end());
  // The law the engine uses: built in, checked the same way.
  Result<law::LawData> data = law::ParseLaw(law::EmbeddedLawSources());
  if (!data.ok()) return data.status();
  HF_RETURN_IF_ERROR(law::CheckLaw(*data));
  Result<std::unique_ptr<law::Law>> law = law::Law::Create(std::move(data).value());
  if (!law.ok()) return law.status();
  s->law_ = std::move(*law);
  Result<simulate::LawInputs> inputs = simulate::LawInputs::FromLaw(*s->law_);
  if (!inputs.ok()) return inputs.status();
  s->inputs_ = std::make_unique<simulate::LawInputs>(std::move(*inputs));
  return s;
}

Result<std::string> Simulations::Run(std::string_view scenario, int draws,
                                     std::optional<uint64_t> seed) {
  auto known = std::find(names_.begin(), names_.end(), scenario);
  if (known == names_.end()) {
    return Status::NotFound(
        fmt::format("no scenario `{}`; the scenarios are {}", scenario, fmt::join(names_, ", ")));
  }
  const std::string key =
      fmt::format("{}|{}|{}", scenario, draws, seed ? std::to_string(*seed) : "-");
  {
    std::lock_guard lock(cache_mu_);
    for (const auto& [k, report] : cache_) {
      if (k == key) return report;
    }
  }
  std::unique_lock run(run_mu_, std::try_to_lock);
  if (!run.owns_lock()) {
    return Status::LimitExceeded("a simulation is running; one runs at a time: retry shortly");
  }
  Result<std::string> report = Compute(*known, draws, seed);
  if (!report.ok()) return report;
  std::lock_guard lock(cache_mu_);
  cache_.emplace_front(key, *report);
  if (cache_.size() > kCachedReports) cache_.pop_back();
  return report;
}

Result<std::string> Simulations::Compute(const std::string& scenario, int draws,
                                         std::optional<uint64_t> seed) const {
  const std::string path = (std::filesystem::path(dir_) / (scenario + ".toml")).string();
  Result<simulate::Scenario> s = simulate::LoadScenario(path, *inputs_);
  if (!s.ok())
    return Status::Internal(fmt::format("scenario {}: {}", scenario, s.status().message()));
  simulate::SimulationOptions options;
  options.draws = draws;
  options.seed = seed;
  options.threads = 1;  // the I/O and committer threads keep the other cores
  // Shapley attributions cost a run per draw and player: at most the draws.
  options.shapley_draws = std::min(draws, limits::sim_shapley_draws_max);
  Result<simulate::SimulationResult> r = simulate::Simulate(*s, *inputs_, options);
  if (!r.ok()) return r.status();
  // The scenario as the repository names it, not the server's own path.
  r->source = "scenarios/" + scenario + ".toml";
  std::string out = simulate::ReportJson(*r);
  while (!out.empty() && out.back() != '}') out.pop_back();  // the report's closing brace
  if (out.empty()) return Status::Internal("the simulator wrote no JSON object");
  out.pop_back();
  out += ',' + YearsJson(*r) + '}';
  return out;
}

}  // namespace highfence::server
