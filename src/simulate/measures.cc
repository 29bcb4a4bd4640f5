#include "simulate/measures.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <numeric>

#include "highfence/assert.h"
#include "simulate/rng.h"

namespace highfence::simulate {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// A round denies nothing measurable when |I_k| is below this share of the
// pre-round intake: its pass-through is then undefined.
constexpr double kDenialShareMin = 1e-3;

double SumOf(const Series& s, int from, int to) {
  double total = 0;
  for (int q = from; q < to; ++q) total += s[q];
  return total;
}

std::array<double, kOutcomeCount> Outcomes(const Trajectory& t, int q) {
  return {std::log(std::max(t.e_cn[q], 1e-9)), std::log(std::max(t.gamma_stock[q], 1e-12)),
          t.lag_months[q]};
}

// The quarter at which round k's outcomes are read: h quarters on, or the end.
int EndQuarter(const RunPlan& plan, const Horizons& hz, size_t k) {
  return std::min(plan.round_quarter[k] + hz.h[hz.main], kQuarters) - 1;
}

// The runs a round's measures compare (measures.h).
struct RoundRuns {
  const Trajectory& pre;
  const Trajectory& post;
  const Trajectory& frozen;  // static
  const Trajectory& demand;  // static with the budget free
  const Trajectory& calm;    // post without anticipation
};

void Decompose(const RoundRuns& runs, int from, int to, double denial, RoundDraw* r) {
  auto change = [&](const Series Trajectory::*s) {
    return SumOf(runs.calm.*s, from, to) - SumOf(runs.demand.*s, from, to);
  };
  const double subst = change(&Trajectory::domestic) + change(&Trajectory::legal);
  const double leak = change(&Trajectory::smuggled);
  const double rent = change(&Trajectory::rented);
  const double stock = Intake(runs.post, from, to) - Intake(runs.calm, from, to);
  const double demand = Intake(runs.demand, from, to) - Intake(runs.frozen, from, to);
  r->offsets = {subst / denial, leak / denial, rent / denial, stock / denial, demand / denial};
}

void MeasureRound(const RunPlan& plan, const Horizons& hz, size_t k, const RoundRuns& runs,
                  const Exogenous& x, RoundDraw* r) {
  const Trajectory& pre = runs.pre;
  const Trajectory& post = runs.post;
  const Trajectory& frozen = runs.frozen;
  const int from = plan.round_quarter[k];
  for (int i = 0; i < kHorizonCount; ++i) {
    const int to = std::min(from + hz.h[i], kQuarters);
    const double base = Intake(pre, from, to);
    const double denial = base - Intake(frozen, from, to);
    const double realised = base - Intake(post, from, to);
    r->denial[i] = denial;
    r->realised[i] = realised;
    r->rho[i] = std::abs(denial) > kDenialShareMin * base ? realised / denial : kNaN;
    if (i != hz.main) continue;
    r->share = base > 0 ? denial / base : kNaN;
    if (std::isnan(r->rho[i])) {
      r->offsets.fill(kNaN);
    } else {
      Decompose(runs, from, to, denial, r);
    }
    const double after = Intake(post, from, to);
    const bool elastic = r->share > 0 && r->share < 1 && after > 0 && base > 0;
    r->elasticity = elastic ? std::log(after / base) / std::log(1 - r->share) : kNaN;
  }
  const int end = EndQuarter(plan, hz, k);
  const auto y_pre = Outcomes(pre, end), y_post = Outcomes(post, end);
  for (int o = 0; o < kOutcomeCount; ++o) r->marginal[o] = y_post[o] - y_pre[o];
  // Threshold kink: the best legal chip after the round is weaker than the
  // best domestic chip, and domestic capacity was slack before it.
  const double legal_tpp = plan.prefix[k + 1][from][kLegalChipTpp];
  const double domestic_tpp = x.domestic_h100e[from] * kTppPerH100e;
  r->kink = legal_tpp < domestic_tpp && pre.slack[from] > 1e-6 * pre.domestic_capacity[from] &&
            pre.slack[from] > 1.0;
}

}  // namespace

double Intake(const Trajectory& t, int from, int to) {
  double total = 0;
  for (int q = from; q < to; ++q) total += t.legal[q] + t.smuggled[q] + t.domestic[q] + t.rented[q];
  return total;
}

Horizons MakeHorizons(int scenario_horizon) {
  Horizons hz;
  hz.h = {4, 8, 12};
  auto it = std::find(hz.h.begin(), hz.h.end(), scenario_horizon);
  if (it == hz.h.end()) {
    auto closest = std::min_element(hz.h.begin(), hz.h.end(), [&](int a, int b) {
      return std::abs(a - scenario_horizon) < std::abs(b - scenario_horizon);
    });
    *closest = scenario_horizon;
    std::sort(hz.h.begin(), hz.h.end());
    it = std::find(hz.h.begin(), hz.h.end(), scenario_horizon);
  }
  hz.main = static_cast<int>(it - hz.h.begin());
  return hz;
}

void MeasureDraw(const RunPlan& plan, const Horizons& hz, const ParamSet& p, const Exogenous& x,
                 const LawInputs& law, const Trajectory& main, MeasureScratch* scratch,
                 std::vector<RoundDraw>* out) {
  const size_t k_rounds = plan.rounds.size();
  out->assign(k_rounds, RoundDraw{});
  scratch->prefix.resize(k_rounds + 1);
  RunOptions options;
  options.closure = plan.closure;
  for (size_t k = 0; k < k_rounds; ++k) {
    RunModel(p, x, law, plan.prefix[k], options, &scratch->prefix[k]);
  }
  scratch->prefix[k_rounds] = main;
  for (size_t k = 0; k < k_rounds; ++k) {
    RunOptions frozen = options;
    frozen.frozen = &scratch->prefix[k];
    frozen.freeze_from = plan.round_quarter[k];
    RunModel(p, x, law, plan.prefix[k + 1], frozen, &scratch->frozen_run);
    RunOptions demand = frozen;
    demand.freeze_budget = false;
    RunModel(p, x, law, plan.prefix[k + 1], demand, &scratch->demand_run);
    RunOptions calm = options;
    calm.no_anticipation_from = plan.round_quarter[k];
    RunModel(p, x, law, plan.prefix[k + 1], calm, &scratch->calm_run);
    RoundDraw& r = (*out)[k];
    const RoundRuns runs{scratch->prefix[k], scratch->prefix[k + 1], scratch->frozen_run,
                         scratch->demand_run, scratch->calm_run};
    MeasureRound(plan, hz, k, runs, x, &r);
    r.shapley.fill(kNaN);
  }
}

namespace {

// Shapley weights |S|! (K - |S| - 1)! / K! by |S|.
std::vector<double> ShapleyWeights(int k_rounds) {
  std::vector<double> w(k_rounds);
  for (int s = 0; s < k_rounds; ++s) {
    w[s] = std::exp(std::lgamma(s + 1.0) + std::lgamma(k_rounds - s + 0.0) -
                    std::lgamma(k_rounds + 1.0));
  }
  return w;
}

void ExactShapley(const RunPlan& plan, const Horizons& hz, const ParamSet& p, const Exogenous& x,
                  const LawInputs& law, MeasureScratch* scratch, std::vector<RoundDraw>* out) {
  const int k_rounds = static_cast<int>(plan.rounds.size());
  const unsigned masks = 1u << k_rounds;
  std::vector<double>& v = scratch->subset_values;
  v.assign(size_t{masks} * k_rounds * kOutcomeCount, 0);
  RunOptions options;
  options.closure = plan.closure;
  for (unsigned mask = 0; mask < masks; ++mask) {
    RunModel(p, x, law, plan.subsets[mask], options, &scratch->subset_run);
    for (int k = 0; k < k_rounds; ++k) {
      const auto y = Outcomes(scratch->subset_run, EndQuarter(plan, hz, k));
      for (int o = 0; o < kOutcomeCount; ++o)
        v[(size_t{mask} * k_rounds + k) * kOutcomeCount + o] = y[o];
    }
  }
  const std::vector<double> w = ShapleyWeights(k_rounds);
  for (int k = 0; k < k_rounds; ++k) {
    std::array<double, kOutcomeCount> phi{};
    for (unsigned mask = 0; mask < masks; ++mask) {
      if (mask & (1u << k)) continue;
      const unsigned with = mask | (1u << k);
      const double weight = w[std::popcount(mask)];
      for (int o = 0; o < kOutcomeCount; ++o) {
        phi[o] += weight * (v[(size_t{with} * k_rounds + k) * kOutcomeCount + o] -
                            v[(size_t{mask} * k_rounds + k) * kOutcomeCount + o]);
      }
    }
    (*out)[k].shapley = phi;
  }
}

// Castro, Gomez, Tejada (2009): the average marginal effect over orderings
// drawn with the counter-based generator (stream space above the parameters').
void SampledShapley(const RunPlan& plan, const Horizons& hz, const ParamSet& p, const Exogenous& x,
                    const LawInputs& law, uint64_t seed, uint64_t draw, MeasureScratch* scratch,
                    std::vector<RoundDraw>* out) {
  const int k_rounds = static_cast<int>(plan.rounds.size());
  std::vector<std::array<double, kOutcomeCount>> sum(k_rounds);
  RunOptions options;
  options.closure = plan.closure;
  Trajectory& before = scratch->subset_run;
  Trajectory& after = scratch->frozen_run;
  std::vector<int> order(k_rounds);
  for (int m = 0; m < kShapleyOrderings; ++m) {
    std::iota(order.begin(), order.end(), 0);
    for (int i = k_rounds - 1; i > 0; --i) {
      const double u = Uniform01(seed ^ 0x5EEDull, draw, uint64_t(m) * 64 + uint64_t(i));
      std::swap(order[i], order[static_cast<int>(u * (i + 1))]);
    }
    unsigned mask = 0;
    RunModel(p, x, law, plan.PathFor(mask), options, &before);
    for (int k : order) {
      mask |= 1u << k;
      RunModel(p, x, law, plan.PathFor(mask), options, &after);
      const int end = EndQuarter(plan, hz, k);
      const auto y0 = Outcomes(before, end), y1 = Outcomes(after, end);
      for (int o = 0; o < kOutcomeCount; ++o) sum[k][o] += y1[o] - y0[o];
      std::swap(before, after);
    }
  }
  for (int k = 0; k < k_rounds; ++k) {
    for (int o = 0; o < kOutcomeCount; ++o) (*out)[k].shapley[o] = sum[k][o] / kShapleyOrderings;
  }
}

}  // namespace

void ShapleyDraw(const RunPlan& plan, const Horizons& hz, const ParamSet& p, const Exogenous& x,
                 const LawInputs& law, uint64_t seed, uint64_t draw, MeasureScratch* scratch,
                 std::vector<RoundDraw>* out) {
  HF_ASSERT(out->size() == plan.rounds.size());
  if (plan.rounds.empty()) return;
  if (!plan.subsets.empty()) return ExactShapley(plan, hz, p, x, law, scratch, out);
  SampledShapley(plan, hz, p, x, law, seed, draw, scratch, out);
}

}  // namespace highfence::simulate
