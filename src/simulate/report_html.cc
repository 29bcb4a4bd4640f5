// The HTML report: one self-contained page (inline CSS and SVG, a two-line
// script for the language switch, nothing fetched), in English and Chinese.
#include <fmt/format.h>

#include <cmath>

#include "simulate/report.h"
#include "simulate/svg_chart.h"

namespace highfence::simulate {
namespace {

constexpr std::string_view kStyle = R"(
body{font:14px/1.45 system-ui,sans-serif;max-width:980px;margin:24px auto;padding:0 16px;
color:#1b1f24}
h1{font-size:22px}h2{font-size:17px;margin-top:32px;border-bottom:1px solid #ddd}
table{border-collapse:collapse;margin:8px 0;font-size:12.5px}
td,th{border:1px solid #ddd;padding:3px 6px;text-align:left;vertical-align:top}
th{background:#f4f6f8}td.n{text-align:right;font-variant-numeric:tabular-nums}
.chart{width:100%;height:auto}.grid{stroke:#e3e6ea}.tick{font-size:11px;fill:#555}
.ctitle{font-size:13px;font-weight:600}.legend{font-size:11.5px}
.whisker{stroke:#222;stroke-width:1.5}.ref{stroke:#222;stroke-dasharray:3 3}
.ok{color:#1e7b34}.bad{color:#b42318}.note{color:#555;font-size:12.5px}
.switch{float:right}.switch button{margin-left:4px}
body.en .zh,body.zh .en{display:none}
)";

std::string Year(int q) { return std::to_string(YearOf(q)); }

LineChart QuarterChart(Text2 title, Text2 y_label, bool log_y) {
  LineChart c;
  c.title = std::move(title);
  c.y_label = std::move(y_label);
  c.log_y = log_y;
  for (int q = 0; q < kQuarters; ++q) {
    c.x_labels.push_back(Year(q));
    if (q % 4 == 0) c.x_ticks.push_back(q);
  }
  return c;
}

const SeriesBand* FindSeries(const SimulationResult& r, std::string_view name) {
  for (const SeriesBand& s : r.series) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

void AddSeries(const SimulationResult& r, std::string_view name, Text2 label, std::string color,
               LineChart* c) {
  const SeriesBand* s = FindSeries(r, name);
  if (s == nullptr) return;
  LineSeries out{std::move(label), std::move(color), {}, {}, {}};
  for (const Band& b : s->q) {
    out.lo.push_back(b.p5);
    out.mid.push_back(b.p50);
    out.hi.push_back(b.p95);
  }
  c->series.push_back(std::move(out));
}

std::string Pct(double v) { return std::isfinite(v) ? fmt::format("{:.0f}%", v * 100) : "–"; }
std::string Val(double v) { return std::isfinite(v) ? Num(v) : "–"; }
std::string Range(const Band& b) {
  return fmt::format("{} [{}, {}]", Val(b.p50), Val(b.p5), Val(b.p95));
}

std::string Header(const SimulationResult& r, Language lang) {
  std::string out = fmt::format(
      "<!doctype html><html><head><meta charset=\"utf-8\"><title>{}</title><style>{}</style>"
      "</head><body class=\"{}\">",
      Escape(r.title), kStyle, lang == Language::kChinese ? "zh" : "en");
  out +=
      "<div class=\"switch\"><button onclick=\"document.body.className='en'\">English</button>"
      "<button onclick=\"document.body.className='zh'\">中文</button></div>";
  out += fmt::format("<h1>{}</h1><p>{}</p>", Both({r.title, r.title_zh}), Escape(r.description));
  out += fmt::format(
      "<p class=\"note\">{}</p>",
      Both(
          {fmt::format("{} Monte Carlo draws (seed {}); per-round measures on {} draws, Shapley "
                       "attributions on {}; counterfactual: {}; horizon {} quarters. Law data "
                       "SHA-256 {}. Scenario file {}.",
                       r.draws, r.seed, r.measure_draws, r.shapley_draws,
                       r.closure == Closure::kBudget ? "budget-based" : "share-based", r.horizon,
                       r.law_hash, r.source),
           fmt::format("蒙特卡洛抽样 {} 次（种子 {}）；逐轮指标基于 {} 次抽样，Shapley 归因基于 {} "
                       "次；反事实定义：{}；观察期 {} 个季度。法规数据 SHA-256 {}。情景文件 {}。",
                       r.draws, r.seed, r.measure_draws, r.shapley_draws,
                       r.closure == Closure::kBudget ? "按预算" : "按份额", r.horizon, r.law_hash,
                       r.source)}));
  return out;
}

Text2 HypothesisLabel(std::string_view name) {
  static const std::pair<std::string_view, Text2> kLabels[] = {
      {"H-DR-strong",
       {"H-DR-strong: pass-through falls at every round", "H-DR-strong：每一轮传导率都下降"}},
      {"H-DR-trend", {"H-DR-trend: pass-through tends to fall", "H-DR-trend：传导率总体下降"}},
      {"H-decay", {"H-decay: a round's effect erodes", "H-decay：单轮效应随时间衰减"}},
      {"H-absolute",
       {"H-absolute: absolute effect falls at every round", "H-absolute：绝对效应逐轮下降"}},
      {"H-absolute-trend",
       {"H-absolute-trend: absolute effect tends to fall", "H-absolute-trend：绝对效应总体下降"}},
      {"H-kink", {"H-kink: threshold below the domestic chip", "H-kink：阈值低于国产芯片"}},
      {"base_shrinks",
       {"mechanical: the base shrinks at every round", "机械效应：每一轮基数都缩小"}},
      {"base_shrinks_trend", {"mechanical: the base tends to shrink", "机械效应：基数总体缩小"}},
      {"H-absolute_given_base_shrinks",
       {"H-absolute when the base shrinks", "基数缩小时的 H-absolute"}},
      {"H-absolute_given_base_grows",
       {"H-absolute when the base grows", "基数未缩小时的 H-absolute"}},
  };
  for (const auto& [key, label] : kLabels) {
    if (key == name) return label;
  }
  return {std::string(name), std::string(name)};
}

std::string HypothesesSection(const SimulationResult& r) {
  if (r.hypotheses.empty()) return "";
  std::string out = fmt::format(
      "<h2 id=\"hypotheses\">{}</h2><p>{}</p>",
      Both({"Does each new control round have a diminishing marginal effect?",
            "每一轮新的管制是否边际效应递减？"}),
      Both({"Probability over draws. Pass-through = realised denial / static denial (what the "
            "round would deny if China could not adapt). The mechanical shrinking of the base "
            "is shown beside the hypotheses: an absolute effect that falls only because each "
            "round acts on a smaller residual flow is not evidence of adaptation.",
            "各项为抽样中的概率。传导率 = 实际拒止 / 静态拒止（即中国无法调整时该轮会拒止的算力）。"
            "基数的机械缩小与各假设并列显示：仅因每一轮作用于更小的剩余流量而下降的绝对效应，"
            "并不能证明中国的适应。"}));
  BarChart c;
  c.title = {"Hypotheses and the mechanical base", "假设与机械基数"};
  c.x_label = {"probability", "概率"};
  for (const auto* list : {&r.hypotheses, &r.mechanical}) {
    for (const Hypothesis& h : *list) {
      const bool mechanical = list == &r.mechanical;
      c.bars.push_back({HypothesisLabel(h.name), h.probability, h.probability, h.probability,
                        mechanical ? "#7f8c8d" : "#2e86c1"});
    }
  }
  out += RenderBarChart(c);
  out += fmt::format("<table><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
                     Both({"name", "名称"}), Both({"probability", "概率"}),
                     Both({"draws", "抽样数"}), Both({"statement", "表述"}));
  for (const auto* list : {&r.hypotheses, &r.mechanical}) {
    for (const Hypothesis& h : *list) {
      out += fmt::format(
          "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td></tr>",
          Escape(h.name), Val(h.probability), h.draws_defined, Escape(h.statement));
    }
  }
  out += "</table>";
  if (r.pairs.empty()) return out;
  out += fmt::format("<table><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
                     Both({"consecutive tightening rounds", "相邻的收紧轮次"}),
                     Both({"P(pass-through falls)", "P(传导率下降)"}),
                     Both({"P(|effect| falls)", "P(|效应|下降)"}),
                     Both({"P(base shrinks)", "P(基数缩小)"}));
  for (const PairResult& p : r.pairs) {
    out += fmt::format(
        "<tr><td>{} → {}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>"
        "<td class=\"n\">{}</td></tr>",
        Escape(p.from), Escape(p.to), Val(p.pass_through_falls), Val(p.effect_falls),
        Val(p.base_shrinks));
  }
  return out + "</table>";
}

std::string ComputeSection(const SimulationResult& r) {
  std::string out =
      fmt::format("<h2 id=\"compute\">{}</h2>", Both({"Compute by bloc", "各集团算力"}));
  LineChart blocs = QuarterChart(
      {"Effective compute by bloc (median, 5-95% band)", "各集团有效算力（中位数，5-95% 区间）"},
      {"H100e x algorithmic efficiency", "H100e × 算法效率"}, true);
  AddSeries(r, "e_us", {"United States", "美国"}, "#1f4e79", &blocs);
  AddSeries(r, "e_t1", {"Tier 1", "第一梯队"}, "#2e86c1", &blocs);
  AddSeries(r, "e_t2", {"Tier 2", "第二梯队"}, "#27ae60", &blocs);
  AddSeries(r, "e_cn", {"China", "中国"}, "#c0392b", &blocs);
  AddSeries(r, "e_t3", {"Other Tier 3", "其他第三梯队"}, "#7f8c8d", &blocs);
  out += RenderLineChart(blocs);
  LineChart gap = QuarterChart({"Compute-gap ratio", "算力差距比"}, {"x", "倍"}, true);
  AddSeries(r, "gamma_stock", {"stock: E_US / E_CN", "存量：E_US / E_CN"}, "#8e44ad", &gap);
  AddSeries(r, "gamma_flow", {"flow: US / China intake", "流量：美国/中国新增"}, "#d35400", &gap);
  out += RenderLineChart(gap);
  LineChart lag =
      QuarterChart({"Capability lag of China's frontier models", "中国前沿模型的能力差距"},
                   {"months", "月"}, false);
  AddSeries(r, "lag_months", {"lag", "差距"}, "#16a085", &lag);
  out += RenderLineChart(lag);
  LineChart channels = QuarterChart({"China's intake by channel", "中国按渠道的新增算力"},
                                    {"H100e per quarter", "每季度 H100e"}, false);
  AddSeries(r, "cn_legal", {"licensed", "合法进口"}, "#2471a3", &channels);
  AddSeries(r, "cn_smuggled", {"smuggled", "走私"}, "#c0392b", &channels);
  AddSeries(r, "cn_domestic", {"domestic", "国产"}, "#b7950b", &channels);
  AddSeries(r, "cn_rented", {"rented abroad", "境外租用"}, "#7d3c98", &channels);
  out += RenderLineChart(channels);
  LineChart t2 = QuarterChart({"Tier 2 firms' own stock by country", "第二梯队各国企业自有存量"},
                              {"H100e", "H100e"}, true);
  AddSeries(r, "k_t2_own_ae", {"UAE", "阿联酋"}, "#1f4e79", &t2);
  AddSeries(r, "k_t2_own_sa", {"Saudi Arabia", "沙特阿拉伯"}, "#27ae60", &t2);
  AddSeries(r, "k_t2_own_my", {"Malaysia", "马来西亚"}, "#c0392b", &t2);
  AddSeries(r, "k_t2_own_sg", {"Singapore", "新加坡"}, "#8e44ad", &t2);
  AddSeries(r, "k_t2_own_in", {"India", "印度"}, "#d35400", &t2);
  AddSeries(r, "k_t2_own_rest", {"rest of Tier 2", "其他第二梯队"}, "#7f8c8d", &t2);
  out += RenderLineChart(t2);
  LineChart slack = QuarterChart({"Threshold-kink indicator: domestic capacity and its slack",
                                  "阈值拐点指标：国产产能及其剩余"},
                                 {"H100e per quarter", "每季度 H100e"}, false);
  AddSeries(r, "domestic_capacity", {"capacity Cap_D", "产能 Cap_D"}, "#b7950b", &slack);
  AddSeries(r, "domestic_slack", {"slack Cap_D - D", "剩余 Cap_D - D"}, "#566573", &slack);
  out += RenderLineChart(slack);
  return out;
}

int MainHorizon(const SimulationResult& r, const RoundResult& k) {
  for (int i = 0; i < kHorizonCount; ++i) {
    if (k.horizons[i] == r.horizon) return i;
  }
  return 1;
}

std::string RoundCharts(const SimulationResult& r) {
  BarChart denial;
  denial.title = {fmt::format("Static and realised denial over {} quarters", r.horizon),
                  fmt::format("{} 个季度内的静态拒止与实际拒止", r.horizon)};
  denial.x_label = {"H100e denied to China (median, 5-95%)", "中国被拒止的 H100e（中位数，5-95%）"};
  BarChart pass;
  pass.title = {"Pass-through per round", "各轮传导率"};
  pass.x_label = {"realised / static denial", "实际拒止 / 静态拒止"};
  pass.x_min = 0;
  pass.x_max = 1.5;
  double lo = 0, hi = 0;
  for (const RoundResult& k : r.rounds) {
    const int m = MainHorizon(r, k);
    const Band& s = k.static_denial[m];
    const Band& d = k.realised_denial[m];
    denial.bars.push_back({{k.id + " (static)", k.id + "（静态）"}, s.p50, s.p5, s.p95, "#95a5a6"});
    denial.bars.push_back({{k.id + " (realised)", k.id + "（实际）"},
                           d.p50,
                           d.p5,
                           d.p95,
                           k.tightening ? "#c0392b" : "#2471a3"});
    for (double v : {s.p5, s.p95, d.p5, d.p95}) {
      if (std::isfinite(v)) lo = std::min(lo, v), hi = std::max(hi, v);
    }
    const Band& p = k.pass_through[m];
    pass.bars.push_back({{k.id, k.id}, p.p50, p.p5, p.p95, k.tightening ? "#c0392b" : "#2471a3"});
  }
  denial.x_min = lo;
  denial.x_max = hi > lo ? hi : lo + 1;
  pass.reference = 1;
  return RenderBarChart(denial) + RenderBarChart(pass);
}

std::string RoundsSection(const SimulationResult& r) {
  if (r.rounds.empty()) return "";
  std::string out = fmt::format(
      "<h2 id=\"rounds\">{}</h2><p>{}</p>", Both({"Effect per round", "各轮效应"}),
      Both({"Red: tightening rounds (compared by the hypotheses); blue: rounds that loosen or "
            "deny less than 1% of China's intake. 1 - pass-through = substitution + leakage + "
            "rental + stockpiling + demand (the budget's own response to prices).",
            "红色：收紧轮次（用于检验假设）；蓝色：放松或拒止不足中国新增算力 1% 的轮次。"
            "1 - 传导率 = 替代 + 泄漏 + 租用 + 囤积 + 需求（预算对价格的反应）。"}));
  out += RoundCharts(r);
  out += fmt::format(
      "<table><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th>"
      "<th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
      Both({"round", "轮次"}), Both({"date", "日期"}), Both({"static denial", "静态拒止"}),
      Both({"pass-through", "传导率"}), Both({"substitution", "替代"}), Both({"leakage", "泄漏"}),
      Both({"rental", "租用"}), Both({"stockpiling", "囤积"}), Both({"demand", "需求"}),
      Both({"Δln E_CN sequential", "Δln E_CN 顺序"}),
      Both({"Δln E_CN Shapley", "Δln E_CN Shapley"}), Both({"P(kink)", "P(拐点)"}));
  for (const RoundResult& k : r.rounds) {
    const int m = MainHorizon(r, k);
    out += fmt::format("<tr><td>{}<br><span class=\"note\">{}</span></td><td>{}</td>", Escape(k.id),
                       Both({k.title, k.title_zh}), k.date.ToString());
    out += fmt::format("<td class=\"n\">{}</td><td class=\"n\">{}</td>", Range(k.static_denial[m]),
                       Range(k.pass_through[m]));
    for (const Band& b : k.offsets) out += fmt::format("<td class=\"n\">{}</td>", Val(b.p50));
    out += fmt::format("<td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
                       Range(k.marginal_sequential[kLnChina]), Range(k.marginal_shapley[kLnChina]),
                       Pct(k.kink_probability));
  }
  return out + "</table>";
}

std::string TornadoSection(const SimulationResult& r) {
  if (r.tornado.empty()) return "";
  std::vector<TornadoRow> rows;
  for (size_t i = 0; i < r.tornado.size() && i < 15; ++i) {
    rows.push_back({r.tornado[i].param, r.tornado[i].gap_low, r.tornado[i].gap_high});
  }
  std::string out = fmt::format(
      "<h2 id=\"tornado\">{}</h2><p>{}</p>", Both({"Sensitivity (tornado)", "敏感性（龙卷风图）"}),
      Both({fmt::format("ln of the compute gap E_US / E_CN at the end of {}, each parameter alone "
                        "at its 5th and 95th percentile; the dashed line is every default.",
                        r.report_year),
            fmt::format("{} 年末算力差距 E_US / E_CN 的对数：每次只把一个参数置于其第 5 和第 95 "
                        "百分位；虚线为全部取默认值。",
                        r.report_year)}));
  out += RenderTornado({"Parameters ranked by swing", "按摆幅排序的参数"},
                       {"ln(E_US / E_CN)", "ln(E_US / E_CN)"}, r.base_gap, rows);
  return out;
}

std::string VariantsSection(const SimulationResult& r) {
  std::string out = fmt::format("<h2 id=\"variants\">{}</h2><table><tr><th>{}</th>",
                                Both({"Variants", "对照情景"}), Both({"variant", "情景"}));
  const int year = r.report_year;
  for (const auto& [metric, years] : r.variants.front().annual) {
    (void)years;
    out += fmt::format("<th>{} {}</th>", Escape(metric), year);
  }
  out += "</tr>";
  for (const VariantSummary& v : r.variants) {
    out += fmt::format("<tr><td>{}<br><span class=\"note\">{}</span></td>", Escape(v.id),
                       Both({v.title, v.title_zh}));
    for (const auto& [metric, years] : v.annual) {
      (void)metric;
      out += fmt::format("<td class=\"n\">{}</td>", Range(years[size_t(year - kFirstYear)]));
    }
    out += "</tr>";
  }
  return out + "</table>";
}

std::string ChecksSection(const SimulationResult& r) {
  if (r.checks.empty()) return "";
  std::string out = fmt::format(
      "<h2 "
      "id=\"checks\">{}</h2><table><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></"
      "tr>",
      Both({"Benchmark checks", "基准检验"}), Both({"check", "检验"}), Both({"value", "数值"}),
      Both({"criterion", "标准"}), Both({"result", "结果"}), Both({"note", "说明"}));
  for (const CheckResult& c : r.checks) {
    const bool xfail = !c.check.expected_failure.empty();
    const Text2 verdict =
        c.ok ? (xfail ? Text2{"expected failure", "预期未通过"} : Text2{"pass", "通过"})
             : (xfail ? Text2{"now passes: review", "现已通过：需复核"} : Text2{"fail", "未通过"});
    const std::string criterion =
        c.check.stat == "prob"
            ? fmt::format("P(value in [{}, {}]) >= {}", Val(c.check.lo), Val(c.check.hi),
                          Val(c.check.prob_min))
            : fmt::format("{} in [{}, {}]", c.check.stat, Val(c.check.lo), Val(c.check.hi));
    out += fmt::format(
        "<tr><td>{}<br><span class=\"note\">{}</span></td><td class=\"n\">{}</td><td>{}</td>"
        "<td class=\"{}\">{}</td><td>{}</td></tr>",
        Escape(c.check.id), Escape(c.check.title), Val(c.value), Escape(criterion),
        c.ok ? "ok" : "bad", Both(verdict), Escape(c.check.expected_failure));
  }
  return out + "</table>";
}

std::string ParamsSection(const SimulationResult& r) {
  std::string out = fmt::format(
      "<h2>{}</h2><table><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
      Both({"Parameters", "参数"}), Both({"parameter", "参数"}), Both({"default", "默认值"}),
      Both({"Monte Carlo", "蒙特卡洛分布"}), Both({"source", "来源"}));
  for (const ParamSpec& p : r.params) {
    std::string dist = "fixed";
    if (p.dist == Dist::kUniform) dist = fmt::format("U({}, {})", Num(p.a), Num(p.b));
    if (p.dist == Dist::kLogUniform) dist = fmt::format("LogU({}, {})", Num(p.a), Num(p.b));
    if (p.dist == Dist::kLogNormal)
      dist = fmt::format("LogN(median {}, sd {})", Num(p.a), Num(p.b));
    out += fmt::format(
        "<tr><td>{} <span class=\"note\">{}</span></td><td class=\"n\">{} {}</td>"
        "<td>{}</td><td>{}</td></tr>",
        Escape(p.name), Escape(p.symbol), Num(p.value), Escape(p.unit), dist, Escape(p.source));
  }
  return out + "</table>";
}

std::string Footer(const SimulationResult& r) {
  std::string out = fmt::format("<h2>{}</h2><table><tr><th>{}</th><th>{}</th><th>{}</th></tr>",
                                Both({"Law facts used", "所用法规事实"}), Both({"fact", "事实"}),
                                Both({"value", "数值"}), Both({"citation", "出处"}));
  for (const LawFact& f : r.law_facts) {
    out +=
        fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td></tr>", Escape(f.name),
                    f.date ? f.date->ToString() : Num(f.value) + " " + f.unit, Escape(f.citation));
  }
  out += "</table>";
  out += fmt::format(
      "<p class=\"note\">{}</p>",
      Both({"Calibration: Epoch AI, 'AI Chip Sales' (ai-chip-counts, commit d1b1bc3; MIT licence, "
            "Copyright (c) 2025 Epoch AI; data CC BY), and the sources listed per parameter. "
            "Model and method: docs/simulator.md.",
            "校准数据：Epoch AI「AI Chip Sales」（ai-chip-counts，提交 d1b1bc3；MIT 许可，"
            "Copyright (c) 2025 Epoch AI；数据采用 CC BY），以及各参数所列来源。"
            "模型与方法见 docs/simulator.md。"}));
  return out;
}

}  // namespace

std::string ReportHtml(const SimulationResult& r, Language language) {
  std::string out = Header(r, language);
  out += HypothesesSection(r);
  out += ComputeSection(r);
  out += RoundsSection(r);
  out += TornadoSection(r);
  out += VariantsSection(r);
  out += ChecksSection(r);
  out += ParamsSection(r);
  out += Footer(r);
  out += "</body></html>\n";
  return out;
}

}  // namespace highfence::simulate
