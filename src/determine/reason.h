// AddReason: formats a reason's text straight into the determination's arena.
// The format string is checked at compile time.
#ifndef HIGHFENCE_DETERMINE_REASON_H_
#define HIGHFENCE_DETERMINE_REASON_H_

#include <iterator>
#include <string_view>
#include <utility>

#include <fmt/format.h>

#include "base/format.h"
#include "highfence/determination.h"

namespace highfence {

template <typename... Args>
void AddReasonF(Determination* d, std::string_view rule, std::string_view citation,
                fmt::format_string<Args...> format, Args&&... args) {
  size_t offset = d->text_arena.size();
  fmt::format_to(std::back_inserter(d->text_arena), format, std::forward<Args>(args)...);
  Reason r;
  r.rule = rule;
  r.citation = citation;
  r.text_offset = static_cast<uint32_t>(offset);
  r.text_size = static_cast<uint32_t>(d->text_arena.size() - offset);
  d->reasons.push_back(r);
}

}  // namespace highfence

#endif  // HIGHFENCE_DETERMINE_REASON_H_
