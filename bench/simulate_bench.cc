// Google Benchmark for the simulator: one model run, and the Monte Carlo of
// 10,000 draws of the 2020-2030 quarterly model (docs/benchmarks.md).
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>

#include "law/law_data.h"
#include "law/snapshot.h"
#include "simulate/law_inputs.h"
#include "simulate/model.h"
#include "simulate/scenario.h"
#include "simulate/simulate.h"

namespace highfence::simulate {
namespace {

struct Fixture {
  std::unique_ptr<law::Law> law;
  std::optional<LawInputs> inputs;
  std::optional<Scenario> scenario;
};

const Fixture& Setup() {
  static const Fixture f = [] {
    Fixture out;
    out.law = std::move(law::Law::Create(*law::ParseLaw(law::EmbeddedLawSources())).value());
    out.inputs = *LawInputs::FromLaw(*out.law);
    Result<Scenario> s = LoadScenario(HF_SOURCE_DIR "/scenarios/historical.toml", *out.inputs);
    if (!s.ok()) {
      std::fprintf(stderr, "%s\n", s.status().ToString().c_str());
      std::abort();
    }
    out.scenario = std::move(s).value();
    return out;
  }();
  return f;
}

// One run of E1-E11 over 44 quarters with every historical round.
void BM_ModelRun(benchmark::State& state) {
  const Fixture& f = Setup();
  std::vector<const Round*> rounds;
  for (const Round& r : f.scenario->rounds) rounds.push_back(&r);
  const PolicyPath path = BuildPolicyPath(rounds);
  const ParamSet p = Draw(f.scenario->params, 1, 0);
  const Exogenous x = MakeExogenous(p);
  Trajectory t;
  for (auto _ : state) {
    RunModel(p, x, *f.inputs, path, {}, &t);
    benchmark::DoNotOptimize(t.e_cn[kQuarters - 1]);
  }
}
BENCHMARK(BM_ModelRun);

// The Monte Carlo of the model: per draw, the parameters, the exogenous paths
// and one 44-quarter run; then the 5/50/95% bands of every series. With
// range(2) = 1 also the automatic no-control variant (a second run per draw).
void BM_MonteCarlo(benchmark::State& state) {
  const Fixture& f = Setup();
  SimulationOptions o;
  o.draws = static_cast<int>(state.range(0));
  o.threads = static_cast<int>(state.range(1));
  o.variants = state.range(2) == 1;
  o.measures = false;
  o.tornado = false;
  for (auto _ : state) {
    Result<SimulationResult> r = Simulate(*f.scenario, *f.inputs, o);
    benchmark::DoNotOptimize(r.ok());
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_MonteCarlo)
    ->Args({10000, 1, 0})
    ->Args({10000, 2, 0})
    ->Args({10000, 2, 1})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
}  // namespace highfence::simulate

BENCHMARK_MAIN();
