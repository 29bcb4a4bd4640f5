#include "server/body_split.h"

#include <gtest/gtest.h>

namespace highfence::server {
namespace {

TEST(BodySplit, SplitsAnArrayIntoItsElementsAsReceived) {
  std::vector<std::string_view> out;
  ASSERT_TRUE(
      SplitJsonArray(R"( [ {"id":"a,b","x":[1,{"y":"]"}]} , {"id":"c\"}"} ] )", 10, &out).ok());
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0], R"({"id":"a,b","x":[1,{"y":"]"}]})");
  EXPECT_EQ(out[1], R"({"id":"c\"}"})");
}

TEST(BodySplit, AnEmptyArrayHasNoElementsAndAMalformedOneIsAnError) {
  std::vector<std::string_view> out;
  ASSERT_TRUE(SplitJsonArray("[ ]", 10, &out).ok());
  EXPECT_TRUE(out.empty());
  EXPECT_FALSE(SplitJsonArray("[{\"a\":1}", 10, &out).ok());
  EXPECT_FALSE(SplitJsonArray("[{\"a\":\"]}", 10, &out).ok());
  EXPECT_FALSE(SplitJsonArray("[}{]", 10, &out).ok());
  EXPECT_FALSE(SplitJsonArray("{}", 10, &out).ok());
}

TEST(BodySplit, KeepsAMalformedElementForItsOwnNeedsReview) {
  std::vector<std::string_view> out;
  ASSERT_TRUE(SplitJsonArray("[{\"id\":1}, nonsense, {}]", 10, &out).ok());
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[1], "nonsense");
}

TEST(BodySplit, BoundsTheNumberOfShipments) {
  std::vector<std::string_view> out;
  Status st = SplitJsonArray("[1,2,3]", 2, &out);
  EXPECT_EQ(st.code(), Status::Code::kLimitExceeded);
  st = SplitJsonLines("{}\n{}\n{}\n", 2, &out);
  EXPECT_EQ(st.code(), Status::Code::kLimitExceeded);
}

TEST(BodySplit, JsonLinesSkipBlankLines) {
  std::vector<std::string_view> out;
  ASSERT_TRUE(SplitJsonLines("{\"a\":1}\r\n\n  \n{\"b\":2}", 10, &out).ok());
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0], "{\"a\":1}");
  EXPECT_EQ(out[1], "{\"b\":2}");
}

}  // namespace
}  // namespace highfence::server
