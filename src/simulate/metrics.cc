#include "simulate/metrics.h"

#include <algorithm>
#include <array>

namespace highfence::simulate {
namespace {

constexpr std::array<MetricInfo, 22> kMetrics = {{
    {Metric::kCnLegal, "cn_legal", "H100e", "China's licensed imports"},
    {Metric::kCnSmuggled, "cn_smuggled", "H100e", "chips smuggled into China"},
    {Metric::kCnDomestic, "cn_domestic", "H100e", "domestic chips bought in China"},
    {Metric::kCnRented, "cn_rented", "H100e", "Tier 2 capacity newly rented by Chinese firms"},
    {Metric::kCnOwnedIntake, "cn_owned_intake", "H100e", "legal + smuggled + domestic"},
    {Metric::kCnIntake, "cn_intake", "H100e", "legal + smuggled + domestic + rented"},
    {Metric::kCnWorldShare, "cn_world_share", "1", "China's share of new accelerators"},
    {Metric::kLegalShare, "legal_share", "1", "licensed share of China's intake"},
    {Metric::kDomesticShare, "domestic_share", "1", "domestic share of China's intake"},
    {Metric::kDomesticChips, "domestic_chips", "chips", "domestic chips bought in China"},
    {Metric::kDomesticCapacity, "domestic_capacity", "H100e", "domestic capacity (Cap_D)"},
    {Metric::kDomesticSlack, "domestic_slack", "H100e", "Cap_D minus domestic purchases"},
    {Metric::kHbmBinding, "hbm_binding", "1", "share of quarters in which HBM binds"},
    {Metric::kGammaFlow, "gamma_flow", "x", "US intake / China intake"},
    {Metric::kGammaStock, "gamma_stock", "x", "E_US / E_CN at year end"},
    {Metric::kLagMonths, "lag_months", "months", "capability lag at year end"},
    {Metric::kEffectiveChina, "e_cn", "H100e", "China's effective compute at year end"},
    {Metric::kEffectiveUs, "e_us", "H100e", "US effective compute at year end"},
    {Metric::kTier2OwnStock, "k_t2_own", "H100e", "Tier 2 firms' own stock at year end"},
    {Metric::kTier2UveuStock, "k_t2_uveu", "H100e", "UVEU stock in Tier 2 at year end"},
    {Metric::kSmicWafers, "smic_wafers", "wafers/quarter", "SMIC AI wafers at year end"},
    {Metric::kSmugglingNetwork, "smuggling_network", "units/quarter", "network at year end"},
}};

double Sum(const Series& s, int from, int to) {
  double total = 0;
  for (int q = from; q <= to; ++q) total += s[q];
  return total;
}

double Ratio(double a, double b) { return b > 0 ? a / b : 0; }

}  // namespace

std::span<const MetricInfo> Metrics() { return kMetrics; }

std::optional<Metric> FindMetric(std::string_view name) {
  for (const MetricInfo& m : kMetrics) {
    if (m.name == name) return m.metric;
  }
  return std::nullopt;
}

double MetricValue(Metric m, const Trajectory& t, int year_from, int year_to) {
  const int from = std::max(0, FirstQuarterOf(year_from));
  const int to = std::min(kQuarters - 1, FirstQuarterOf(year_to + 1) - 1);
  const double legal = Sum(t.legal, from, to), smuggled = Sum(t.smuggled, from, to);
  const double domestic = Sum(t.domestic, from, to), rented = Sum(t.rented, from, to);
  const double intake = legal + smuggled + domestic + rented;
  switch (m) {
    case Metric::kCnLegal:
      return legal;
    case Metric::kCnSmuggled:
      return smuggled;
    case Metric::kCnDomestic:
      return domestic;
    case Metric::kCnRented:
      return rented;
    case Metric::kCnOwnedIntake:
      return legal + smuggled + domestic;
    case Metric::kCnIntake:
      return intake;
    case Metric::kCnWorldShare: {
      double world = domestic;
      for (int q = from; q <= to; ++q) world += t.us_in[q] + t.t1_in[q] + t.t2_in[q] + t.t3_in[q];
      return Ratio(legal + smuggled + domestic, world + legal + smuggled);
    }
    case Metric::kLegalShare:
      return Ratio(legal, intake);
    case Metric::kDomesticShare:
      return Ratio(domestic, intake);
    case Metric::kDomesticChips:
      return Sum(t.domestic_chips, from, to);
    case Metric::kDomesticCapacity:
      return Sum(t.domestic_capacity, from, to);
    case Metric::kDomesticSlack:
      return Sum(t.slack, from, to);
    case Metric::kHbmBinding: {
      double binds = 0;
      for (int q = from; q <= to; ++q) binds += t.binding[q] == kBindsHbm ? 1 : 0;
      return binds / (to - from + 1);
    }
    case Metric::kGammaFlow:
      return Ratio(Sum(t.us_in, from, to), intake);
    case Metric::kGammaStock:
      return t.gamma_stock[to];
    case Metric::kLagMonths:
      return t.lag_months[to];
    case Metric::kEffectiveChina:
      return t.e_cn[to];
    case Metric::kEffectiveUs:
      return t.e_us[to];
    case Metric::kTier2OwnStock:
      return t.k_t2_own[to];
    case Metric::kTier2UveuStock:
      return t.k_t2_uveu[to];
    case Metric::kSmicWafers:
      return t.wafers[std::min(kQuarters - 1, to + 1)];
    case Metric::kSmugglingNetwork:
      return t.network[std::min(kQuarters - 1, to + 1)];
  }
  return 0;
}

}  // namespace highfence::simulate
