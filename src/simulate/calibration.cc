#include "simulate/calibration.h"

#include <array>
#include <cmath>

namespace highfence::simulate {
namespace {

// Epoch AI ai-chip-counts at d1b1bc3 (see calibration.h); generated on
// 03-31-2026 (Nvidia), 04-03-2026 (TPU, AMD), 03-31-2026 (Trainium),
// 04-15-2026 (owners). Quarters before a designer's first row are 0.
constexpr std::array<EpochQuarter, 16> kQuarters = {{
    {2022, 1, 66883, 212120, 0, 0, 0, 9414, 6099, 14600},
    {2022, 2, 71472, 226673, 0, 0, 0, 10060, 6518, 15602},
    {2022, 3, 74141, 221851, 0, 0, 0, 3447, 2233, 5346},
    {2022, 4, 77201, 174312, 13706, 0, 0, 8870, 6784, 11506},
    {2023, 1, 91832, 152312, 24878, 0, 0, 16610, 13440, 20498},
    {2023, 2, 211988, 274223, 33002, 0, 0, 40322, 32887, 49665},
    {2023, 3, 342735, 399879, 51273, 0, 0, 65434, 53259, 80762},
    {2023, 4, 450983, 467559, 84320, 0, 0, 22740, 18502, 28058},
    {2024, 1, 573000, 690971, 122167, 55041, 33190, 20748, 15963, 26991},
    {2024, 2, 684237, 873938, 142537, 118553, 43036, 33363, 25669, 43403},
    {2024, 3, 835103, 1066630, 183802, 169487, 75856, 40720, 31329, 52973},
    {2024, 4, 1236789, 1206222, 284409, 205338, 148059, 48517, 37329, 63116},
    {2025, 1, 1695979, 1210327, 441852, 160229, 137842, 54096, 41621, 70374},
    {2025, 2, 1892964, 1031073, 631503, 104935, 164098, 22838, 17571, 29710},
    {2025, 3, 2373078, 1032287, 804801, 202453, 190353, 2560, 1969, 3330},
    {2025, 4, 2957554, 1184729, 971377, 218395, 219891, 10523, 8605, 12837},
}};

// US$ billion per year. 2024-2027: the notes' derivation from Epoch cost
// columns and Bernstein's market model ($25B, $38B, $52B, $69B). 2028:
// Bernstein's demand ($88B). 2029-2030: 2028 grown 1.25x/yr (assumption).
// 2020-2023: Epoch's licensed volumes at the model's prices plus a small
// domestic share (assumption; Nvidia's China revenue was $7.1B in FY2022 and
// $5.8B in FY2023 across all segments).
constexpr std::array<double, 11> kBudgetBillions = {1.0,  1.5,  2.0,  6.0,   25.0, 38.0,
                                                    52.0, 69.0, 88.0, 110.0, 137.5};

// Epoch's quoted estimates (research notes section 3.2), which Epoch's public
// repository does not hold. Domestic = Huawei + Cambricon. Epoch gives the
// domestic medians without an interval; its 90% intervals are "typically
// about 2x wide", read here as median / sqrt(2) .. median * sqrt(2).
constexpr double kSqrt2 = 1.4142135623730951;
constexpr std::array<Target, 4> kStatic = {{
    {"epoch.china_smuggled", 2024, 2024, 64000, 158700, 417000,
     "Epoch AI smuggling Monte Carlo (2024: 171k units, 90% CI 64k-417k H100e), via Grunewald & "
     "Fist (CNAS)"},
    {"epoch.china_smuggled", 2024, 2025, 294000, 662000, 1590000,
     "Epoch AI smuggling Monte Carlo (2024-25 cumulative, 90% CI 294k-1.59M H100e), via Grunewald "
     "& Fist (CNAS)"},
    {"epoch.china_domestic", 2024, 2024, 186500 / kSqrt2, 186500, 186500 * kSqrt2,
     "Epoch AI: Huawei 180k + Cambricon 6.5k H100e (2024); interval ~2x wide (Epoch's AI Chip "
     "Sales explorer)"},
    {"epoch.china_domestic", 2025, 2025, 556500 / kSqrt2, 556500, 556500 * kSqrt2,
     "Epoch AI: Huawei 528k + Cambricon 28.5k H100e (2025); interval ~2x wide (Epoch's AI Chip "
     "Sales explorer)"},
}};

// Spend / (H100e bought x frontier price): 2024 $24.6B for 490k H100e at
// $25.8k (1.95); 2025 $34.3B for 1.14M at $17.1k (1.76) (notes 3.5, Epoch cost
// columns). Before the October 2023 rule China bought near-frontier chips
// (A800/H800 at ~1.1x from late 2022); after 2025 the 2025 ratio is held.
double HistoricalRatio(int year) {
  if (year <= 2022) return 1.0;
  if (year == 2023) return 1.1;
  if (year == 2024) return 1.95;
  return 1.76;
}

}  // namespace

double HistoricalCostRatio(int year) { return HistoricalRatio(year); }

std::span<const EpochQuarter> EpochQuarters() { return kQuarters; }

double ChinaBudgetUsd(int year) {
  int i = year - 2020;
  if (i < 0) i = 0;
  const int last = static_cast<int>(kBudgetBillions.size()) - 1;
  if (i > last) i = last;
  return kBudgetBillions[i] * 1e9;
}

std::span<const Target> StaticTargets() { return kStatic; }

std::optional<Target> FindTarget(std::string_view id, int year_from, int year_to) {
  if (id == "epoch.china_legal") {
    // Medians sum; the interval sums the quarterly 5th and 95th percentiles,
    // the widest the quarterly intervals allow (exact if the quarters' errors
    // move together).
    Target t{id,
             year_from,
             year_to,
             0,
             0,
             0,
             "Epoch AI ai-chip-counts: licensed Nvidia (and AMD MI308X) imports by owner China"};
    bool any = false;
    for (const EpochQuarter& q : kQuarters) {
      if (q.year < year_from || q.year > year_to) continue;
      any = true;
      t.lo += q.china_legal_p5;
      t.median += q.china_legal_h100e;
      t.hi += q.china_legal_p95;
    }
    if (!any) return std::nullopt;
    return t;
  }
  for (const Target& t : kStatic) {
    if (t.id == id && t.year_from == year_from && t.year_to == year_to) return t;
  }
  return std::nullopt;
}

}  // namespace highfence::simulate
