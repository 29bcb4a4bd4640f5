// Compares law/country-groups.toml with the EAR's Country Groups table as
// printed in the eCFR (../shared/data/ecfr/country-groups.json): on the eCFR's
// issue date, each group's members must equal the eCFR list exactly. Names map
// to codes through law/countries.toml (`ecfr_name`, else `name`).
#include <gtest/gtest.h>
#include <simdjson.h>

#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "law/law_data.h"
#include "law/membership.h"

namespace highfence::law {
namespace {

std::string Join(const std::set<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out.empty() ? "(none)" : out;
}

TEST(CountryGroupsEcfr, MembersMatchTheEcfrOnItsIssueDate) {
  const std::string path = std::string(HF_SHARED_DIR) + "/data/ecfr/country-groups.json";
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    GTEST_SKIP() << path << " is absent (../shared is not present): cannot compare the "
                 << "country groups with the eCFR";
  }
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  simdjson::error_code err = parser.load(path).get(doc);
  ASSERT_EQ(err, simdjson::SUCCESS) << path << ": " << simdjson::error_message(err);
  std::string_view issue;
  ASSERT_EQ(doc["ecfrIssueDate"].get(issue), simdjson::SUCCESS);
  std::optional<Date> on = Date::Parse(issue);
  ASSERT_TRUE(on.has_value()) << "ecfrIssueDate " << issue;
  EXPECT_EQ(issue, "2026-07-23") << "the data file changed: review country-groups.toml";

  Result<LawData> law = ParseLaw(EmbeddedLawSources());
  ASSERT_TRUE(law.ok()) << law.status().ToString();
  std::map<CountryCode, std::string> ecfr_name;  // code -> name as the eCFR writes it
  for (const Country& c : law->countries) {
    ecfr_name[c.code] = c.ecfr_name.empty() ? c.name : c.ecfr_name;
  }

  for (const char* id : {"A:5", "A:6", "D:1", "D:4", "D:5", "E:1", "E:2"}) {
    SCOPED_TRACE(id);
    simdjson::dom::array list;
    ASSERT_EQ(doc["groups"][id].get(list), simdjson::SUCCESS) << "no group " << id;
    std::set<std::string> theirs;
    for (simdjson::dom::element e : list) {
      std::string_view name;
      ASSERT_EQ(e.get(name), simdjson::SUCCESS);
      theirs.insert(std::string(name));
    }
    const CountryGroup* group = law->FindGroup(id);
    ASSERT_NE(group, nullptr);
    std::set<std::string> ours;
    for (const Membership& m : group->members) {
      if (Covers(m, *on)) ours.insert(ecfr_name[m.code]);
    }
    std::set<std::string> only_ours, only_theirs;
    for (const std::string& n : ours) {
      if (!theirs.count(n)) only_ours.insert(n);
    }
    for (const std::string& n : theirs) {
      if (!ours.count(n)) only_theirs.insert(n);
    }
    EXPECT_TRUE(only_ours.empty() && only_theirs.empty())
        << "group " << id << " on " << issue << " differs from the eCFR:\n"
        << "  only in law/country-groups.toml: " << Join(only_ours) << "\n"
        << "  only in the eCFR (or a name countries.toml does not map): " << Join(only_theirs);
    EXPECT_EQ(ours.size(), theirs.size()) << "group " << id;
  }
}

}  // namespace
}  // namespace highfence::law
