#include "simulate/policy.h"

#include <gtest/gtest.h>

namespace highfence::simulate {
namespace {

Round MakeRound(Date on, PolicyId id, double value, bool add = false) {
  Round r;
  r.id = "r";
  r.date = on;
  r.changes.push_back({on, id, add, value});
  return r;
}

TEST(PolicyPath, AQuarterAveragesTheValuesInForceOnItsDays) {
  // 2023-11-17: 47 days of 2023Q4 at 1.1 (Oct 1 - Nov 16), 45 days at 3.1.
  Round before = MakeRound(Date::FromCivil(2022, 10, 7), kLegalCost, 1.1);
  Round after = MakeRound(Date::FromCivil(2023, 11, 17), kLegalCost, 3.1);
  const Round* rounds[] = {&after, &before};  // order given does not matter
  PolicyPath path = BuildPolicyPath(rounds);
  const int q = QuarterOf(Date::FromCivil(2023, 11, 17));
  EXPECT_NEAR(path[q][kLegalCost], (47 * 1.1 + 45 * 3.1) / 92, 1e-12);
  EXPECT_NEAR(path[q - 1][kLegalCost], 1.1, 1e-12);
  EXPECT_NEAR(path[q + 1][kLegalCost], 3.1, 1e-12);
  EXPECT_NEAR(path[0][kLegalCost], 1.0, 1e-12);  // before any round: no control
}

TEST(PolicyPath, AddStacksAndTheWindowTotalCountsDays) {
  Round a = MakeRound(Date::FromCivil(2023, 1, 1), kToolControl, 0.2, true);
  Round b = MakeRound(Date::FromCivil(2024, 1, 1), kToolControl, 0.1, true);
  Round open = MakeRound(Date::FromCivil(2024, 12, 2), kHbmWindow, 1);
  Round close = MakeRound(Date::FromCivil(2024, 12, 31), kHbmWindow, 0);
  const Round* rounds[] = {&a, &b, &open, &close};
  PolicyPath path = BuildPolicyPath(rounds);
  EXPECT_NEAR(path[QuarterOf(Date::FromCivil(2024, 6, 1))][kToolControl], 0.3, 1e-12);
  EXPECT_NEAR(path.hbm_window_total, 29.0 / 92, 1e-12);  // Dec 2-30 of 2024Q4
}

TEST(PolicyPath, ComponentsHaveNamesAndDefaults) {
  EXPECT_EQ(FindPolicy("legal_open"), kLegalOpen);
  EXPECT_EQ(FindPolicy("tier2_extra_demand_rest"), kExtraDemandRest);
  EXPECT_FALSE(FindPolicy("legal_opened").has_value());
  EXPECT_EQ(PolicyComponents().size(), size_t{kPolicyCount});
}

}  // namespace
}  // namespace highfence::simulate
