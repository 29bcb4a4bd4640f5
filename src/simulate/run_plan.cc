#include "simulate/run_plan.h"

#include <algorithm>

#include "highfence/assert.h"

namespace highfence::simulate {

PolicyPath RunPlan::PathFor(unsigned mask) const {
  std::vector<const Round*> set = events;
  for (size_t k = 0; k < rounds.size(); ++k) {
    if (mask & (1u << k)) set.push_back(rounds[k]);
  }
  return BuildPolicyPath(set);
}

namespace {

VariantPlan MakeVariant(const Scenario& s, const Variant& v, const RunPlan& plan) {
  VariantPlan out{v.id, v.title, v.title_zh, {}, v.closure.value_or(s.closure), s.params, false};
  std::vector<const Round*> set;
  for (const Round& r : s.rounds) {
    const bool listed_add = std::count(v.add.begin(), v.add.end(), r.id) > 0;
    const bool listed_remove = std::count(v.remove.begin(), v.remove.end(), r.id) > 0;
    bool in = r.attributed ? (r.active && !v.no_rounds) : r.active;
    if (listed_add) in = true;
    if (listed_remove) in = false;
    if (in) set.push_back(&r);
  }
  out.path = BuildPolicyPath(set);
  for (const auto& [id, spec] : v.params) {
    out.params[id] = spec;
    out.own_params = true;
  }
  (void)plan;
  return out;
}

}  // namespace

RunPlan MakeRunPlan(const Scenario& s, bool with_subsets) {
  RunPlan plan;
  plan.closure = s.closure;
  for (const Round& r : s.rounds) {
    if (!r.active) continue;
    (r.attributed ? plan.rounds : plan.events).push_back(&r);
  }
  for (const Round* r : plan.rounds) {
    plan.round_quarter.push_back(std::clamp(QuarterOf(r->date), 0, kQuarters - 1));
  }
  const size_t k_rounds = plan.rounds.size();
  for (size_t k = 0; k <= k_rounds; ++k) plan.prefix.push_back(plan.PathFor((1u << k) - 1));
  if (with_subsets && k_rounds <= kExactShapleyRoundsMax) {
    plan.subsets.reserve(size_t{1} << k_rounds);
    for (unsigned mask = 0; mask < (1u << k_rounds); ++mask) {
      plan.subsets.push_back(plan.PathFor(mask));
    }
  }
  Variant main_variant{"main", s.title, s.title_zh, false, {}, {}, s.closure, {}};
  Variant none{"none", "No control rounds", "无管制轮次", true, {}, {}, s.closure, {}};
  plan.variants.push_back(MakeVariant(s, main_variant, plan));
  plan.variants.push_back(MakeVariant(s, none, plan));
  for (const Variant& v : s.variants) plan.variants.push_back(MakeVariant(s, v, plan));
  HF_ASSERT(plan.prefix.size() == k_rounds + 1);
  return plan;
}

}  // namespace highfence::simulate
