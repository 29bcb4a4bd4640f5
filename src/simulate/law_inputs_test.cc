// The simulator reads the law's figures, not copies of them.
#include "simulate/law_inputs.h"

#include <gtest/gtest.h>

#include "simulate/test_support.h"

namespace highfence::simulate {
namespace {

using testing::TestInputs;
using testing::TestLaw;

TEST(LawInputs, RoundDatesComeFromTheLaw) {
  const LawInputs& in = TestInputs();
  auto date = [&](std::string_view name) {
    const LawFact* f = in.Fact(name);
    EXPECT_NE(f, nullptr) << name;
    return f && f->date ? f->date->ToString() : std::string("?");
  };
  EXPECT_EQ(date("chip_rule_2022"), "2022-10-07");
  EXPECT_EQ(date("chip_rule_2023"), "2023-11-17");
  EXPECT_EQ(date("hbm_rule"), "2024-12-02");
  EXPECT_EQ(date("ai_diffusion"), "2025-01-13");
  EXPECT_EQ(date("ai_diffusion_compliance"), "2025-05-15");
  EXPECT_EQ(date("non_enforcement"), "2025-05-13");
  EXPECT_EQ(date("china_band"), "2026-01-15");
  EXPECT_EQ(date("uae_change"), "2026-07-10");
  for (const LawFact& f : in.facts()) EXPECT_FALSE(f.citation.empty()) << f.name;
}

TEST(LawInputs, AmountsAreTheLawsConvertedToH100e) {
  const LawInputs& in = TestInputs();
  const law::Snapshot& s = TestLaw().At(Date::FromCivil(2026, 12, 31), {});
  const double allocation_tpp = double(s.allocation_tpp.value.milli()) / 1000;
  EXPECT_DOUBLE_EQ(in.Fact("tier2_allocation_tpp")->value, allocation_tpp);
  EXPECT_NEAR(in.Fact("tier2_allocation_h100e")->value, allocation_tpp / 15832, 1e-9);
  EXPECT_NEAR(in.Fact("tier2_allocation_h100e")->value, 49899.0, 1.0);  // 790M TPP
  EXPECT_EQ(in.Fact("uveu_per_country_percent")->value, 7);
  EXPECT_EQ(in.Fact("band_tpp_max")->value, 21000);
  // The NVEU cap rises by quarter (law table), 0 before it starts.
  EXPECT_EQ(in.NveuCapH100e(QuarterOf(Date::FromCivil(2024, 6, 1))), 0);
  EXPECT_NEAR(in.NveuCapH100e(QuarterOf(Date::FromCivil(2027, 1, 1))), 5064e6 / 15832, 1e-6);
}

TEST(LawInputs, TiersComeFromTheCountryGroups) {
  const LawInputs& in = TestInputs();
  for (int slot = 0; slot < kTier2Slots; ++slot) {
    EXPECT_EQ(in.Tier(slot, QuarterOf(Date::FromCivil(2025, 3, 1))), 2) << kTier2Codes[slot];
  }
  // Over a hundred other countries are neither Tier 1 nor Tier 3.
  EXPECT_GT(in.RestCount(20), 100);
  EXPECT_FALSE(in.G2g(0, 20));  // Supp. No. 5 (b) is empty
  EXPECT_EQ(in.content_hash(), TestLaw().data().content_hash);
}

}  // namespace
}  // namespace highfence::simulate
