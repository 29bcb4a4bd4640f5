#include "base/format.h"

#include "highfence/assert.h"

namespace highfence {

Fixed MarginPercent(Fixed value, Fixed limit) {
  HF_ASSERT(limit > Fixed());
  // Tenths of a percent = diff * 1000 / limit, rounded once, half away from zero.
  __int128 num = (static_cast<__int128>(value.milli()) - limit.milli()) * 1000;
  __int128 den = limit.milli();
  __int128 q = num / den, rem = num % den;
  if (rem < 0) rem = -rem;
  if (rem * 2 >= den) q += num < 0 ? -1 : 1;
  return Fixed::FromMilli(static_cast<int64_t>(q) * 100);
}

}  // namespace highfence
