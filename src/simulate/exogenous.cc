// MakeExogenous: the policy-independent paths of one draw (model.h). Growth
// paths are built by repeated multiplication, two pow() calls per path, since
// this runs once per draw and per variant.
#include <algorithm>
#include <cmath>

#include "simulate/calibration.h"
#include "simulate/model.h"

namespace highfence::simulate {
namespace {

constexpr int kFirstEpoch = FirstQuarterOf(2022);     // 8: 2022Q1
constexpr int kLastEpoch = FirstQuarterOf(2026) - 1;  // 23: 2025Q4
constexpr int kLast2027 = FirstQuarterOf(2028) - 1;   // 31: 2027Q4

// out[q] = per_year^((q - origin) / 4) for every quarter.
Series QuarterPowers(double per_year, double origin) {
  Series out;
  const double step = std::pow(per_year, 0.25);
  out[0] = std::pow(per_year, (0 - origin) / 4);
  for (int q = 1; q < kQuarters; ++q) out[q] = out[q - 1] * step;
  return out;
}

void FillSupply(const ParamSet& p, Exogenous* x) {
  std::span<const EpochQuarter> epoch = EpochQuarters();
  auto total = [](const EpochQuarter& e) {
    return e.nvidia_h100e + e.tpu_h100e + e.amd_h100e + e.trainium_h100e;
  };
  const Series back = QuarterPowers(p[kBackcastGrowth], kFirstEpoch);
  const Series early = QuarterPowers(p[kSupplyGrowth2026], kLastEpoch);
  const Series late = QuarterPowers(p[kSupplyGrowth2028], kLast2027);
  const Series units = QuarterPowers(p[kUnitH100eGrowth], kLastEpoch);
  const EpochQuarter& first = epoch.front();
  const EpochQuarter& last = epoch.back();
  for (int q = 0; q < kQuarters; ++q) {
    if (q < kFirstEpoch) {
      x->supply[q] = total(first) * back[q];
      x->nvidia[q] = first.nvidia_h100e * back[q];
      x->unit_h100e[q] = first.nvidia_h100e / first.nvidia_units;
    } else if (q <= kLastEpoch) {
      const EpochQuarter& e = epoch[size_t(q - kFirstEpoch)];
      x->supply[q] = total(e);
      x->nvidia[q] = e.nvidia_h100e;
      x->unit_h100e[q] = e.nvidia_h100e / e.nvidia_units;
    } else {
      // g_G through 2027, then the late rate.
      const double g = q <= kLast2027 ? early[q] : early[kLast2027] * late[q];
      x->supply[q] = total(last) * g;
      x->nvidia[q] = last.nvidia_h100e * g;
      x->unit_h100e[q] = last.nvidia_h100e / last.nvidia_units * units[q];
    }
  }
}

// Huawei's roadmap in H100e per chip, dies per chip (910B 1, 910C 2), HBM
// stacks per chip (910B 4, 910C 8) and packaging, by year; 2025 is a mix.
void FillDomesticChips(const ParamSet& p, Exogenous* x) {
  const Series pack_growth = QuarterPowers(p[kPackagingGrowth], kLastEpoch);
  double phi_late = p[kDomesticH100e2027];
  for (int q = 0; q < kQuarters; ++q) {
    const int year = YearOf(q);
    if (year > 2027 && q % 4 == 0) phi_late *= p[kDomesticH100eGrowth];
    double phi = 0.30;  // Ascend 910: ~640 dense INT8 TOPS / 1,979
    if (year == 2024) phi = 0.40;
    if (year == 2025) phi = 0.66;
    if (year == 2026) phi = 0.75;
    if (year >= 2027) phi = phi_late;
    x->domestic_h100e[q] = phi;
    x->dies_per_chip[q] = year <= 2024 ? 1.0 : (year == 2025 ? 1.4 : 2.0);
    x->stacks_per_chip[q] = year <= 2024 ? 4.0 : (year == 2025 ? 6.0 : 8.0);
    double pack = 5000;  // chips per quarter before 910B volume production
    if (year == 2023) pack = 12500;
    if (year == 2024) pack = p[kPackaging2024];
    if (year == 2025) pack = p[kPackaging2025];
    if (year >= 2026) pack = p[kPackaging2025] * pack_growth[q];
    x->packaging[q] = pack * p[kPackagingMultiplier];
  }
}

// HBM imports (usable stacks) absent a control: ~1M gross before 2024, the
// 2024 rate, then growing. CXMT's plan: 1M stacks in 2026, 4M in 2027, then
// +50% a year, slipped by cxmt_delay_years.
void FillMemoryAndDies(const ParamSet& p, Exogenous* x) {
  const double usable = std::min(1.0, p[kHbmUsable] / p[kHbmGrossThrough2024]);
  const Series import_growth = QuarterPowers(p[kHbmImportGrowth], FirstQuarterOf(2025) - 1);
  for (int q = 0; q < kQuarters; ++q) {
    const int year = YearOf(q);
    double gross = year <= 2022 ? 50e3 : (year == 2023 ? 100e3 : p[kHbmImportsGross2024]);
    if (year >= 2025) gross *= import_growth[q];
    x->hbm_imports[q] = gross * usable;
    const double cxmt_year = year - p[kCxmtDelayYears];
    double cxmt = 0;
    if (cxmt_year >= 2026) cxmt = cxmt_year < 2027 ? 0.25e6 : 1e6 * std::pow(1.5, cxmt_year - 2027);
    x->cxmt_stacks[q] = cxmt * p[kCxmtMultiplier];
    x->proxy_dies[q] = year >= 2024 ? p[kDieBank] / 4 : 0;
    x->smic_additions[q] = year >= 2023 ? p[kSmicWaferAdditions] : 0;
  }
  x->hbm_surge = p[kHbmSurgeGross] * usable;
}

}  // namespace

Exogenous MakeExogenous(const ParamSet& p) {
  Exogenous x;
  FillSupply(p, &x);
  FillDomesticChips(p, &x);
  FillMemoryAndDies(p, &x);
  // The frontier price falls at d_p a year through p(mid-2025); effective
  // compute is in H100e of mid-2025 algorithms (months from mid-2025).
  const Series price = QuarterPowers(1 - p[kPriceDecline], 5.5 * 4 - 0.5);
  const Series algo = QuarterPowers(std::exp2(12 / p[kAlgorithmicHalving]), 5.5 * 4 - 0.5);
  const double lag = std::exp2(-p[kAlgorithmicLag] / p[kAlgorithmicHalving]);
  for (int q = 0; q < kQuarters; ++q) {
    x.price[q] = p[kPrice2025] * price[q];
    x.budget[q] = ChinaBudgetUsd(YearOf(q)) / 4 * p[kBudgetScale];
    x.algo_us[q] = algo[q];
    x.algo_cn[q] = algo[q] * lag;
  }
  // The seed is the 2024Q1 network that, growing at g_N all year, smuggles
  // the 2024 units.
  const double g = std::pow(p[kNetworkGrowth], 0.25);
  x.network_seed = p[kSmuggledUnits2024] / (1 + g + g * g + g * g * g);
  return x;
}

}  // namespace highfence::simulate
