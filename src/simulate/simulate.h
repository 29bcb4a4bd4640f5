// Simulate: a scenario's Monte Carlo, its measures (research notes 4.7) and
// its checks (section 5), ready for the reports.
//
// Every draw is computed from (seed, draw index) alone and written to its own
// slot; summaries read the slots in draw order. The result is therefore the
// same, to the last bit, whatever the number of threads.
#ifndef HIGHFENCE_SIMULATE_SIMULATE_H_
#define HIGHFENCE_SIMULATE_SIMULATE_H_

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "simulate/law_inputs.h"
#include "simulate/scenario.h"

namespace highfence::simulate {

struct SimulationOptions {
  int draws = 0;                 // 0: the scenario's
  std::optional<uint64_t> seed;  // none: the scenario's
  int threads = 0;               // 0: every core
  int shapley_draws = -1;        // -1: the scenario's
  bool measures = true;          // per-round measures and hypotheses
  bool tornado = true;
  // Run the scenario's variants (and the automatic "none"). Without them the
  // checks are not evaluated.
  bool variants = true;
};

struct Band {
  double p5 = 0, p50 = 0, p95 = 0;
  double mean = 0;
  int n = 0;  // draws with a defined value
};

// Horizons (quarters) at which per-round measures are reported; the
// scenario's horizon is one of them or is added.
inline constexpr int kHorizonCount = 3;

enum Outcome : int { kLnChina = 0, kLnGap = 1, kLag = 2, kOutcomeCount = 3 };
// The terms of 1 - pass-through. kDemand is not an offset but China's budget
// responding to prices (negative: it deepens the denial); 0 when the budget's
// price elasticity is 0.
enum Offset : int { kSubstitution, kLeakage, kRental, kStockpiling, kDemand, kOffsetCount };

struct RoundResult {
  std::string id, title, title_zh, citation;
  Date date;
  bool tightening = false;  // its median static denial is positive (see docs)
  std::array<int, kHorizonCount> horizons{};
  std::array<Band, kHorizonCount> static_denial, realised_denial, pass_through;
  std::array<Band, kOutcomeCount> marginal_sequential, marginal_shapley;
  std::array<Band, kOffsetCount> offsets;  // shares of static denial; sum = 1 - pass-through
  Band elasticity;
  Band static_denial_share;  // I_k / China's pre-round intake over the horizon
  double kink_probability = 0;
};

struct Hypothesis {
  std::string name;        // "H-DR-strong", ...
  double probability = 0;  // over draws where it is defined
  int draws_defined = 0;
  std::string statement;
};

struct PairResult {  // consecutive tightening rounds a -> b
  std::string from, to;
  double pass_through_falls = 0;  // P(rho_b < rho_a)
  double effect_falls = 0;        // P(|ME_b| < |ME_a|)
  double base_shrinks = 0;        // P(I_b < I_a)
};

struct SeriesBand {
  std::string name;
  std::array<Band, kQuarters> q;
};

struct VariantSummary {
  std::string id, title, title_zh;
  std::vector<std::pair<std::string, std::array<Band, kYears>>> annual;  // metric -> by year
};

struct CheckResult {
  Check check;
  double value = 0;  // the statistic
  bool criterion_met = false;
  bool ok = false;  // criterion met, or expected failure still failing
};

struct TornadoBar {
  std::string param;
  double low = 0, high = 0;                // the parameter's 5th and 95th percentiles
  double gap_low = 0, gap_high = 0;        // ln Gamma at the report year
  double intake_low = 0, intake_high = 0;  // China's intake in the report year, H100e
  double pass_low = 0, pass_high = 0;      // mean pass-through of the tightening rounds
  double swing = 0;                        // |gap_high - gap_low|, the ranking key
};

struct SimulationResult {
  std::string scenario_id, title, title_zh, description, source;
  Closure closure = Closure::kBudget;
  int draws = 0, measure_draws = 0, shapley_draws = 0, horizon = 0, report_year = 0;
  double tightening_share_min = 0.01;
  uint64_t seed = 0;
  std::string law_hash;
  std::vector<LawFact> law_facts;  // the facts the scenario used
  ParamTable params;               // defaults and distributions, with the scenario's overrides
  std::vector<SeriesBand> series;
  std::vector<RoundResult> rounds;  // attributed rounds, by date
  std::vector<Hypothesis> hypotheses;
  std::vector<Hypothesis> mechanical;  // beside the hypotheses: the shrinking base
  std::vector<PairResult> pairs;
  std::vector<VariantSummary> variants;
  std::vector<CheckResult> checks;
  std::vector<TornadoBar> tornado;  // by swing, largest first
  double base_gap = 0;              // ln Gamma at the report year, all defaults
};

Result<SimulationResult> Simulate(const Scenario& scenario, const LawInputs& law,
                                  const SimulationOptions& options);

}  // namespace highfence::simulate

#endif  // HIGHFENCE_SIMULATE_SIMULATE_H_
