// RunModel: accounting identities, hand-computed paths, the static run.
#include "simulate/model.h"

#include <gtest/gtest.h>

#include <cmath>

#include "simulate/test_support.h"

namespace highfence::simulate {
namespace {

using testing::TestInputs;

struct HistoryRun {
  ParamSet p;
  Exogenous x;
  PolicyPath u;
  Trajectory t;
};

HistoryRun History(Closure closure = Closure::kBudget) {
  Scenario s = testing::LoadOrDie("historical.toml");
  std::vector<const Round*> rounds;
  for (const Round& r : s.rounds) rounds.push_back(&r);
  HistoryRun run{Defaults(s.params), {}, BuildPolicyPath(rounds), {}};
  run.x = MakeExogenous(run.p);
  RunOptions o;
  o.closure = closure;
  RunModel(run.p, run.x, TestInputs(), run.u, o, &run.t);
  return run;
}

TEST(Model, EveryNonChineseAcceleratorEndsUpSomewhere) {
  const HistoryRun run = History();
  for (int q = 0; q < kQuarters; ++q) {
    const Trajectory& t = run.t;
    const double placed = t.us_in[q] + t.t1_in[q] + (t.t2_in[q] - t.exported[q]) + t.t3_in[q] +
                          t.legal[q] + t.smuggled[q];
    EXPECT_NEAR(placed / run.x.supply[q], 1.0, 1e-9) << "quarter " << q;
  }
}

TEST(Model, ChinaNeverSpendsMoreThanItHas) {
  const HistoryRun run = History();
  for (int q = 0; q < kQuarters; ++q) {
    EXPECT_GE(run.t.unused[q], 0);
    EXPECT_LE(run.t.unused[q], run.t.budget[q] * (1 + 1e-12));
  }
}

TEST(Model, DomesticOutputIn2024IsThePackagingBound) {
  // 112,500 chips a quarter at 0.40 H100e, all bought: 180,000 H100e in 2024.
  const HistoryRun run = History();
  double domestic = 0;
  for (int q = FirstQuarterOf(2024); q < FirstQuarterOf(2025); ++q) {
    domestic += run.t.domestic[q];
    EXPECT_EQ(run.t.binding[q], kBindsPackaging);
  }
  EXPECT_NEAR(domestic, 180000, 1e-6);
}

TEST(Model, HbmBindsOnceTheStockpileIsSpent) {
  const HistoryRun run = History();
  EXPECT_EQ(run.t.binding[FirstQuarterOf(2026) + 1], kBindsHbm);
  EXPECT_LT(run.t.hbm_stock[FirstQuarterOf(2026)], run.t.hbm_stock[FirstQuarterOf(2025)]);
}

TEST(Model, SmugglingNetworkGrowsAtGnOnlyOnceLegalChipsCostMore) {
  const HistoryRun run = History(Closure::kShare);  // no budget brake on growth
  const double g = std::pow(run.p[kNetworkGrowth], 0.25) - 1;
  const int q2023 = FirstQuarterOf(2023);
  EXPECT_NEAR(run.t.network[q2023], run.x.network_seed, 1e-9);  // A800 at 1.1x: no incentive
  const int q = FirstQuarterOf(2024) + 1;                       // H20 at 3.1x: full incentive
  EXPECT_NEAR(run.t.network[q + 1], std::min(run.t.network[q] * (1 + g), run.p[kNetworkUnitsMax]),
              1e-6);
}

TEST(Model, AStaticRunFrozenOnItsOwnPathReproducesIt) {
  const HistoryRun run = History();
  const int from = FirstQuarterOf(2025);  // after the December 2024 surge
  RunOptions o;
  o.frozen = &run.t;
  o.freeze_from = from;
  Trajectory again;
  RunModel(run.p, run.x, TestInputs(), run.u, o, &again);
  for (int q = 0; q < kQuarters; ++q) {
    EXPECT_NEAR(again.domestic[q], run.t.domestic[q], 1e-6 * (1 + run.t.domestic[q]));
    EXPECT_NEAR(again.smuggled[q], run.t.smuggled[q], 1e-6 * (1 + run.t.smuggled[q]));
  }
}

TEST(Model, LagFollowsTheGapRatio) {
  const HistoryRun run = History();
  for (int q : {FirstQuarterOf(2024), FirstQuarterOf(2028)}) {
    EXPECT_NEAR(run.t.gamma_stock[q], run.t.e_us[q] / run.t.e_cn[q], 1e-9 * run.t.gamma_stock[q]);
    EXPECT_GT(run.t.lag_months[q], 0);
  }
}

}  // namespace
}  // namespace highfence::simulate
