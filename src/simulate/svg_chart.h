// Small SVG chart writers for the HTML report: line charts with bands, and
// horizontal bar charts with whiskers. They produce inline SVG text with no
// script and no external resource; labels are passed in already localised.
#ifndef HIGHFENCE_SIMULATE_SVG_CHART_H_
#define HIGHFENCE_SIMULATE_SVG_CHART_H_

#include <string>
#include <vector>

namespace highfence::simulate {

// A label in both report languages (rendered as two <tspan>s or <span>s).
struct Text2 {
  std::string en, zh;
};

struct LineSeries {
  Text2 label;
  std::string color;                // CSS colour
  std::vector<double> lo, mid, hi;  // one value per x; lo/hi may be empty (no band)
};

struct LineChart {
  Text2 title, y_label;
  std::vector<std::string> x_labels;  // one per x; every label shown
  std::vector<int> x_ticks;           // indices of x that get a tick
  bool log_y = false;
  std::vector<LineSeries> series;
  int width = 760, height = 300;
};

struct Bar {
  Text2 label;
  double value = 0, lo = 0, hi = 0;  // whisker [lo, hi]; lo == hi: none
  std::string color;
  bool span = false;  // draw the bar over [lo, hi] instead of reference..value
};

struct BarChart {
  Text2 title, x_label;
  std::vector<Bar> bars;
  double x_min = 0, x_max = 1;  // axis range (values are clipped to it)
  double reference = 0;         // a vertical line (e.g. 0 or the base case)
  int width = 760;
};

// A tornado bar: the outcome at the parameter's low and high values.
struct TornadoRow {
  std::string label;
  double at_low = 0, at_high = 0;
};

std::string RenderLineChart(const LineChart& c);
std::string RenderBarChart(const BarChart& c);
std::string RenderTornado(const Text2& title, const Text2& x_label, double base,
                          const std::vector<TornadoRow>& rows);

// Escapes &, <, >, " for HTML and SVG text.
std::string Escape(std::string_view s);
// "<span lang=en>..</span><span lang=zh>..</span>".
std::string Both(const Text2& t);

}  // namespace highfence::simulate

#endif  // HIGHFENCE_SIMULATE_SVG_CHART_H_
