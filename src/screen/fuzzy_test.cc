#include "screen/fuzzy.h"

#include <gtest/gtest.h>

#include "screen/hashed_ranges.h"

namespace highfence::screen {
namespace {

TEST(EditDistance, CountsEditsUpToTheBound) {
  EXPECT_EQ(EditDistance("huawei", "huawei", 2), 0);
  EXPECT_EQ(EditDistance("huawei", "hauwei", 2), 1);  // a swap of neighbours is one edit
  EXPECT_EQ(EditDistance("huawei", "huawie", 2), 1);
  EXPECT_EQ(EditDistance("cambricon", "cambrion", 2), 1);
  EXPECT_EQ(EditDistance("technology", "tecnolgy", 2), 2);
  EXPECT_EQ(EditDistance("technology", "tecnolgy", 1), 2);  // bound + 1
  EXPECT_EQ(EditDistance("abc", "abcdef", 1), 2);           // lengths alone exceed the bound
  EXPECT_EQ(EditDistance("", "ab", 2), 2);
}

TEST(Skeleton, RomanisationsOfOneSoundAgree) {
  EXPECT_EQ(Skeleton("rostekh"), Skeleton("rostec"));
  EXPECT_EQ(Skeleton("yuriy"), Skeleton("iouri"));
  EXPECT_EQ(Skeleton("mohammed"), Skeleton("mohamed"));
  EXPECT_EQ(Skeleton("djibril"), Skeleton("jibril"));
  EXPECT_EQ(Skeleton("tsentr"), Skeleton("centr"));
  EXPECT_EQ(Skeleton("aleksandr"), Skeleton("alexandr"));
  EXPECT_NE(Skeleton("huawei"), Skeleton("hikvision"));
}

TEST(HashedRanges, FindsEachRunAndNothingElse) {
  HashedRanges r;
  EXPECT_TRUE(r.Find(1).empty());  // empty before Build
  std::vector<std::pair<uint64_t, uint32_t>> pairs;
  for (uint64_t h = 0; h < 1000; ++h) {
    for (uint32_t v = 0; v < h % 3 + 1; ++v)
      pairs.emplace_back(h * 7919, static_cast<uint32_t>(h + v));
  }
  r.Build(pairs);
  for (uint64_t h = 0; h < 1000; ++h) {
    std::span<const uint32_t> found = r.Find(h * 7919);
    ASSERT_EQ(found.size(), h % 3 + 1) << h;
    EXPECT_EQ(found[0], h);
  }
  EXPECT_TRUE(r.Find(7919 * 1000 + 1).empty());
}

}  // namespace
}  // namespace highfence::screen
