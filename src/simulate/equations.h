// The model's closed-form pieces, as pure functions so that each can be
// checked on hand-computed cases (equations_test.cc). model.cc composes them.
#ifndef HIGHFENCE_SIMULATE_EQUATIONS_H_
#define HIGHFENCE_SIMULATE_EQUATIONS_H_

#include <algorithm>
#include <cmath>

namespace highfence::simulate {

// E5, Wright's law: (Q / Q0)^log2(1 - LR); cost and yield gap scale by it.
inline double LearningFactor(double chips, double chips_ref, double learning_rate) {
  return std::pow(std::max(chips, 1.0) / chips_ref, std::log2(1 - learning_rate));
}

// E5, yield learning: Y = Ymax - (Ymax - Y0) (Q / Q0)^log2(1 - LR), in [0.05, Ymax].
inline double Yield(double learning_factor, double y0, double y_max) {
  return std::clamp(y_max - (y_max - y0) * learning_factor, 0.05, y_max);
}

// E4: next quarter's smuggling network (units per quarter).
// incentive in [0, 1]: how far legal chips are dearer than smuggled (or unsold);
// unspent_share: the share of China's budget left unspent this quarter.
inline double NextNetwork(double network, double growth_per_quarter, double incentive,
                          double unspent_share, double loss_at_full_enforcement, double enforcement,
                          double network_max) {
  double n = network * (1 + growth_per_quarter * incentive * (1 - unspent_share));
  n -= loss_at_full_enforcement * enforcement * network;
  return std::clamp(n, 0.0, network_max);
}

// E7: the stock left by a past of inflows growing at rate g per quarter, the
// last being `inflow`, with `keep` = 1 - quarterly depreciation.
inline double GrownStock(double inflow, double growth_per_quarter, double keep) {
  return inflow * (1 + growth_per_quarter) / (growth_per_quarter + 1 - keep);
}

// E11: capability lag in months from the stock ratio Gamma = E_US / E_CN.
// Frontier runs use a share chi_b of E_b, so F_US / F_CN = Gamma / chi with
// chi = chi_CN / chi_US; 12 / ln g_F converts e-folds of compute into months.
inline double CapabilityLagMonths(double gamma, double chi_ratio, double psi,
                                  double frontier_growth, double offset_months) {
  return offset_months + psi * 12 / std::log(frontier_growth) * std::log(gamma / chi_ratio);
}

}  // namespace highfence::simulate

#endif  // HIGHFENCE_SIMULATE_EQUATIONS_H_
