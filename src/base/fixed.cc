#include "highfence/fixed.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>

#include "highfence/assert.h"

namespace highfence {
namespace {

// The digits of a JSON number, split: sign, digit string without the point,
// and the power of ten that digit string is to be multiplied by.
struct Decomposed {
  bool negative = false;
  std::string_view int_part;
  std::string_view frac_part;
  int64_t exponent = 0;
};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

std::optional<Decomposed> Decompose(std::string_view t) {
  Decomposed d;
  size_t i = 0;
  if (i < t.size() && t[i] == '-') {
    d.negative = true;
    ++i;
  }
  size_t start = i;
  while (i < t.size() && IsDigit(t[i])) ++i;
  d.int_part = t.substr(start, i - start);
  if (d.int_part.empty()) return std::nullopt;
  if (i < t.size() && t[i] == '.') {
    ++i;
    start = i;
    while (i < t.size() && IsDigit(t[i])) ++i;
    d.frac_part = t.substr(start, i - start);
    if (d.frac_part.empty()) return std::nullopt;
  }
  if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    bool exp_negative = false;
    if (i < t.size() && (t[i] == '+' || t[i] == '-')) exp_negative = t[i++] == '-';
    start = i;
    int64_t e = 0;
    while (i < t.size() && IsDigit(t[i])) {
      if (e > 100000) return std::nullopt;  // absurd exponent
      e = e * 10 + (t[i] - '0');
      ++i;
    }
    if (i == start) return std::nullopt;
    d.exponent = exp_negative ? -e : e;
  }
  if (i != t.size()) return std::nullopt;
  return d;
}

// Significant digits (leading zeros of the integer part stripped) and the power of
// ten of the last digit.
struct Digits {
  std::string digits;
  int64_t exponent = 0;
};

Digits Normalize(const Decomposed& d) {
  Digits out;
  out.digits.reserve(d.int_part.size() + d.frac_part.size());
  out.digits.append(d.int_part);
  out.digits.append(d.frac_part);
  out.exponent = d.exponent - static_cast<int64_t>(d.frac_part.size());
  size_t lead = 0;
  while (lead + 1 < out.digits.size() && out.digits[lead] == '0') ++lead;
  out.digits.erase(0, lead);
  while (out.digits.size() > 1 && out.digits.back() == '0') {
    out.digits.pop_back();
    ++out.exponent;
  }
  if (out.digits == "0") out.exponent = 0;
  return out;
}

}  // namespace

std::optional<Fixed> Fixed::Parse(std::string_view text) {
  auto d = Decompose(text);
  if (!d) return std::nullopt;
  Digits n = Normalize(*d);
  int64_t shift = n.exponent + 3;      // to thousandths
  if (shift < 0) return std::nullopt;  // finer than a thousandth
  if (n.digits == "0") return Fixed(0);
  if (static_cast<int64_t>(n.digits.size()) + shift > 19) return std::nullopt;
  int64_t v = 0;
  for (char c : n.digits) {
    if (__builtin_mul_overflow(v, 10, &v) || __builtin_add_overflow(v, c - '0', &v)) {
      return std::nullopt;  // 19 digits can pass INT64_MAX
    }
  }
  for (int64_t k = 0; k < shift; ++k) {
    if (v > INT64_MAX / 10) return std::nullopt;
    v *= 10;
  }
  if (v > kUnitsMax * kScale) return std::nullopt;
  return Fixed(d->negative ? -v : v);
}

size_t Fixed::ToChars(char* buf) const {
  char* p = buf;
  uint64_t v =
      milli_ < 0 ? static_cast<uint64_t>(-(milli_ + 1)) + 1 : static_cast<uint64_t>(milli_);
  if (milli_ < 0) *p++ = '-';
  p = std::to_chars(p, buf + 32, v / kScale).ptr;
  uint64_t frac = v % kScale;
  if (frac == 0) return static_cast<size_t>(p - buf);
  *p++ = '.';
  *p++ = static_cast<char>('0' + frac / 100);
  if (frac % 100 != 0) {
    *p++ = static_cast<char>('0' + frac / 10 % 10);
    if (frac % 10 != 0) *p++ = static_cast<char>('0' + frac % 10);
  }
  return static_cast<size_t>(p - buf);
}

void Fixed::AppendTo(std::string* out) const {
  char buf[32];
  out->append(buf, ToChars(buf));
}

std::string Fixed::ToString() const {
  std::string s;
  AppendTo(&s);
  return s;
}

std::optional<Fixed> Fixed::Add(Fixed a, Fixed b) {
  int64_t r;
  if (__builtin_add_overflow(a.milli_, b.milli_, &r)) return std::nullopt;
  return Fixed(r);
}

std::optional<Fixed> Fixed::Sub(Fixed a, Fixed b) {
  int64_t r;
  if (__builtin_sub_overflow(a.milli_, b.milli_, &r)) return std::nullopt;
  return Fixed(r);
}

std::optional<Fixed> Fixed::MulCount(Fixed a, int64_t count) {
  int64_t r;
  if (__builtin_mul_overflow(a.milli_, count, &r)) return std::nullopt;
  return Fixed(r);
}

namespace {
__int128 RoundDiv(__int128 num, __int128 den) {
  HF_ASSERT(den > 0);
  __int128 q = num / den;
  __int128 rem = num % den;
  if (rem < 0) rem = -rem;
  if (rem * 2 >= den) q += num < 0 ? -1 : 1;
  return q;
}
}  // namespace

std::optional<Fixed> Fixed::Mul(Fixed a, Fixed b) {
  __int128 r = RoundDiv(static_cast<__int128>(a.milli_) * b.milli_, kScale);
  if (r > INT64_MAX || r < INT64_MIN) return std::nullopt;
  return Fixed(static_cast<int64_t>(r));
}

Fixed Fixed::Div(Fixed a, Fixed b) {
  HF_ASSERT(b.milli_ > 0);
  __int128 r = RoundDiv(static_cast<__int128>(a.milli_) * kScale, b.milli_);
  HF_ASSERT(r <= INT64_MAX && r >= INT64_MIN);
  return Fixed(static_cast<int64_t>(r));
}

std::strong_ordering Fixed::CompareRatio(Fixed a, Fixed b, Fixed c) {
  HF_ASSERT(b.milli_ > 0);
  // a/b <=> c  <=>  a <=> c*b  (all in thousandths: a_m/b_m <=> c_m/1000)
  __int128 lhs = static_cast<__int128>(a.milli_) * kScale;
  __int128 rhs = static_cast<__int128>(c.milli_) * b.milli_;
  return lhs <=> rhs;
}

// --- Magnitude ---------------------------------------------------------------

namespace {

using U128 = unsigned __int128;
constexpr int kMagnitudeDigitsMax = 38;  // 10^38 < 2^128

int DigitCount(U128 v) {
  int n = 0;
  while (v != 0) {
    v /= 10;
    ++n;
  }
  return n;
}

std::string U128ToString(U128 v) {
  if (v == 0) return "0";
  std::string s;
  while (v != 0) {
    s.push_back(static_cast<char>('0' + static_cast<int>(v % 10)));
    v /= 10;
  }
  return std::string(s.rbegin(), s.rend());
}

}  // namespace

std::optional<Magnitude> Magnitude::Parse(std::string_view text) {
  auto d = Decompose(text);
  if (!d || d->negative) return std::nullopt;
  Digits n = Normalize(*d);
  if (static_cast<int>(n.digits.size()) > kMagnitudeDigitsMax) return std::nullopt;
  U128 s = 0;
  for (char c : n.digits) s = s * 10 + static_cast<U128>(c - '0');
  if (n.exponent > 1000 || n.exponent < -1000) return std::nullopt;
  return Of(s, static_cast<int32_t>(n.exponent));
}

Magnitude Magnitude::Of(U128 significand, int32_t exponent) {
  Magnitude m;
  while (significand != 0 && significand % 10 == 0) {
    significand /= 10;
    ++exponent;
  }
  m.significand_ = significand;
  m.exponent_ = significand == 0 ? 0 : exponent;
  return m;
}

std::strong_ordering operator<=>(const Magnitude& a, const Magnitude& b) {
  if (a.significand_ == 0 || b.significand_ == 0) return a.significand_ <=> b.significand_;
  // Orders of magnitude first; equal orders have significands of comparable
  // length, which are aligned digit by digit (at most 38 digits each).
  int64_t oa = DigitCount(a.significand_) + static_cast<int64_t>(a.exponent_);
  int64_t ob = DigitCount(b.significand_) + static_cast<int64_t>(b.exponent_);
  if (oa != ob) return oa <=> ob;
  std::string da = U128ToString(a.significand_), db = U128ToString(b.significand_);
  size_t len = std::max(da.size(), db.size());
  da.resize(len, '0');
  db.resize(len, '0');
  return da.compare(db) <=> 0;
}

Magnitude Magnitude::ScaledBy(uint64_t num, uint64_t den) const {
  HF_ASSERT(den > 0);
  HF_ASSERT(num <= 1000 && den <= 1000);
  // significand * num fits: < 10^38 * 10^3 would not, so drop digits first.
  U128 s = significand_;
  int32_t e = exponent_;
  while (s > static_cast<U128>(1) << 110) {
    s /= 10;
    ++e;
  }
  s *= num;
  for (int guard = 0; s % den != 0 && s < (static_cast<U128>(1) << 120) / 10 && guard < 30;
       ++guard) {
    s *= 10;
    --e;
  }
  s /= den;
  return Of(s, e);
}

std::string Magnitude::ToString() const {
  if (significand_ == 0) return "0";
  std::string digits = U128ToString(significand_);
  int64_t exp10 = exponent_ + static_cast<int64_t>(digits.size()) - 1;
  std::string out(1, digits[0]);
  if (digits.size() > 1) {
    out.push_back('.');
    out.append(digits, 1);
  }
  if (exp10 != 0) out += "e" + std::to_string(exp10);
  return out;
}

}  // namespace highfence
