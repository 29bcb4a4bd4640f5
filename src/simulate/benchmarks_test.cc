// The research notes' benchmark scenarios B1-B6 (scenarios/B*.toml), each with
// its pass criteria. A check marked as an expected failure passes only while
// the model still fails it, and its reason is printed.
#include <gtest/gtest.h>

#include <cstdio>

#include "simulate/report.h"
#include "simulate/simulate.h"
#include "simulate/test_support.h"

namespace highfence::simulate {
namespace {

class Benchmark : public ::testing::TestWithParam<const char*> {};

TEST_P(Benchmark, MeetsItsPassCriteria) {
  const Scenario s = testing::LoadOrDie(GetParam());
  ASSERT_FALSE(s.checks.empty());
  SimulationOptions o;  // the scenario's draws and seed; checks need no measures
  o.measures = false;
  o.tornado = false;
  Result<SimulationResult> r = Simulate(s, testing::TestInputs(), o);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  for (const CheckResult& c : r->checks) {
    const bool xfail = !c.check.expected_failure.empty();
    std::printf("  %s %-22s %s = %s in [%s, %s]%s\n", c.ok ? (xfail ? "XFAIL" : "PASS ") : "FAIL ",
                c.check.id.c_str(), c.check.stat.c_str(), Num(c.value).c_str(),
                Num(c.check.lo).c_str(), Num(c.check.hi).c_str(),
                c.criterion_met ? "" : " (criterion not met)");
    if (xfail) std::printf("        expected failure: %s\n", c.check.expected_failure.c_str());
    EXPECT_TRUE(c.ok) << s.id << " " << c.check.id << ": " << c.check.title
                      << (xfail ? " now MEETS its criterion; review the expected failure" : "");
  }
}

INSTANTIATE_TEST_SUITE_P(Scenarios, Benchmark,
                         ::testing::Values("B1.toml", "B2.toml", "B3.toml", "B4.toml", "B5.toml",
                                           "B6.toml"));

}  // namespace
}  // namespace highfence::simulate
