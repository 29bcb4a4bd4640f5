// fmt formatters for highfence's exact types, so reason texts can write
// "{}" for a Fixed, Date or Magnitude without building temporary strings.
#ifndef HIGHFENCE_BASE_FORMAT_H_
#define HIGHFENCE_BASE_FORMAT_H_

#include <string>
#include <string_view>

#include <fmt/format.h>

#include "base/country.h"
#include "base/date.h"
#include "base/fixed.h"

template <>
struct fmt::formatter<highfence::Fixed> : fmt::formatter<std::string_view> {
  auto format(highfence::Fixed v, fmt::format_context& ctx) const {
    std::string s;
    v.AppendTo(&s);
    return fmt::formatter<std::string_view>::format(s, ctx);
  }
};

template <>
struct fmt::formatter<highfence::Date> : fmt::formatter<std::string_view> {
  auto format(highfence::Date v, fmt::format_context& ctx) const {
    std::string s;
    v.AppendTo(&s);
    return fmt::formatter<std::string_view>::format(s, ctx);
  }
};

template <>
struct fmt::formatter<highfence::Magnitude> : fmt::formatter<std::string_view> {
  auto format(const highfence::Magnitude& v, fmt::format_context& ctx) const {
    return fmt::formatter<std::string_view>::format(v.ToString(), ctx);
  }
};

template <>
struct fmt::formatter<highfence::CountryCode> : fmt::formatter<std::string_view> {
  auto format(highfence::CountryCode v, fmt::format_context& ctx) const {
    return fmt::formatter<std::string_view>::format(v.valid() ? v.str() : "??", ctx);
  }
};

namespace highfence {

// (value - limit) / limit as a percentage, rounded to tenths. REQUIRES: limit > 0.
Fixed MarginPercent(Fixed value, Fixed limit);

}  // namespace highfence

#endif  // HIGHFENCE_BASE_FORMAT_H_
