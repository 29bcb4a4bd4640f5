#include <gtest/gtest.h>

#include <algorithm>
#include <initializer_list>
#include <string>
#include <vector>

#include "law/law_data.h"
#include "law/membership.h"

namespace highfence::law {
namespace {

Date D(const char* text) { return *Date::Parse(text); }
CountryCode C(const char* code) { return *CountryCode::Parse(code); }

LawData LoadEmbedded() {
  Result<LawData> law = ParseLaw(EmbeddedLawSources());
  EXPECT_TRUE(law.ok()) << law.status().ToString();
  return law.ok() ? std::move(law).value() : LawData{};
}

const Param& GetParam(const LawData& law, const char* rule, const char* name) {
  const RuleFile* r = law.FindRule(rule);
  EXPECT_NE(r, nullptr) << rule;
  const Param* p = r ? r->Find(name) : nullptr;
  EXPECT_NE(p, nullptr) << rule << " " << name;
  static const Param kEmpty;
  return p ? *p : kEmpty;
}

// --- the real law ------------------------------------------------------------------

TEST(LawLoader, EmbeddedLawParsesAndChecks) {
  std::vector<LawSource> sources = EmbeddedLawSources();
  ASSERT_EQ(sources.size(), 12u);  // law/*.toml
  Result<LawData> law = ParseLaw(sources);
  ASSERT_TRUE(law.ok()) << law.status().ToString();
  Status check = CheckLaw(*law);
  EXPECT_TRUE(check.ok()) << check.ToString();
  EXPECT_EQ(law->content_hash.size(), 64u);
  EXPECT_EQ(law->rules.size(), 10u);
  EXPECT_EQ(law->groups.size(), 9u);
  EXPECT_EQ(law->countries.size(), AssignedCountryCodes().size() / 3 + 1);
}

TEST(LawLoader, LawFolderMatchesEmbeddedLaw) {
  Result<std::vector<LawSource>> dir = ReadLawDir(std::string(HF_SOURCE_DIR) + "/law");
  ASSERT_TRUE(dir.ok()) << dir.status().ToString();
  Result<LawData> from_dir = ParseLaw(*dir);
  ASSERT_TRUE(from_dir.ok()) << from_dir.status().ToString();
  EXPECT_EQ(from_dir->content_hash, LoadEmbedded().content_hash)
      << "law/*.toml differs from the law compiled into the binary: rebuild";
}

TEST(LawLoader, ContentHashDependsOnNamesAndTexts) {
  std::vector<LawSource> a = EmbeddedLawSources();
  std::vector<LawSource> b = a;
  std::reverse(b.begin(), b.end());  // order of sources does not matter
  EXPECT_EQ(ParseLaw(a)->content_hash, ParseLaw(b)->content_hash);
  b.back().text += "\n# a comment\n";
  EXPECT_NE(ParseLaw(a)->content_hash, ParseLaw(b)->content_hash);
}

TEST(LawLoader, ReadLawDirReportsMissingFolder) {
  Result<std::vector<LawSource>> dir = ReadLawDir("/nonexistent/highfence/law");
  ASSERT_FALSE(dir.ok());
  EXPECT_EQ(dir.status().code(), Status::Code::kIOError);
}

TEST(LawLoader, RealValuesAreExact) {
  LawData law = LoadEmbedded();
  const Param& pd = GetParam(law, "us-2023-11", "a2_pd_min");
  ASSERT_EQ(pd.values.size(), 1u);
  EXPECT_EQ(std::get<Fixed>(pd.values[0].value), *Fixed::Parse("5.92"));
  EXPECT_EQ(pd.values[0].from, kBeginning);
  EXPECT_FALSE(pd.values[0].citation.empty());
  const Param& ops = GetParam(law, "us-2025-01", "model_derived_ops_min");
  EXPECT_EQ(std::get<Magnitude>(ops.values[0].value), *Magnitude::Parse("2.5e25"));
  const Param& hbm = GetParam(law, "us-2023-11", "hbm_exception_density_max");
  EXPECT_EQ(std::get<Fixed>(hbm.values[0].value), Fixed::FromMilli(3300));
  const Param& uses = GetParam(law, "defaults", "part744_end_uses");
  EXPECT_EQ(std::get<std::vector<std::string>>(uses.values[0].value),
            (std::vector<std::string>{"military", "wmd"}));
  EXPECT_EQ(GetParam(law, "defaults", "gp10_policy").decision, "D16");
}

// --- Param::At ------------------------------------------------------------------------

TEST(ParamAt, BoundariesOfDatedValues) {
  Param p;
  p.unit = Unit::kCount;
  p.values.push_back(DatedValue{D("2025-01-01"), Value(int64_t{1}), "c1"});
  p.values.push_back(DatedValue{D("2025-04-01"), Value(int64_t{2}), "c2"});
  EXPECT_EQ(p.At(D("2024-12-31")), nullptr);
  ASSERT_NE(p.At(D("2025-01-01")), nullptr);
  EXPECT_EQ(std::get<int64_t>(p.At(D("2025-01-01"))->value), 1);
  EXPECT_EQ(std::get<int64_t>(p.At(D("2025-03-31"))->value), 1);
  EXPECT_EQ(std::get<int64_t>(p.At(D("2025-04-01"))->value), 2);
  EXPECT_EQ(p.At(D("2025-04-01"))->citation, "c2");
  EXPECT_EQ(std::get<int64_t>(p.At(D("2199-12-31"))->value), 2);
}

TEST(ParamAt, RealDatedValues) {
  LawData law = LoadEmbedded();
  const Param& nveu = GetParam(law, "us-2025-01", "nveu_cap_tpp");
  EXPECT_EQ(nveu.At(D("2024-12-31")), nullptr);
  EXPECT_EQ(std::get<Fixed>(nveu.At(D("2025-06-30"))->value), Fixed::FromUnits(949'500'000));
  EXPECT_EQ(std::get<Fixed>(nveu.At(D("2025-07-01"))->value), Fixed::FromUnits(1'266'000'000));
  EXPECT_EQ(std::get<Fixed>(nveu.At(D("2030-01-01"))->value), Fixed::FromUnits(5'064'000'000));

  const Param& dest = GetParam(law, "us-2022-10", "license_destinations");
  using Codes = std::vector<CountryCode>;
  EXPECT_EQ(dest.At(D("2022-10-06")), nullptr);
  EXPECT_EQ(std::get<Codes>(dest.At(D("2023-01-16"))->value), (Codes{C("CN")}));
  EXPECT_EQ(std::get<Codes>(dest.At(D("2023-01-17"))->value), (Codes{C("CN"), C("MO")}));
  EXPECT_NE(dest.At(D("2023-01-17"))->citation.find("88 FR 2821"), std::string::npos);
  EXPECT_NE(dest.At(D("2023-01-16"))->citation.find("87 FR 62186"), std::string::npos);

  using Parties = std::vector<std::string>;
  const Param& approved = GetParam(law, "us-2026-07-uae", "approved_parties");
  EXPECT_EQ(std::get<Parties>(approved.At(D("2027-04-06"))->value), (Parties{"core42", "g42"}));
  EXPECT_TRUE(std::get<Parties>(approved.At(D("2027-04-07"))->value).empty());
}

TEST(CountryGroups, DatedMembershipBoundaries) {
  LawData law = LoadEmbedded();
  const CountryGroup* d5 = law.FindGroup("D:5");
  const CountryGroup* d1 = law.FindGroup("D:1");
  const CountryGroup* d4 = law.FindGroup("D:4");
  const CountryGroup* a5 = law.FindGroup("A:5");
  ASSERT_TRUE(d5 && d1 && d4 && a5);
  EXPECT_TRUE(InGroupOn(*d5, C("KH"), D("2025-11-06")));
  EXPECT_FALSE(InGroupOn(*d5, C("KH"), D("2025-11-07")));
  EXPECT_TRUE(InGroupOn(*d1, C("KH"), D("2026-07-23")));  // D13: stays in D:1
  EXPECT_FALSE(InGroupOn(*d5, C("NI"), D("2024-03-14")));
  EXPECT_TRUE(InGroupOn(*d5, C("NI"), D("2024-03-15")));
  EXPECT_TRUE(InGroupOn(*d1, C("NI"), D("2024-03-15")));
  EXPECT_TRUE(InGroupOn(*d4, C("AE"), D("2026-07-09")));
  EXPECT_FALSE(InGroupOn(*a5, C("AE"), D("2026-07-09")));
  EXPECT_FALSE(InGroupOn(*d4, C("AE"), D("2026-07-10")));
  EXPECT_TRUE(InGroupOn(*a5, C("AE"), D("2026-07-10")));
  EXPECT_FALSE(InGroupOn(*d5, C("MO"), D("2025-01-01")));  // Macau is not D:5
}

// --- rejections: each names the file and the key -----------------------------------

constexpr char kRegime[] = R"toml([rule]
id = "r1"
kind = "regime"
title = "A regime"
citation = "1 FR 1"
url = "https://example.gov/r1"
effective_on = 2025-01-13
last_reviewed_on = 2026-11-28

[params.cap_tpp]
description = "A cap."
unit = "tpp"
citation = "15 CFR 740.29(a)"
value = 26900000

[params.steps_tpp]
description = "A dated cap."
unit = "tpp"
citation = "15 CFR 748.15(a)(2)(iii)(B)"
values = [
  { from = 2025-01-01, value = 633000000 },
  { from = 2025-04-01, value = "949500000.5", citation = "Table 1" },
]

[params.places]
description = "Destinations."
unit = "countries"
citation = "15 CFR 742.6(a)(6)"
value = ["CN", "MO"]

[params.policy]
description = "A review policy."
unit = "policy"
citation = "15 CFR 742.6(b)(10)"
value = "presumption_of_denial"
)toml";

constexpr char kChange[] = R"toml([rule]
id = "c1"
kind = "change"
title = "A change"
citation = "2 FR 2"
url = "https://example.gov/c1"
effective_on = 2025-11-07
last_reviewed_on = 2026-11-28
)toml";

constexpr char kGroups[] = R"toml([[group]]
id = "D:5"
name = "Country Group D:5"
citation = "15 CFR part 740, Supp. No. 1"
members = ["CN", "RU"]
dated = [
  { code = "KH", until = 2025-11-06, change = "c1", citation = "State, 2025-11-07" },
]
)toml";

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << "test setup: " << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

std::vector<LawSource> Valid() {
  return {{"r1.toml", kRegime}, {"c1.toml", kChange}, {"country-groups.toml", kGroups}};
}

// Replaces `from` by `to` in source `file` of the valid set.
std::vector<LawSource> With(const std::string& file, const std::string& from,
                            const std::string& to) {
  std::vector<LawSource> sources = Valid();
  for (LawSource& s : sources) {
    if (s.name == file) s.text = Replace(s.text, from, to);
  }
  return sources;
}

void ExpectRejected(const std::vector<LawSource>& sources,
                    std::initializer_list<const char*> needles) {
  Result<LawData> law = ParseLaw(sources);
  ASSERT_FALSE(law.ok()) << "accepted, but should have been rejected";
  std::string msg(law.status().message());
  for (const char* needle : needles) {
    EXPECT_NE(msg.find(needle), std::string::npos) << "message lacks \"" << needle << "\":\n"
                                                   << msg;
  }
}

TEST(LawLoaderRejects, NothingInTheValidSet) {
  Result<LawData> law = ParseLaw(Valid());
  ASSERT_TRUE(law.ok()) << law.status().ToString();
  const Param* steps = law->FindRule("r1")->Find("steps_tpp");
  ASSERT_NE(steps, nullptr);
  EXPECT_EQ(steps->values[0].citation, "15 CFR 748.15(a)(2)(iii)(B)");  // inherited
  EXPECT_EQ(steps->values[1].citation, "Table 1");
  EXPECT_EQ(std::get<Fixed>(steps->values[1].value), Fixed::FromMilli(949'500'000'500));
}

TEST(LawLoaderRejects, UnknownKeyInParam) {
  ExpectRejected(
      With("r1.toml", "unit = \"tpp\"\ncitation", "unit = \"tpp\"\ncolour = 1\ncitation"),
      {"r1.toml", "params.cap_tpp.colour", "unknown key"});
}

TEST(LawLoaderRejects, UnknownKeyInRuleHeaderAndTopLevel) {
  ExpectRejected(With("r1.toml", "kind = \"regime\"", "kind = \"regime\"\nauthor = \"x\""),
                 {"r1.toml", "rule.author", "unknown key"});
  ExpectRejected(With("r1.toml", "[params.cap_tpp]", "[extra]\nx = 1\n\n[params.cap_tpp]"),
                 {"r1.toml", "extra", "unknown key"});
}

TEST(LawLoaderRejects, UnknownKeyInDatedValueAndGroup) {
  ExpectRejected(With("r1.toml", "{ from = 2025-01-01,", "{ note = \"x\", from = 2025-01-01,"),
                 {"r1.toml", "params.steps_tpp.values[0].note"});
  ExpectRejected(With("country-groups.toml", "members =", "colour = \"red\"\nmembers ="),
                 {"country-groups.toml", "colour"});
}

TEST(LawLoaderRejects, MissingCitation) {
  ExpectRejected(With("r1.toml", "citation = \"15 CFR 740.29(a)\"\n", ""),
                 {"r1.toml", "params.cap_tpp.citation", "missing citation"});
}

TEST(LawLoaderRejects, MissingCitationOnDatedValue) {
  ExpectRejected(With("r1.toml", "citation = \"15 CFR 748.15(a)(2)(iii)(B)\"\n", ""),
                 {"r1.toml", "params.steps_tpp.values[0].citation", "missing citation"});
}

TEST(LawLoaderRejects, MissingDescription) {
  ExpectRejected(With("r1.toml", "description = \"A cap.\"\n", ""),
                 {"r1.toml", "params.cap_tpp.description", "missing"});
}

TEST(LawLoaderRejects, FloatValue) {
  ExpectRejected(With("r1.toml", "value = 26900000", "value = 5.92"),
                 {"r1.toml", "params.cap_tpp.value", "floats are not allowed"});
}

TEST(LawLoaderRejects, InexactDecimalString) {
  ExpectRejected(With("r1.toml", "value = 26900000", "value = \"5.9201\""),
                 {"r1.toml", "params.cap_tpp.value", "exact decimal"});
}

TEST(LawLoaderRejects, ImpossibleDate) {
  ExpectRejected(With("r1.toml", "effective_on = 2025-01-13", "effective_on = 2025-02-30"),
                 {"r1.toml:7:", "effective_on", "[rule]", "date"});
  ExpectRejected(With("r1.toml", "{ from = 2025-04-01", "{ from = 2025-02-30"),
                 {"r1.toml", "\"from\"", "[params.steps_tpp]", "date"});
}

TEST(LawLoaderRejects, DateOutOfRangeOrQuoted) {
  ExpectRejected(With("r1.toml", "effective_on = 2025-01-13", "effective_on = 1899-12-31"),
                 {"r1.toml", "rule.effective_on", "bad date"});
  ExpectRejected(With("r1.toml", "effective_on = 2025-01-13", "effective_on = \"2025-01-13\""),
                 {"r1.toml", "rule.effective_on", "unquoted"});
}

TEST(LawLoaderRejects, NonAscendingDatedValues) {
  ExpectRejected(With("r1.toml", "{ from = 2025-04-01", "{ from = 2025-01-01"),
                 {"r1.toml", "params.steps_tpp.values[1].from", "strictly ascending"});
}

TEST(LawLoaderRejects, OverlappingMembership) {
  ExpectRejected(With("country-groups.toml", "[\"CN\", \"RU\"]", "[\"CN\", \"KH\", \"RU\"]"),
                 {"country-groups.toml", "group \"D:5\" (KH)", "overlaps"});
}

TEST(LawLoaderRejects, OverlappingDatedMemberships) {
  ExpectRejected(
      With("country-groups.toml", "change = \"c1\", citation = \"State, 2025-11-07\" },",
           "change = \"c1\", citation = \"State, 2025-11-07\" },\n"
           "  { code = \"KH\", from = 2025-11-06, citation = \"x\" },"),
      {"country-groups.toml", "(KH)", "[2025-11-06 .. open] overlaps [open .. 2025-11-06]"});
}

TEST(LawLoaderRejects, UnknownChangeId) {
  ExpectRejected(With("country-groups.toml", "change = \"c1\"", "change = \"c9\""),
                 {"country-groups.toml", "group \"D:5\" (KH).change", "\"c9\" names no rule"});
}

TEST(LawLoaderRejects, ChangeIdNamingARegime) {
  ExpectRejected(With("country-groups.toml", "change = \"c1\"", "change = \"r1\""),
                 {"country-groups.toml", "(KH).change", "not a change"});
}

TEST(LawLoaderRejects, BadCountry) {
  ExpectRejected(With("r1.toml", "[\"CN\", \"MO\"]", "[\"CN\", \"XX\"]"),
                 {"r1.toml", "params.places.value[1]", "\"XX\""});
  ExpectRejected(With("country-groups.toml", "code = \"KH\"", "code = \"ZZ\""),
                 {"country-groups.toml", "dated[0].code", "\"ZZ\""});
}

TEST(LawLoaderRejects, DuplicateCountryInList) {
  ExpectRejected(With("r1.toml", "[\"CN\", \"MO\"]", "[\"CN\", \"CN\"]"),
                 {"r1.toml", "params.places.value[1]", "duplicate"});
}

TEST(LawLoaderRejects, BadPolicy) {
  ExpectRejected(With("r1.toml", "\"presumption_of_denial\"", "\"maybe\""),
                 {"r1.toml", "params.policy.value", "unknown policy \"maybe\""});
}

TEST(LawLoaderRejects, UnknownUnitAndWrongType) {
  ExpectRejected(With("r1.toml", "unit = \"tpp\"\ncitation = \"15 CFR 740.29(a)\"",
                      "unit = \"flops\"\ncitation = \"15 CFR 740.29(a)\""),
                 {"r1.toml", "params.cap_tpp.unit", "unknown unit \"flops\""});
  ExpectRejected(With("r1.toml", "value = 26900000", "value = true"),
                 {"r1.toml", "params.cap_tpp.value", "expected an integer or a decimal string"});
}

TEST(LawLoaderRejects, ValueAndValuesTogether) {
  ExpectRejected(With("r1.toml", "value = 26900000", "value = 26900000\nvalues = []"),
                 {"r1.toml", "params.cap_tpp", "not both"});
}

TEST(LawLoaderRejects, RegimeWithoutEffectiveOn) {
  ExpectRejected(With("r1.toml", "effective_on = 2025-01-13\n", ""),
                 {"r1.toml", "rule.effective_on", "missing"});
}

TEST(LawLoaderRejects, DuplicateRuleIds) {
  std::vector<LawSource> sources = Valid();
  sources.push_back({"r1.toml", kRegime});
  ExpectRejected(sources, {"r1.toml", "rule.id", "duplicate rule id \"r1\""});
}

TEST(LawLoaderRejects, RuleIdMustBeTheFileName) {
  ExpectRejected(With("r1.toml", "id = \"r1\"", "id = \"r2\""),
                 {"r1.toml", "rule.id", "file name"});
}

TEST(LawLoaderRejects, BadDecisionId) {
  ExpectRejected(
      With("r1.toml", "description = \"A cap.\"", "description = \"A cap.\"\ndecision = \"D45\""),
      {"r1.toml", "params.cap_tpp.decision", "D1..D44"});
}

TEST(LawLoaderRejects, TomlSyntaxErrorNamesFileAndLine) {
  ExpectRejected(With("r1.toml", "value = 26900000", "value = = 1"),
                 {"r1.toml:14:", "[params.cap_tpp]", "TOML syntax error"});
}

TEST(LawLoaderRejects, TomlErrorAtEndOfFile) {
  std::vector<LawSource> sources = Valid();
  sources[0].text += "\n[params.broken";
  ExpectRejected(sources, {"r1.toml:", "TOML syntax error"});
  sources[0].text = "x = [";
  ExpectRejected(sources, {"r1.toml:1:", "TOML syntax error"});
}

TEST(LawLoaderRejects, CountriesFileEntries) {
  std::vector<LawSource> sources = Valid();
  sources.push_back({"countries.toml", "[countries]\nQQ = { name = \"Nowhere\" }\n"});
  ExpectRejected(sources, {"countries.toml", "countries.QQ", "unknown country code"});
  sources.back().text = "[countries]\nFR = { name = \"France\", ecfr_name = \"France\" }\n";
  ExpectRejected(sources, {"countries.toml", "countries.FR.ecfr_name", "same as name"});
}

}  // namespace
}  // namespace highfence::law
