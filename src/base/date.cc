#include "highfence/date.h"

#include <cstring>

#include "highfence/assert.h"

namespace highfence {
namespace {

// Days from civil and back: Howard Hinnant's public-domain algorithms.
int32_t DaysFromCivil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

struct Civil {
  int y;
  unsigned m, d;
};

Civil CivilFromDays(int32_t z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int y = static_cast<int>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {y + (m <= 2), m, d};
}

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

}  // namespace

Date Date::FromCivil(int year, int month, int day) {
  HF_ASSERT(year >= 1900 && year <= 2199);
  HF_ASSERT(month >= 1 && month <= 12);
  HF_ASSERT(day >= 1 && day <= DaysInMonth(year, month));
  return Date(DaysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)));
}

std::optional<Date> Date::Parse(std::string_view t) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
  int v[3] = {0, 0, 0};
  const int start[3] = {0, 5, 8}, len[3] = {4, 2, 2};
  for (int f = 0; f < 3; ++f) {
    for (int i = 0; i < len[f]; ++i) {
      char c = t[static_cast<size_t>(start[f] + i)];
      if (c < '0' || c > '9') return std::nullopt;
      v[f] = v[f] * 10 + (c - '0');
    }
  }
  if (v[0] < 1900 || v[0] > 2199 || v[1] < 1 || v[1] > 12) return std::nullopt;
  if (v[2] < 1 || v[2] > DaysInMonth(v[0], v[1])) return std::nullopt;
  return FromCivil(v[0], v[1], v[2]);
}

int Date::year() const { return CivilFromDays(days_).y; }
int Date::month() const { return static_cast<int>(CivilFromDays(days_).m); }
int Date::day() const { return static_cast<int>(CivilFromDays(days_).d); }

void Date::AppendTo(std::string* out) const {
  char buf[10];
  ToChars(buf);
  out->append(buf, 10);
}

void Date::ToChars(char* out) const {
  Civil c = CivilFromDays(days_);
  const char buf[10] = {static_cast<char>('0' + c.y / 1000),
                        static_cast<char>('0' + c.y / 100 % 10),
                        static_cast<char>('0' + c.y / 10 % 10),
                        static_cast<char>('0' + c.y % 10),
                        '-',
                        static_cast<char>('0' + c.m / 10),
                        static_cast<char>('0' + c.m % 10),
                        '-',
                        static_cast<char>('0' + c.d / 10),
                        static_cast<char>('0' + c.d % 10)};
  std::memcpy(out, buf, 10);
}

std::string Date::ToString() const {
  std::string s;
  AppendTo(&s);
  return s;
}

}  // namespace highfence
