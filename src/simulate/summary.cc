#include "simulate/summary.h"

#include <algorithm>
#include <cmath>

#include "highfence/assert.h"
#include "simulate/parallel.h"

namespace highfence::simulate {
namespace {

int VariantIndex(const RunPlan& plan, std::string_view id) {
  for (size_t i = 0; i < plan.variants.size(); ++i) {
    if (plan.variants[i].id == id) return static_cast<int>(i);
  }
  return -1;
}

void AddProbe(std::vector<Probe>* probes, const Probe& p) {
  if (std::find(probes->begin(), probes->end(), p) == probes->end()) probes->push_back(p);
}

// A round's band of one per-draw field over the draws that computed it.
template <typename F>
Band RoundBand(const Store& store, int k, int draws, F&& field) {
  std::vector<double> v;
  v.reserve(size_t(draws));
  for (int d = 0; d < draws; ++d) v.push_back(field(store.At(d, k)));
  return BandOf(std::move(v));
}

}  // namespace

std::vector<Probe> PlanProbes(const Scenario& s, const RunPlan& plan) {
  std::vector<Probe> probes;
  for (int v = 0; v < static_cast<int>(plan.variants.size()); ++v) {
    for (Metric m : kVariantMetrics) {
      for (int y = kFirstYear; y <= kLastYear; ++y) AddProbe(&probes, {v, m, y, y});
    }
  }
  for (const Check& c : s.checks) {
    const Metric m = *FindMetric(c.metric);
    std::vector<std::string> ids = c.pooled;
    ids.push_back(c.variant);
    if (!c.ratio_to.empty()) ids.push_back(c.ratio_to);
    for (const std::string& id : ids) {
      const int v = VariantIndex(plan, id);
      HF_ASSERT(v >= 0);  // the scenario was validated
      AddProbe(&probes, {v, m, c.year_from, c.year_to});
    }
  }
  return probes;
}

std::vector<SeriesBand> SummarizeSeries(const Store& store, int threads) {
  std::span<const BandedSeries> list = BandedSeriesList();
  std::vector<SeriesBand> out(list.size());
  for (size_t s = 0; s < list.size(); ++s) out[s].name = std::string(list[s].name);
  // Each (series, quarter) band is independent: shared out over the threads,
  // each with its own buffer; the result does not depend on which thread.
  std::vector<std::vector<float>> buffers(size_t(std::max(1, threads)));
  const int cells = static_cast<int>(list.size()) * kQuarters;
  ParallelFor(cells, threads, [&](int cell, int worker) {
    const size_t s = size_t(cell / kQuarters);
    const int q = cell % kQuarters;
    std::vector<float>& values = buffers[size_t(worker)];
    const float* first = &store.series[(s * kQuarters + size_t(q)) * size_t(store.draws)];
    values.assign(first, first + store.draws);
    out[s].q[q] = BandOfFloats(values);
  });
  return out;
}

std::vector<RoundResult> SummarizeRounds(const RunPlan& plan, const Horizons& hz,
                                         const Store& store, double tightening_share_min) {
  std::vector<RoundResult> out;
  const int md = store.measure_draws, sd = store.shapley_draws;
  for (int k = 0; k < store.rounds; ++k) {
    const Round& r = *plan.rounds[size_t(k)];
    RoundResult res;
    res.id = r.id;
    res.title = r.title;
    res.title_zh = r.title_zh;
    res.citation = r.citation;
    res.date = r.date;
    res.horizons = hz.h;
    for (int i = 0; i < kHorizonCount; ++i) {
      res.static_denial[i] =
          RoundBand(store, k, md, [i](const RoundDraw& x) { return x.denial[i]; });
      res.realised_denial[i] =
          RoundBand(store, k, md, [i](const RoundDraw& x) { return x.realised[i]; });
      res.pass_through[i] = RoundBand(store, k, md, [i](const RoundDraw& x) { return x.rho[i]; });
    }
    for (int o = 0; o < kOutcomeCount; ++o) {
      res.marginal_sequential[o] =
          RoundBand(store, k, md, [o](const RoundDraw& x) { return x.marginal[o]; });
      res.marginal_shapley[o] =
          RoundBand(store, k, sd, [o](const RoundDraw& x) { return x.shapley[o]; });
    }
    for (int f = 0; f < kOffsetCount; ++f) {
      res.offsets[f] = RoundBand(store, k, md, [f](const RoundDraw& x) { return x.offsets[f]; });
    }
    res.elasticity = RoundBand(store, k, md, [](const RoundDraw& x) { return x.elasticity; });
    res.static_denial_share = RoundBand(store, k, md, [](const RoundDraw& x) { return x.share; });
    int kinks = 0;
    for (int d = 0; d < md; ++d) kinks += store.At(d, k).kink ? 1 : 0;
    res.kink_probability = md > 0 ? double(kinks) / md : std::nan("");
    // A round counts as a tightening when, in the median draw, it would deny
    // China at least the scenario's share (1% by default) of its pre-round
    // intake over the horizon.
    res.tightening = res.static_denial_share.n > 0 &&
                     res.static_denial_share.p50 >= tightening_share_min &&
                     res.static_denial_share.p50 > 0;
    out.push_back(std::move(res));
  }
  return out;
}

std::vector<int> TighteningRounds(const std::vector<RoundResult>& rounds) {
  std::vector<int> out;
  for (size_t k = 0; k < rounds.size(); ++k) {
    if (rounds[k].tightening) out.push_back(static_cast<int>(k));
  }
  return out;
}

namespace {

struct Tally {
  int holds = 0, defined = 0;
  void Add(bool defined_here, bool holds_here) {
    if (!defined_here) return;
    ++defined;
    holds += holds_here ? 1 : 0;
  }
  double Probability() const { return defined > 0 ? double(holds) / defined : std::nan(""); }
};

// Kendall's tau between round order and `values` (NaN entries skipped):
// below 0 when the values tend to fall from round to round.
double KendallTau(const std::vector<double>& values) {
  int concordant = 0, discordant = 0;
  for (size_t i = 0; i < values.size(); ++i) {
    for (size_t j = i + 1; j < values.size(); ++j) {
      if (std::isnan(values[i]) || std::isnan(values[j])) continue;
      if (values[j] > values[i]) ++concordant;
      if (values[j] < values[i]) ++discordant;
    }
  }
  const int pairs = concordant + discordant;
  return pairs > 0 ? double(concordant - discordant) / pairs : std::nan("");
}

struct DrawVerdict {
  bool dr_defined = true, dr = true;
  double dr_tau = 0, absolute_tau = 0, base_tau = 0;
  bool decay_defined = false, decay = true;
  bool absolute = true, shrinks = true, kink = false;
};

DrawVerdict Judge(const Store& store, const Horizons& hz, const std::vector<int>& tight,
                  const std::vector<RoundResult>& rounds, int d) {
  DrawVerdict v;
  const int m = hz.main;
  for (size_t i = 0; i + 1 < tight.size(); ++i) {
    const RoundDraw& a = store.At(d, tight[i]);
    const RoundDraw& b = store.At(d, tight[i + 1]);
    if (std::isnan(a.rho[m]) || std::isnan(b.rho[m]))
      v.dr_defined = false;
    else
      v.dr = v.dr && b.rho[m] < a.rho[m];
    v.absolute = v.absolute && std::abs(b.marginal[kLnChina]) < std::abs(a.marginal[kLnChina]);
    v.shrinks = v.shrinks && b.denial[m] < a.denial[m];
  }
  std::vector<double> rho, effect, base;
  for (int k : tight) {
    const RoundDraw& r = store.At(d, k);
    rho.push_back(r.rho[m]);
    effect.push_back(std::abs(r.marginal[kLnChina]));
    base.push_back(r.denial[m]);
  }
  v.dr_tau = KendallTau(rho);
  v.absolute_tau = KendallTau(effect);
  v.base_tau = KendallTau(base);
  bool decay_undefined = false;
  for (int k : tight) {
    const RoundDraw& r = store.At(d, k);
    v.kink = v.kink || r.kink;
    const bool whole = rounds[size_t(k)].date <= QuarterStart(kQuarters - hz.h.back());
    if (!whole) continue;  // the longest horizon runs past 2030
    const bool defined = !std::isnan(r.rho[0]) && !std::isnan(r.rho[1]) && !std::isnan(r.rho[2]);
    decay_undefined = decay_undefined || !defined;
    v.decay_defined = true;
    v.decay = v.decay && defined && r.rho[0] > r.rho[1] && r.rho[1] > r.rho[2];
  }
  v.decay_defined = v.decay_defined && !decay_undefined;
  return v;
}

}  // namespace

void SummarizeHypotheses(const Horizons& hz, const Store& store, SimulationResult* out) {
  const std::vector<int> tight = TighteningRounds(out->rounds);
  const bool pairs = tight.size() >= 2;
  Tally dr, decay, absolute, shrinks, kink, abs_if_shrinks, abs_if_grows;
  Tally dr_trend, absolute_trend, base_trend;
  std::vector<Tally> falls(tight.size()), effect(tight.size()), base(tight.size());
  for (int d = 0; d < store.measure_draws; ++d) {
    const DrawVerdict v = Judge(store, hz, tight, out->rounds, d);
    dr.Add(pairs && v.dr_defined, v.dr);
    decay.Add(v.decay_defined, v.decay);
    absolute.Add(pairs, v.absolute);
    shrinks.Add(pairs, v.shrinks);
    kink.Add(!tight.empty(), v.kink);
    abs_if_shrinks.Add(pairs && v.shrinks, v.absolute);
    abs_if_grows.Add(pairs && !v.shrinks, v.absolute);
    dr_trend.Add(pairs && !std::isnan(v.dr_tau), v.dr_tau < 0);
    absolute_trend.Add(pairs && !std::isnan(v.absolute_tau), v.absolute_tau < 0);
    base_trend.Add(pairs && !std::isnan(v.base_tau), v.base_tau < 0);
    for (size_t i = 0; i + 1 < tight.size(); ++i) {
      const RoundDraw& a = store.At(d, tight[i]);
      const RoundDraw& b = store.At(d, tight[i + 1]);
      const int m = hz.main;
      falls[i].Add(!std::isnan(a.rho[m]) && !std::isnan(b.rho[m]), b.rho[m] < a.rho[m]);
      effect[i].Add(true, std::abs(b.marginal[kLnChina]) < std::abs(a.marginal[kLnChina]));
      base[i].Add(true, b.denial[m] < a.denial[m]);
    }
  }
  auto hyp = [](std::string name, const Tally& t, std::string statement) {
    return Hypothesis{std::move(name), t.Probability(), t.defined, std::move(statement)};
  };
  out->hypotheses = {
      hyp("H-DR-strong", dr,
          "Pass-through falls from each tightening round to the next: rho_k+1(h) < rho_k(h) for "
          "every consecutive pair (the op-ed's claim)."),
      hyp("H-decay", decay,
          "Each tightening round's pass-through falls with the horizon: rho_k(4) > rho_k(8) > "
          "rho_k(12) quarters (adaptation erodes a given round)."),
      hyp("H-absolute", absolute,
          "The absolute effect on China's compute falls from each tightening round to the next: "
          "|ME_k+1| < |ME_k|. It can hold only because the base shrinks."),
      hyp("H-DR-trend", dr_trend,
          "Pass-through tends to fall over the sequence of tightening rounds (Kendall's tau "
          "between round order and rho_k(h) below 0): a weaker form of H-DR-strong."),
      hyp("H-absolute-trend", absolute_trend,
          "The absolute effect on China's compute tends to fall over the sequence (Kendall's "
          "tau below 0)."),
      hyp("H-kink", kink,
          "At some tightening round the best legal chip is weaker than the best domestic chip "
          "while domestic capacity is slack: tightening then only moves market share."),
  };
  out->mechanical = {
      hyp("base_shrinks", shrinks,
          "Static denial falls from each tightening round to the next: I_k+1 < I_k (the "
          "mechanical shrinking of the base)."),
      hyp("base_shrinks_trend", base_trend,
          "Static denial tends to fall over the sequence (Kendall's tau below 0)."),
      hyp("H-absolute_given_base_shrinks", abs_if_shrinks,
          "H-absolute among draws in which the base shrinks."),
      hyp("H-absolute_given_base_grows", abs_if_grows,
          "H-absolute among draws in which the base does not shrink."),
  };
  for (size_t i = 0; i + 1 < tight.size(); ++i) {
    out->pairs.push_back({out->rounds[size_t(tight[i])].id, out->rounds[size_t(tight[i + 1])].id,
                          falls[i].Probability(), effect[i].Probability(), base[i].Probability()});
  }
}

std::vector<VariantSummary> SummarizeVariants(const RunPlan& plan, const Store& store) {
  std::vector<VariantSummary> out;
  for (int v = 0; v < static_cast<int>(plan.variants.size()); ++v) {
    VariantSummary s;
    s.id = plan.variants[size_t(v)].id;
    s.title = plan.variants[size_t(v)].title;
    s.title_zh = plan.variants[size_t(v)].title_zh;
    for (Metric m : kVariantMetrics) {
      std::array<Band, kYears> years{};
      for (int y = kFirstYear; y <= kLastYear; ++y) {
        const int p = store.ProbeIndex({v, m, y, y});
        HF_ASSERT(p >= 0);
        std::vector<double> values(store.probe_values.begin() + ptrdiff_t(p) * store.draws,
                                   store.probe_values.begin() + ptrdiff_t(p + 1) * store.draws);
        years[size_t(y - kFirstYear)] = BandOf(std::move(values));
      }
      for (const MetricInfo& info : Metrics()) {
        if (info.metric == m) s.annual.emplace_back(std::string(info.name), years);
      }
    }
    out.push_back(std::move(s));
  }
  return out;
}

namespace {

std::vector<double> ProbeValues(const Store& store, int probe) {
  HF_ASSERT(probe >= 0);
  return {store.probe_values.begin() + ptrdiff_t(probe) * store.draws,
          store.probe_values.begin() + ptrdiff_t(probe + 1) * store.draws};
}

}  // namespace

std::vector<CheckResult> EvaluateChecks(const Scenario& s, const RunPlan& plan,
                                        const Store& store) {
  std::vector<CheckResult> out;
  for (const Check& c : s.checks) {
    const Metric m = *FindMetric(c.metric);
    auto probe = [&](std::string_view id) {
      return store.ProbeIndex({VariantIndex(plan, id), m, c.year_from, c.year_to});
    };
    CheckResult r;
    r.check = c;
    if (c.stat == "bimodality") {
      std::vector<double> pooled;
      for (const std::string& id : c.pooled) {
        std::vector<double> v = ProbeValues(store, probe(id));
        pooled.insert(pooled.end(), v.begin(), v.end());
      }
      r.value = BimodalityCoefficient(pooled);
    } else {
      std::vector<double> v = ProbeValues(store, probe(c.variant));
      if (!c.ratio_to.empty()) {
        const std::vector<double> base = ProbeValues(store, probe(c.ratio_to));
        for (size_t d = 0; d < v.size(); ++d) v[d] = base[d] != 0 ? v[d] / base[d] : std::nan("");
      }
      if (c.stat == "prob") {
        int inside = 0, n = 0;
        for (double x : v) {
          if (std::isnan(x)) continue;
          ++n;
          inside += x >= c.lo && x <= c.hi ? 1 : 0;
        }
        r.value = n > 0 ? double(inside) / n : std::nan("");
      } else {
        const Band b = BandOf(std::move(v));
        r.value = c.stat == "p5"     ? b.p5
                  : c.stat == "p95"  ? b.p95
                  : c.stat == "mean" ? b.mean
                                     : b.p50;
      }
    }
    r.criterion_met = c.stat == "prob" ? r.value >= c.prob_min : r.value >= c.lo && r.value <= c.hi;
    if (std::isnan(r.value)) r.criterion_met = false;
    r.ok = c.expected_failure.empty() ? r.criterion_met : !r.criterion_met;
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace highfence::simulate
