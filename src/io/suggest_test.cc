#include "io/suggest.h"

#include <gtest/gtest.h>

#include <string_view>

namespace highfence::io {
namespace {

constexpr std::string_view kFields[] = {"id", "date", "destination", "units", "die_area_mm2"};

TEST(SuggestTest, EditDistanceCountsSwapsAsOneEdit) {
  EXPECT_EQ(EditDistance("destination", "destinaton"), 1);
  EXPECT_EQ(EditDistance("units", "untis"), 1);
  EXPECT_EQ(EditDistance("DATE", "date"), 0);
  EXPECT_EQ(EditDistance("", "abc"), 3);
}

TEST(SuggestTest, NearestOnlyForCloseWords) {
  EXPECT_EQ(Nearest("destinaton", kFields), "destination");
  EXPECT_EQ(Nearest("die_area", kFields), "die_area_mm2");  // a unique prefix
  EXPECT_EQ(Nearest("colour", kFields), "");
  EXPECT_EQ(Nearest("ix", kFields), "");  // too short to guess
  EXPECT_EQ(DidYouMean("dte", kFields), " (did you mean `date`?)");
}

TEST(SuggestTest, CountryHints) {
  EXPECT_EQ(CountryHint("UK"), " (did you mean `GB`?)");
  EXPECT_EQ(CountryHint("de"), " (did you mean `DE`?)");
  EXPECT_NE(CountryHint("CHN").find("`CN`"), std::string::npos);
  EXPECT_EQ(CountryHint("XX"), "");
}

TEST(SuggestTest, CatalogHintListsKin) {
  Result<catalog::Catalog> cat = catalog::Catalog::Embedded();
  ASSERT_TRUE(cat.ok());
  std::string hint = CatalogHint("h100", *cat);
  EXPECT_NE(hint.find("`nvidia-h100-sxm`"), std::string::npos) << hint;
  EXPECT_NE(hint.find("`nvidia-h100-pcie`"), std::string::npos) << hint;
  EXPECT_NE(CatalogHint("nvidia-h100-smx", *cat).find("nvidia-h100-sxm"), std::string::npos);
  EXPECT_EQ(CatalogHint("zz-nothing-like-it", *cat), "");
}

}  // namespace
}  // namespace highfence::io
