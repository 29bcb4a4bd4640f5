// One row of a restricted-party list, and a snapshot of the Consolidated
// Screening List (CSL) as imported from any of its three forms (screen/snapshot.h).
//
// Thread safety: plain values; a const ListSnapshot may be shared.
#ifndef HIGHFENCE_SCREEN_LIST_ENTRY_H_
#define HIGHFENCE_SCREEN_LIST_ENTRY_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace highfence::screen {

// A row as the list writes it. Empty strings are fields the row (or the form it
// came in) does not carry.
struct ListEntry {
  std::string list;           // short code from the source's parentheses: "EL", "SDN", "MEU"
  std::string source;         // the list's full name: "Entity List (EL) - Bureau of Industry ..."
  std::string id;             // the CSL's row id (`_id` / `id`); the compact form drops it
  std::string entity_number;  // the Treasury lists' entry number; empty on BIS and State lists
  std::string type;           // Entity, Individual, Vessel, Aircraft, or empty
  std::string name;           // primary name
  std::vector<std::string> alt_names;
  std::vector<std::string> countries;  // ISO alpha-2 codes of the row's addresses
  std::string programs;
  std::string license_requirement;
  std::string license_policy;
  std::string federal_register_notice;
  std::string start_date;  // YYYY-MM-DD as written; the compact form drops it
  std::string source_list_url;
};

// What identifies a snapshot: the exact bytes, and what the file says of itself.
struct SnapshotInfo {
  std::string format;             // "csv", "json" or "compact-json"
  std::string content_sha256;     // of the file's bytes, lowercase hex
  std::string generated_at;       // as the file states it; empty when it does not (the CSV)
  std::string latest_start_date;  // newest row start_date; empty when rows carry none
  int64_t entry_count = 0;
  // Rows per list code, most rows first (ties by code).
  std::vector<std::pair<std::string, int64_t>> counts_by_list;
};

struct ListSnapshot {
  SnapshotInfo info;
  std::vector<ListEntry> entries;
};

}  // namespace highfence::screen

#endif  // HIGHFENCE_SCREEN_LIST_ENTRY_H_
