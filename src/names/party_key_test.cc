#include "names/party_key.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <thread>
#include <vector>

namespace highfence::names {
namespace {

// --- the equivalences contract.md section 4 requires ------------------------

TEST(PartyKey, CompanyFormsOfOneNameShareOneKey) {
  EXPECT_EQ(PartyKey("Big Parent Ltd"), "big-parent");
  EXPECT_EQ(PartyKey("BIG PARENT LIMITED"), "big-parent");
  EXPECT_EQ(PartyKey("Big Parent Co., Ltd."), "big-parent");
}

TEST(PartyKey, AccentsAreStrippedAndTheFormRemoved) {
  EXPECT_EQ(PartyKey("Société Générale Électronique SA"), "societe-generale-electronique");
}

TEST(PartyKey, SimplifiedAndTraditionalHanShareOneNonEmptyKey) {
  const std::string simplified = PartyKey("华为技术有限公司");
  EXPECT_FALSE(simplified.empty());
  EXPECT_EQ(simplified, PartyKey("華為技術有限公司"));
  EXPECT_EQ(simplified, "hua-wei-ji-shu");  // 有限公司 is a legal form
}

TEST(PartyKey, DifferentCompaniesKeepTheirLastWord) {
  EXPECT_EQ(PartyKey("Big Parents Ltd"), "big-parents");
  EXPECT_EQ(PartyKey("Acme Holdings"), "acme-holdings");
  EXPECT_NE(PartyKey("Big Parents Ltd"), PartyKey("Big Parent Ltd"));
}

// --- beside them: similar but distinct names keep distinct keys -------------

TEST(PartyKey, SimilarButDistinctCompaniesKeepDistinctKeys) {
  const std::vector<std::string> names = {
      "Acme Holdings",
      "Acme Holding",
      "Acme Group Ltd",
      "Acme Technologies",
      "Acme Technology",
      "Acme (Beijing) Co., Ltd.",
      "Acme Shanghai Co Ltd",
      "Huawei Technologies Co., Ltd.",
      "Huawei Device Co., Ltd.",
      "华为终端有限公司",
      "华为技术有限公司",
      "华为投资控股有限公司",
      "Inspur Group",
      "Inspur Software",
      "Big Parent Trading Ltd",
      "Big Parent",
      "Big Parents",
      "Parent Big Ltd",
  };
  std::set<std::string> keys;
  for (const std::string& n : names) keys.insert(PartyKey(n));
  EXPECT_EQ(keys.size(), names.size()) << "two of these names share a key";
}

TEST(PartyKey, GroupIsAWordNotALegalForm) {
  // 集团有限公司: only 有限公司 is the legal part; 集团 (group) stays.
  EXPECT_EQ(PartyKey("浪潮集团有限公司"), "lang-chao-ji-tuan");
  EXPECT_EQ(PartyKey("Inspur Group Co., Ltd."), "inspur-group");
}

TEST(PartyKey, EveryChineseLegalFormIsRemoved) {
  EXPECT_EQ(PartyKey("华为技术股份有限公司"), "hua-wei-ji-shu");
  EXPECT_EQ(PartyKey("华为技术有限责任公司"), "hua-wei-ji-shu");
  EXPECT_EQ(PartyKey("華為技術有限責任公司"), "hua-wei-ji-shu");
}

TEST(PartyKey, OnlyTrailingFormsAreRemoved) {
  EXPECT_EQ(PartyKey("OOO Romashka"), "ooo-romashka");
  EXPECT_EQ(PartyKey("Romashka OOO"), "romashka");
  EXPECT_EQ(PartyKey("Limited Brands Inc."), "limited-brands");
  EXPECT_EQ(PartyKey("Acme Sdn. Bhd."), "acme");
  EXPECT_EQ(PartyKey("Acme Pte. Ltd."), "acme");
  EXPECT_EQ(PartyKey("Acme GmbH & Co. KG"), "acme");
  EXPECT_EQ(PartyKey("Acme S.p.A."), "acme");
  EXPECT_EQ(PartyKey("Acme Private Limited"), "acme");
}

TEST(PartyKey, AmpersandAndPlusReadAsAnd) {
  EXPECT_EQ(PartyKey("Smith & Jones Ltd"), "smith-and-jones");
  EXPECT_EQ(PartyKey("Smith+Jones"), "smith-and-jones");
  EXPECT_EQ(PartyKey("Smith and Jones Limited"), "smith-and-jones");
}

TEST(PartyKey, OtherScriptsAreTransliterated) {
  EXPECT_EQ(PartyKey("ООО Ростех"), "ooo-rostekh");                   // Cyrillic by BGN/PCGN
  EXPECT_EQ(PartyKey("Ｂｉｇ　Ｐａｒｅｎｔ　ＬＴＤ"), "big-parent");  // full-width: NFKC
  EXPECT_EQ(PartyKey("Straße AG"), "strasse");
}

TEST(PartyKey, EmptyMeansNoKey) {
  EXPECT_EQ(PartyKey(""), "");
  EXPECT_EQ(PartyKey("Ltd."), "");
  EXPECT_EQ(PartyKey("Co., Ltd."), "");
  EXPECT_EQ(PartyKey("---"), "");
  EXPECT_EQ(PartyKey("有限公司"), "");
}

TEST(PartyKeyFromId, LowercasesAndJoinsRunsWithOneDash) {
  EXPECT_EQ(PartyKeyFromId("ACME/Parent 01"), "id-acme-parent-01");
  EXPECT_EQ(PartyKeyFromId("  lei:5493001KJTIIGC8Y1R12  "), "id-lei-5493001kjtiigc8y1r12");
  EXPECT_EQ(PartyKeyFromId("x--y__z"), "id-x-y-z");
  EXPECT_EQ(PartyKeyFromId("---"), "");
  EXPECT_EQ(PartyKeyFromId(""), "");
}

TEST(PartyKeyMemo, ReturnsWhatPartyKeyReturnsAndKeepsEachNameOnce) {
  PartyKeyMemo memo;
  EXPECT_EQ(memo.Key("華為技術有限公司"), PartyKey("華為技術有限公司"));
  EXPECT_EQ(memo.Key("華為技術有限公司"), "hua-wei-ji-shu");
  EXPECT_EQ(memo.Key("Big Parent Ltd"), "big-parent");
  EXPECT_EQ(memo.size(), 2u);
}

TEST(PartyKeyMemo, StaysWithinItsBound) {
  PartyKeyMemo memo(32);
  for (int i = 0; i < 1000; ++i) {
    EXPECT_EQ(memo.Key("Company " + std::to_string(i) + " Ltd"), "company-" + std::to_string(i));
  }
  EXPECT_LE(memo.size(), 48u);  // 16 shards of 32 / 16 + 1 names each
}

TEST(PartyKeyMemo, IsSafeUnderConcurrentUse) {
  PartyKeyMemo memo;
  const std::vector<std::string> names = {"华为技术有限公司", "Big Parent Co., Ltd.", "ООО Ростех"};
  std::vector<std::thread> threads;
  std::vector<int> wrong(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i) {
        const std::string& n = names[static_cast<size_t>(i) % names.size()];
        if (memo.Key(n) != PartyKey(n)) ++wrong[static_cast<size_t>(t)];
      }
    });
  }
  for (std::thread& th : threads) th.join();
  for (int w : wrong) EXPECT_EQ(w, 0);
  EXPECT_EQ(memo.size(), names.size());
}

}  // namespace
}  // namespace highfence::names
