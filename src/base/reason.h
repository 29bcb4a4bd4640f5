// AddReason: formats a reason's text straight into the determination's arena.
//
// The format string is checked at compile time by fmt (argument count and
// types). Reason formats use only plain "{}" placeholders, so the text is
// built by a small substitution loop instead of fmt's general formatter, which
// parses each format anew at run time: reasons are most of the work of a
// determination. A format with anything else in braces falls back to fmt.
#ifndef HIGHFENCE_BASE_REASON_H_
#define HIGHFENCE_BASE_REASON_H_

#include <fmt/format.h>

#include <charconv>
#include <iterator>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "base/format.h"
#include "highfence/determination.h"

namespace highfence {
namespace detail {

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
template <typename T>
requires(std::is_integral_v<T> && !std::is_same_v<T, bool> &&
         !std::is_same_v<T, char>) void AppendArg(std::string* out, T v) {
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out->append(buf, r.ptr);
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

template <typename... Args>
void AddReasonF(Determination* d, std::string_view rule, std::string_view citation,
                fmt::format_string<Args...> format, Args&&... args) {
  Reason r;
  r.rule = rule;
  r.citation = citation;
  r.text_offset = static_cast<uint32_t>(d->text_arena.size());
  fmt::string_view raw = format;
  std::string_view text(raw.data(), raw.size());
  if constexpr (sizeof...(Args) == 0) {
    d->text_arena.append(text);  // no placeholders: the text as it is
  } else if (!detail::AppendPlain(&d->text_arena, text, args...)) {
    d->text_arena.resize(r.text_offset);
    fmt::basic_memory_buffer<char, 512> buf;
    fmt::format_to(fmt::appender(buf), format, std::forward<Args>(args)...);
    d->text_arena.append(buf.data(), buf.size());
  }
  r.text_size = static_cast<uint32_t>(d->text_arena.size() - r.text_offset);
  d->reasons.push_back(r);
}

}  // namespace highfence

#endif  // HIGHFENCE_BASE_REASON_H_
