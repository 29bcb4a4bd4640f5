// AddReasonF: formats a reason's text straight into the determination's arena
// and records the law values it read.
//
// An argument that is a Cited<T> (a value read from the law) is written as its
// value and recorded as a read of the reason (Determination::params), so the
// text is built from the very values the reason cites. A read that the text
// does not show is added with ReasonRef::Read.
//
// The format string is checked at compile time by fmt (argument count and
// types). Reason formats use only plain "{}" placeholders, so the text is
// built by a small substitution loop instead of fmt's general formatter, which
// parses each format anew at run time: reasons are most of the work of a
// determination. A format with anything else in braces falls back to fmt.
#ifndef HIGHFENCE_BASE_REASON_H_
#define HIGHFENCE_BASE_REASON_H_

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <iterator>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "base/cited.h"
#include "base/format.h"
#include "highfence/assert.h"
#include "highfence/determination.h"

// fmt formatters for the wire-named enums and for Cited<T> (the value), used
// by fmt's compile-time check of every reason format and by its fallback.
template <typename E>
requires(std::is_same_v<E, highfence::LicensePolicy> || std::is_same_v<E, highfence::Eccn> ||
         std::is_same_v<E, highfence::Authorization> || std::is_same_v<E, highfence::Mode> ||
         std::is_same_v<E, highfence::RegimeId>) struct fmt::formatter<E>
    : highfence::detail::PlainFormatter {
  auto format(E v, fmt::format_context& ctx) const {
    std::string_view s = highfence::WireName(v);
    return std::copy(s.begin(), s.end(), ctx.out());
  }
};

// Country and party lists: "CN, MO", "(none)" when empty.
template <typename T>
requires(std::is_same_v<T, highfence::CountryCode> ||
         std::is_same_v<T, std::string>) struct fmt::formatter<std::vector<T>>
    : highfence::detail::PlainFormatter {
  auto format(const std::vector<T>& list, fmt::format_context& ctx) const {
    auto out = ctx.out();
    if (list.empty()) return fmt::format_to(out, "(none)");
    for (size_t i = 0; i < list.size(); ++i) {
      if (i > 0) out = fmt::format_to(out, ", ");
      out = fmt::format_to(out, "{}", list[i]);
    }
    return out;
  }
};

template <typename T>
struct fmt::formatter<highfence::Cited<T>> : fmt::formatter<T> {
  auto format(const highfence::Cited<T>& v, fmt::format_context& ctx) const {
    return fmt::formatter<T>::format(v.value, ctx);
  }
};

namespace highfence {
namespace detail {

// Reads a determination records at most (Reason::params_offset is 16 bits):
// further reads are left out of the trace, never out of the text.
inline constexpr size_t kParamReadsMax = 65535;

inline void RecordRead(Determination* d, const ParamRead* read) {
  if (read == nullptr || d->outcome_only || d->params.size() >= kParamReadsMax) return;
  HF_ASSERT(!d->reasons.empty());
  Reason& r = d->reasons.back();
  HF_ASSERT(r.params_offset + r.params_size == d->params.size());  // REQUIRES: the last reason
  d->params.push_back(read);
  ++r.params_size;
}

template <typename T>
void RecordArg(Determination*, const T&) {}
template <typename T>
void RecordArg(Determination* d, const Cited<T>& v) {
  RecordRead(d, v.read);
}

inline void AppendArg(std::string* out, std::string_view v) { out->append(v); }
inline void AppendArg(std::string* out, const std::string& v) { out->append(v); }
inline void AppendArg(std::string* out, const char* v) { out->append(v); }
inline void AppendArg(std::string* out, Fixed v) {
  char buf[32];
  out->append(buf, v.ToChars(buf));
}
inline void AppendArg(std::string* out, Date v) {
  char buf[10];
  v.ToChars(buf);
  out->append(buf, 10);
}
inline void AppendArg(std::string* out, CountryCode v) { out->append(v.valid() ? v.str() : "??"); }
inline void AppendArg(std::string* out, const Magnitude& v) { out->append(v.ToString()); }
template <typename E>
requires(std::is_enum_v<E>) void AppendArg(std::string* out, E v) { out->append(WireName(v)); }
template <typename T>
requires(std::is_integral_v<T> && !std::is_same_v<T, bool> &&
         !std::is_same_v<T, char>) void AppendArg(std::string* out, T v) {
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out->append(buf, r.ptr);
}

template <typename T>
requires(std::is_same_v<T, CountryCode> ||
         std::is_same_v<T, std::string>) void AppendArg(std::string* out,
                                                        const std::vector<T>& list) {
  if (list.empty()) out->append("(none)");
  for (size_t i = 0; i < list.size(); ++i) {
    if (i > 0) out->append(", ");
    AppendArg(out, list[i]);
  }
}
template <typename T>
void AppendArg(std::string* out, const Cited<T>& v) {
  AppendArg(out, v.value);
}

// Substitutes `args` for the "{}" placeholders of `format`, in order. False
// (with `out` partly written) at a brace that is not a plain "{}"; the caller
// then formats with fmt. Reason formats never contain "}}" (a test checks the
// sources), so only opening braces need looking at.
template <typename... Args>
bool AppendPlain(std::string* out, std::string_view format, const Args&... args) {
  size_t pos = 0;
  bool plain = true;
  auto one = [&](const auto& arg) {
    if (!plain) return;
    size_t open = format.find('{', pos);
    if (open == std::string_view::npos || open + 1 >= format.size() || format[open + 1] != '}') {
      plain = false;
      return;
    }
    out->append(format.substr(pos, open - pos));
    AppendArg(out, arg);
    pos = open + 2;
  };
  (one(args), ...);
  if (plain && format.find('{', pos) != std::string_view::npos) plain = false;
  if (plain) out->append(format.substr(pos));
  return plain;
}

}  // namespace detail

// The reason just added, to record reads its text does not show:
//   AddReasonF(d, "auth.lpp", cite, "...").Read(law.lpp_in_d1_d4_destinations);
class ReasonRef {
 public:
  explicit ReasonRef(Determination* d) : d_(d) {}
  template <typename T>
  ReasonRef& Read(const Cited<T>& v) {
    detail::RecordRead(d_, v.read);
    return *this;
  }

 private:
  Determination* d_;
};

template <typename... Args>
ReasonRef AddReasonF(Determination* d, std::string_view rule, std::string_view citation,
                     fmt::format_string<Args...> format, Args&&... args) {
  Reason r;
  r.rule = rule;
  r.citation = citation;
  r.params_offset = static_cast<uint16_t>(std::min(d->params.size(), detail::kParamReadsMax));
  r.text_offset = static_cast<uint32_t>(d->text_arena.size());
  fmt::string_view raw = format;
  std::string_view text(raw.data(), raw.size());
  if (d->outcome_only) {
    // nothing to write: the text is never read
  } else if constexpr (sizeof...(Args) == 0) {
    d->text_arena.append(text);  // no placeholders: the text as it is
  } else if (!detail::AppendPlain(&d->text_arena, text, args...)) {
    d->text_arena.resize(r.text_offset);
    fmt::basic_memory_buffer<char, 512> buf;
    fmt::format_to(fmt::appender(buf), format, std::forward<Args>(args)...);
    d->text_arena.append(buf.data(), buf.size());
  }
  r.text_size = static_cast<uint32_t>(d->text_arena.size() - r.text_offset);
  d->reasons.push_back(r);
  (detail::RecordArg(d, args), ...);
  return ReasonRef(d);
}

}  // namespace highfence

#endif  // HIGHFENCE_BASE_REASON_H_
