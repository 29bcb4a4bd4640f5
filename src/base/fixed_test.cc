#include "highfence/fixed.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <string>

#include "base/format.h"

namespace highfence {
namespace {

constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
constexpr int64_t kMin = std::numeric_limits<int64_t>::min();

Fixed F(const char* text) {
  std::optional<Fixed> v = Fixed::Parse(text);
  EXPECT_TRUE(v.has_value()) << text;
  return v.value_or(Fixed());
}

Fixed M(int64_t milli) { return Fixed::FromMilli(milli); }

Magnitude Mag(const char* text) {
  std::optional<Magnitude> v = Magnitude::Parse(text);
  EXPECT_TRUE(v.has_value()) << text;
  return v.value_or(Magnitude());
}

// --- Fixed::Parse --------------------------------------------------------------

TEST(FixedParse, Integers) {
  EXPECT_EQ(F("0").milli(), 0);
  EXPECT_EQ(F("1").milli(), 1000);
  EXPECT_EQ(F("15832").milli(), 15'832'000);
  EXPECT_EQ(F("-7").milli(), -7000);
  EXPECT_EQ(Fixed::FromUnits(15832), F("15832"));
}

TEST(FixedParse, DecimalsUpToThreePlaces) {
  EXPECT_EQ(F("5284.8").milli(), 5'284'800);
  EXPECT_EQ(F("0.125").milli(), 125);
  EXPECT_EQ(F("5.92").milli(), 5920);
  EXPECT_EQ(F("0.001").milli(), 1);
  EXPECT_EQ(F("-1.5").milli(), -1500);
  // Trailing zeros past the third place change nothing: still whole thousandths.
  EXPECT_EQ(F("12.5000").milli(), 12'500);
  EXPECT_EQ(F("1.2340").milli(), 1234);
}

TEST(FixedParse, ExponentForms) {
  EXPECT_EQ(F("1.5e3").milli(), 1'500'000);
  EXPECT_EQ(F("1.5E3").milli(), 1'500'000);
  EXPECT_EQ(F("2e+2").milli(), 200'000);
  EXPECT_EQ(F("1e-3").milli(), 1);
  EXPECT_EQ(F("125e-3").milli(), 125);
  EXPECT_EQ(F("0.0125e1").milli(), 125);
  EXPECT_EQ(F("0e50").milli(), 0);
}

TEST(FixedParse, RejectsMoreThanThreeDecimals) {
  EXPECT_FALSE(Fixed::Parse("0.0001"));
  EXPECT_FALSE(Fixed::Parse("1.2345"));
  EXPECT_FALSE(Fixed::Parse("15832.0001"));
  EXPECT_FALSE(Fixed::Parse("1.5e-3"));
  EXPECT_FALSE(Fixed::Parse("1e-4"));
}

TEST(FixedParse, RejectsOverflow) {
  EXPECT_EQ(F("1000000000000000").milli(), Fixed::kUnitsMax * Fixed::kScale);
  EXPECT_EQ(F("-1000000000000000").milli(), -Fixed::kUnitsMax * Fixed::kScale);
  EXPECT_FALSE(Fixed::Parse("1000000000000000.001"));
  EXPECT_FALSE(Fixed::Parse("1e16"));
  EXPECT_FALSE(Fixed::Parse("9223372036854775807"));
  EXPECT_FALSE(Fixed::Parse("99999999999999999999999"));
  EXPECT_FALSE(Fixed::Parse("1e99999"));
  EXPECT_FALSE(Fixed::Parse("1e999999999999"));
}

TEST(FixedParse, RejectsJunk) {
  for (const char* junk : {"",    " ",     "-",        "abc",       "1.",   ".5",    "+1",  "1e",
                           "1e+", "1.5.5", " 1",       "1 ",        "0x10", "1,5",   "--1", "1e3.5",
                           "NaN", "nan",   "Infinity", "-Infinity", "inf",  "1_000", "١"}) {
    EXPECT_FALSE(Fixed::Parse(junk)) << '"' << junk << '"';
  }
}

TEST(FixedParse, NegativeZeroIsZero) {
  Fixed z = F("-0");
  EXPECT_TRUE(z.is_zero());
  EXPECT_FALSE(z.is_negative());
  EXPECT_EQ(z.ToString(), "0");
  EXPECT_TRUE(F("-0.000").is_zero());
  EXPECT_TRUE(F("-0e5").is_zero());
}

// --- text ------------------------------------------------------------------------

TEST(FixedText, ToStringIsShortestExactDecimal) {
  EXPECT_EQ(M(15'832'000).ToString(), "15832");
  EXPECT_EQ(M(5'284'800).ToString(), "5284.8");
  EXPECT_EQ(M(125).ToString(), "0.125");
  EXPECT_EQ(M(10).ToString(), "0.01");
  EXPECT_EQ(M(-500).ToString(), "-0.5");
  EXPECT_EQ(M(-1).ToString(), "-0.001");
  EXPECT_EQ(M(kMax).ToString(), "9223372036854775.807");
  // Large values never use exponent form.
  EXPECT_EQ(F("1e15").ToString(), "1000000000000000");
}

TEST(FixedText, AppendToAppends) {
  std::string out = "tpp=";
  M(19'450).AppendTo(&out);
  EXPECT_EQ(out, "tpp=19.45");
}

TEST(FixedText, RoundTripsThroughParse) {
  const int64_t samples[] = {0,
                             1,
                             9,
                             10,
                             99,
                             100,
                             999,
                             1000,
                             1001,
                             123'456'789,
                             5'920,
                             15'832'000,
                             Fixed::kUnitsMax * Fixed::kScale};
  for (int64_t m : samples) {
    for (int64_t v : {m, -m}) {
      std::string text = M(v).ToString();
      std::optional<Fixed> back = Fixed::Parse(text);
      ASSERT_TRUE(back.has_value()) << text;
      EXPECT_EQ(back->milli(), v) << text;
    }
  }
  for (int64_t v = -2500; v <= 2500; v += 7) {
    EXPECT_EQ(Fixed::Parse(M(v).ToString())->milli(), v);
  }
}

TEST(FixedText, FormatterUsesExactText) {
  EXPECT_EQ(fmt::format("{}", M(5'920)), "5.92");
  EXPECT_EQ(fmt::format("[{}]", M(-1)), "[-0.001]");
}

// --- checked arithmetic ----------------------------------------------------------

TEST(FixedArithmetic, AddSubExact) {
  EXPECT_EQ(*Fixed::Add(F("0.1"), F("0.2")), F("0.3"));
  EXPECT_EQ(*Fixed::Sub(F("15832"), F("4800")), F("11032"));
  EXPECT_EQ(*Fixed::Sub(F("1"), F("1.001")), F("-0.001"));
}

TEST(FixedArithmetic, AddSubOverflow) {
  EXPECT_FALSE(Fixed::Add(M(kMax), M(1)));
  EXPECT_FALSE(Fixed::Add(M(kMin), M(-1)));
  EXPECT_FALSE(Fixed::Sub(M(kMin), M(1)));
  EXPECT_FALSE(Fixed::Sub(M(kMax), M(-1)));
  EXPECT_EQ(Fixed::Add(M(kMax - 1), M(1))->milli(), kMax);
  EXPECT_EQ(Fixed::Sub(M(kMin + 1), M(1))->milli(), kMin);
}

TEST(FixedArithmetic, MulCount) {
  EXPECT_EQ(*Fixed::MulCount(F("15832"), 8), F("126656"));
  EXPECT_EQ(*Fixed::MulCount(F("5284.8"), 3), F("15854.4"));
  EXPECT_EQ(*Fixed::MulCount(F("1.5"), -2), F("-3"));
  EXPECT_FALSE(Fixed::MulCount(M(kMax / 2 + 1), 2));
  EXPECT_FALSE(Fixed::MulCount(F("1000000000000000"), 10));
  EXPECT_FALSE(Fixed::MulCount(M(kMin), -1));
  EXPECT_EQ(Fixed::MulCount(M(kMax / 2), 2)->milli(), kMax / 2 * 2);
}

TEST(FixedArithmetic, MulRoundsHalfAwayFromZero) {
  EXPECT_EQ(*Fixed::Mul(F("1.5"), F("2")), F("3"));
  EXPECT_EQ(*Fixed::Mul(F("0.5"), F("0.001")), F("0.001"));    // 0.0005 -> 0.001
  EXPECT_EQ(*Fixed::Mul(F("-0.5"), F("0.001")), F("-0.001"));  // -0.0005 -> -0.001
  EXPECT_EQ(*Fixed::Mul(F("0.499"), F("0.001")), F("0"));      // 0.000499 -> 0
  EXPECT_EQ(*Fixed::Mul(F("1.5"), F("0.001")), F("0.002"));    // 0.0015 -> 0.002
  EXPECT_EQ(*Fixed::Mul(F("0.001"), F("0.001")), F("0"));
  EXPECT_EQ(*Fixed::Mul(F("1979"), F("8")), F("15832"));
}

TEST(FixedArithmetic, MulOverflow) {
  EXPECT_FALSE(Fixed::Mul(F("1000000000000000"), F("1000000000000000")));
  EXPECT_FALSE(Fixed::Mul(F("1000000000000000"), F("-10")));
  EXPECT_TRUE(Fixed::Mul(F("1000000000000000"), F("9")));
}

TEST(FixedArithmetic, DivRoundsHalfAwayFromZero) {
  EXPECT_EQ(Fixed::Div(F("15832"), F("814")), F("19.45"));  // 19.4496...
  EXPECT_EQ(Fixed::Div(F("1"), F("3")), F("0.333"));
  EXPECT_EQ(Fixed::Div(F("2"), F("3")), F("0.667"));
  EXPECT_EQ(Fixed::Div(F("-2"), F("3")), F("-0.667"));
  EXPECT_EQ(Fixed::Div(F("0.001"), F("2")), F("0.001"));  // 0.0005 -> 0.001
  EXPECT_EQ(Fixed::Div(F("-0.001"), F("2")), F("-0.001"));
  EXPECT_EQ(Fixed::Div(F("0.001"), F("3")), F("0"));
  EXPECT_EQ(Fixed::Div(F("4736"), F("800")), F("5.92"));
  EXPECT_EQ(Fixed::Div(F("1000000000000000"), F("1")), F("1000000000000000"));
  EXPECT_EQ(Fixed::Div(F("1000"), F("0.001")), F("1000000"));
}

// --- CompareRatio: performance density at the 5.92 boundary --------------------------

TEST(FixedCompareRatio, ExactAtBoundary) {
  const Fixed limit = F("5.92");
  EXPECT_EQ(Fixed::CompareRatio(F("4736"), F("800"), limit), std::strong_ordering::equal);
  EXPECT_EQ(Fixed::CompareRatio(F("4735.999"), F("800"), limit), std::strong_ordering::less);
  EXPECT_EQ(Fixed::CompareRatio(F("4736.001"), F("800"), limit), std::strong_ordering::greater);
}

TEST(FixedCompareRatio, DoesNotRoundLikeDiv) {
  // 4735.6 / 800 = 5.9195: Div rounds it to 5.92, the exact comparison does not.
  const Fixed limit = F("5.92");
  EXPECT_EQ(Fixed::Div(F("4735.6"), F("800")), limit);
  EXPECT_EQ(Fixed::CompareRatio(F("4735.6"), F("800"), limit), std::strong_ordering::less);
  // A density that is an infinite decimal: 4800 / 811 = 5.9186...
  EXPECT_EQ(Fixed::CompareRatio(F("4800"), F("811"), limit), std::strong_ordering::less);
  EXPECT_EQ(Fixed::CompareRatio(F("4800"), F("810.81"), limit), std::strong_ordering::greater);
}

TEST(FixedCompareRatio, LargeValuesDoNotOverflow) {
  Fixed big = F("1000000000000000");
  EXPECT_EQ(Fixed::CompareRatio(big, F("0.001"), big), std::strong_ordering::greater);
  EXPECT_EQ(Fixed::CompareRatio(big, big, F("1")), std::strong_ordering::equal);
  EXPECT_EQ(Fixed::CompareRatio(M(kMax), F("1000000000000000"), F("9.223")),
            std::strong_ordering::greater);
}

// --- MarginPercent ---------------------------------------------------------------

TEST(MarginPercent, RoundsToTenths) {
  EXPECT_EQ(MarginPercent(F("15832"), F("4800")).ToString(), "229.8");  // 229.833...
  EXPECT_EQ(MarginPercent(F("4800"), F("4800")).ToString(), "0");
  EXPECT_EQ(MarginPercent(F("4000"), F("4800")).ToString(), "-16.7");  // -16.666...
  EXPECT_EQ(MarginPercent(F("4801"), F("4800")).ToString(), "0");      // 0.0208...
  EXPECT_EQ(MarginPercent(F("9600"), F("4800")).ToString(), "100");
  EXPECT_EQ(MarginPercent(F("1000.5"), F("1000")).ToString(), "0.1");  // 0.05: half away from zero
  EXPECT_EQ(MarginPercent(F("999.5"), F("1000")).ToString(), "-0.1");
}

TEST(MarginPercent, RoundsTheExactValueOnce) {
  // The exact margin is 0.0499996 %: to tenths that is 0.0. Rounding first to
  // thousandths (0.050) and then to tenths gives 0.1.
  EXPECT_EQ(MarginPercent(F("1000499.996"), F("1000000")).ToString(), "0");
}

// --- Magnitude -------------------------------------------------------------------

TEST(Magnitude, ParsesScientificAndPlainForms) {
  EXPECT_EQ(Mag("3e26").ToString(), "3e26");
  EXPECT_EQ(Mag("2.5e25").ToString(), "2.5e25");
  EXPECT_EQ(Mag("2.5e25"), Magnitude::Of(25, 24));
  EXPECT_EQ(Mag("1e26"), Mag("10e25"));
  EXPECT_EQ(Mag("1e26"), Mag("100000000000000000000000000"));
  EXPECT_EQ(Mag("1E26"), Mag("1e+26"));
  EXPECT_EQ(Mag("0").ToString(), "0");
  EXPECT_TRUE(Mag("0e30").is_zero());
  EXPECT_EQ(Mag("12").ToString(), "1.2e1");
  EXPECT_EQ(Mag("7").ToString(), "7");
}

TEST(Magnitude, RejectsNegativeAndJunk) {
  for (const char* bad : {"-1e26", "-1", "", "e26", "1e", "3e26x", "NaN", "inf", "1e2000"}) {
    EXPECT_FALSE(Magnitude::Parse(bad)) << bad;
  }
}

TEST(Magnitude, ComparesExactly) {
  EXPECT_LT(Mag("2.5e25"), Mag("1e26"));
  EXPECT_LT(Mag("1e26"), Mag("3e26"));
  EXPECT_LT(Mag("0"), Mag("1e-5"));
  EXPECT_LT(Mag("9.99999e25"), Mag("1e26"));
  EXPECT_GT(Mag("1.000001e26"), Mag("1e26"));
  EXPECT_EQ(Mag("1e26") <=> Mag("10e25"), std::strong_ordering::equal);
  EXPECT_LT(Mag("9999999999999999999e7"), Mag("1e26"));  // 19 nines: 26 digits in all
  EXPECT_GT(Mag("1e27"), Mag("9999999999999999999e7"));
}

TEST(Magnitude, TwentySixNinesIsBelow1e26) {
  // 99,999,999,999,999,999,999,999,999 operations (26 digits) is a real count,
  // just under the 4E091 threshold. It must parse, and compare below 1e26.
  std::optional<Magnitude> nines = Magnitude::Parse("99999999999999999999999999");
  ASSERT_TRUE(nines.has_value()) << "a 26-digit integer count is rejected";
  EXPECT_LT(*nines, Mag("1e26"));
  EXPECT_GT(*nines, Mag("9.9e25"));
}

TEST(Magnitude, ScaledByQuarter) {
  EXPECT_EQ(Mag("1e26").ScaledBy(25, 100), Mag("2.5e25"));
  EXPECT_EQ(Mag("3e26").ScaledBy(25, 100), Mag("7.5e25"));
  EXPECT_EQ(Mag("1.1e26").ScaledBy(25, 100), Mag("2.75e25"));
  EXPECT_EQ(Mag("1e26").ScaledBy(1, 1), Mag("1e26"));
  EXPECT_TRUE(Mag("0").ScaledBy(25, 100).is_zero());
  // Inexact: 1e26 / 3 lies strictly between 3.33e25 and 3.34e25.
  Magnitude third = Mag("1e26").ScaledBy(1, 3);
  EXPECT_GT(third, Mag("3.33e25"));
  EXPECT_LT(third, Mag("3.34e25"));
}

TEST(FixedParse, NineteenDigitsPastInt64AreRejectedNotOverflowed) {
  // 19 significant digits with no shift: 9999999999999999.999 thousandths pass INT64_MAX.
  EXPECT_FALSE(Fixed::Parse("9999999999999999.999").has_value());
  EXPECT_TRUE(Fixed::Parse("999999999999999.999").has_value());
}

}  // namespace
}  // namespace highfence
