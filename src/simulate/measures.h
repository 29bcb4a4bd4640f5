// The per-draw measures of research notes section 4.7 for each control round:
// static denial, realised denial, pass-through and its decomposition,
// marginal effects (sequential and Shapley), elasticity, threshold kink.
//
// Definitions (window = the h quarters from the round's quarter on; intake =
// China's legal + smuggled + domestic + newly rented H100e over the window):
//   pre  = run with the rounds before k, post = with rounds up to k;
//   static = post's policy with pre's adaptive states frozen (no network
//            growth, no induced wafers or learning, no budget carry or surge);
//   I_k  = intake(pre) - intake(static)          (static denial)
//   rho  = (intake(pre) - intake(post)) / I_k     (pass-through)
//   1 - rho = [demand + substitution + leakage + rental + stockpiling] / I_k:
//   demand = static with the budget free to respond to prices, minus static;
//   substitution (domestic + legal), leakage (smuggled) and rental compare
//   post without anticipation to that run, channel by channel; stockpiling
//   is post minus post without anticipation (budget carry, HBM surge).
#ifndef HIGHFENCE_SIMULATE_MEASURES_H_
#define HIGHFENCE_SIMULATE_MEASURES_H_

#include <array>
#include <vector>

#include "simulate/model.h"
#include "simulate/run_plan.h"
#include "simulate/simulate.h"

namespace highfence::simulate {

// One draw's measures of one round. NaN marks an undefined value.
struct RoundDraw {
  std::array<double, kHorizonCount> denial{}, realised{}, rho{};
  std::array<double, kOutcomeCount> marginal{};  // at the main horizon
  std::array<double, kOffsetCount> offsets{};    // shares of I_k, main horizon
  std::array<double, kOutcomeCount> shapley{};   // NaN when not computed
  double elasticity = 0, share = 0;
  bool kink = false;
};

struct Horizons {
  std::array<int, kHorizonCount> h{};
  int main = 1;  // index of the scenario's horizon
};
Horizons MakeHorizons(int scenario_horizon);

// Scratch trajectories for one worker.
struct MeasureScratch {
  std::vector<Trajectory> prefix;
  Trajectory frozen_run, demand_run, calm_run, subset_run;
  std::vector<double> subset_values;  // [mask][round][outcome]
};

// Fills out[k] for every round of the plan. `main` is the run with every
// round (the last prefix), already computed.
void MeasureDraw(const RunPlan& plan, const Horizons& horizons, const ParamSet& p,
                 const Exogenous& x, const LawInputs& law, const Trajectory& main,
                 MeasureScratch* scratch, std::vector<RoundDraw>* out);

// Adds Shapley-averaged marginal effects to out[k].shapley.
void ShapleyDraw(const RunPlan& plan, const Horizons& horizons, const ParamSet& p,
                 const Exogenous& x, const LawInputs& law, uint64_t seed, uint64_t draw,
                 MeasureScratch* scratch, std::vector<RoundDraw>* out);

// China's intake over quarters [from, to).
double Intake(const Trajectory& t, int from, int to);

}  // namespace highfence::simulate

#endif  // HIGHFENCE_SIMULATE_MEASURES_H_
