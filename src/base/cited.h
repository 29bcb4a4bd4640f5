// Cited<T>: a value read from the law, with the record of where it came from
// (its parameter, the value as written, when it took effect, its citation).
// Passing a Cited<T> to a reason writes the value into the reason's text and
// records the read in the reason (base/reason.h), so what a reason says and
// what it cites cannot drift apart.
#ifndef HIGHFENCE_BASE_CITED_H_
#define HIGHFENCE_BASE_CITED_H_

#include <string_view>

#include "highfence/determination.h"

namespace highfence {

template <typename T>
struct Cited {
  T value{};
  const ParamRead* read = nullptr;  // null only for a default-constructed value

  std::string_view citation() const { return read != nullptr ? read->citation : ""; }
  std::string_view decision() const { return read != nullptr ? read->decision : ""; }
};

}  // namespace highfence

#endif  // HIGHFENCE_BASE_CITED_H_
