// The policy vector u(t) (research notes section 4.4) and the control rounds
// that change it.
//
// A round is a dated set of changes to policy components ("from 2023-11-17 the
// best legal chip costs 3.1x the frontier price per H100e"). A policy path is
// the quarter-by-quarter value of every component under a set of rounds; each
// quarter holds the day-weighted average of the values in force on its days.
#ifndef HIGHFENCE_SIMULATE_POLICY_H_
#define HIGHFENCE_SIMULATE_POLICY_H_

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "highfence/date.h"
#include "simulate/quarters.h"

namespace highfence::simulate {

enum PolicyId : int {
  kLegalOpen,        // 1: licensed sales to China happen; 0: licence denied
  kLegalCost,        // mu_L: cost per H100e of the best legal chip / frontier price
  kLegalChipTpp,     // TPP of the best legal chip (threshold-kink indicator)
  kLegalFee,         // fee on licensed sales (0.15 = 15%)
  kLegalQuota,       // H100e per year China may receive under licence
  kChinaAcceptance,  // a_CN: share of the budget China lets go to licensed US chips
  kDomesticFloor,    // m: share of the budget reserved for domestic chips
  kToolControl,      // sigma_SME: cut in SMIC's AI-wafer capacity additions
  kHbmControl,       // h: HBM exports to China stopped
  kHbmWindow,        // 1 between an HBM control's announcement and its compliance date
  kFoundryControl,   // f: foreign foundries stop making dies for Chinese designers
  kEnforcement,      // e: enforcement against diversion, 0..1
  kRemoteAccess,     // r: remote-access (IaaS) control, 0..1
  kTier2Caps,        // 1: the AI Diffusion allocations bind Tier 2 countries
  kTier3Open,        // 1: embargoed destinations other than China still buy
  kExtraDemandAe,    // bilateral deals: extra H100e per year for a Tier 2 slot
  kExtraDemandSa,
  kExtraDemandMy,
  kExtraDemandSg,
  kExtraDemandIn,
  kExtraDemandRest,
  kPolicyCount,
};

struct PolicyComponent {
  std::string_view name;  // key in scenario files
  double value;           // with no control round at all
  std::string_view meaning;
  double lo, hi;  // the values a round may set
  bool share;     // a 0..1 intensity: the model clamps it, so `add` may pass 1
};
std::span<const PolicyComponent> PolicyComponents();
std::optional<PolicyId> FindPolicy(std::string_view name);
// Empty when a round may set (add = false) or add `value` to the component.
std::string CheckChange(PolicyId id, bool add, double value);

struct PolicyChange {
  Date on;
  PolicyId id = kLegalOpen;
  bool add = false;  // add `value` to the value in force instead of setting it
  double value = 0;
};

struct Round {
  std::string id;
  std::string title, title_zh;
  std::string citation;  // where the date and changes come from
  std::string notes;
  Date date;               // the first change: t_k
  bool attributed = true;  // a control round (false: a context event, always applied)
  bool active = true;      // in the scenario's main policy set
  std::vector<PolicyChange> changes;
};

// Policy values by quarter under some set of rounds.
struct PolicyPath {
  std::array<std::array<double, kPolicyCount>, kQuarters> u{};
  // The days-in-window weights of kHbmWindow summed over all quarters, so that
  // a stockpiling surge is spread over its window whatever its length.
  double hbm_window_total = 0;

  const std::array<double, kPolicyCount>& operator[](int q) const { return u[q]; }
};

// The path under `rounds` (any order; changes are applied in date order, ties
// in the order given).
PolicyPath BuildPolicyPath(std::span<const Round* const> rounds);

}  // namespace highfence::simulate

#endif  // HIGHFENCE_SIMULATE_POLICY_H_
