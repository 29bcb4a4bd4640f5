// Reforms patch a copy of the law; the copy passes the same loader and checks.
#include "replay/reform.h"

#include <gtest/gtest.h>

#include "law/snapshot.h"

namespace highfence::replay {
namespace {

Result<law::LawData> Patched(std::string_view reform_text) {
  Result<Reform> r = ParseReform(reform_text, "test-reform.toml");
  if (!r.ok()) return r.status();
  Result<std::vector<law::LawSource>> sources = ApplyReform(*r, law::EmbeddedLawSources());
  if (!sources.ok()) return sources.status();
  return law::ParseLaw(*sources);
}

Fixed AllocationOn(const law::LawData& data, Date on) {
  const law::Param* p = data.FindRule("us-2025-01")->Find("allocation_tpp");
  return std::get<Fixed>(p->At(on)->value);
}

constexpr std::string_view kDated = R"(
[reform]
id = "t"
rationale = "hypothetical"
[[patch]]
rule = "us-2025-01"
parameter = "allocation_tpp"
value = 1580000000
effective_on = 2025-03-01
rationale = "hypothetical"
)";

TEST(Reform, ADatedPatchChangesTheValueFromItsDateOn) {
  Result<law::LawData> data = Patched(kDated);
  ASSERT_TRUE(data.ok()) << data.status().ToString();
  EXPECT_EQ(AllocationOn(*data, Date::FromCivil(2025, 2, 28)), Fixed::FromUnits(790000000));
  EXPECT_EQ(AllocationOn(*data, Date::FromCivil(2025, 3, 1)), Fixed::FromUnits(1580000000));
  const law::Param* p = data->FindRule("us-2025-01")->Find("allocation_tpp");
  EXPECT_EQ(p->At(Date::FromCivil(2025, 3, 1))->citation, "reform t: hypothetical");
  EXPECT_TRUE(law::CheckLaw(*data).ok());
}

TEST(Reform, AnUndatedPatchReplacesTheValueOnEveryDate) {
  std::string text(kDated);
  text.erase(text.find("effective_on = 2025-03-01\n"), 26);
  Result<law::LawData> data = Patched(text);
  ASSERT_TRUE(data.ok()) << data.status().ToString();
  EXPECT_EQ(AllocationOn(*data, Date::FromCivil(2025, 1, 13)), Fixed::FromUnits(1580000000));
}

TEST(Reform, AMembershipPatchMovesACountryBetweenTiers) {
  Result<law::LawData> data = Patched(R"(
[reform]
id = "sa"
rationale = "hypothetical"
[[membership]]
group = "tier1"
country = "SA"
action = "add"
from = 2025-06-01
citation = "test"
)");
  ASSERT_TRUE(data.ok()) << data.status().ToString();
  Result<std::unique_ptr<law::Law>> law = law::Law::Create(std::move(data).value());
  ASSERT_TRUE(law.ok());
  const CountryCode sa = *CountryCode::Parse("SA");
  EXPECT_EQ((*law)->At(Date::FromCivil(2025, 5, 31), {}).Tier(sa), 2);
  EXPECT_EQ((*law)->At(Date::FromCivil(2025, 6, 1), {}).Tier(sa), 1);
}

TEST(Reform, BadPatchesAreRefusedNamingThePatch) {
  auto error = [](std::string_view text) {
    Result<law::LawData> data = Patched(text);
    EXPECT_FALSE(data.ok());
    return data.ok() ? std::string() : std::string(data.status().message());
  };
  const std::string head = "[reform]\nid = \"t\"\nrationale = \"hypothetical\"\n[[patch]]\n";
  EXPECT_NE(error(head + "rule = \"us-2099\"\nparameter = \"x\"\nvalue = 1\nrationale = \"h\"\n")
                .find("the law has no file `us-2099.toml`"),
            std::string::npos);
  EXPECT_NE(error(head + "rule = \"us-2025-01\"\nparameter = \"nope\"\nvalue = 1\nrationale = "
                         "\"h\"\n")
                .find("has no parameter `nope`"),
            std::string::npos);
  EXPECT_NE(error(head + "rule = \"us-2025-01\"\nparameter = \"allocation_tpp\"\nvalue = 1\n")
                .find("needs a `citation` or a `rationale`"),
            std::string::npos);
  // The law's own loader rejects what the law would: a binary float amount.
  EXPECT_NE(error(head + "rule = \"us-2025-01\"\nparameter = \"allocation_tpp\"\nvalue = 1.5e9\n"
                         "rationale = \"h\"\n")
                .find("allocation_tpp"),
            std::string::npos);
  EXPECT_FALSE(ParseReform("[reform]\nid = \"t\"\n", "r.toml").ok());  // no rationale
}

}  // namespace
}  // namespace highfence::replay
