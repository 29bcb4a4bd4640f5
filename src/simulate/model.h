// The bloc-channel compute model (BCCM, research notes section 4): one run of
// the quarterly equations E1-E11 from 2020Q1 to 2030Q4 under one policy path
// and one draw of the parameters.
//
// Units: compute in H100e (Epoch's H100-equivalents), money in US$, HBM in
// stacks, dies and chips in units, wafers per quarter. Stocks are end of
// quarter; flows are per quarter.
//
// Thread safety: RunModel is a pure function of its arguments; run it from any
// number of threads, each with its own Trajectory.
#ifndef HIGHFENCE_SIMULATE_MODEL_H_
#define HIGHFENCE_SIMULATE_MODEL_H_

#include <array>

#include "simulate/law_inputs.h"
#include "simulate/params.h"
#include "simulate/policy.h"
#include "simulate/quarters.h"

namespace highfence::simulate {

using Series = std::array<double, kQuarters>;

// China's demand closure: the counterfactual definition of research notes
// section 0. Budget: China spends given dollars. Share: China seeks a given
// share of Nvidia's output in H100e.
enum class Closure : uint8_t { kBudget, kShare };

// Everything in a run that depends on the draw but not on policy.
// MakeExogenous fills every series; none is zeroed first (a draw's hot path).
struct Exogenous {
  Series supply;          // G: non-Chinese accelerators, H100e per quarter
  Series nvidia;          // Nvidia's part of G
  Series price;           // p: frontier $ per H100e
  Series budget;          // B_CN: $ per quarter
  Series unit_h100e;      // phi_S: H100e per frontier Nvidia unit
  Series domestic_h100e;  // phi_D: H100e per domestic chip
  Series dies_per_chip, stacks_per_chip, packaging;
  Series hbm_imports;       // usable stacks per quarter absent an HBM control
  Series cxmt_stacks;       // usable domestic stacks per quarter
  Series proxy_dies;        // foreign-foundry dies per quarter absent a foundry control
  Series smic_additions;    // I_W: wafers/quarter added per quarter, before tool controls
  Series algo_us, algo_cn;  // A_b: algorithmic efficiency, 1 for US algorithms of mid-2025
  double hbm_surge = 0;     // usable stacks bought in an HBM control's window
  double network_seed = 0;  // N before it grows, units per quarter
};

Exogenous MakeExogenous(const ParamSet& p);

// The quarter-by-quarter record of a run. States are at the start of the
// quarter (they are what a static run freezes); the rest are the quarter's.
struct Trajectory {
  // Adaptive states (start of quarter)
  Series network{}, wafers{}, cumulative_chips{}, carry{}, budget{};
  // China's intake by channel, H100e
  Series legal{}, smuggled{}, domestic{}, rented{};
  // Domestic production
  Series domestic_capacity{}, slack{}, binding{}, domestic_chips{}, smic_dies{};
  Series die_bank{}, hbm_stock{}, domestic_cost{}, unused{}, gap{};
  // Other blocs' intake, H100e
  Series us_in{}, t1_in{}, t2_in{}, t3_in{};
  Series exported{};  // Chinese chips sold to Tier 2 buyers (part of t2_in)
  // Stocks (end of quarter), H100e
  Series k_us{}, k_t1{}, k_t2_own{}, k_t2_uveu{}, k_t2_located{}, k_cn{}, r_cn{}, k_t3{};
  std::array<Series, kTier2Slots> k_t2_slot{};  // Tier 2 firms' own stock by slot
  // Effective compute (E8), ratios (E10), lag in months (E11)
  Series e_us{}, e_t1{}, e_t2{}, e_cn{}, e_t3{};
  Series gamma_stock{}, gamma_flow{}, lag_months{};
};

// Binding constraint codes in Trajectory::binding.
inline constexpr double kBindsLogic = 0, kBindsHbm = 1, kBindsPackaging = 2;

struct RunOptions {
  Closure closure = Closure::kBudget;
  // Static run (research notes 4.7): from quarter freeze_from on, the adaptive
  // states (smuggling network, SMIC wafers, cumulative output, budgets) are
  // taken from `frozen` instead of evolving, and no stockpiling happens.
  const Trajectory* frozen = nullptr;
  int freeze_from = kQuarters;
  // With `frozen`: false lets China's budget respond to prices (on the frozen
  // run's carried budget), which isolates the demand response.
  bool freeze_budget = true;
  // From this quarter on, no anticipation: no carried budget, no HBM surge.
  int no_anticipation_from = kQuarters;
};

void RunModel(const ParamSet& p, const Exogenous& x, const LawInputs& law, const PolicyPath& u,
              const RunOptions& options, Trajectory* out);

}  // namespace highfence::simulate

#endif  // HIGHFENCE_SIMULATE_MODEL_H_
