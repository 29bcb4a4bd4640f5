#include "simulate/simulate.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "highfence/assert.h"
#include "simulate/measures.h"
#include "simulate/parallel.h"
#include "simulate/run_plan.h"
#include "simulate/store.h"
#include "simulate/summary.h"
#include "simulate/tornado.h"

namespace highfence::simulate {
namespace {

// Scratch space for one worker thread.
struct Worker {
  Trajectory main, variant;
  MeasureScratch measure;
  std::vector<RoundDraw> rounds;
};

struct Job {
  const Scenario& scenario;
  const LawInputs& law;
  const RunPlan& plan;
  const Horizons& hz;
  uint64_t seed;
};

void StoreVariants(const Job& job, int d, const ParamSet& p, const Exogenous& x, Worker* w,
                   Store* store) {
  for (int v = 0; v < static_cast<int>(job.plan.variants.size()); ++v) {
    const VariantPlan& vp = job.plan.variants[size_t(v)];
    const Trajectory* t = &w->main;
    if (vp.id != "main") {
      RunOptions options;
      options.closure = vp.closure;
      if (vp.own_params) {
        const ParamSet pv = Draw(vp.params, job.seed, uint64_t(d));
        RunModel(pv, MakeExogenous(pv), job.law, vp.path, options, &w->variant);
      } else {
        RunModel(p, x, job.law, vp.path, options, &w->variant);
      }
      t = &w->variant;
    }
    for (size_t i = 0; i < store->probes.size(); ++i) {
      const Probe& probe = store->probes[i];
      if (probe.variant != v) continue;
      store->probe_values[i * size_t(store->draws) + size_t(d)] =
          MetricValue(probe.metric, *t, probe.year_from, probe.year_to);
    }
  }
}

// One draw: the main run and its series, the variants, the measures.
void RunDraw(const Job& job, int d, Worker* w, Store* store) {
  const ParamSet p = Draw(job.scenario.params, job.seed, uint64_t(d));
  const Exogenous x = MakeExogenous(p);
  RunOptions options;
  options.closure = job.plan.closure;
  RunModel(p, x, job.law, job.plan.main(), options, &w->main);
  std::span<const BandedSeries> list = BandedSeriesList();
  for (size_t s = 0; s < list.size(); ++s) {
    const Series& series = list[s].of(w->main);
    for (int q = 0; q < kQuarters; ++q) store->SeriesAt(s, q, d) = static_cast<float>(series[q]);
  }
  StoreVariants(job, d, p, x, w, store);
  if (d >= store->measure_draws) return;
  MeasureDraw(job.plan, job.hz, p, x, job.law, w->main, &w->measure, &w->rounds);
  if (d < store->shapley_draws) {
    ShapleyDraw(job.plan, job.hz, p, x, job.law, job.seed, uint64_t(d), &w->measure, &w->rounds);
  }
  std::copy(w->rounds.begin(), w->rounds.end(),
            store->round_draws.begin() + ptrdiff_t(d) * store->rounds);
}

Store MakeStore(const Scenario& s, const RunPlan& plan, int draws, int shapley_draws,
                bool measures) {
  Store store;
  store.draws = draws;
  store.rounds = static_cast<int>(plan.rounds.size());
  store.measure_draws = measures ? draws : 0;
  store.shapley_draws = std::min(store.measure_draws, shapley_draws);
  store.series.assign(BandedSeriesList().size() * kQuarters * size_t(draws), 0.0f);
  store.probes = PlanProbes(s, plan);
  store.probe_values.assign(store.probes.size() * size_t(draws), 0.0);
  store.round_draws.assign(size_t(store.measure_draws) * size_t(store.rounds), RoundDraw{});
  return store;
}

void Describe(const Scenario& s, const LawInputs& law, SimulationResult* out) {
  out->scenario_id = s.id;
  out->title = s.title;
  out->title_zh = s.title_zh;
  out->description = s.description;
  out->source = s.source;
  out->closure = s.closure;
  out->report_year = s.report_year;
  out->horizon = s.horizon_quarters;
  out->tightening_share_min = s.tightening_share_min;
  out->law_hash = law.content_hash();
  out->params = s.params;
  for (const std::string& name : s.law_facts) {
    if (const LawFact* f = law.Fact(name)) out->law_facts.push_back(*f);
  }
}

}  // namespace

Result<SimulationResult> Simulate(const Scenario& scenario, const LawInputs& law,
                                  const SimulationOptions& options) {
  const int draws = options.draws > 0 ? options.draws : scenario.draws;
  const uint64_t seed = options.seed.value_or(scenario.seed);
  const int shapley = options.shapley_draws >= 0 ? options.shapley_draws : scenario.shapley_draws;
  if (draws < 1) return Status::InvalidArgument("draws must be at least 1");
  if (draws > kDrawsMax) {
    return Status::LimitExceeded(fmt::format("draws: at most {} ({} asked)", kDrawsMax, draws));
  }
  RunPlan plan = MakeRunPlan(scenario, options.measures && shapley > 0);
  if (!options.variants) plan.variants.resize(1);  // "main" only
  const Scenario* checked = &scenario;
  Scenario unchecked;
  if (!options.variants) {
    unchecked = scenario;
    unchecked.checks.clear();
    checked = &unchecked;
  }
  const Horizons hz = MakeHorizons(scenario.horizon_quarters);
  Store store = MakeStore(*checked, plan, draws, shapley, options.measures);
  const int threads = ThreadCount(options.threads);
  std::vector<Worker> workers(size_t(std::min(threads, draws)));
  const Job job{scenario, law, plan, hz, seed};
  ParallelFor(draws, threads, [&](int d, int w) { RunDraw(job, d, &workers[size_t(w)], &store); });

  SimulationResult out;
  Describe(scenario, law, &out);
  out.draws = draws;
  out.seed = seed;
  out.measure_draws = store.measure_draws;
  out.shapley_draws = store.shapley_draws;
  out.series = SummarizeSeries(store, threads);
  if (options.measures) {
    out.rounds = SummarizeRounds(plan, hz, store, scenario.tightening_share_min);
    SummarizeHypotheses(hz, store, &out);
  }
  out.variants = SummarizeVariants(plan, store);
  out.checks = EvaluateChecks(*checked, plan, store);
  if (options.tornado) {
    out.tornado = Tornado(scenario.params, plan, hz, law, TighteningRounds(out.rounds),
                          scenario.report_year, threads, &out.base_gap);
  }
  return out;
}

}  // namespace highfence::simulate
