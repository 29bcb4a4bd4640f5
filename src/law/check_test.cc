#include <gtest/gtest.h>

#include <algorithm>
#include <initializer_list>
#include <string>
#include <vector>

#include "law/law_data.h"

namespace highfence::law {
namespace {

Date D(const char* text) { return *Date::Parse(text); }
CountryCode C(const char* code) { return *CountryCode::Parse(code); }

LawData Real() {
  Result<LawData> law = ParseLaw(EmbeddedLawSources());
  EXPECT_TRUE(law.ok()) << law.status().ToString();
  return law.ok() ? std::move(law).value() : LawData{};
}

RuleFile& Rule(LawData& law, const std::string& id) {
  auto it = std::find_if(law.rules.begin(), law.rules.end(),
                         [&](const RuleFile& r) { return r.id == id; });
  EXPECT_NE(it, law.rules.end()) << id;
  return *it;
}

Param& ParamOf(LawData& law, const std::string& rule, const std::string& name) {
  RuleFile& r = Rule(law, rule);
  auto it = std::find_if(r.params.begin(), r.params.end(),
                         [&](const Param& p) { return p.name == name; });
  EXPECT_NE(it, r.params.end()) << name;
  return *it;
}

CountryGroup& Group(LawData& law, const std::string& id) {
  auto it = std::find_if(law.groups.begin(), law.groups.end(),
                         [&](const CountryGroup& g) { return g.id == id; });
  EXPECT_NE(it, law.groups.end()) << id;
  return *it;
}

Membership& Member(LawData& law, const std::string& group, const char* code) {
  CountryGroup& g = Group(law, group);
  auto it = std::find_if(g.members.begin(), g.members.end(),
                         [&](const Membership& m) { return m.code == C(code); });
  EXPECT_NE(it, g.members.end()) << group << " " << code;
  return *it;
}

void ExpectProblems(const LawData& law, std::initializer_list<const char*> needles) {
  Status s = CheckLaw(law);
  ASSERT_FALSE(s.ok()) << "CheckLaw passed, but should have failed";
  std::string msg(s.message());
  for (const char* needle : needles) {
    EXPECT_NE(msg.find(needle), std::string::npos) << "message lacks \"" << needle << "\":\n"
                                                   << msg;
  }
}

TEST(CheckLaw, RealLawIsComplete) {
  LawData law = Real();
  Status s = CheckLaw(law);
  EXPECT_TRUE(s.ok()) << s.ToString();
}

TEST(CheckLaw, MissingParameter) {
  LawData law = Real();
  RuleFile& r = Rule(law, "us-2025-01");
  r.params.erase(std::find_if(r.params.begin(), r.params.end(),
                              [](const Param& p) { return p.name == "allocation_tpp"; }));
  ExpectProblems(law, {"us-2025-01.toml: params.allocation_tpp: missing", "unit tpp"});
}

TEST(CheckLaw, WrongUnit) {
  LawData law = Real();
  ParamOf(law, "us-2023-11", "a1_tpp_min").unit = Unit::kGbs;
  ExpectProblems(law, {"us-2023-11.toml: params.a1_tpp_min: unit is gbs, the engine reads tpp"});
}

TEST(CheckLaw, ValueOfTheWrongType) {
  LawData law = Real();
  ParamOf(law, "defaults", "allocation_counts_pending").values[0].value = Value(int64_t{1});
  ExpectProblems(law, {"params.allocation_counts_pending: a value does not match unit bool"});
}

TEST(CheckLaw, ValueWithoutCitation) {
  LawData law = Real();
  ParamOf(law, "us-2025-01", "nveu_cap_tpp").values[3].citation.clear();
  ExpectProblems(law, {"params.nveu_cap_tpp: a value has no citation"});
}

TEST(CheckLaw, MissingRuleFile) {
  LawData law = Real();
  law.rules.erase(std::find_if(law.rules.begin(), law.rules.end(),
                               [](const RuleFile& r) { return r.id == "us-2026-07-uae"; }));
  ExpectProblems(law, {"missing rule file us-2026-07-uae.toml",
                       "group \"A:5\" (AE).change: us-2026-07-uae names no change file"});
}

TEST(CheckLaw, DefaultWithoutDecision) {
  LawData law = Real();
  ParamOf(law, "defaults", "lpp_in_d1_d4_destinations").decision.clear();
  ExpectProblems(law, {"defaults.toml: params.lpp_in_d1_d4_destinations", "`decision`"});
}

TEST(CheckLaw, TransitionRegimeMustNameARegime) {
  LawData law = Real();
  ParamOf(law, "defaults", "transition_regime").values[0].value =
      Value(std::string("us-2026-07-uae"));
  ExpectProblems(law, {"params.transition_regime: us-2026-07-uae names no regime file"});
}

TEST(CheckLaw, Tier1AndTier3Overlap) {
  LawData law = Real();
  Group(law, "tier1").members.push_back(Membership{C("CN"), {}, {}, "", ""});
  Group(law, "tier1").members.push_back(Membership{C("MO"), {}, {}, "", ""});
  Group(law, "tier1").members.push_back(Membership{C("KH"), D("2025-01-01"), {}, "test", ""});
  ExpectProblems(law, {"CN is in tier1 and in Tier 3 (Macau or D:5) on 1970-01-01",
                       "MO is in tier1 and in Tier 3",
                       "KH is in tier1 and in Tier 3 (Macau or D:5) on 2025-01-01"});
}

TEST(CheckLaw, Tier1AfterCambodiaLeavesD5IsFine) {
  LawData law = Real();
  Group(law, "tier1").members.push_back(Membership{C("KH"), D("2025-11-07"), {}, "test", ""});
  Status s = CheckLaw(law);
  EXPECT_TRUE(s.ok()) << s.ToString();
}

TEST(CheckLaw, Supp5bOverlapsTier1) {
  LawData law = Real();
  Group(law, "supp5b").members.push_back(Membership{C("KR"), {}, {}, "", ""});
  ExpectProblems(law, {"KR is in supp5b and in tier1 or Tier 3"});
}

TEST(CheckLaw, ChangeBoundaryMustMatchEffectiveDate) {
  LawData law = Real();
  Member(law, "D:5", "KH").until = D("2025-11-05");
  ExpectProblems(law, {"group \"D:5\" (KH).change: us-2025-11-cambodia takes effect on "
                       "2025-11-07, but the membership [open .. 2025-11-05] has no boundary"});
}

TEST(CheckLaw, OverlappingMembership) {
  LawData law = Real();
  Group(law, "D:5").members.push_back(Membership{C("NI"), {}, {}, "", ""});
  ExpectProblems(law, {"group \"D:5\" (NI): membership", "overlaps"});
}

TEST(CheckLaw, DatedMembershipNeedsCitation) {
  LawData law = Real();
  Member(law, "D:1", "NI").citation.clear();
  ExpectProblems(law, {"group \"D:1\" (NI).citation"});
}

TEST(CheckLaw, GroupMemberMustBeAKnownCountry) {
  LawData law = Real();
  law.countries.erase(std::find_if(law.countries.begin(), law.countries.end(),
                                   [](const Country& c) { return c.code == C("FR"); }));
  ExpectProblems(law, {"countries.toml: countries.FR: missing",
                       "group \"A:5\" (FR): not a country in countries.toml",
                       "group \"tier1\" (FR): not a country in countries.toml"});
}

TEST(CheckLaw, MissingGroup) {
  LawData law = Real();
  law.groups.erase(std::find_if(law.groups.begin(), law.groups.end(),
                                [](const CountryGroup& g) { return g.id == "supp5b"; }));
  ExpectProblems(law, {"missing group \"supp5b\""});
}

TEST(CheckLaw, RegimeWithoutEffectiveDate) {
  LawData law = Real();
  Rule(law, "us-2023-11").effective_on.reset();
  ExpectProblems(law, {"us-2023-11.toml: rule.effective_on: missing for a regime"});
}

}  // namespace
}  // namespace highfence::law
