// What changed between two list snapshots: rows added, removed and changed.
//
// A row is identified by its list and its entry number, or, on lists without
// entry numbers (the BIS and State lists), by its list and its name (case and
// spacing ignored). Rows the CSL repeats under one identity (one per address)
// are compared as one: their names, countries and texts as sets. Only fields
// that all three CSL forms carry are compared, so a CSV and a compact snapshot
// of the same list show no changes.
//
// Thread safety: pure function; the result points into both snapshots.
#ifndef HIGHFENCE_SCREEN_SNAPSHOT_DIFF_H_
#define HIGHFENCE_SCREEN_SNAPSHOT_DIFF_H_

#include <string>
#include <vector>

#include "screen/list_entry.h"

namespace highfence::screen {

struct FieldChange {
  std::string field;  // "alt_names", "license_policy", ...
  std::string before, after;
};

struct EntryChange {
  const ListEntry* before;  // the first row of its identity in each snapshot
  const ListEntry* after;
  std::vector<FieldChange> fields;
};

struct SnapshotDiff {
  std::vector<const ListEntry*> added;    // in `after` only
  std::vector<const ListEntry*> removed;  // in `before` only
  std::vector<EntryChange> changed;
};

// Entries in each part are ordered by list, then identity.
SnapshotDiff DiffSnapshots(const ListSnapshot& before, const ListSnapshot& after);

}  // namespace highfence::screen

#endif  // HIGHFENCE_SCREEN_SNAPSHOT_DIFF_H_
