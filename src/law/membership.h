// Helpers over Membership intervals: whether a membership covers a date, whether
// two overlap, and whether a country is in a group on a date. Shared by the
// loader, CheckLaw, the snapshot builder and tests.
#ifndef HIGHFENCE_LAW_MEMBERSHIP_H_
#define HIGHFENCE_LAW_MEMBERSHIP_H_

#include <string>

#include "highfence/country.h"
#include "highfence/date.h"
#include "law/law_data.h"

namespace highfence::law {

// Whether `m` covers `on` ([from, until], both inclusive; absent = open).
inline bool Covers(const Membership& m, Date on) {
  if (m.from && on < *m.from) return false;
  if (m.until && *m.until < on) return false;
  return true;
}

// Whether the intervals of `a` and `b` share at least one day (codes ignored).
inline bool Overlaps(const Membership& a, const Membership& b) {
  if (a.from && b.until && *b.until < *a.from) return false;
  if (b.from && a.until && *a.until < *b.from) return false;
  return true;
}

// Whether `code` is a member of `group` on `on`.
inline bool InGroupOn(const CountryGroup& group, CountryCode code, Date on) {
  for (const Membership& m : group.members) {
    if (m.code == code && Covers(m, on)) return true;
  }
  return false;
}

// "[2024-03-15 .. open]", "[always]": an interval for messages.
inline std::string DescribeInterval(const Membership& m) {
  if (!m.from && !m.until) return "[always]";
  std::string out = "[";
  out += m.from ? m.from->ToString() : "open";
  out += " .. ";
  out += m.until ? m.until->ToString() : "open";
  out += "]";
  return out;
}

}  // namespace highfence::law

#endif  // HIGHFENCE_LAW_MEMBERSHIP_H_
