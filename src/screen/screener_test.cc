#include "screen/screener.h"

#include <gtest/gtest.h>

#include <thread>

#include "screen/snapshot.h"

namespace highfence::screen {
namespace {

std::unique_ptr<Screener> Sample(ScreenOptions options = {}) {
  Result<ListSnapshot> s = LoadSnapshotFile(std::string(HF_SOURCE_DIR) +
                                            "/tests/screening/fixtures/csl-sample-compact.json");
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  Result<std::unique_ptr<Screener>> screener = Screener::Build(std::move(s).value(), options);
  EXPECT_TRUE(screener.ok()) << screener.status().ToString();
  return std::move(screener).value();
}

const Hit* Find(const std::vector<Hit>& hits, std::string_view name) {
  for (const Hit& h : hits) {
    if (h.entry->name == name) return &h;
  }
  return nullptr;
}
// The hits must outlive the pointer Find returns: never pass a temporary.
const Hit* Find(const std::vector<Hit>&& hits, std::string_view name) = delete;

double FeatureSum(const Hit& h) {
  double sum = 0;
  for (const Feature& f : h.features) sum += f.contribution;
  return sum;
}

TEST(Screener, AnExactNameMatchesWithItsRowsFacts) {
  auto s = Sample();
  const std::vector<Hit> hits = s->Screen("Huawei Technologies Co., Ltd.");
  const Hit* h = Find(hits, "Huawei Technologies Co., Ltd. (Huawei)");
  ASSERT_NE(h, nullptr);
  EXPECT_DOUBLE_EQ(h->score, 1.0);
  EXPECT_EQ(h->band, Band::kMatch);
  EXPECT_TRUE(h->exact);
  EXPECT_EQ(h->entry->list, "EL");
  EXPECT_EQ(h->entry->license_policy, "Presumption of denial.");
  EXPECT_EQ(h->entry->federal_register_notice, "84 FR 22961, 85 FR 51603");
  ASSERT_EQ(h->features.size(), 2u);
  EXPECT_EQ(h->features[0].name, "query_coverage");
  EXPECT_EQ(h->features[1].name, "name_coverage");
  EXPECT_DOUBLE_EQ(FeatureSum(*h), h->score);
}

TEST(Screener, ChineseNamesInEitherScriptFindTheEnglishRow) {
  auto s = Sample();
  for (const char* name : {"华为技术有限公司", "華為技術有限公司", "中芯国际"}) {
    const std::vector<Hit> hits = s->Screen(name);
    ASSERT_FALSE(hits.empty()) << name;
    EXPECT_EQ(hits[0].band, Band::kMatch) << name;
    EXPECT_EQ(hits[0].entry->list, "EL") << name;
  }
}

TEST(Screener, AcronymsAliasesAndTyposMatch) {
  auto s = Sample();
  const std::vector<Hit> smic = s->Screen("SMIC");
  EXPECT_NE(Find(smic, "Semiconductor Manufacturing International Corporation (SMIC)"), nullptr);
  const std::vector<Hit> petrov = s->Screen("Ivan Petroff");
  EXPECT_NE(Find(petrov, "PETROV, Ivan Sergeyevich"), nullptr);
  const std::vector<Hit> typo = s->Screen("Semiconductor Manufactoring International");
  ASSERT_FALSE(typo.empty());
  EXPECT_EQ(typo[0].band, Band::kMatch);
  bool near_detail = false;
  for (const Feature& f : typo[0].features)
    near_detail |= f.detail.find("near") != std::string::npos;
  EXPECT_TRUE(near_detail) << "the typo is explained";
}

TEST(Screener, TheCountryLowersAScoreButNeverHidesAnExactName) {
  auto s = Sample();
  const std::vector<Hit> in_cn = s->Screen("Acme Export Trading", "CN");
  const Hit* exact = Find(in_cn, "Acme Export Trading");
  ASSERT_NE(exact, nullptr);  // the row's address is in the US
  EXPECT_EQ(exact->band, Band::kMatch);
  EXPECT_NEAR(exact->score, 0.9, 1e-9);
  EXPECT_EQ(exact->features.back().name, "country");
  EXPECT_DOUBLE_EQ(FeatureSum(*exact), exact->score);
  const std::vector<Hit> in_us = s->Screen("Acme Export Trading", "US");
  const Hit* same = Find(in_us, "Acme Export Trading");
  ASSERT_NE(same, nullptr);
  EXPECT_DOUBLE_EQ(same->score, 1.0);
  // Options that would let the penalty push an exact name below a match are refused.
  ScreenOptions o;
  o.country_penalty = 0.2;
  EXPECT_FALSE(Screener::Build(ListSnapshot{}, o).ok());
}

TEST(Screener, PartialNamesAndCommonWordsFallInTheReviewBandOrBelow) {
  auto s = Sample();
  const std::vector<Hit> aviation = s->Screen("Example Aviation");
  const Hit* partial = Find(aviation, "Example Aviation Research Institute");
  ASSERT_NE(partial, nullptr);
  EXPECT_EQ(partial->band, Band::kReview);
  EXPECT_LT(partial->score, s->options().match_threshold);
  EXPECT_GE(partial->score, s->options().review_threshold);
  for (const Hit& h : s->Screen("Shipping LLC")) EXPECT_EQ(h.band, Band::kReview) << h.entry->name;
  for (const Hit& h : s->Screen("Research Institute")) EXPECT_EQ(h.band, Band::kReview);
}

TEST(Screener, NamesWithNothingToCompareHaveNoHits) {
  auto s = Sample();
  EXPECT_TRUE(s->Screen("").empty());
  EXPECT_TRUE(s->Screen("Co., Ltd.").empty());
  EXPECT_TRUE(s->Screen("!!!").empty());
  EXPECT_TRUE(s->Screen(std::string(5000, 'x')).empty());  // bounded, not a crash
  EXPECT_TRUE(s->Screen("\xff\xfe\xfd").empty());
}

TEST(Screener, OptionsAreChecked) {
  ScreenOptions o;
  EXPECT_EQ(o.Check(), "");
  o.review_threshold = 0.9;
  EXPECT_NE(o.Check(), "");
  o = ScreenOptions{};
  o.query_weight = 0.7;
  EXPECT_NE(o.Check(), "");
  o = ScreenOptions{};
  o.candidates_max = 0;
  EXPECT_NE(o.Check(), "");
}

TEST(Screener, ConcurrentScreensGiveTheSameHits) {
  auto s = Sample();
  const std::vector<std::string> names = {"华为技术有限公司", "SMIC",        "Ivan Petrov",
                                          "Blue Shipping",    "Acme Export", "Example Energy PJSC"};
  std::vector<std::vector<Hit>> expected;
  for (const std::string& n : names) expected.push_back(s->Screen(n));
  std::vector<int> wrong(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 50; ++round) {
        for (size_t i = 0; i < names.size(); ++i) {
          const std::vector<Hit> got = s->Screen(names[i]);
          bool same = got.size() == expected[i].size();
          for (size_t k = 0; same && k < got.size(); ++k) {
            same = got[k].entry == expected[i][k].entry && got[k].score == expected[i][k].score;
          }
          wrong[static_cast<size_t>(t)] += !same;
        }
      }
    });
  }
  for (std::thread& th : threads) th.join();
  for (int w : wrong) EXPECT_EQ(w, 0);
}

}  // namespace
}  // namespace highfence::screen
