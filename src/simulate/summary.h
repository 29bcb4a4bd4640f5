// Summaries over draws: bands, per-round measures, hypotheses, variants and
// checks. Internal to src/simulate.
#ifndef HIGHFENCE_SIMULATE_SUMMARY_H_
#define HIGHFENCE_SIMULATE_SUMMARY_H_

#include <vector>

#include "simulate/run_plan.h"
#include "simulate/store.h"

namespace highfence::simulate {

// The annual metrics kept for every variant (beside those checks need).
inline constexpr std::array<Metric, 5> kVariantMetrics = {Metric::kCnIntake, Metric::kCnDomestic,
                                                          Metric::kGammaFlow, Metric::kGammaStock,
                                                          Metric::kLagMonths};

// Every probe the scenario's checks and the variant summaries need.
std::vector<Probe> PlanProbes(const Scenario& s, const RunPlan& plan);

std::vector<SeriesBand> SummarizeSeries(const Store& store, int threads);
std::vector<RoundResult> SummarizeRounds(const RunPlan& plan, const Horizons& hz,
                                         const Store& store, double tightening_share_min);
void SummarizeHypotheses(const Horizons& hz, const Store& store, SimulationResult* out);
std::vector<VariantSummary> SummarizeVariants(const RunPlan& plan, const Store& store);
std::vector<CheckResult> EvaluateChecks(const Scenario& s, const RunPlan& plan, const Store& store);

// The indices of the rounds the hypotheses compare (tightening ones).
std::vector<int> TighteningRounds(const std::vector<RoundResult>& rounds);

}  // namespace highfence::simulate

#endif  // HIGHFENCE_SIMULATE_SUMMARY_H_
