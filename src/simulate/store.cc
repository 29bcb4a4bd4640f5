#include "simulate/store.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace highfence::simulate {
namespace {

#define HF_SERIES(name, field)                                         \
  BandedSeries {                                                       \
    name, [](const Trajectory& t) -> const Series& { return t.field; } \
  }
constexpr std::array<BandedSeries, 21> kSeries = {{
    HF_SERIES("e_us", e_us),
    HF_SERIES("e_t1", e_t1),
    HF_SERIES("e_t2", e_t2),
    HF_SERIES("e_cn", e_cn),
    HF_SERIES("e_t3", e_t3),
    HF_SERIES("gamma_stock", gamma_stock),
    HF_SERIES("gamma_flow", gamma_flow),
    HF_SERIES("lag_months", lag_months),
    HF_SERIES("cn_legal", legal),
    HF_SERIES("cn_smuggled", smuggled),
    HF_SERIES("cn_domestic", domestic),
    HF_SERIES("cn_rented", rented),
    HF_SERIES("domestic_capacity", domestic_capacity),
    HF_SERIES("domestic_slack", slack),
    HF_SERIES("k_t2_own", k_t2_own),
    // Tier 2 firms' own stock by country (research notes 4.1), H100e.
    HF_SERIES("k_t2_own_ae", k_t2_slot[0]),
    HF_SERIES("k_t2_own_sa", k_t2_slot[1]),
    HF_SERIES("k_t2_own_my", k_t2_slot[2]),
    HF_SERIES("k_t2_own_sg", k_t2_slot[3]),
    HF_SERIES("k_t2_own_in", k_t2_slot[4]),
    HF_SERIES("k_t2_own_rest", k_t2_slot[5]),
}};
#undef HF_SERIES

}  // namespace

std::span<const BandedSeries> BandedSeriesList() { return kSeries; }

int Store::ProbeIndex(const Probe& p) const {
  auto it = std::find(probes.begin(), probes.end(), p);
  return it == probes.end() ? -1 : static_cast<int>(it - probes.begin());
}

namespace {

// The p-quantile's rank among n values: the inverse of the empirical CDF
// (Hyndman and Fan's type 1), ceil(p n) - 1, in [0, n - 1].
size_t Rank(double p, size_t n) {
  const double r = std::ceil(p * double(n)) - 1;
  return static_cast<size_t>(std::clamp(r, 0.0, double(n - 1)));
}

}  // namespace

// Selection rather than a full sort: the median first, then the 5th
// percentile among the values below it and the 95th among those above. The
// values arrive in draw order, so the result does not depend on threads.
namespace {

template <typename T>
Band Select(std::vector<T>& values) {
  std::erase_if(values, [](T v) { return std::isnan(v); });
  Band b;
  b.n = static_cast<int>(values.size());
  if (values.empty()) {
    b.p5 = b.p50 = b.p95 = b.mean = std::nan("");
    return b;
  }
  double sum = 0;
  for (T v : values) sum += v;  // draw order: the same whatever the threads
  b.mean = sum / double(values.size());
  const size_t n = values.size(), k50 = Rank(0.50, n), k5 = Rank(0.05, n), k95 = Rank(0.95, n);
  auto at = [&](size_t k) { return values.begin() + static_cast<ptrdiff_t>(k); };
  std::nth_element(values.begin(), at(k50), values.end());
  std::nth_element(values.begin(), at(k5), at(k50));
  std::nth_element(at(k50) + 1, at(k95), values.end());
  b.p5 = values[k5];
  b.p50 = values[k50];
  b.p95 = values[k95];
  return b;
}

}  // namespace

Band BandOfInPlace(std::vector<double>& values) { return Select(values); }
Band BandOfFloats(std::vector<float>& values) { return Select(values); }
Band BandOf(std::vector<double> values) { return BandOfInPlace(values); }

double BimodalityCoefficient(const std::vector<double>& values) {
  const double n = double(values.size());
  if (n < 4) return std::nan("");
  double mean = 0;
  for (double v : values) mean += v;
  mean /= n;
  double m2 = 0, m3 = 0, m4 = 0;
  for (double v : values) {
    const double d = v - mean;
    m2 += d * d;
    m3 += d * d * d;
    m4 += d * d * d * d;
  }
  m2 /= n;
  m3 /= n;
  m4 /= n;
  if (m2 <= 0) return std::nan("");
  // Sample skewness and excess kurtosis with the usual small-sample factors.
  const double g = std::sqrt(n * (n - 1)) / (n - 2) * m3 / std::pow(m2, 1.5);
  const double k = (n - 1) / ((n - 2) * (n - 3)) * ((n + 1) * (m4 / (m2 * m2) - 3) + 6);
  return (g * g + 1) / (k + 3 * (n - 1) * (n - 1) / ((n - 2) * (n - 3)));
}

}  // namespace highfence::simulate
