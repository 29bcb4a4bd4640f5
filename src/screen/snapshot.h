// Importing the Consolidated Screening List (CSL) in its three forms:
//
// - "csv": the 29-column CSV the International Trade Administration publishes
//   (columns found by their header names; multi-valued fields joined by "; ");
// - "json": the JSON download, an object holding "results": [...] rows with the
//   same fields as arrays and objects;
// - "compact-json": a projection of the JSON keyed by short names, with the
//   repeated texts interned in "tables" (keys n, a, s, t, c, e, lr, lp, pg, fr, u;
//   described in docs/screening.md).
//
// The form is recognised from the content. A snapshot keeps its identity
// (SnapshotInfo): the SHA-256 of the file's bytes, the generation time the file
// states, and the rows per list. A malformed row fails the whole import with an
// error naming the row and field: a partly read list would screen silently
// wrong.
//
// Thread safety: pure functions.
#ifndef HIGHFENCE_SCREEN_SNAPSHOT_H_
#define HIGHFENCE_SCREEN_SNAPSHOT_H_

#include <string>
#include <string_view>

#include "highfence/status.h"
#include "screen/list_entry.h"

namespace highfence::screen {

// Parses `bytes` in whichever of the three forms it is.
Result<ListSnapshot> ParseSnapshot(std::string_view bytes);
// Reads and parses a file.
Result<ListSnapshot> LoadSnapshotFile(const std::string& path);
// Reads a whole file, bounded by limits::snapshot_bytes_max.
Result<std::string> ReadFileBytes(const std::string& path);

// The short code of a list from its full name: "Entity List (EL) - Bureau of
// Industry and Security" -> "EL"; "Non-SDN Menu-Based Sanctions List (NS-MBS
// List) - ..." -> "NS-MBS". A name without parentheses is its own code.
std::string ListCode(std::string_view source);

// Lowercase hex SHA-256 of `bytes`.
std::string ContentSha256(std::string_view bytes);

namespace detail {
// The three readers, for ParseSnapshot and tests. Each fills entries and format.
Status ParseCsv(std::string_view bytes, ListSnapshot* out);
Status ParseJson(std::string_view bytes, ListSnapshot* out);
// Fills the identity from the entries and the bytes (hash, counts, dates).
void FillIdentity(std::string_view bytes, ListSnapshot* out);
// Splits "a; b; c" into {"a","b","c"}, dropping empty parts.
std::vector<std::string> SplitList(std::string_view joined);
// Trims ASCII whitespace and collapses inner runs of it to one space.
std::string CollapseSpace(std::string_view s);
}  // namespace detail

}  // namespace highfence::screen

#endif  // HIGHFENCE_SCREEN_SNAPSHOT_H_
