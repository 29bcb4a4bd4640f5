// MakeExogenous: the policy-independent paths of one draw (model.h).
#include <algorithm>
#include <cmath>

#include "simulate/calibration.h"
#include "simulate/model.h"

namespace highfence::simulate {
namespace {

constexpr int kFirstEpoch = FirstQuarterOf(2022);     // 8: 2022Q1
constexpr int kLastEpoch = FirstQuarterOf(2026) - 1;  // 23: 2025Q4

// Growth from the last Epoch quarter to quarter q: g_G through 2027, then the
// late rate.
double SupplyGrowth(const ParamSet& p, int q) {
  const int q2027 = FirstQuarterOf(2028) - 1;
  const int early = std::min(q, q2027) - kLastEpoch;
  const int late = std::max(0, q - q2027);
  return std::pow(p[kSupplyGrowth2026], early / 4.0) * std::pow(p[kSupplyGrowth2028], late / 4.0);
}

void FillSupply(const ParamSet& p, Exogenous* x) {
  std::span<const EpochQuarter> epoch = EpochQuarters();
  auto total = [](const EpochQuarter& e) {
    return e.nvidia_h100e + e.tpu_h100e + e.amd_h100e + e.trainium_h100e;
  };
  for (int q = 0; q < kQuarters; ++q) {
    if (q < kFirstEpoch) {
      const double back = std::pow(p[kBackcastGrowth], (q - kFirstEpoch) / 4.0);
      x->supply[q] = total(epoch.front()) * back;
      x->nvidia[q] = epoch.front().nvidia_h100e * back;
      x->unit_h100e[q] = epoch.front().nvidia_h100e / epoch.front().nvidia_units;
    } else if (q <= kLastEpoch) {
      const EpochQuarter& e = epoch[q - kFirstEpoch];
      x->supply[q] = total(e);
      x->nvidia[q] = e.nvidia_h100e;
      x->unit_h100e[q] = e.nvidia_h100e / e.nvidia_units;
    } else {
      const double g = SupplyGrowth(p, q);
      x->supply[q] = total(epoch.back()) * g;
      x->nvidia[q] = epoch.back().nvidia_h100e * g;
      x->unit_h100e[q] = epoch.back().nvidia_h100e / epoch.back().nvidia_units *
                         std::pow(p[kUnitH100eGrowth], (q - kLastEpoch) / 4.0);
    }
  }
}

// Huawei's roadmap in H100e per chip, dies per chip (910B 1, 910C 2) and HBM
// stacks per chip (910B 4, 910C 8), by year; 2025 is a 910B/910C mix.
void FillDomesticChip(const ParamSet& p, int q, Exogenous* x) {
  const int year = YearOf(q);
  double phi = 0.30;  // Ascend 910: ~640 dense INT8 TOPS / 1,979
  if (year == 2024) phi = 0.40;
  if (year == 2025) phi = 0.66;
  if (year == 2026) phi = 0.75;
  if (year >= 2027) phi = p[kDomesticH100e2027] * std::pow(p[kDomesticH100eGrowth], year - 2027);
  x->domestic_h100e[q] = phi;
  x->dies_per_chip[q] = year <= 2024 ? 1.0 : (year == 2025 ? 1.4 : 2.0);
  x->stacks_per_chip[q] = year <= 2024 ? 4.0 : (year == 2025 ? 6.0 : 8.0);
  double pack = 5000;  // chips per quarter before 910B volume production
  if (year == 2023) pack = 12500;
  if (year == 2024) pack = p[kPackaging2024];
  if (year == 2025) pack = p[kPackaging2025];
  if (year >= 2026)
    pack = p[kPackaging2025] * std::pow(p[kPackagingGrowth], (q - kLastEpoch) / 4.0);
  x->packaging[q] = pack * p[kPackagingMultiplier];
}

// HBM imports (usable stacks) absent a control: ~1M gross before 2024, the
// 2024 rate, then growing. CXMT's plan: 1M stacks in 2026, 4M in 2027.
void FillMemoryAndDies(const ParamSet& p, int q, Exogenous* x) {
  const int year = YearOf(q);
  const double usable = std::min(1.0, p[kHbmUsable] / p[kHbmGrossThrough2024]);
  double gross = year <= 2022 ? 50e3 : (year == 2023 ? 100e3 : p[kHbmImportsGross2024]);
  if (year >= 2025) gross *= std::pow(p[kHbmImportGrowth], (q - FirstQuarterOf(2025) + 1) / 4.0);
  x->hbm_imports[q] = gross * usable;
  const double cxmt_year = year - p[kCxmtDelayYears];
  double cxmt = 0;
  if (cxmt_year >= 2026) cxmt = cxmt_year < 2027 ? 0.25e6 : 1e6 * std::pow(1.5, cxmt_year - 2027);
  x->cxmt_stacks[q] = cxmt * p[kCxmtMultiplier];
  x->proxy_dies[q] = year >= 2024 ? p[kDieBank] / 4 : 0;
  x->smic_additions[q] = year >= 2023 ? p[kSmicWaferAdditions] : 0;
}

}  // namespace

Exogenous MakeExogenous(const ParamSet& p) {
  Exogenous x;
  FillSupply(p, &x);
  for (int q = 0; q < kQuarters; ++q) {
    x.price[q] = p[kPrice2025] * std::pow(1 - p[kPriceDecline], MidYears(q) - 5.5);
    x.budget[q] = ChinaBudgetUsd(YearOf(q)) / 4 * p[kBudgetScale];
    FillDomesticChip(p, q, &x);
    FillMemoryAndDies(p, q, &x);
    // Months from mid-2025, so effective compute is in H100e of 2025 algorithms.
    const double months = 3.0 * q + 1.5 - 66;
    x.algo_us[q] = std::exp2(months / p[kAlgorithmicHalving]);
    x.algo_cn[q] = std::exp2((months - p[kAlgorithmicLag]) / p[kAlgorithmicHalving]);
  }
  x.hbm_surge = p[kHbmSurgeGross] * std::min(1.0, p[kHbmUsable] / p[kHbmGrossThrough2024]);
  // The seed is the 2024Q1 network that, growing at g_N all year, smuggles
  // the 2024 units.
  const double g = std::pow(p[kNetworkGrowth], 0.25);
  x.network_seed = p[kSmuggledUnits2024] / (1 + g + g * g + g * g * g);
  return x;
}

}  // namespace highfence::simulate
