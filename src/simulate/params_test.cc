#include "simulate/params.h"

#include <gtest/gtest.h>

#include <cmath>

#include "simulate/test_support.h"

namespace highfence::simulate {
namespace {

TEST(Params, DefaultsAndRangesLieInTheirDomains) {
  for (int i = 0; i < kParamCount; ++i) {
    const ParamSpec& p = DefaultParams()[i];
    EXPECT_EQ(CheckSpec(static_cast<ParamId>(i), p), "") << p.name;
    EXPECT_FALSE(p.source.empty()) << p.name;
    EXPECT_EQ(FindParam(p.name), static_cast<ParamId>(i));
  }
}

TEST(Params, DrawsFollowTheirDistributions) {
  const ParamTable& t = DefaultParams();
  double lo = 1e9, hi = -1e9, log_sum = 0;
  const int n = 4000;
  for (int d = 0; d < n; ++d) {
    const ParamSet p = Draw(t, 11, uint64_t(d));
    lo = std::min(lo, p[kRentableShare]);
    hi = std::max(hi, p[kRentableShare]);
    log_sum += std::log(p[kSmuggledUnits2024] / 171000);
    EXPECT_EQ(p[kGrossDiesPerWafer], 80);  // fixed
  }
  EXPECT_GE(lo, 0);
  EXPECT_LE(hi, 0.3);
  EXPECT_LT(lo, 0.01);
  EXPECT_GT(hi, 0.29);
  EXPECT_NEAR(log_sum / n, 0, 0.03);  // log-normal around its median
  EXPECT_NEAR(Quantile(t[kSmuggledUnits2024], 0.95), 171000 * std::exp(0.6 * 1.6448536), 1);
}

TEST(Params, ScenariosCannotBreakTheArithmetic) {
  for (std::string_view bad :
       {"[params]\nlearning_rate = 1\n", "[params]\nus_share_non_china = 2\n",
        "[params]\nfrontier_compute_growth = 1\n",
        "[params]\ntier2_demand_share = { log_normal = [0.1, 0.5] }\n",
        "[params]\ndepreciation_per_year = { uniform = [0.1, 1.5] }\n"}) {
    Result<Scenario> s = testing::ParseText(bad);
    EXPECT_FALSE(s.ok()) << bad;
  }
  for (std::string_view bad :
       {"[[round]]\nid = \"r\"\non = \"law:hbm_rule\"\nset = { legal_cost_multiple = 0 }\n",
        "[[round]]\nid = \"r\"\non = \"law:hbm_rule\"\nset = { enforcement = 2 }\n",
        "[[round]]\nid = \"r\"\non = \"law:hbm_rule\"\nadd = { legal_cost_multiple = -1 }\n"}) {
    Result<Scenario> s = testing::ParseText(bad);
    EXPECT_FALSE(s.ok()) << bad;
  }
}

}  // namespace
}  // namespace highfence::simulate
