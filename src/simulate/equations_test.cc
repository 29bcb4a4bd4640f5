// The model's closed-form equations on hand-computed cases.
#include "simulate/equations.h"

#include <gtest/gtest.h>

#include "simulate/rng.h"

namespace highfence::simulate {
namespace {

TEST(Equations, WrightsLawCutsCostByTheLearningRatePerDoubling) {
  // 20% per doubling: 0.8 at twice the reference output, 0.64 at four times.
  EXPECT_NEAR(LearningFactor(200, 100, 0.2), 0.8, 1e-12);
  EXPECT_NEAR(LearningFactor(400, 100, 0.2), 0.64, 1e-12);
  EXPECT_NEAR(LearningFactor(100, 100, 0.3), 1.0, 1e-12);
  // Below the reference output the factor exceeds 1 (costlier, lower yield).
  EXPECT_NEAR(LearningFactor(50, 100, 0.2), 1.25, 1e-12);
}

TEST(Equations, YieldClosesTheGapToItsMaximum) {
  EXPECT_NEAR(Yield(1.0, 0.3, 0.6), 0.3, 1e-12);   // at the reference output
  EXPECT_NEAR(Yield(0.8, 0.3, 0.6), 0.36, 1e-12);  // 0.6 - 0.3 * 0.8
  EXPECT_NEAR(Yield(3.0, 0.3, 0.6), 0.05, 1e-12);  // floor, never negative
  EXPECT_NEAR(Yield(0.0, 0.3, 0.6), 0.6, 1e-12);   // ceiling
}

TEST(Equations, SmugglingNetworkGrowsWithTheIncentiveAndShrinksUnderEnforcement) {
  EXPECT_NEAR(NextNetwork(100, 0.1, 1, 0, 0.3, 0, 1e9), 110, 1e-9);
  EXPECT_NEAR(NextNetwork(100, 0.1, 0, 0, 0.3, 0, 1e9), 100, 1e-9);    // legal cheaper: flat
  EXPECT_NEAR(NextNetwork(100, 0.1, 1, 0.5, 0.3, 0, 1e9), 105, 1e-9);  // half the budget unspent
  EXPECT_NEAR(NextNetwork(100, 0.1, 1, 0, 0.3, 1, 1e9), 80, 1e-9);     // 100 * 1.1 - 0.3 * 100
  EXPECT_NEAR(NextNetwork(100, 0.1, 1, 0, 0.3, 0, 105), 105, 1e-9);    // ceiling
  EXPECT_EQ(NextNetwork(100, 0.1, 0, 0, 2.0, 1, 1e9), 0);              // never negative
}

TEST(Equations, StockOfGrowingInflowsIsAGeometricSum) {
  // No growth, 5% depreciation: inflow / 0.05.
  EXPECT_NEAR(GrownStock(10, 0, 0.95), 200, 1e-9);
  // 10% growth: sum of 10 (1/1.1 * 0.95)^k = 10 / (1 - 0.95/1.1) = 10 * 1.1 / 0.15.
  EXPECT_NEAR(GrownStock(10, 0.1, 0.95), 10 * 1.1 / 0.15, 1e-9);
}

TEST(Equations, CapabilityLagReproducesTheNotesCalibration) {
  // Gamma 10 with chi = 0.5 gives F ratio 20; psi 0.29 and g_F 4.5x/yr give
  // ~7 months (research notes E11).
  const double lag = CapabilityLagMonths(10, 0.5, 0.29, 4.5, 0);
  EXPECT_NEAR(lag, 0.29 * 12 / std::log(4.5) * std::log(20.0), 1e-12);
  EXPECT_NEAR(lag, 6.93, 0.01);
  // Equal frontier runs: no lag beyond the offset.
  EXPECT_NEAR(CapabilityLagMonths(0.5, 0.5, 0.29, 4.5, 2), 2, 1e-12);
}

TEST(Rng, UniformsAreOpenAndDependOnlyOnTheirCounters) {
  for (uint64_t d = 0; d < 1000; ++d) {
    const double u = Uniform01(7, d, 3);
    EXPECT_GT(u, 0);
    EXPECT_LT(u, 1);
    EXPECT_EQ(u, Uniform01(7, d, 3));
  }
  EXPECT_NE(Uniform01(7, 1, 3), Uniform01(7, 2, 3));
  EXPECT_NE(Uniform01(7, 1, 3), Uniform01(8, 1, 3));
  EXPECT_NE(Uniform01(7, 1, 3), Uniform01(7, 1, 4));
}

TEST(Rng, NormalQuantileMatchesTables) {
  EXPECT_NEAR(NormalQuantile(0.975), 1.959964, 1e-6);
  EXPECT_NEAR(NormalQuantile(0.5), 0.0, 1e-9);
  EXPECT_NEAR(NormalQuantile(0.05), -1.644854, 1e-6);
  EXPECT_NEAR(NormalQuantile(0.001), -3.090232, 1e-6);
}

}  // namespace
}  // namespace highfence::simulate
