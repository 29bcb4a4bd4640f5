// The Monte Carlo: the same seed gives the same bytes on any thread count.
#include "simulate/simulate.h"

#include <gtest/gtest.h>

#include <cmath>

#include "simulate/report.h"
#include "simulate/test_support.h"

namespace highfence::simulate {
namespace {

std::string JsonOf(const Scenario& s, int threads, uint64_t seed) {
  SimulationOptions o;
  o.draws = 48;
  o.shapley_draws = 6;
  o.threads = threads;
  o.seed = seed;
  Result<SimulationResult> r = Simulate(s, testing::TestInputs(), o);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? ReportJson(*r) : "";
}

TEST(Simulate, SameSeedGivesByteIdenticalOutputOnOneTwoAndThreeThreads) {
  const Scenario s = testing::LoadOrDie("B5.toml");
  const std::string one = JsonOf(s, 1, 42);
  ASSERT_FALSE(one.empty());
  EXPECT_EQ(one, JsonOf(s, 2, 42));
  EXPECT_EQ(one, JsonOf(s, 3, 42));
  EXPECT_NE(one, JsonOf(s, 2, 43));  // and the seed matters
}

TEST(Simulate, HypothesesAreProbabilitiesKeyedByTheirNames) {
  const Scenario s = testing::LoadOrDie("historical.toml");
  SimulationOptions o;
  o.draws = 64;
  o.shapley_draws = 0;
  o.tornado = false;
  Result<SimulationResult> r = Simulate(s, testing::TestInputs(), o);
  ASSERT_TRUE(r.ok());
  std::vector<std::string> names;
  for (const Hypothesis& h : r->hypotheses) {
    names.push_back(h.name);
    if (!std::isnan(h.probability)) {
      EXPECT_GE(h.probability, 0);
      EXPECT_LE(h.probability, 1);
    }
  }
  for (const char* want : {"H-DR-strong", "H-decay", "H-absolute", "H-kink"}) {
    EXPECT_NE(std::find(names.begin(), names.end(), want), names.end()) << want;
  }
  ASSERT_FALSE(r->mechanical.empty());
  EXPECT_EQ(r->mechanical.front().name, "base_shrinks");
  const std::string json = ReportJson(*r);
  EXPECT_NE(json.find("\"hypotheses\":{\"H-DR-strong\":"), std::string::npos);
  // Bands are ordered.
  for (const SeriesBand& b : r->series) {
    for (const Band& q : b.q) {
      if (q.n == 0) continue;
      EXPECT_LE(q.p5, q.p50) << b.name;
      EXPECT_LE(q.p50, q.p95) << b.name;
    }
  }
}

TEST(Simulate, TornadoRanksEveryUncertainParameter) {
  const Scenario s = testing::LoadOrDie("B5.toml");
  SimulationOptions o;
  o.draws = 8;
  o.shapley_draws = 0;
  Result<SimulationResult> r = Simulate(s, testing::TestInputs(), o);
  ASSERT_TRUE(r.ok());
  int uncertain = 0;
  for (const ParamSpec& p : s.params) uncertain += p.dist == Dist::kFixed ? 0 : 1;
  ASSERT_EQ(static_cast<int>(r->tornado.size()), uncertain);
  for (size_t i = 1; i < r->tornado.size(); ++i) {
    EXPECT_GE(r->tornado[i - 1].swing, r->tornado[i].swing);
  }
  EXPECT_GT(r->tornado.front().swing, 0);
}

}  // namespace
}  // namespace highfence::simulate
