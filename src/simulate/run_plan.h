// The policy paths a simulation runs: the main one, the prefixes of its
// control rounds (sequential attribution), every subset of them (Shapley)
// and the variants. Built once per simulation; read by every draw.
#ifndef HIGHFENCE_SIMULATE_RUN_PLAN_H_
#define HIGHFENCE_SIMULATE_RUN_PLAN_H_

#include <string>
#include <vector>

#include "simulate/scenario.h"

namespace highfence::simulate {

// Exact Shapley values need 2^K runs per draw; beyond this many rounds they
// are estimated from sampled orderings.
inline constexpr int kExactShapleyRoundsMax = 12;
inline constexpr int kShapleyOrderings = 256;

struct VariantPlan {
  std::string id, title, title_zh;
  PolicyPath path;
  Closure closure = Closure::kBudget;
  ParamTable params;
  bool own_params = false;  // differs from the scenario's table
};

struct RunPlan {
  std::vector<const Round*> rounds;   // the main set's control rounds, by date
  std::vector<const Round*> events;   // context events, always applied
  std::vector<int> round_quarter;     // quarter index of each round's date, clipped to the grid
  std::vector<PolicyPath> prefix;     // prefix[k]: events + rounds[0..k)
  std::vector<PolicyPath> subsets;    // subsets[mask], when Shapley is exact
  std::vector<VariantPlan> variants;  // "main", "none", then the scenario's
  Closure closure = Closure::kBudget;

  const PolicyPath& main() const { return prefix.back(); }
  // The path with events and the rounds in `mask` (bit k = rounds[k]).
  PolicyPath PathFor(unsigned mask) const;
};

RunPlan MakeRunPlan(const Scenario& s, bool with_subsets);

}  // namespace highfence::simulate

#endif  // HIGHFENCE_SIMULATE_RUN_PLAN_H_
