#include "simulate/policy.h"

#include <algorithm>
#include <cmath>

#include "highfence/assert.h"

namespace highfence::simulate {
namespace {

// Values with no control round: the frontier chip is on sale to China at the
// frontier price, nothing is capped, nobody enforces anything.
constexpr double kMany = 1e15;
constexpr std::array<PolicyComponent, kPolicyCount> kComponents = {{
    {"legal_open", 1, "licensed sales to China happen (0: licences denied)", 0, 1, true},
    {"legal_cost_multiple", 1, "cost per H100e of the best legal chip / frontier price", 0.01, 1000,
     false},
    {"legal_chip_tpp", 15832, "TPP of the best chip China may buy", 0, 1e7, false},
    {"legal_fee", 0, "fee on licensed sales, as a share of the price", 0, 10, false},
    {"legal_quota_h100e_per_year", kMany, "H100e per year China may receive under licence", 0,
     kMany, false},
    {"china_acceptance", 1, "share of China's budget it lets go to licensed US chips", 0, 1, true},
    {"domestic_floor", 0, "share of China's budget reserved for domestic chips", 0, 1, true},
    {"tool_control", 0, "cut in SMIC's AI-wafer capacity additions (0..1)", 0, 1, true},
    {"hbm_control", 0, "HBM exports to China stopped (0..1)", 0, 1, true},
    {"hbm_window", 0, "between an HBM control's announcement and its compliance date", 0, 1, true},
    {"foundry_control", 0, "foreign foundries stop making dies for Chinese designers (0..1)", 0, 1,
     true},
    {"enforcement", 0, "enforcement against diversion (0..1)", 0, 1, true},
    {"remote_access_control", 0, "remote-access (IaaS) control on Chinese users (0..1)", 0, 1,
     true},
    {"tier2_caps", 0, "AI Diffusion allocations bind Tier 2 countries (0..1)", 0, 1, true},
    {"tier3_open", 1, "embargoed destinations other than China still buy (0..1)", 0, 1, true},
    {"tier2_extra_demand_ae", 0, "extra H100e per year for the UAE (bilateral deals)", 0, kMany,
     false},
    {"tier2_extra_demand_sa", 0, "extra H100e per year for Saudi Arabia", 0, kMany, false},
    {"tier2_extra_demand_my", 0, "extra H100e per year for Malaysia", 0, kMany, false},
    {"tier2_extra_demand_sg", 0, "extra H100e per year for Singapore", 0, kMany, false},
    {"tier2_extra_demand_in", 0, "extra H100e per year for India", 0, kMany, false},
    {"tier2_extra_demand_rest", 0, "extra H100e per year for the rest of Tier 2", 0, kMany, false},
}};

}  // namespace

std::span<const PolicyComponent> PolicyComponents() { return kComponents; }

std::optional<PolicyId> FindPolicy(std::string_view name) {
  for (int i = 0; i < kPolicyCount; ++i) {
    if (kComponents[i].name == name) return static_cast<PolicyId>(i);
  }
  return std::nullopt;
}

std::string CheckChange(PolicyId id, bool add, double value) {
  const PolicyComponent& c = kComponents[id];
  if (!std::isfinite(value)) return "must be a finite number";
  if (add) {
    // Adding keeps a clamped share meaningful and a non-negative quantity non-negative.
    if (c.share) return std::abs(value) <= 1 ? "" : "an added share must lie in [-1, 1]";
    return value >= 0 ? "" : "only a non-negative amount may be added";
  }
  if (value < c.lo || value > c.hi) {
    return "must lie between " + std::to_string(c.lo) + " and " + std::to_string(c.hi);
  }
  return "";
}

PolicyPath BuildPolicyPath(std::span<const Round* const> rounds) {
  std::vector<PolicyChange> changes;
  for (const Round* r : rounds) changes.insert(changes.end(), r->changes.begin(), r->changes.end());
  std::stable_sort(changes.begin(), changes.end(),
                   [](const PolicyChange& a, const PolicyChange& b) { return a.on < b.on; });
  PolicyPath path;
  for (int id = 0; id < kPolicyCount; ++id) {
    double value = kComponents[id].value;
    size_t next = 0;  // first change of any component not yet applied
    auto apply = [&](const PolicyChange& c) {
      if (c.id == id) value = c.add ? value + c.value : c.value;
    };
    for (int q = 0; q < kQuarters; ++q) {
      const int32_t start = QuarterStart(q).days();
      const int32_t end = QuarterStart(q + 1).days();
      while (next < changes.size() && changes[next].on.days() <= start) apply(changes[next++]);
      double weighted = 0;
      int32_t from = start;
      while (next < changes.size() && changes[next].on.days() < end) {
        weighted += value * (changes[next].on.days() - from);
        from = changes[next].on.days();
        apply(changes[next++]);
      }
      weighted += value * (end - from);
      path.u[q][id] = weighted / (end - start);
    }
  }
  for (int q = 0; q < kQuarters; ++q) path.hbm_window_total += path.u[q][kHbmWindow];
  HF_ASSERT(path.hbm_window_total >= 0);
  return path;
}

}  // namespace highfence::simulate
