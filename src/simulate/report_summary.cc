#include <fmt/format.h>

#include "simulate/report.h"

namespace highfence::simulate {

std::string ReportSummary(const SimulationResult& r) {
  std::string out =
      fmt::format("{} ({}): {} draws, seed {}, counterfactual {}\n", r.scenario_id, r.source,
                  r.draws, r.seed, r.closure == Closure::kBudget ? "budget" : "share");
  if (!r.hypotheses.empty()) {
    out += "hypotheses (probability over draws):\n";
    for (const Hypothesis& h : r.hypotheses) {
      out += fmt::format("  {:<32} {}  ({} draws)\n", h.name, Num(h.probability), h.draws_defined);
    }
    for (const Hypothesis& h : r.mechanical) {
      out += fmt::format("  {:<32} {}  ({} draws)\n", h.name, Num(h.probability), h.draws_defined);
    }
  }
  for (const RoundResult& k : r.rounds) {
    const int m = [&] {
      for (int i = 0; i < kHorizonCount; ++i) {
        if (k.horizons[i] == r.horizon) return i;
      }
      return 1;
    }();
    out += fmt::format(
        "  round {:<16} {} {:<10} static denial {} H100e ({} of intake), pass-through {} [{}, "
        "{}]\n",
        k.id, k.date.ToString(), k.tightening ? "tightening" : "-", Num(k.static_denial[m].p50),
        Num(k.static_denial_share.p50), Num(k.pass_through[m].p50), Num(k.pass_through[m].p5),
        Num(k.pass_through[m].p95));
  }
  for (const CheckResult& c : r.checks) {
    const char* verdict = c.ok ? (c.check.expected_failure.empty() ? "PASS" : "XFAIL") : "FAIL";
    out += fmt::format("  check {:<5} {:<28} {} = {} (want [{}, {}]{})\n", verdict, c.check.id,
                       c.check.stat, Num(c.value), Num(c.check.lo), Num(c.check.hi),
                       c.check.stat == "prob" ? fmt::format(", >= {}", Num(c.check.prob_min)) : "");
    if (!c.check.expected_failure.empty()) {
      out += fmt::format("        expected failure: {}\n", c.check.expected_failure);
    }
  }
  return out;
}

}  // namespace highfence::simulate
