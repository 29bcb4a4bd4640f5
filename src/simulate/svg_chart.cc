#include "simulate/svg_chart.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace highfence::simulate {
namespace {

constexpr int kLeft = 70, kRight = 180, kTop = 44, kBottom = 40;

std::string Fmt(double v) { return fmt::format("{:.1f}", v); }

// "1.2M", "350k", "0.42".
std::string Short(double v) {
  const double a = std::abs(v);
  if (a >= 1e12) return fmt::format("{:.3g}T", v / 1e12);
  if (a >= 1e9) return fmt::format("{:.3g}B", v / 1e9);
  if (a >= 1e6) return fmt::format("{:.3g}M", v / 1e6);
  if (a >= 1e3) return fmt::format("{:.3g}k", v / 1e3);
  return fmt::format("{:.3g}", v);
}

std::string SvgText(const Text2& t, double x, double y, std::string_view attrs) {
  return fmt::format(
      "<text x=\"{}\" y=\"{}\" {}><tspan class=\"en\">{}</tspan>"
      "<tspan class=\"zh\">{}</tspan></text>",
      Fmt(x), Fmt(y), attrs, Escape(t.en), Escape(t.zh));
}

struct YScale {
  double lo, hi;
  bool log;
  double top, bottom;
  double operator()(double v) const {
    if (log) v = std::log10(std::max(v, lo));
    const double a = log ? std::log10(lo) : lo, b = log ? std::log10(hi) : hi;
    return bottom - (std::clamp(v, a, b) - a) / (b - a) * (bottom - top);
  }
};

YScale MakeYScale(const LineChart& c, double top, double bottom) {
  double lo = 1e300, hi = -1e300;
  for (const LineSeries& s : c.series) {
    for (const auto* v : {&s.lo, &s.mid, &s.hi}) {
      for (double x : *v) {
        if (!std::isfinite(x) || (c.log_y && x <= 0)) continue;
        lo = std::min(lo, x);
        hi = std::max(hi, x);
      }
    }
  }
  if (lo > hi) lo = 0, hi = 1;
  if (c.log_y) {
    lo = std::pow(10, std::floor(std::log10(lo)));
    hi = std::pow(10, std::ceil(std::log10(hi)));
  } else {
    lo = std::min(0.0, lo);
    hi = hi <= lo ? lo + 1 : hi * 1.05;
  }
  return {lo, hi, c.log_y, top, bottom};
}

std::string YAxis(const YScale& y, double x0, double x1) {
  std::string out;
  std::vector<double> ticks;
  if (y.log) {
    for (double v = y.lo; v <= y.hi * 1.0001; v *= 10) ticks.push_back(v);
  } else {
    const double step = std::pow(10, std::floor(std::log10((y.hi - y.lo) / 4)));
    const double nice = (y.hi - y.lo) / step > 20  ? step * 5
                        : (y.hi - y.lo) / step > 8 ? step * 2
                                                   : step;
    for (double v = std::ceil(y.lo / nice) * nice; v <= y.hi; v += nice) ticks.push_back(v);
  }
  for (double v : ticks) {
    out += fmt::format("<line x1=\"{}\" x2=\"{}\" y1=\"{}\" y2=\"{}\" class=\"grid\"/>", Fmt(x0),
                       Fmt(x1), Fmt(y(v)), Fmt(y(v)));
    const std::string label =
        y.log && std::abs(v) >= 1e6 ? fmt::format("1e{:.0f}", std::log10(v)) : Short(v);
    out += fmt::format("<text x=\"{}\" y=\"{}\" class=\"tick\" text-anchor=\"end\">{}</text>",
                       Fmt(x0 - 6), Fmt(y(v) + 4), label);
  }
  return out;
}

std::string Polyline(const std::vector<double>& v, const std::vector<double>& xs, const YScale& y,
                     std::string_view attrs) {
  std::string pts;
  for (size_t i = 0; i < v.size(); ++i) {
    if (!std::isfinite(v[i])) continue;
    pts += fmt::format("{},{} ", Fmt(xs[i]), Fmt(y(v[i])));
  }
  return fmt::format("<polyline points=\"{}\" {}/>", pts, attrs);
}

std::string Band(const LineSeries& s, const std::vector<double>& xs, const YScale& y) {
  if (s.lo.empty() || s.hi.empty()) return "";
  std::string pts;
  for (size_t i = 0; i < s.hi.size(); ++i) {
    if (std::isfinite(s.hi[i])) pts += fmt::format("{},{} ", Fmt(xs[i]), Fmt(y(s.hi[i])));
  }
  for (size_t i = s.lo.size(); i-- > 0;) {
    if (std::isfinite(s.lo[i])) pts += fmt::format("{},{} ", Fmt(xs[i]), Fmt(y(s.lo[i])));
  }
  return fmt::format("<polygon points=\"{}\" fill=\"{}\" fill-opacity=\"0.18\" stroke=\"none\"/>",
                     pts, s.color);
}

}  // namespace

std::string Escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string Both(const Text2& t) {
  return fmt::format("<span class=\"en\">{}</span><span class=\"zh\">{}</span>", Escape(t.en),
                     Escape(t.zh));
}

std::string RenderLineChart(const LineChart& c) {
  const double x0 = kLeft, x1 = c.width - kRight, top = kTop, bottom = c.height - kBottom;
  const YScale y = MakeYScale(c, top, bottom);
  const size_t n = c.x_labels.size();
  std::vector<double> xs(n);
  for (size_t i = 0; i < n; ++i) xs[i] = x0 + (n > 1 ? (x1 - x0) * double(i) / double(n - 1) : 0);
  std::string out =
      fmt::format("<svg viewBox=\"0 0 {} {}\" class=\"chart\" role=\"img\">", c.width, c.height);
  out += SvgText(c.title, 12, 16, "class=\"ctitle\"");
  out += YAxis(y, x0, x1);
  for (int i : c.x_ticks) {
    out += fmt::format("<text x=\"{}\" y=\"{}\" class=\"tick\" text-anchor=\"middle\">{}</text>",
                       Fmt(xs[size_t(i)]), Fmt(bottom + 16), Escape(c.x_labels[size_t(i)]));
  }
  out += SvgText(c.y_label, 12, 32, "class=\"tick\"");
  for (const LineSeries& s : c.series) out += Band(s, xs, y);
  double legend_y = top + 6;
  for (const LineSeries& s : c.series) {
    out += Polyline(s.mid, xs, y,
                    fmt::format("fill=\"none\" stroke=\"{}\" stroke-width=\"2\"", s.color));
    out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"12\" height=\"4\" fill=\"{}\"/>",
                       Fmt(x1 + 10), Fmt(legend_y - 4), s.color);
    out += SvgText(s.label, x1 + 26, legend_y, "class=\"legend\"");
    legend_y += 18;
  }
  out += "</svg>";
  return out;
}

std::string RenderBarChart(const BarChart& c) {
  const int row = 22, label_w = 330;
  const int height = kTop + row * int(c.bars.size()) + kBottom;
  const double x0 = label_w, x1 = c.width - 40;
  auto x = [&](double v) {
    return x0 + (std::clamp(v, c.x_min, c.x_max) - c.x_min) / (c.x_max - c.x_min) * (x1 - x0);
  };
  std::string out =
      fmt::format("<svg viewBox=\"0 0 {} {}\" class=\"chart\" role=\"img\">", c.width, height);
  out += SvgText(c.title, 10, 18, "class=\"ctitle\"");
  for (int i = 0; i <= 4; ++i) {
    const double v = c.x_min + (c.x_max - c.x_min) * i / 4;
    out += fmt::format(
        "<line x1=\"{0}\" x2=\"{0}\" y1=\"{1}\" y2=\"{2}\" class=\"grid\"/>"
        "<text x=\"{0}\" y=\"{3}\" class=\"tick\" text-anchor=\"middle\">{4}</text>",
        Fmt(x(v)), kTop, height - kBottom, height - kBottom + 14, Short(v));
  }
  out += SvgText(c.x_label, x0, height - 8, "class=\"tick\"");
  for (size_t i = 0; i < c.bars.size(); ++i) {
    const Bar& b = c.bars[i];
    const double yc = kTop + row * double(i) + row / 2.0;
    out += SvgText(b.label, x0 - 8, yc + 4, "class=\"legend\" text-anchor=\"end\"");
    if (!std::isfinite(b.value)) continue;
    double from = x(std::min(c.reference, b.value));
    double to = x(std::max(c.reference, b.value));
    if (b.span) {
      from = x(std::min(b.lo, b.hi));
      to = x(std::max(b.lo, b.hi));
    }
    out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"/>",
                       Fmt(from), Fmt(yc - 7), Fmt(std::max(1.0, to - from)), 14, b.color);
    if (!b.span && std::isfinite(b.lo) && std::isfinite(b.hi) && b.lo != b.hi) {
      out += fmt::format("<line x1=\"{0}\" x2=\"{1}\" y1=\"{2}\" y2=\"{2}\" class=\"whisker\"/>",
                         Fmt(x(b.lo)), Fmt(x(b.hi)), Fmt(yc));
    }
  }
  out += fmt::format("<line x1=\"{0}\" x2=\"{0}\" y1=\"{1}\" y2=\"{2}\" class=\"ref\"/>",
                     Fmt(x(c.reference)), kTop - 4, height - kBottom);
  out += "</svg>";
  return out;
}

std::string RenderTornado(const Text2& title, const Text2& x_label, double base,
                          const std::vector<TornadoRow>& rows) {
  BarChart c;
  c.title = title;
  c.x_label = x_label;
  c.reference = base;
  double lo = base, hi = base;
  for (const TornadoRow& r : rows) {
    lo = std::min({lo, r.at_low, r.at_high});
    hi = std::max({hi, r.at_low, r.at_high});
  }
  const double pad = (hi - lo) * 0.05 + 1e-9;
  c.x_min = lo - pad;
  c.x_max = hi + pad;
  for (const TornadoRow& r : rows) {
    // One bar spans the outcome between the parameter's low and high values:
    // red when the high value widens the gap, blue when it narrows it.
    c.bars.push_back({{r.label, r.label},
                      r.at_high,
                      r.at_low,
                      r.at_high,
                      r.at_high >= r.at_low ? "#c0392b" : "#2471a3",
                      true});
  }
  return RenderBarChart(c);
}

}  // namespace highfence::simulate
