// Wall-clock instants: int64 nanoseconds since the Unix epoch (`*_ns`), and the
// civil date they fall on (UTC). The ledger stamps transfers with them and the
// CLI compares them with expiry and licence-validity periods.
#ifndef HIGHFENCE_BASE_CLOCK_H_
#define HIGHFENCE_BASE_CLOCK_H_

#include <chrono>
#include <cstdint>

#include "highfence/date.h"

namespace highfence {

inline constexpr int64_t kNsPerDay = 86'400LL * 1'000'000'000LL;

inline int64_t NowNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// The UTC date of an instant. REQUIRES: ns >= 0.
inline Date DateOfNs(int64_t ns) { return Date::FromDays(static_cast<int32_t>(ns / kNsPerDay)); }

// Midnight UTC at the start of `d`.
inline int64_t NsOfDate(Date d) { return static_cast<int64_t>(d.days()) * kNsPerDay; }

}  // namespace highfence

#endif  // HIGHFENCE_BASE_CLOCK_H_
