#include "highfence/country.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

namespace highfence {
namespace {

std::vector<std::string> AssignedList() {
  std::vector<std::string> codes;
  std::string_view all = AssignedCountryCodes();
  for (size_t i = 0; i + 1 < all.size(); i += 3) codes.emplace_back(all.substr(i, 2));
  return codes;
}

TEST(CountryCode, EveryAssignedCodeParsesAndRoundTrips) {
  std::vector<std::string> codes = AssignedList();
  EXPECT_EQ(codes.size(), 250u);  // 249 ISO 3166-1 codes and XK
  std::set<int> indices;
  for (const std::string& code : codes) {
    std::optional<CountryCode> c = CountryCode::Parse(code);
    ASSERT_TRUE(c.has_value()) << code;
    EXPECT_TRUE(c->valid());
    EXPECT_EQ(c->str(), code);
    EXPECT_EQ(CountryCode::FromIndex(c->index()), *c);
    EXPECT_TRUE(indices.insert(c->index()).second) << "duplicate index for " << code;
  }
}

TEST(CountryCode, ListIsTwoLettersSeparatedBySpaces) {
  std::string_view all = AssignedCountryCodes();
  ASSERT_EQ(all.size() % 3, 2u);
  for (size_t i = 2; i < all.size(); i += 3) EXPECT_EQ(all[i], ' ') << i;
}

TEST(CountryCode, WellKnownCodes) {
  for (const char* code : {"US", "CN", "DE", "HK", "MO", "AE", "XK", "TW", "GB", "KH"}) {
    EXPECT_TRUE(CountryCode::Parse(code)) << code;
  }
}

TEST(CountryCode, RejectsUnassignedAndMalformed) {
  for (const char* bad : {"us", "De", "dE", "", "U", "USA", "U1", "1U", " US", "US ", "ZZ", "AA",
                          "UK", "EU", "XX", "QQ", "??", "Ü", "\xC3\x9C"}) {
    EXPECT_FALSE(CountryCode::Parse(bad)) << '"' << bad << '"';
  }
}

TEST(CountryCode, DefaultIsInvalid) {
  CountryCode c;
  EXPECT_FALSE(c.valid());
  EXPECT_NE(c, *CountryCode::Parse("AD"));
}

TEST(CountryCode, IndexIsDenseAndOrdered) {
  CountryCode ad = *CountryCode::Parse("AD");
  CountryCode zw = *CountryCode::Parse("ZW");
  EXPECT_EQ(ad.index(), 3);
  EXPECT_EQ(zw.index(), 25 * 26 + 22);
  EXPECT_LT(ad, zw);
  EXPECT_LT(*CountryCode::Parse("CN"), *CountryCode::Parse("DE"));
  // str() works for every slot, assigned or not.
  EXPECT_EQ(CountryCode::FromIndex(0).str(), "AA");
  EXPECT_EQ(CountryCode::FromIndex(CountryCode::kSlots - 1).str(), "ZZ");
}

}  // namespace
}  // namespace highfence
