// The simulator's time grid: calendar quarters from 2020Q1 to 2030Q4.
//
// Quarter index q = 0 is 2020Q1. Policy dates fall inside quarters; a quarter's
// policy is the day-weighted average of the values in force on its days
// (policy_path.cc), so a rule of 17 November counts for 45 of Q4's 92 days.
#ifndef HIGHFENCE_SIMULATE_QUARTERS_H_
#define HIGHFENCE_SIMULATE_QUARTERS_H_

#include "highfence/date.h"

namespace highfence::simulate {

inline constexpr int kFirstYear = 2020;
inline constexpr int kLastYear = 2030;
inline constexpr int kYears = kLastYear - kFirstYear + 1;
inline constexpr int kQuarters = kYears * 4;

inline int YearOf(int q) { return kFirstYear + q / 4; }
// The first quarter index of `year` (may lie outside [0, kQuarters)).
inline constexpr int FirstQuarterOf(int year) { return (year - kFirstYear) * 4; }
inline Date QuarterStart(int q) { return Date::FromCivil(YearOf(q), (q % 4) * 3 + 1, 1); }
// The quarter holding `d`: below 0 before 2020, kQuarters or more after 2030.
inline int QuarterOf(Date d) { return (d.year() - kFirstYear) * 4 + (d.month() - 1) / 3; }
// Years since 2020-01-01 at the middle of quarter q.
inline double MidYears(int q) { return (q + 0.5) / 4.0; }

}  // namespace highfence::simulate

#endif  // HIGHFENCE_SIMULATE_QUARTERS_H_
