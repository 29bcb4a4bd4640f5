// Date: a civil date (proleptic Gregorian), held as days since 1970-01-01.
// Dates that select law are compared as whole days; no time zones are involved.
#ifndef HIGHFENCE_DATE_H_
#define HIGHFENCE_DATE_H_

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace highfence {

class Date {
 public:
  constexpr Date() = default;
  // REQUIRES: a valid civil date with 1900 <= year <= 2199.
  static Date FromCivil(int year, int month, int day);
  // Parses exactly YYYY-MM-DD (years 1900..2199); nullopt on anything else,
  // including impossible dates such as 2025-02-29.
  static std::optional<Date> Parse(std::string_view text);
  static constexpr Date FromDays(int32_t days) { return Date(days); }

  constexpr int32_t days() const { return days_; }
  int year() const;
  int month() const;
  int day() const;
  int quarter() const { return (month() - 1) / 3 + 1; }
  std::string ToString() const;  // YYYY-MM-DD
  void AppendTo(std::string* out) const;
  void ToChars(char* buf) const;  // writes exactly 10 bytes
  Date AddDays(int32_t n) const { return Date(days_ + n); }

  friend constexpr auto operator<=>(Date, Date) = default;

 private:
  explicit constexpr Date(int32_t days) : days_(days) {}
  int32_t days_ = 0;
};

}  // namespace highfence

#endif  // HIGHFENCE_DATE_H_
