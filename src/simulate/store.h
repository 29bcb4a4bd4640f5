// What the Monte Carlo keeps from each draw, and the statistics over draws.
// Internal to src/simulate.
#ifndef HIGHFENCE_SIMULATE_STORE_H_
#define HIGHFENCE_SIMULATE_STORE_H_

#include <string_view>
#include <vector>

#include "simulate/measures.h"
#include "simulate/metrics.h"
#include "simulate/model.h"
#include "simulate/simulate.h"

namespace highfence::simulate {

// A quarterly series reported with bands.
struct BandedSeries {
  std::string_view name;
  const Series& (*of)(const Trajectory&);
};
std::span<const BandedSeries> BandedSeriesList();

// An annual figure of one variant, kept for every draw.
struct Probe {
  int variant = 0;  // index into RunPlan::variants
  Metric metric = Metric::kCnIntake;
  int year_from = 0, year_to = 0;
  friend bool operator==(const Probe&, const Probe&) = default;
};

struct Store {
  int draws = 0, measure_draws = 0, shapley_draws = 0, rounds = 0;
  std::vector<float> series;  // [series][quarter][draw]
  std::vector<Probe> probes;
  std::vector<double> probe_values;    // [probe][draw]
  std::vector<RoundDraw> round_draws;  // [draw][round], draws < measure_draws

  float& SeriesAt(size_t s, int q, int d) {
    return series[(s * kQuarters + size_t(q)) * size_t(draws) + size_t(d)];
  }
  const RoundDraw& At(int d, int k) const { return round_draws[size_t(d) * rounds + size_t(k)]; }
  int ProbeIndex(const Probe& p) const;  // -1 if absent
};

// 5th, 50th, 95th percentiles (inverse empirical CDF) and mean of the
// non-NaN values; the in-place form reorders `values`.
Band BandOf(std::vector<double> values);
Band BandOfInPlace(std::vector<double>& values);
// The same over stored (float) series values.
Band BandOfFloats(std::vector<float>& values);
// Sarle's bimodality coefficient; above 5/9 suggests two modes.
double BimodalityCoefficient(const std::vector<double>& values);

}  // namespace highfence::simulate

#endif  // HIGHFENCE_SIMULATE_STORE_H_
