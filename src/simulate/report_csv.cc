// The CSV report: one tidy table, one figure per line:
//   section,name,period,stat,value
// e.g. series,e_cn,2025Q4,p50,123456 ; round,oct-2023,h8,pass_through_p50,0.41
#include <fmt/format.h>

#include "simulate/report.h"

namespace highfence::simulate {
namespace {

void Row(std::string* out, std::string_view section, std::string_view name, std::string_view period,
         std::string_view stat, double value) {
  fmt::format_to(std::back_inserter(*out), "{},{},{},{},{}\n", section, name, period, stat,
                 Num(value));
}

void BandRows(std::string* out, std::string_view section, std::string_view name,
              std::string_view period, std::string_view what, const Band& b) {
  for (auto [stat, v] : {std::pair{"p5", b.p5}, std::pair{"p50", b.p50}, std::pair{"p95", b.p95}}) {
    Row(out, section, name, period,
        what.empty() ? std::string(stat) : fmt::format("{}_{}", what, stat), v);
  }
}

void RoundRows(const RoundResult& k, std::string* out) {
  static constexpr std::string_view kOutcomes[] = {"ln_china_compute", "ln_compute_gap",
                                                   "capability_lag_months"};
  static constexpr std::string_view kOffsets[] = {"substitution", "leakage", "rental",
                                                  "stockpiling", "demand"};
  for (int i = 0; i < kHorizonCount; ++i) {
    const std::string h = fmt::format("h{}", k.horizons[i]);
    BandRows(out, "round", k.id, h, "static_denial", k.static_denial[i]);
    BandRows(out, "round", k.id, h, "realised_denial", k.realised_denial[i]);
    BandRows(out, "round", k.id, h, "pass_through", k.pass_through[i]);
  }
  for (int o = 0; o < kOutcomeCount; ++o) {
    BandRows(out, "round", k.id, kOutcomes[o], "marginal_sequential", k.marginal_sequential[o]);
    BandRows(out, "round", k.id, kOutcomes[o], "marginal_shapley", k.marginal_shapley[o]);
  }
  for (int f = 0; f < kOffsetCount; ++f)
    BandRows(out, "round", k.id, kOffsets[f], "offset", k.offsets[f]);
  BandRows(out, "round", k.id, "", "elasticity", k.elasticity);
  Row(out, "round", k.id, "", "threshold_kink_probability", k.kink_probability);
  Row(out, "round", k.id, "", "tightening", k.tightening ? 1 : 0);
}

}  // namespace

std::string ReportCsv(const SimulationResult& r) {
  std::string out = "section,name,period,stat,value\n";
  for (const Hypothesis& h : r.hypotheses)
    Row(&out, "hypothesis", h.name, "", "probability", h.probability);
  for (const Hypothesis& h : r.mechanical)
    Row(&out, "mechanical", h.name, "", "probability", h.probability);
  for (const PairResult& p : r.pairs) {
    const std::string name = p.from + "->" + p.to;
    Row(&out, "pair", name, "", "pass_through_falls", p.pass_through_falls);
    Row(&out, "pair", name, "", "effect_falls", p.effect_falls);
    Row(&out, "pair", name, "", "base_shrinks", p.base_shrinks);
  }
  for (const RoundResult& k : r.rounds) RoundRows(k, &out);
  for (const SeriesBand& s : r.series) {
    for (int q = 0; q < kQuarters; ++q) {
      BandRows(&out, "series", s.name, fmt::format("{}Q{}", YearOf(q), q % 4 + 1), "", s.q[q]);
    }
  }
  for (const VariantSummary& v : r.variants) {
    for (const auto& [metric, years] : v.annual) {
      for (int y = 0; y < kYears; ++y) {
        BandRows(&out, "variant:" + v.id, metric, std::to_string(kFirstYear + y), "", years[y]);
      }
    }
  }
  for (const CheckResult& c : r.checks) {
    Row(&out, "check", c.check.id, "", c.check.stat, c.value);
    Row(&out, "check", c.check.id, "", "ok", c.ok ? 1 : 0);
  }
  for (const TornadoBar& b : r.tornado) {
    Row(&out, "tornado", b.param, "", "ln_gap_at_low", b.gap_low);
    Row(&out, "tornado", b.param, "", "ln_gap_at_high", b.gap_high);
    Row(&out, "tornado", b.param, "", "swing", b.swing);
  }
  return out;
}

}  // namespace highfence::simulate
