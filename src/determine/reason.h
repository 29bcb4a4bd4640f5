// AddReason: formats a reason's text straight into the determination's arena.
// The format string is checked at compile time.
#ifndef HIGHFENCE_DETERMINE_REASON_H_
#define HIGHFENCE_DETERMINE_REASON_H_

#include <fmt/format.h>

#include <iterator>
#include <string_view>
#include <utility>

#include "base/format.h"
#include "highfence/determination.h"

namespace highfence {

template <typename... Args>
void AddReasonF(Determination* d, std::string_view rule, std::string_view citation,
                fmt::format_string<Args...> format, Args&&... args) {
  Reason r;
  r.rule = rule;
  r.citation = citation;
  r.text_offset = static_cast<uint32_t>(d->text_arena.size());
  if constexpr (sizeof...(Args) == 0) {
    // A text without arguments is appended as it is (no format to parse).
    fmt::string_view raw = format;
    std::string_view text(raw.data(), raw.size());
    r.text_size = static_cast<uint32_t>(text.size());
    d->text_arena.append(text);
  } else {
    // Format into a stack buffer, then one append: formatting straight into a
    // std::string resizes (and zero-fills) it piece by piece.
    fmt::basic_memory_buffer<char, 512> text;
    fmt::format_to(fmt::appender(text), format, std::forward<Args>(args)...);
    r.text_size = static_cast<uint32_t>(text.size());
    d->text_arena.append(text.data(), text.size());
  }
  d->reasons.push_back(r);
}

}  // namespace highfence

#endif  // HIGHFENCE_DETERMINE_REASON_H_
