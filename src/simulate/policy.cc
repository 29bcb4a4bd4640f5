#include "simulate/policy.h"

#include <algorithm>

#include "base/assert.h"

namespace highfence::simulate {
namespace {

// Values with no control round: the frontier chip is on sale to China at the
// frontier price, nothing is capped, nobody enforces anything.
constexpr std::array<PolicyComponent, kPolicyCount> kComponents = {{
    {"legal_open", 1, "licensed sales to China happen (0: licences denied)"},
    {"legal_cost_multiple", 1, "cost per H100e of the best legal chip / frontier price"},
    {"legal_chip_tpp", 15832, "TPP of the best chip China may buy"},
    {"legal_fee", 0, "fee on licensed sales, as a share of the price"},
    {"legal_quota_h100e_per_year", 1e15, "H100e per year China may receive under licence"},
    {"china_acceptance", 1, "share of China's budget it lets go to licensed US chips"},
    {"domestic_floor", 0, "share of China's budget reserved for domestic chips"},
    {"tool_control", 0, "cut in SMIC's AI-wafer capacity additions (0..1)"},
    {"hbm_control", 0, "HBM exports to China stopped (0..1)"},
    {"hbm_window", 0, "between an HBM control's announcement and its compliance date"},
    {"foundry_control", 0, "foreign foundries stop making dies for Chinese designers (0..1)"},
    {"enforcement", 0, "enforcement against diversion (0..1)"},
    {"remote_access_control", 0, "remote-access (IaaS) control on Chinese users (0..1)"},
    {"tier2_caps", 0, "AI Diffusion allocations bind Tier 2 countries (0..1)"},
    {"tier3_open", 1, "embargoed destinations other than China still buy (0..1)"},
    {"tier2_extra_demand_ae", 0, "extra H100e per year for the UAE (bilateral deals)"},
    {"tier2_extra_demand_sa", 0, "extra H100e per year for Saudi Arabia"},
    {"tier2_extra_demand_my", 0, "extra H100e per year for Malaysia"},
    {"tier2_extra_demand_sg", 0, "extra H100e per year for Singapore"},
    {"tier2_extra_demand_in", 0, "extra H100e per year for India"},
    {"tier2_extra_demand_rest", 0, "extra H100e per year for the rest of Tier 2"},
}};

}  // namespace

std::span<const PolicyComponent> PolicyComponents() { return kComponents; }

std::optional<PolicyId> FindPolicy(std::string_view name) {
  for (int i = 0; i < kPolicyCount; ++i) {
    if (kComponents[i].name == name) return static_cast<PolicyId>(i);
  }
  return std::nullopt;
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
