// Sums and differences of amounts that an invariant keeps far inside int64:
// every amount read from input or law is at most 10^12 units (base/limits.h,
// law/params.h), and Fixed holds up to about 9.2 * 10^15 units, so adding or
// subtracting a few of them cannot overflow. The invariant is asserted; an
// amount that comes from a ledger is not bounded this way and uses the checked
// Fixed::Add/Sub with its error instead.
#ifndef HIGHFENCE_BASE_BOUNDED_H_
#define HIGHFENCE_BASE_BOUNDED_H_

#include <optional>

#include "highfence/assert.h"
#include "highfence/fixed.h"

namespace highfence {

inline Fixed BoundedAdd(Fixed a, Fixed b) {
  std::optional<Fixed> sum = Fixed::Add(a, b);
  HF_ASSERT(sum.has_value());
  return *sum;
}

inline Fixed BoundedSub(Fixed a, Fixed b) {
  std::optional<Fixed> difference = Fixed::Sub(a, b);
  HF_ASSERT(difference.has_value());
  return *difference;
}

inline Fixed BoundedMulCount(Fixed a, int64_t count) {
  std::optional<Fixed> product = Fixed::MulCount(a, count);
  HF_ASSERT(product.has_value());
  return *product;
}

}  // namespace highfence

#endif  // HIGHFENCE_BASE_BOUNDED_H_
