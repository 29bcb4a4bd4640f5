#include "base/format.h"

#include "base/assert.h"

namespace highfence {

Fixed MarginPercent(Fixed value, Fixed limit) {
  HF_ASSERT(limit > Fixed());
  Fixed diff = *Fixed::Sub(value, limit);
  Fixed pct = Fixed::Div(*Fixed::MulCount(diff, 100), limit);
  int64_t m = pct.milli();
  int64_t rounded = (m >= 0 ? m + 50 : m - 50) / 100 * 100;  // to tenths
  return Fixed::FromMilli(rounded);
}

}  // namespace highfence
