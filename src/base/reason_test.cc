#include "base/reason.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

namespace highfence {
namespace {

std::string TextOf(const Determination& d) { return std::string(d.ReasonText(d.reasons.back())); }

TEST(AddReasonF, SubstitutesPlainPlaceholdersLikeFmt) {
  Determination d;
  d.Clear();
  AddReasonF(&d, "r", "c", "TPP {} >= {} in {} on {} ({} units, {})", Fixed::FromMilli(15'832'000),
             Fixed::FromUnits(4800), *CountryCode::Parse("MY"), Date::FromCivil(2025, 7, 1),
             int64_t{8}, std::string_view("ok"));
  EXPECT_EQ(TextOf(d), "TPP 15832 >= 4800 in MY on 2025-07-01 (8 units, ok)");
  AddReasonF(&d, "r", "c", "no placeholders");
  EXPECT_EQ(TextOf(d), "no placeholders");
  EXPECT_EQ(d.reasons.size(), 2u);
}

TEST(AddReasonF, FallsBackToFmtForSpecsAndEscapes) {
  Determination d;
  d.Clear();
  AddReasonF(&d, "r", "c", "{:>4}|{{literal}}|{}", 7, std::string_view("x"));
  EXPECT_EQ(TextOf(d), "   7|{literal}|x");
}

// The fast path needs every reason format to use only plain "{}": no "}}".
TEST(AddReasonF, SourceFormatsHaveNoEscapedClosingBraces) {
  const std::regex literal(R"("(?:[^"\\\n]|\\.)*")");
  int files = 0;
  for (const char* dir : {"/src/determine", "/src/classify"}) {
    for (const auto& e : std::filesystem::directory_iterator(std::string(HF_SOURCE_DIR) + dir)) {
      if (e.path().extension() != ".cc" || e.path().filename().string().ends_with("_test.cc")) {
        continue;
      }
      ++files;
      std::ifstream in(e.path());
      std::stringstream text;
      text << in.rdbuf();
      std::string s = text.str();
      for (std::sregex_iterator it(s.begin(), s.end(), literal), end; it != end; ++it) {
        EXPECT_EQ(it->str().find("}}"), std::string::npos) << e.path() << ": " << it->str();
      }
    }
  }
  EXPECT_GT(files, 4);
}

}  // namespace
}  // namespace highfence
