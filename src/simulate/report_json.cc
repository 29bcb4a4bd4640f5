#include <fmt/format.h>

#include <cmath>

#include "simulate/report.h"

namespace highfence::simulate {
namespace {

class Json {
 public:
  void Key(std::string_view k) {
    Comma();
    Quoted(k);
    out_ += ':';
    fresh_ = true;
  }
  void Str(std::string_view s) {
    Comma();
    Quoted(s);
  }
  void Quoted(std::string_view s) {
    out_ += '"';
    for (char c : s) {
      if (c == '"' || c == '\\') {
        out_ += '\\';
        out_ += c;
      } else if (static_cast<unsigned char>(c) < 0x20) {
        out_ += fmt::format("\\u{:04x}", static_cast<int>(c));
      } else {
        out_ += c;
      }
    }
    out_ += '"';
  }
  void Number(double v) {
    Comma();
    out_ += Num(v);
  }
  void Int(int64_t v) {
    Comma();
    out_ += std::to_string(v);
  }
  void Null() {
    Comma();
    out_ += "null";
  }
  void Bool(bool v) {
    Comma();
    out_ += v ? "true" : "false";
  }
  void Open(char c) {
    Comma();
    out_ += c;
    fresh_ = true;
  }
  void Close(char c) {
    out_ += c;
    fresh_ = false;
  }
  void Band(const simulate::Band& b) {
    Open('{');
    Key("p5");
    Number(b.p5);
    Key("p50");
    Number(b.p50);
    Key("p95");
    Number(b.p95);
    Key("mean");
    Number(b.mean);
    Key("n");
    Int(b.n);
    Close('}');
  }
  std::string Take() { return std::move(out_); }

 private:
  void Comma() {
    if (!fresh_ && !out_.empty() && out_.back() != '{' && out_.back() != '[') out_ += ',';
    fresh_ = false;
  }
  std::string out_;
  bool fresh_ = true;
};

void Header(const SimulationResult& r, Json* j) {
  j->Key("scenario");
  j->Open('{');
  j->Key("id");
  j->Str(r.scenario_id);
  j->Key("title");
  j->Str(r.title);
  j->Key("title_zh");
  j->Str(r.title_zh);
  j->Key("description");
  j->Str(r.description);
  j->Key("file");
  j->Str(r.source);
  j->Key("counterfactual");
  j->Str(r.closure == Closure::kBudget ? "budget" : "share");
  j->Key("horizon_quarters");
  j->Int(r.horizon);
  j->Key("report_year");
  j->Int(r.report_year);
  j->Key("tightening_share_min");
  j->Number(r.tightening_share_min);
  j->Close('}');
  j->Key("run");
  j->Open('{');
  j->Key("draws");
  j->Int(r.draws);
  j->Key("seed");
  j->Int(static_cast<int64_t>(r.seed));
  j->Key("measure_draws");
  j->Int(r.measure_draws);
  j->Key("shapley_draws");
  j->Int(r.shapley_draws);
  j->Close('}');
  j->Key("law");
  j->Open('{');
  j->Key("content_hash");
  j->Str(r.law_hash);
  j->Key("facts");
  j->Open('[');
  for (const LawFact& f : r.law_facts) {
    j->Open('{');
    j->Key("name");
    j->Str(f.name);
    j->Key("value");
    if (f.date)
      j->Str(f.date->ToString());
    else
      j->Number(f.value);
    j->Key("unit");
    j->Str(f.unit);
    j->Key("citation");
    j->Str(f.citation);
    j->Close('}');
  }
  j->Close(']');
  j->Close('}');
}

void SeriesJson(const SimulationResult& r, Json* j) {
  j->Key("quarters");
  j->Open('[');
  for (int q = 0; q < kQuarters; ++q) j->Str(fmt::format("{}Q{}", YearOf(q), q % 4 + 1));
  j->Close(']');
  j->Key("series");
  j->Open('{');
  for (const SeriesBand& s : r.series) {
    j->Key(s.name);
    j->Open('{');
    for (std::string_view stat : {"p5", "p50", "p95"}) {
      j->Key(stat);
      j->Open('[');
      for (const Band& b : s.q) j->Number(stat == "p5" ? b.p5 : stat == "p50" ? b.p50 : b.p95);
      j->Close(']');
    }
    j->Close('}');
  }
  j->Close('}');
}

constexpr std::string_view kOutcomeNames[kOutcomeCount] = {"ln_china_compute", "ln_compute_gap",
                                                           "capability_lag_months"};
constexpr std::string_view kOffsetNames[kOffsetCount] = {"substitution", "leakage", "rental",
                                                         "stockpiling", "demand"};

void RoundJson(const RoundResult& k, Json* j) {
  j->Open('{');
  j->Key("id");
  j->Str(k.id);
  j->Key("title");
  j->Str(k.title);
  j->Key("date");
  j->Str(k.date.ToString());
  j->Key("citation");
  j->Str(k.citation);
  j->Key("tightening");
  j->Bool(k.tightening);
  j->Key("horizons");
  j->Open('[');
  for (int i = 0; i < kHorizonCount; ++i) {
    j->Open('{');
    j->Key("quarters");
    j->Int(k.horizons[i]);
    j->Key("static_denial_h100e");
    j->Band(k.static_denial[i]);
    j->Key("realised_denial_h100e");
    j->Band(k.realised_denial[i]);
    j->Key("pass_through");
    j->Band(k.pass_through[i]);
    j->Close('}');
  }
  j->Close(']');
  j->Key("static_denial_share");
  j->Band(k.static_denial_share);
  for (auto [key, bands] : {std::pair{"marginal_effect_sequential", &k.marginal_sequential},
                            std::pair{"marginal_effect_shapley", &k.marginal_shapley}}) {
    j->Key(key);
    j->Open('{');
    for (int o = 0; o < kOutcomeCount; ++o) {
      j->Key(kOutcomeNames[o]);
      j->Band((*bands)[o]);
    }
    j->Close('}');
  }
  j->Key("one_minus_pass_through");
  j->Open('{');
  for (int f = 0; f < kOffsetCount; ++f) {
    j->Key(kOffsetNames[f]);
    j->Band(k.offsets[f]);
  }
  j->Close('}');
  j->Key("elasticity");
  j->Band(k.elasticity);
  j->Key("threshold_kink_probability");
  j->Number(k.kink_probability);
  j->Close('}');
}

void HypothesesJson(const SimulationResult& r, Json* j) {
  // "hypotheses": name -> probability, exactly; details beside it.
  j->Key("hypotheses");
  j->Open('{');
  for (const Hypothesis& h : r.hypotheses) {
    j->Key(h.name);
    j->Number(h.probability);
  }
  j->Close('}');
  j->Key("mechanical");
  j->Open('{');
  for (const Hypothesis& h : r.mechanical) {
    j->Key(h.name);
    j->Number(h.probability);
  }
  j->Close('}');
  j->Key("hypothesis_details");
  j->Open('[');
  for (const auto* list : {&r.hypotheses, &r.mechanical}) {
    for (const Hypothesis& h : *list) {
      j->Open('{');
      j->Key("name");
      j->Str(h.name);
      j->Key("probability");
      j->Number(h.probability);
      j->Key("draws_defined");
      j->Int(h.draws_defined);
      j->Key("statement");
      j->Str(h.statement);
      j->Close('}');
    }
  }
  j->Close(']');
  j->Key("round_pairs");
  j->Open('[');
  for (const PairResult& p : r.pairs) {
    j->Open('{');
    j->Key("from");
    j->Str(p.from);
    j->Key("to");
    j->Str(p.to);
    j->Key("pass_through_falls");
    j->Number(p.pass_through_falls);
    j->Key("effect_falls");
    j->Number(p.effect_falls);
    j->Key("base_shrinks");
    j->Number(p.base_shrinks);
    j->Close('}');
  }
  j->Close(']');
}

std::string_view DistName(Dist d) {
  switch (d) {
    case Dist::kFixed:
      return "fixed";
    case Dist::kUniform:
      return "uniform";
    case Dist::kLogUniform:
      return "log_uniform";
    case Dist::kLogNormal:
      return "log_normal";
  }
  return "fixed";
}

void ParamsJson(const SimulationResult& r, Json* j) {
  j->Key("parameters");
  j->Open('[');
  for (const ParamSpec& p : r.params) {
    j->Open('{');
    j->Key("name");
    j->Str(p.name);
    j->Key("symbol");
    j->Str(p.symbol);
    j->Key("unit");
    j->Str(p.unit);
    j->Key("default");
    j->Number(p.value);
    j->Key("distribution");
    j->Str(DistName(p.dist));
    if (p.dist != Dist::kFixed) {
      j->Key(p.dist == Dist::kLogNormal ? "median_sigma" : "range");
      j->Open('[');
      j->Number(p.a);
      j->Number(p.b);
      j->Close(']');
    }
    j->Key("source");
    j->Str(p.source);
    j->Close('}');
  }
  j->Close(']');
}

void VariantsJson(const SimulationResult& r, Json* j) {
  j->Key("variants");
  j->Open('[');
  for (const VariantSummary& v : r.variants) {
    j->Open('{');
    j->Key("id");
    j->Str(v.id);
    j->Key("title");
    j->Str(v.title);
    j->Key("annual");
    j->Open('{');
    for (const auto& [metric, years] : v.annual) {
      j->Key(metric);
      j->Open('{');
      for (std::string_view stat : {"p5", "p50", "p95"}) {
        j->Key(stat);
        j->Open('[');
        for (const Band& b : years) j->Number(stat == "p5" ? b.p5 : stat == "p50" ? b.p50 : b.p95);
        j->Close(']');
      }
      j->Close('}');
    }
    j->Close('}');
    j->Close('}');
  }
  j->Close(']');
}

void ChecksJson(const SimulationResult& r, Json* j) {
  j->Key("checks");
  j->Open('[');
  for (const CheckResult& c : r.checks) {
    j->Open('{');
    j->Key("id");
    j->Str(c.check.id);
    j->Key("title");
    j->Str(c.check.title);
    j->Key("variant");
    j->Str(c.check.variant);
    j->Key("metric");
    j->Str(c.check.metric);
    j->Key("years");
    j->Open('[');
    j->Int(c.check.year_from);
    j->Int(c.check.year_to);
    j->Close(']');
    j->Key("stat");
    j->Str(c.check.stat);
    if (!c.check.ratio_to.empty()) {
      j->Key("ratio_to");
      j->Str(c.check.ratio_to);
    }
    j->Key("value");
    j->Number(c.value);
    j->Key("range");
    j->Open('[');
    j->Number(c.check.lo);
    j->Number(c.check.hi);
    j->Close(']');
    if (c.check.stat == "prob") {
      j->Key("prob_min");
      j->Number(c.check.prob_min);
    }
    j->Key("criterion_met");
    j->Bool(c.criterion_met);
    j->Key("expected_failure");
    if (c.check.expected_failure.empty())
      j->Null();
    else
      j->Str(c.check.expected_failure);
    j->Key("ok");
    j->Bool(c.ok);
    j->Close('}');
  }
  j->Close(']');
}

void TornadoJson(const SimulationResult& r, Json* j) {
  j->Key("tornado");
  j->Open('{');
  j->Key("outcome");
  j->Str(fmt::format("ln compute gap (E_US / E_CN) at the end of {}", r.report_year));
  j->Key("base");
  j->Number(r.base_gap);
  j->Key("bars");
  j->Open('[');
  for (const TornadoBar& b : r.tornado) {
    j->Open('{');
    j->Key("parameter");
    j->Str(b.param);
    j->Key("low");
    j->Number(b.low);
    j->Key("high");
    j->Number(b.high);
    j->Key("ln_gap_at_low");
    j->Number(b.gap_low);
    j->Key("ln_gap_at_high");
    j->Number(b.gap_high);
    j->Key("china_intake_at_low");
    j->Number(b.intake_low);
    j->Key("china_intake_at_high");
    j->Number(b.intake_high);
    j->Key("pass_through_at_low");
    j->Number(b.pass_low);
    j->Key("pass_through_at_high");
    j->Number(b.pass_high);
    j->Key("swing");
    j->Number(b.swing);
    j->Close('}');
  }
  j->Close(']');
  j->Close('}');
}

}  // namespace

std::string Num(double v) {
  if (!std::isfinite(v)) return "null";
  if (v == 0) return "0";
  return fmt::format("{:.6g}", v);
}

std::string ReportJson(const SimulationResult& r) {
  Json j;
  j.Open('{');
  Header(r, &j);
  HypothesesJson(r, &j);
  j.Key("rounds");
  j.Open('[');
  for (const RoundResult& k : r.rounds) RoundJson(k, &j);
  j.Close(']');
  SeriesJson(r, &j);
  VariantsJson(r, &j);
  ChecksJson(r, &j);
  TornadoJson(r, &j);
  ParamsJson(r, &j);
  j.Close('}');
  std::string out = j.Take();
  out += '\n';
  return out;
}

}  // namespace highfence::simulate
