// Scenario files: what they may say, and how bad ones are reported.
#include "simulate/scenario.h"

#include <gtest/gtest.h>

#include "simulate/test_support.h"

namespace highfence::simulate {
namespace {

using testing::ParseText;

std::string ErrorOf(std::string_view text) {
  Result<Scenario> s = ParseText(text);
  EXPECT_FALSE(s.ok());
  return s.ok() ? "" : std::string(s.status().message());
}

TEST(Scenario, HistoricalRoundsTakeTheirDatesFromTheLaw) {
  Scenario s = testing::LoadOrDie("historical.toml");
  ASSERT_GE(s.rounds.size(), 10u);
  for (size_t i = 1; i < s.rounds.size(); ++i) EXPECT_LE(s.rounds[i - 1].date, s.rounds[i].date);
  auto find = [&](std::string_view id) -> const Round& {
    for (const Round& r : s.rounds) {
      if (r.id == id) return r;
    }
    ADD_FAILURE() << id;
    return s.rounds.front();
  };
  EXPECT_EQ(find("oct-2023").date.ToString(), "2023-11-17");
  EXPECT_EQ(find("hbm-2024").date.ToString(), "2024-12-02");
  EXPECT_EQ(find("hbm-2024").changes.back().on.ToString(), "2024-12-31");
  EXPECT_FALSE(find("beijing-stop").attributed);
  EXPECT_NE(std::find(s.law_facts.begin(), s.law_facts.end(), "band_tpp_max"), s.law_facts.end());
}

TEST(Scenario, BaseFilesAreMergedAndVariantsAndChecksKept) {
  Scenario s = testing::LoadOrDie("B4.toml");
  EXPECT_EQ(s.id, "B4");
  EXPECT_NE(FindVariant(s, "h200-accepted"), nullptr);
  EXPECT_FALSE(s.checks.empty());
  bool inactive = false;
  for (const Round& r : s.rounds) inactive |= r.id == "b30a" && !r.active;
  EXPECT_TRUE(inactive);
}

TEST(Scenario, WhichRoundsTheHypothesesCompareIsASetting) {
  EXPECT_EQ(testing::LoadOrDie("historical.toml").tightening_share_min, 0.01);
  EXPECT_EQ(testing::LoadOrDie("material-rounds-no-surge.toml").tightening_share_min, 0.05);
  EXPECT_EQ(testing::LoadOrDie("material-rounds-no-surge.toml").params[kHbmSurgeGross].value, 0);
  EXPECT_NE(ErrorOf("[scenario]\ntightening_share_min = 2\n").find("tightening_share_min"),
            std::string::npos);
}

TEST(Scenario, ParameterOverridesFixOrRedistribute) {
  Result<Scenario> s = ParseText(R"(
[params]
rentable_tier2_share = 0.2
smuggling_premium = { value = 0.6, uniform = [0.4, 0.8] }
)");
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  const ParamSpec& rho = s->params[kRentableShare];
  EXPECT_EQ(rho.dist, Dist::kFixed);
  EXPECT_EQ(rho.value, 0.2);
  const ParamSpec& pi = s->params[kSmugglingPremium];
  EXPECT_EQ(pi.dist, Dist::kUniform);
  EXPECT_EQ(pi.a, 0.4);
  EXPECT_EQ(pi.value, 0.6);
}

TEST(Scenario, ErrorsNameTheFileAndTheKey) {
  EXPECT_NE(ErrorOf("[scenario]\ndraws = 0\n").find("test.toml: scenario.draws"),
            std::string::npos);
  EXPECT_NE(ErrorOf("[params]\nno_such = 1\n").find("params.no_such: unknown parameter"),
            std::string::npos);
  EXPECT_NE(ErrorOf("[[round]]\nid = \"x\"\non = \"law:no_such\"\n").find("names no date fact"),
            std::string::npos);
  EXPECT_NE(ErrorOf("[[round]]\nid = \"x\"\non = 2024-01-01\n").find("needs a `citation`"),
            std::string::npos);
  EXPECT_NE(ErrorOf("[[round]]\nid = \"x\"\non = \"law:hbm_rule\"\nset = { nope = 1 }\n")
                .find("unknown policy component"),
            std::string::npos);
  EXPECT_NE(ErrorOf("[scenario]\nbogus = 1\n").find("unknown key `bogus`"), std::string::npos);
  EXPECT_NE(ErrorOf("[[check]]\nid = \"c\"\nmetric = \"cn_legal\"\nyear = 2024\nrange = [0, 1]\n"
                    "variant = \"ghost\"\n")
                .find("unknown variant `ghost`"),
            std::string::npos);
  EXPECT_NE(ErrorOf("x = ").find("invalid TOML"), std::string::npos);
}

TEST(Scenario, ALegalChipMustStayBelowTheLawsThreshold) {
  // The H20 passes under the 2023 rule's 2,400 TPP; a 3,000 TPP chip does not.
  const std::string round = R"(
[[round]]
id = "x"
on = "law:chip_rule_2023"
set = { legal_chip_tpp = TPP }
below = { legal_chip_tpp = "law:chip_2023_b1_tpp_min" }
)";
  std::string ok = round, bad = round;
  ok.replace(ok.find("TPP"), 3, "2368");
  bad.replace(bad.find("TPP"), 3, "3000");
  EXPECT_TRUE(ParseText(ok).ok());
  EXPECT_NE(ErrorOf(bad).find("not below the law's 2400"), std::string::npos);
}

TEST(Scenario, LawNumbersCanBePolicyValues) {
  Result<Scenario> s = ParseText(R"(
[[round]]
id = "band"
on = "law:china_band"
set = { legal_chip_tpp = "law:band_tpp_max" }
)");
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->rounds.front().changes.front().value, 21000);
  EXPECT_EQ(s->rounds.front().date.ToString(), "2026-01-15");
}

}  // namespace
}  // namespace highfence::simulate
