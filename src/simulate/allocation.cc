#include "simulate/allocation.h"

#include <algorithm>
#include <cmath>

#include "highfence/assert.h"

namespace highfence::simulate {
namespace {

// The foreign supply curve: channels by ascending cost, with cumulative
// quantity and resource used at the end of each step.
struct Curve {
  int n = 0;
  std::array<int, kForeignCount> channel{};
  std::array<double, kForeignCount> cost{};    // $ per H100e (for the CES ratio)
  std::array<double, kForeignCount> ratio{};   // (cost / c_D)^eps: D / F inside the step
  std::array<double, kForeignCount> weight{};  // resource per H100e
  std::array<double, kForeignCount> end_quantity{};
  std::array<double, kForeignCount> end_resource{};
};

Curve BuildCurve(const AllocationInput& in) {
  Curve c;
  // Three channels: an insertion sort by cost, stable for equal costs.
  std::array<int, kForeignCount> order = {kLegal, kSmuggled, kRented};
  for (int i = 1; i < kForeignCount; ++i) {
    for (int j = i; j > 0 && in.cost[order[j]] < in.cost[order[j - 1]]; --j) {
      std::swap(order[j], order[j - 1]);
    }
  }
  double quantity = 0, resource = 0;
  for (int j : order) {
    if (in.capacity[j] <= 0) continue;
    const double w = in.quantity_mode ? 1.0 : in.cost[j];
    quantity += in.capacity[j];
    resource += in.capacity[j] * w;
    c.channel[c.n] = j;
    c.cost[c.n] = in.cost[j];
    c.weight[c.n] = w;
    c.end_quantity[c.n] = quantity;
    c.end_resource[c.n] = resource;
    ++c.n;
  }
  return c;
}

// The most foreign H100e `resource` buys along the curve.
double ForeignFor(const Curve& c, double resource) {
  double start_q = 0, start_r = 0;
  for (int s = 0; s < c.n; ++s) {
    if (resource <= c.end_resource[s]) return start_q + (resource - start_r) / c.weight[s];
    start_q = c.end_quantity[s];
    start_r = c.end_resource[s];
  }
  return start_q;
}

// The CES split of `resource` between domestic (weight wd) and the foreign
// curve, ignoring the domestic capacity. Returns foreign H100e; *domestic set.
double Split(const Curve& c, double resource, double wd, double* domestic) {
  double start_q = 0, start_r = 0;
  for (int s = 0; s < c.n; ++s) {
    // Inside step s: D = ratio * F and wd * D + start_r + w (F - start_q) = resource.
    const double ratio = c.ratio[s];
    const double f = (resource - start_r + c.weight[s] * start_q) / (wd * ratio + c.weight[s]);
    if (f <= c.end_quantity[s]) {
      *domestic = ratio * f;
      return f;
    }
    // At the kink after step s: F = end of step, the rest domestic, if the
    // domestic/foreign ratio lies between the two steps' ratios.
    const double d = (resource - c.end_resource[s]) / wd;
    const bool last = s + 1 == c.n;
    if (last || d <= c.ratio[s + 1] * c.end_quantity[s]) {
      *domestic = d;
      return c.end_quantity[s];
    }
    start_q = c.end_quantity[s];
    start_r = c.end_resource[s];
  }
  *domestic = resource / wd;  // no foreign channel open
  return 0;
}

void FillChannels(const Curve& c, double foreign, AllocationResult* out) {
  double start_q = 0;
  for (int s = 0; s < c.n; ++s) {
    const double take = std::clamp(foreign - start_q, 0.0, c.end_quantity[s] - start_q);
    out->foreign[c.channel[s]] = take;
    out->used += take * c.weight[s];
    start_q = c.end_quantity[s];
  }
}

}  // namespace

AllocationResult Allocate(const AllocationInput& in) {
  HF_ASSERT(in.domestic_cost > 0);
  HF_ASSERT(in.resource >= 0);
  AllocationResult out;
  const double wd = in.quantity_mode ? 1.0 : in.domestic_cost;
  Curve curve = BuildCurve(in);
  for (int s = 0; s < curve.n; ++s) {
    curve.ratio[s] = std::pow(curve.cost[s] / in.domestic_cost, in.elasticity);
  }
  const double cap_d = std::max(0.0, in.domestic_capacity);
  // The domestic floor is met first (E2, "D >= min(Cap_D, m B / c_D)").
  const double floor = std::min({cap_d, std::max(0.0, in.domestic_floor), in.resource / wd});
  double resource = in.resource - floor * wd;
  double domestic = 0;
  double foreign = Split(curve, resource, wd, &domestic);
  const double room = cap_d - floor;
  if (domestic > room) {  // domestic capacity binds: the rest buys foreign chips
    domestic = room;
    foreign = ForeignFor(curve, resource - domestic * wd);
  }
  out.domestic = floor + domestic;
  out.used = out.domestic * wd;
  FillChannels(curve, foreign, &out);
  out.unused = std::max(0.0, in.resource - out.used);
  HF_ASSERT(out.used <= in.resource * (1 + 1e-9) + 1e-6);
  return out;
}

}  // namespace highfence::simulate
