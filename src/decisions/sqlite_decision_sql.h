// The SQL text of the SQLite decision log, in one place (prepared once per
// connection and kept: ledger/sqlite_db.h keys its cache by the address).
#ifndef HIGHFENCE_DECISIONS_SQLITE_DECISION_SQL_H_
#define HIGHFENCE_DECISIONS_SQLITE_DECISION_SQL_H_

namespace highfence::decisions::sql {

inline constexpr char kSchemaVersion[] = "1";

inline constexpr char kCreate[] = R"(
CREATE TABLE IF NOT EXISTS decision_meta(
  key TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL
) STRICT;
INSERT OR IGNORE INTO decision_meta(key, value) VALUES ('schema_version', '1');
CREATE TABLE IF NOT EXISTS decisions(
  seq INTEGER PRIMARY KEY,
  decision_id TEXT NOT NULL UNIQUE,
  recorded_ns INTEGER NOT NULL,
  key_id TEXT NOT NULL,
  shipment_id TEXT NOT NULL,
  party TEXT NOT NULL,
  decision TEXT NOT NULL,
  input TEXT NOT NULL,
  input_sha256 TEXT NOT NULL,
  determination TEXT NOT NULL,
  law_hash TEXT NOT NULL,
  law_reviewed_on TEXT NOT NULL,
  mode TEXT NOT NULL,
  regime TEXT NOT NULL,
  dry_run INTEGER NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS decisions_by_shipment ON decisions(shipment_id);
CREATE INDEX IF NOT EXISTS decisions_by_party ON decisions(party);
CREATE INDEX IF NOT EXISTS decisions_by_time ON decisions(recorded_ns);
CREATE TABLE IF NOT EXISTS api_keys(
  key_id TEXT PRIMARY KEY NOT NULL,
  role TEXT NOT NULL,
  label TEXT NOT NULL,
  secret_sha256 TEXT NOT NULL,
  created_ns INTEGER NOT NULL,
  revoked_ns INTEGER NOT NULL
) STRICT;
)";

inline constexpr char kHasTables[] =
    "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'decisions'";
inline constexpr char kVersion[] = "SELECT value FROM decision_meta WHERE key = 'schema_version'";

#define HF_DECISION_COLUMNS                                                                    \
  "seq, decision_id, recorded_ns, key_id, shipment_id, party, decision, input, input_sha256, " \
  "determination, law_hash, law_reviewed_on, mode, regime, dry_run, prev_hash, hash"

inline constexpr char kTail[] = "SELECT seq, hash FROM decisions ORDER BY seq DESC LIMIT 1";
inline constexpr char kInsert[] =
    "INSERT INTO decisions(" HF_DECISION_COLUMNS
    ") VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)";
inline constexpr char kGet[] =
    "SELECT " HF_DECISION_COLUMNS " FROM decisions WHERE decision_id = ?1";
// ?1 shipment, ?2 party, ?3 decision ('' for any), [?4, ?5) recorded_ns, ?6 cursor, ?7 limit.
#define HF_DECISION_FILTER                                                          \
  " FROM decisions WHERE (?1 = '' OR shipment_id = ?1) AND (?2 = '' OR party = ?2)" \
  " AND (?3 = '' OR decision = ?3) AND recorded_ns >= ?4 AND recorded_ns < ?5"
inline constexpr char kSearchDesc[] =
    "SELECT " HF_DECISION_COLUMNS HF_DECISION_FILTER " AND seq < ?6 ORDER BY seq DESC LIMIT ?7";
inline constexpr char kSearchAsc[] =
    "SELECT " HF_DECISION_COLUMNS HF_DECISION_FILTER " AND seq > ?6 ORDER BY seq LIMIT ?7";
inline constexpr char kAll[] = "SELECT " HF_DECISION_COLUMNS " FROM decisions ORDER BY seq";
#undef HF_DECISION_FILTER
#undef HF_DECISION_COLUMNS

inline constexpr char kPutKey[] =
    "INSERT INTO api_keys(key_id, role, label, secret_sha256, created_ns, revoked_ns)"
    " VALUES(?1, ?2, ?3, ?4, ?5, ?6)";
inline constexpr char kKeys[] =
    "SELECT key_id, role, label, secret_sha256, created_ns, revoked_ns FROM api_keys"
    " ORDER BY created_ns, key_id";
inline constexpr char kRevoke[] =
    "UPDATE api_keys SET revoked_ns = CASE WHEN revoked_ns = 0 THEN ?2 ELSE revoked_ns END"
    " WHERE key_id = ?1";

}  // namespace highfence::decisions::sql

#endif  // HIGHFENCE_DECISIONS_SQLITE_DECISION_SQL_H_
