#include "highfence/date.h"

#include <gtest/gtest.h>

#include <string>

namespace highfence {
namespace {

Date D(const char* text) {
  std::optional<Date> d = Date::Parse(text);
  EXPECT_TRUE(d.has_value()) << text;
  return d.value_or(Date());
}

TEST(DateParse, ValidDates) {
  EXPECT_EQ(D("1970-01-01").days(), 0);
  EXPECT_EQ(D("1970-01-02").days(), 1);
  EXPECT_EQ(D("1969-12-31").days(), -1);
  EXPECT_EQ(D("2000-03-01").days(), 11'017);
  EXPECT_EQ(D("2025-06-01"), Date::FromCivil(2025, 6, 1));
  EXPECT_TRUE(Date::Parse("1900-01-01"));
  EXPECT_TRUE(Date::Parse("2199-12-31"));
  EXPECT_TRUE(Date::Parse("2025-12-31"));
}

TEST(DateParse, LeapDays) {
  EXPECT_TRUE(Date::Parse("2024-02-29"));
  EXPECT_TRUE(Date::Parse("2000-02-29"));  // divisible by 400
  EXPECT_FALSE(Date::Parse("2025-02-29"));
  EXPECT_FALSE(Date::Parse("1900-02-29"));  // divisible by 100, not 400
  EXPECT_FALSE(Date::Parse("2100-02-29"));
  EXPECT_FALSE(Date::Parse("2024-02-30"));
  EXPECT_EQ(D("2024-03-01").days() - D("2024-02-28").days(), 2);
  EXPECT_EQ(D("2025-03-01").days() - D("2025-02-28").days(), 1);
}

TEST(DateParse, RejectsImpossibleAndMalformed) {
  for (const char* bad : {"2025-13-01",
                          "2025-00-10",
                          "2025-01-00",
                          "2025-01-32",
                          "2025-04-31",
                          "2025-06-31",
                          "2025-1-01",
                          "2025-01-1",
                          "25-01-01",
                          "2025/01/01",
                          "2025-01-01 ",
                          " 2025-01-01",
                          "2025-01-01T00:00:00",
                          "2025-01-01Z",
                          "2025-01-0a",
                          "+025-01-01",
                          "2025-01--1",
                          "20250101",
                          "",
                          "1899-12-31",
                          "2200-01-01",
                          "２０２５-01-01"}) {
    EXPECT_FALSE(Date::Parse(bad)) << '"' << bad << '"';
  }
}

TEST(DateFields, YearMonthDayQuarter) {
  Date d = D("2025-05-15");
  EXPECT_EQ(d.year(), 2025);
  EXPECT_EQ(d.month(), 5);
  EXPECT_EQ(d.day(), 15);
  EXPECT_EQ(d.quarter(), 2);
  const struct {
    const char* date;
    int quarter;
  } kQuarters[] = {{"2025-01-01", 1}, {"2025-03-31", 1}, {"2025-04-01", 2}, {"2025-06-30", 2},
                   {"2025-07-01", 3}, {"2025-09-30", 3}, {"2025-10-01", 4}, {"2025-12-31", 4}};
  for (const auto& q : kQuarters) EXPECT_EQ(D(q.date).quarter(), q.quarter) << q.date;
}

TEST(DateText, ToStringRoundTripsOverEveryDay) {
  // Every day from 1900-01-01 to 2199-12-31: ToString parses back to the same day
  // and the fields agree with the text.
  const Date first = D("1900-01-01");
  const Date last = D("2199-12-31");
  int64_t count = 0;
  for (Date d = first; d <= last; d = d.AddDays(1), ++count) {
    std::string text = d.ToString();
    std::optional<Date> back = Date::Parse(text);
    ASSERT_TRUE(back.has_value()) << text;
    ASSERT_EQ(*back, d) << text;
    ASSERT_EQ(std::stoi(text.substr(0, 4)), d.year()) << text;
    ASSERT_EQ(std::stoi(text.substr(5, 2)), d.month()) << text;
    ASSERT_EQ(std::stoi(text.substr(8, 2)), d.day()) << text;
  }
  EXPECT_EQ(count, 300 * 365 + 73);  // leap years 1904..2196, less 2100
}

TEST(DateText, AppendToAppends) {
  std::string out = "on ";
  D("2023-11-17").AppendTo(&out);
  EXPECT_EQ(out, "on 2023-11-17");
  EXPECT_EQ(Date::FromCivil(1900, 1, 1).ToString(), "1900-01-01");
  EXPECT_EQ(Date::FromDays(0).ToString(), "1970-01-01");
}

TEST(DateOrder, ComparesByDay) {
  EXPECT_LT(D("2022-10-06"), D("2022-10-07"));
  EXPECT_LT(D("2024-12-31"), D("2025-01-01"));
  EXPECT_GT(D("2025-05-15"), D("2025-05-14"));
  EXPECT_EQ(D("2025-05-15"), D("2025-05-14").AddDays(1));
  EXPECT_EQ(D("2025-01-01").AddDays(-1), D("2024-12-31"));
  EXPECT_EQ(D("2023-11-17") <=> D("2023-11-17"), std::strong_ordering::equal);
  EXPECT_LT(Date(), D("1970-01-02"));
}

}  // namespace
}  // namespace highfence
