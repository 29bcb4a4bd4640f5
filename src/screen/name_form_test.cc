#include "screen/name_form.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace highfence::screen {
namespace {

const Readers& R() {
  static const Readers r{Lexicon::Builtin(), names::LegalForms::Builtin()};
  return r;
}

std::vector<Words> Forms(std::string_view name) {
  std::vector<Words> out;
  for (const NameForm& f : ListNameForms(name, R())) out.push_back(f.Core());
  return out;
}

bool Has(const std::vector<Words>& forms, const Words& w) {
  return std::find(forms.begin(), forms.end(), w) != forms.end();
}

TEST(ReadName, MarksLegalFormsAndStopwordsAndMakesWordsCanonical) {
  const NameForm f = ReadName("Bank of Huawei Technologies Co., Ltd.", R());
  EXPECT_EQ(f.words, (Words{"bank", "of", "huawei", "technology", "co", "ltd"}));
  EXPECT_EQ(f.kinds, (std::vector<WordKind>{WordKind::kCore, WordKind::kStop, WordKind::kCore,
                                            WordKind::kCore, WordKind::kLegal, WordKind::kLegal}));
  EXPECT_EQ(f.Core(), (Words{"bank", "huawei", "technology"}));
}

TEST(ReadName, ChineseThreeWays) {
  EXPECT_EQ(ReadName("华为技术有限公司", R()).Core(), (Words{"huawei", "technology"}));
  EXPECT_EQ(ReadName("海光信息技术", R(), HanReading::kWordTerms).Core(),
            (Words{"hygon", "information", "technology"}));  // haiguang reads as the name
  EXPECT_EQ(ReadName("海光信息技术", R(), HanReading::kPinyin).Core(),
            (Words{"hygon", "xin", "xi", "ji", "shu"}));
  EXPECT_EQ(ReadName("Xi’an Cambricon", R()).Core(), (Words{"xian", "cambricon"}));
}

TEST(ListNameForms, ParenthesesGiveTheOuterNameAndAnAcronymOrShortName) {
  const auto huawei = Forms("Huawei Technologies Co., Ltd. (Huawei)");
  EXPECT_TRUE(Has(huawei, {"huawei", "technology"}));
  EXPECT_TRUE(Has(huawei, {"huawei"}));
  const auto smic = Forms("Semiconductor Manufacturing International Corporation (SMIC)");
  EXPECT_TRUE(Has(smic, {"smic"}));
  EXPECT_TRUE(Has(smic, {"semiconductor", "manufacturing", "international"}));
  const auto nscc = Forms("National Supercomputing Center Tianjin (NSCC-TJ)");
  EXPECT_TRUE(Has(nscc, {"nscc", "tj"}));
}

TEST(ListNameForms, APlaceOrCommonWordInParenthesesIsNotAName) {
  const auto sunford = Forms("SUNFORD (CHINA) TRADING LTD.");
  EXPECT_FALSE(Has(sunford, {"china"}));
  EXPECT_TRUE(Has(sunford, {"sunford", "trading"}));
  EXPECT_FALSE(Has(Forms("FOC (HK) Technology Co., Ltd."), {"hong", "kong"}));
  EXPECT_FALSE(Has(Forms("ELLISSA SAL (HOLDING)"), {"holding"}));
}

TEST(ListNameForms, MarkersNameAnotherParty) {
  const auto affiliate = Forms(
      "Huawei Technologies Co., Ltd. (Huawei). Affiliated Entity: Nanchang Huawei "
      "Communication Technology Co., Ltd.");
  EXPECT_TRUE(Has(affiliate, {"nanchang", "huawei", "communication", "technology"}));
  EXPECT_TRUE(Has(Forms("Far East Trading Company, Inc. (a.k.a. FETCO, Inc.)"), {"fetco"}));
}

TEST(ListNameForms, AddressAfterTheLegalFormAndBoilerplateAreCut) {
  EXPECT_TRUE(Has(Forms("Chengdu Huawei Technologies Co., Ltd., Chengdu, Sichuan"),
                  {"chengdu", "huawei", "technology"}));
  EXPECT_FALSE(Has(Forms("Holding Company Ak Bars"), {"holding"}));
  EXPECT_TRUE(Has(Forms("Asa'ib Ahl al-Haq and any successor, sub-unit, or subsidiary thereof"),
                  {"asaib", "ahl", "al", "haq"}));
}

TEST(ListNameForms, DashPartsNeedAWordThatSaysWho) {
  const auto f = Forms(
      "Federal State Unitary Enterprise Russian Federal Nuclear Center - All Russian Scientific "
      "Research Institute of Experimental Physics");
  EXPECT_TRUE(
      Has(f, {"all", "russian", "scientific", "research", "institute", "experimental", "physic"}));
  EXPECT_FALSE(Has(Forms("RESEARCH INSTITUTE - 2"), {"research", "institute"}));
}

}  // namespace
}  // namespace highfence::screen
