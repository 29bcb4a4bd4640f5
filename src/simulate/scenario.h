// A scenario file: the control rounds, parameter overrides, the
// counterfactual definition, variants to compare and the checks a benchmark
// scenario must pass. The format is documented in docs/simulator.md.
//
// Dates and legal figures are written as references to the law
// (`on = "law:hbm_rule"`, `legal_chip_tpp = "law:band_tpp_max"`), resolved
// through LawInputs, so a scenario never restates the law.
#ifndef HIGHFENCE_SIMULATE_SCENARIO_H_
#define HIGHFENCE_SIMULATE_SCENARIO_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "highfence/status.h"
#include "simulate/law_inputs.h"
#include "simulate/model.h"
#include "simulate/params.h"
#include "simulate/policy.h"

namespace highfence::simulate {

// Each draw keeps ~10 KB (bands, variant figures, per-round measures): 50,000
// draws stay under 1 GB; bands are stable to a few parts per thousand long before.
inline constexpr int kDrawsMax = 50'000;

// A policy set and demand closure to run beside the scenario's main one.
struct Variant {
  std::string id;  // "main" and "none" always exist
  std::string title, title_zh;
  bool no_rounds = false;                // drop every control round (context events stay)
  std::vector<std::string> add, remove;  // round ids
  std::optional<Closure> closure;
  std::vector<std::pair<ParamId, ParamSpec>> params;
};

// A pass criterion of a benchmark scenario (research notes section 5).
struct Check {
  std::string id, title;
  std::string variant = "main";
  std::string metric;  // see metrics.h
  int year_from = 0, year_to = 0;
  // p5 | p50 | p95 | mean: the statistic must lie in [lo, hi].
  // prob: the share of draws whose value lies in [lo, hi] must be >= prob_min.
  // bimodality: Sarle's coefficient of the values pooled over `pooled`
  // variants must lie in [lo, hi].
  std::string stat = "p50";
  std::string ratio_to;  // compare per draw to this variant's value (ratio)
  std::string target;    // take [lo, hi] from a calibration target
  double lo = -1e300, hi = 1e300;
  double prob_min = 0;
  std::vector<std::string> pooled;
  // Non-empty: the model is known to fail this check, for this reason; the
  // check then passes only while it fails, so a fix is noticed.
  std::string expected_failure;
};

struct Scenario {
  std::string id, title, title_zh, description;
  std::string source;  // file name
  Closure closure = Closure::kBudget;
  int horizon_quarters = 8;
  int report_year = 2027;
  int draws = 1000;
  uint64_t seed = 1;
  int shapley_draws = 200;
  // A round is a tightening, compared by the hypotheses, when its median static
  // denial is at least this share of China's pre-round intake over the horizon.
  double tightening_share_min = 0.01;
  ParamTable params;          // defaults with this scenario's overrides
  std::vector<Round> rounds;  // ascending by date
  std::vector<Variant> variants;
  std::vector<Check> checks;
  std::vector<std::string> law_facts;  // names of the law facts the scenario uses
};

// Reads the scenario file at `path` (and its `base` files).
Result<Scenario> LoadScenario(const std::string& path, const LawInputs& law);
// Parses scenario text; `base` files are read relative to `dir`.
Result<Scenario> ParseScenario(std::string_view text, std::string_view name, const std::string& dir,
                               const LawInputs& law);

// The variant called `id`, or nullptr.
const Variant* FindVariant(const Scenario& s, std::string_view id);

}  // namespace highfence::simulate

#endif  // HIGHFENCE_SIMULATE_SCENARIO_H_
