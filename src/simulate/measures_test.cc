// Per-round measures: the decomposition adds up, Shapley values are efficient
// and the sampled estimate agrees with the exact one.
#include "simulate/measures.h"

#include <gtest/gtest.h>

#include <cmath>

#include "simulate/test_support.h"

namespace highfence::simulate {
namespace {

using testing::TestInputs;

TEST(Measures, OffsetsAddUpToOneMinusPassThrough) {
  Scenario s = testing::LoadOrDie("historical.toml");
  const RunPlan plan = MakeRunPlan(s, false);
  const Horizons hz = MakeHorizons(s.horizon_quarters);
  const ParamSet p = Defaults(s.params);
  const Exogenous x = MakeExogenous(p);
  Trajectory main;
  RunModel(p, x, TestInputs(), plan.main(), {}, &main);
  MeasureScratch scratch;
  std::vector<RoundDraw> rounds;
  MeasureDraw(plan, hz, p, x, TestInputs(), main, &scratch, &rounds);
  ASSERT_EQ(rounds.size(), plan.rounds.size());
  int defined = 0;
  for (size_t k = 0; k < rounds.size(); ++k) {
    const RoundDraw& r = rounds[k];
    if (std::isnan(r.rho[hz.main])) continue;
    ++defined;
    double sum = 0;
    for (double o : r.offsets) sum += o;
    EXPECT_NEAR(sum, 1 - r.rho[hz.main], 1e-9) << plan.rounds[k]->id;
  }
  EXPECT_GE(defined, 5);
  // The December 2024 HBM round is offset mostly by the pre-deadline surge.
  for (size_t k = 0; k < rounds.size(); ++k) {
    if (plan.rounds[k]->id == "hbm-2024") {
      EXPECT_GT(rounds[k].offsets[kStockpiling], 0.3);
    }
  }
}

// Three rounds on one date: their effects are read at the same quarter, so
// the Shapley values must add up to the effect of all rounds together.
constexpr std::string_view kSameDay = R"(
[scenario]
horizon_quarters = 8
[[round]]
id = "close-legal"
on = 2024-01-01
citation = "test"
set = { legal_open = 0 }
[[round]]
id = "enforce"
on = 2024-01-01
citation = "test"
set = { enforcement = 0.5 }
[[round]]
id = "no-rental"
on = 2024-01-01
citation = "test"
set = { remote_access_control = 1 }
[[round]]
id = "dummy"
on = 2024-01-01
citation = "test"
)";

TEST(Measures, ShapleyValuesAreEfficientAndGiveADummyNothing) {
  Result<Scenario> s = testing::ParseText(kSameDay);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  const RunPlan plan = MakeRunPlan(*s, true);
  const Horizons hz = MakeHorizons(8);
  const ParamSet p = Defaults(s->params);
  const Exogenous x = MakeExogenous(p);
  Trajectory all, none;
  RunModel(p, x, TestInputs(), plan.main(), {}, &all);
  RunModel(p, x, TestInputs(), plan.prefix.front(), {}, &none);
  MeasureScratch scratch;
  std::vector<RoundDraw> rounds;
  MeasureDraw(plan, hz, p, x, TestInputs(), all, &scratch, &rounds);
  ShapleyDraw(plan, hz, p, x, TestInputs(), 1, 0, &scratch, &rounds);
  const int end = QuarterOf(Date::FromCivil(2024, 1, 1)) + 8 - 1;
  double sum = 0;
  for (const RoundDraw& r : rounds) sum += r.shapley[kLnChina];
  EXPECT_NEAR(sum, std::log(all.e_cn[end]) - std::log(none.e_cn[end]), 1e-9);
  EXPECT_NEAR(rounds.back().shapley[kLnChina], 0, 1e-12);  // the dummy
  EXPECT_NEAR(rounds.back().marginal[kLnChina], 0, 1e-12);
  EXPECT_LT(rounds.front().shapley[kLnChina], 0);  // closing legal sales cuts compute

  // Sampled orderings (used beyond 12 rounds) estimate the same values.
  RunPlan sampled = MakeRunPlan(*s, false);
  std::vector<RoundDraw> estimate;
  MeasureDraw(sampled, hz, p, x, TestInputs(), all, &scratch, &estimate);
  ShapleyDraw(sampled, hz, p, x, TestInputs(), 1, 0, &scratch, &estimate);
  for (size_t k = 0; k < rounds.size(); ++k) {
    EXPECT_NEAR(estimate[k].shapley[kLnChina], rounds[k].shapley[kLnChina],
                0.1 * std::abs(rounds[k].shapley[kLnChina]) + 1e-9);
  }
}

}  // namespace
}  // namespace highfence::simulate
