// Fixed: an exact decimal with three fractional digits, held as an int64 count of
// thousandths. Every amount highfence computes with (TPP, die area, bandwidth,
// performance density thresholds, ledger balances) is a Fixed: binary floating
// point never touches an amount.
//
// Parsing accepts JSON number syntax (123, 12.5, 1.5e3) and rejects any value that
// is not a whole number of thousandths or does not fit: exactness over convenience.
#ifndef HIGHFENCE_FIXED_H_
#define HIGHFENCE_FIXED_H_

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace highfence {

class Fixed {
 public:
  static constexpr int64_t kScale = 1000;  // thousandths
  // Largest magnitude accepted from text: 10^15 units (10^18 thousandths), so sums
  // of a few such values and products checked with MulCount stay inside int64.
  static constexpr int64_t kUnitsMax = 1'000'000'000'000'000;

  constexpr Fixed() = default;
  static constexpr Fixed FromMilli(int64_t milli) { return Fixed(milli); }
  static constexpr Fixed FromUnits(int64_t units) { return Fixed(units * kScale); }
  // Parses JSON number text exactly. nullopt when the text is not a number, has
  // more than three fractional digits after scaling, or exceeds kUnitsMax.
  static std::optional<Fixed> Parse(std::string_view text);

  constexpr int64_t milli() const { return milli_; }
  constexpr bool is_zero() const { return milli_ == 0; }
  constexpr bool is_negative() const { return milli_ < 0; }
  // Exact text: "15832", "5284.8", "0.125". Never exponent form.
  std::string ToString() const;
  // Appends ToString() to `out` without allocating a temporary.
  void AppendTo(std::string* out) const;
  // Writes ToString() to `buf` (at least 32 bytes); returns the length.
  size_t ToChars(char* buf) const;

  friend constexpr auto operator<=>(Fixed, Fixed) = default;

  // Checked arithmetic: nullopt on int64 overflow.
  static std::optional<Fixed> Add(Fixed a, Fixed b);
  static std::optional<Fixed> Sub(Fixed a, Fixed b);
  static std::optional<Fixed> MulCount(Fixed a, int64_t count);
  // a * b rounded half away from zero to thousandths; nullopt on overflow.
  static std::optional<Fixed> Mul(Fixed a, Fixed b);
  // a / b rounded half away from zero to thousandths. REQUIRES: b > 0.
  static Fixed Div(Fixed a, Fixed b);
  // Compares a/b with c exactly (no rounding). REQUIRES: b > 0.
  static std::strong_ordering CompareRatio(Fixed a, Fixed b, Fixed c);

 private:
  explicit constexpr Fixed(int64_t milli) : milli_(milli) {}
  int64_t milli_ = 0;
};

// A large count written in scientific notation, such as training operations
// (3e26). Held exactly as significand x 10^exponent (up to 38 significant
// digits, so 26 nines is one below 1e26) with no trailing zeros in the
// significand; compared exactly.
class Magnitude {
 public:
  static std::optional<Magnitude> Parse(std::string_view text);
  static Magnitude Of(unsigned __int128 significand, int32_t exponent);
  bool is_zero() const { return significand_ == 0; }
  std::string ToString() const;  // "3e26", "2.5e25", "0"
  friend std::strong_ordering operator<=>(const Magnitude& a, const Magnitude& b);
  friend bool operator==(const Magnitude& a, const Magnitude& b) = default;
  // This value times num/den, exactly where possible; used for "25 % of".
  Magnitude ScaledBy(uint64_t num, uint64_t den) const;

 private:
  unsigned __int128 significand_ = 0;
  int32_t exponent_ = 0;
};

}  // namespace highfence

#endif  // HIGHFENCE_FIXED_H_
