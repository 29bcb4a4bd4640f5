// fmt formatters for highfence's exact types, so reason texts can write
// "{}" for a Fixed, Date or Magnitude without building temporary strings.
#ifndef HIGHFENCE_BASE_FORMAT_H_
#define HIGHFENCE_BASE_FORMAT_H_

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <string_view>

#include "highfence/country.h"
#include "highfence/date.h"
#include "highfence/fixed.h"

// The formatters take no format spec ("{}" only) and write their characters
// straight to the output: reasons format many of these per determination.
namespace highfence::detail {
struct PlainFormatter {
  constexpr auto parse(fmt::format_parse_context& ctx) { return ctx.begin(); }
};
}  // namespace highfence::detail

template <>
struct fmt::formatter<highfence::Fixed> : highfence::detail::PlainFormatter {
  auto format(highfence::Fixed v, fmt::format_context& ctx) const {
    char buf[32];
    size_t n = v.ToChars(buf);
    return std::copy(buf, buf + n, ctx.out());
  }
};

template <>
struct fmt::formatter<highfence::Date> : highfence::detail::PlainFormatter {
  auto format(highfence::Date v, fmt::format_context& ctx) const {
    char buf[10];
    v.ToChars(buf);
    return std::copy(buf, buf + 10, ctx.out());
  }
};

template <>
struct fmt::formatter<highfence::Magnitude> : highfence::detail::PlainFormatter {
  auto format(const highfence::Magnitude& v, fmt::format_context& ctx) const {
    std::string s = v.ToString();
    return std::copy(s.begin(), s.end(), ctx.out());
  }
};

template <>
struct fmt::formatter<highfence::CountryCode> : highfence::detail::PlainFormatter {
  auto format(highfence::CountryCode v, fmt::format_context& ctx) const {
    std::string_view s = v.valid() ? v.str() : "??";
    return std::copy(s.begin(), s.end(), ctx.out());
  }
};

namespace highfence {

// (value - limit) / limit as a percentage, rounded to tenths. REQUIRES: limit > 0.
Fixed MarginPercent(Fixed value, Fixed limit);

}  // namespace highfence

#endif  // HIGHFENCE_BASE_FORMAT_H_
