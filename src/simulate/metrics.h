// Named annual figures of a run, for checks and reports ("cn_smuggled over
// 2024-2025", "gamma_flow in 2026").
#ifndef HIGHFENCE_SIMULATE_METRICS_H_
#define HIGHFENCE_SIMULATE_METRICS_H_

#include <optional>
#include <span>
#include <string_view>

#include "simulate/model.h"

namespace highfence::simulate {

enum class Metric : uint8_t {
  kCnLegal,           // H100e bought under licence, summed over the years
  kCnSmuggled,        // H100e smuggled
  kCnDomestic,        // H100e of domestic chips
  kCnRented,          // H100e of Tier 2 capacity newly rented
  kCnOwnedIntake,     // legal + smuggled + domestic
  kCnIntake,          // the same plus rented
  kCnWorldShare,      // China's owned intake / (world supply + domestic)
  kLegalShare,        // legal / intake
  kDomesticShare,     // domestic / intake
  kDomesticChips,     // domestic chips (units) bought by China
  kDomesticCapacity,  // H100e China could have bought from domestic fabs
  kDomesticSlack,     // Cap_D - domestic purchases (threshold-kink indicator)
  kHbmBinding,        // share of the years' quarters in which HBM binds
  kGammaFlow,         // US intake / China intake over the years (IFP's ratio)
  kGammaStock,        // E_US / E_CN at the end of the last year
  kLagMonths,         // capability lag at the end of the last year
  kEffectiveChina,    // E_CN at the end of the last year
  kEffectiveUs,       // E_US at the end of the last year
  kTier2OwnStock,     // Tier 2 firms' own stock at the end of the last year
  kTier2UveuStock,    // UVEU holders' stock in Tier 2 at the end of the last year
  kSmicWafers,        // SMIC AI wafers per quarter at the end of the last year
  kSmugglingNetwork,  // smuggling network, units per quarter, end of the last year
};

struct MetricInfo {
  Metric metric;
  std::string_view name;
  std::string_view unit;
  std::string_view meaning;
};
std::span<const MetricInfo> Metrics();
std::optional<Metric> FindMetric(std::string_view name);

// The metric over the years [year_from, year_to] of a run.
double MetricValue(Metric m, const Trajectory& t, int year_from, int year_to);

}  // namespace highfence::simulate

#endif  // HIGHFENCE_SIMULATE_METRICS_H_
