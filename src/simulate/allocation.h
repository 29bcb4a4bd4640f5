// E2: how China spreads its demand over its four channels in one quarter.
//
// Domestic chips and foreign (US-designed) chips are imperfect substitutes:
// China splits between them with a constant elasticity of substitution eps
// (D / F = (c_F / c_D)^eps at the margin). Foreign chips reach China through
// three channels that deliver the same product, so among them China buys the
// cheapest first (merit order): the foreign composite has a rising, stepped
// cost curve. The split is solved exactly on that curve. With eps -> infinity
// this is the research notes' pure merit order; with capacities binding it
// reproduces the same allocation, which is what 2024-25 looked like.
//
// Budget mode spends a dollar budget (costs in $ per H100e); quantity mode
// meets a quantity of H100e (the share-based counterfactual), and what no
// channel can supply is unmet.
#ifndef HIGHFENCE_SIMULATE_ALLOCATION_H_
#define HIGHFENCE_SIMULATE_ALLOCATION_H_

#include <array>

namespace highfence::simulate {

enum Foreign : int { kLegal = 0, kSmuggled = 1, kRented = 2, kForeignCount = 3 };

struct AllocationInput {
  bool quantity_mode = false;
  double resource = 0;           // $ to spend (budget mode) or H100e to obtain (quantity mode)
  double domestic_cost = 0;      // c_D, $ per H100e
  double domestic_capacity = 0;  // Cap_D, H100e
  double domestic_floor = 0;     // H100e that must go to domestic chips first
  std::array<double, kForeignCount> cost{};      // c_j, $ per H100e
  std::array<double, kForeignCount> capacity{};  // Cap_j, H100e
  double elasticity = 3;                         // eps_sub
};

struct AllocationResult {
  double domestic = 0;                          // H100e
  std::array<double, kForeignCount> foreign{};  // H100e by channel
  double used = 0;                              // $ spent or H100e obtained
  double unused = 0;                            // $ unspent or H100e unmet
};

// REQUIRES: costs > 0, capacities >= 0, resource >= 0.
AllocationResult Allocate(const AllocationInput& in);

}  // namespace highfence::simulate

#endif  // HIGHFENCE_SIMULATE_ALLOCATION_H_
