// The tornado ranking: each uncertain parameter moved alone to its 5th and
// 95th percentile, every other parameter at its default.
#include "simulate/tornado.h"

#include <algorithm>
#include <cmath>

#include "simulate/parallel.h"
#include "simulate/summary.h"

namespace highfence::simulate {
namespace {

struct Swing {
  double gap = 0, intake = 0, pass = 0;
};

Swing Evaluate(const ParamSet& p, const RunPlan& plan, const Horizons& hz, const LawInputs& law,
               const std::vector<int>& tight, int report_year, MeasureScratch* scratch) {
  const Exogenous x = MakeExogenous(p);
  Trajectory main;
  RunOptions options;
  options.closure = plan.closure;
  RunModel(p, x, law, plan.main(), options, &main);
  Swing out;
  out.gap = std::log(MetricValue(Metric::kGammaStock, main, report_year, report_year));
  out.intake = MetricValue(Metric::kCnIntake, main, report_year, report_year);
  out.pass = std::nan("");
  if (tight.empty()) return out;
  std::vector<RoundDraw> rounds;
  MeasureDraw(plan, hz, p, x, law, main, scratch, &rounds);
  double sum = 0;
  int n = 0;
  for (int k : tight) {
    const double rho = rounds[size_t(k)].rho[hz.main];
    if (std::isnan(rho)) continue;
    sum += rho;
    ++n;
  }
  if (n > 0) out.pass = sum / n;
  return out;
}

}  // namespace

std::vector<TornadoBar> Tornado(const ParamTable& table, const RunPlan& plan, const Horizons& hz,
                                const LawInputs& law, const std::vector<int>& tight,
                                int report_year, int threads, double* base_gap) {
  std::vector<int> uncertain;
  for (int i = 0; i < kParamCount; ++i) {
    if (table[i].dist != Dist::kFixed) uncertain.push_back(i);
  }
  const ParamSet defaults = Defaults(table);
  std::vector<Swing> low(uncertain.size()), high(uncertain.size());
  std::vector<MeasureScratch> scratch(size_t(ThreadCount(threads)));
  ParallelFor(static_cast<int>(uncertain.size()) * 2, ThreadCount(threads), [&](int i, int w) {
    const int param = uncertain[size_t(i / 2)];
    ParamSet p = defaults;
    p.v[param] = Quantile(table[param], i % 2 == 0 ? 0.05 : 0.95);
    const Swing o = Evaluate(p, plan, hz, law, tight, report_year, &scratch[size_t(w)]);
    (i % 2 == 0 ? low : high)[size_t(i / 2)] = o;
  });
  MeasureScratch own;
  *base_gap = Evaluate(defaults, plan, hz, law, {}, report_year, &own).gap;
  std::vector<TornadoBar> bars;
  for (size_t j = 0; j < uncertain.size(); ++j) {
    const ParamSpec& spec = table[uncertain[j]];
    bars.push_back({std::string(spec.name), Quantile(spec, 0.05), Quantile(spec, 0.95), low[j].gap,
                    high[j].gap, low[j].intake, high[j].intake, low[j].pass, high[j].pass,
                    std::abs(high[j].gap - low[j].gap)});
  }
  std::stable_sort(bars.begin(), bars.end(),
                   [](const TornadoBar& a, const TornadoBar& b) { return a.swing > b.swing; });
  return bars;
}

}  // namespace highfence::simulate
