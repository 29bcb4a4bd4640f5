// The SQL text of the PostgreSQL decision log, in one place. The tables are the
// SQLite store's (sqlite_decision_sql.h) with PostgreSQL types; text columns
// use the "C" collation, as the ledger's do.
#ifndef HIGHFENCE_DECISIONS_POSTGRES_DECISION_SQL_H_
#define HIGHFENCE_DECISIONS_POSTGRES_DECISION_SQL_H_

#include "ledger/postgres/db.h"

namespace highfence::decisions::pgsql {

inline constexpr char kSchemaVersion[] = "1";
// Creators of the tables hold this advisory lock (another constant than the
// ledger's), so servers opening one database at once do not race.
inline constexpr char kSchemaLock[] = "SELECT pg_advisory_lock(7523094288207667810)";
inline constexpr char kSchemaUnlock[] = "SELECT pg_advisory_unlock(7523094288207667810)";
inline constexpr char kPresent[] = "SELECT to_regclass('decision_meta') IS NOT NULL";

inline constexpr char kCreate[] = R"(
CREATE TABLE IF NOT EXISTS decision_meta(
  key TEXT COLLATE "C" PRIMARY KEY,
  value TEXT NOT NULL
);
INSERT INTO decision_meta(key, value) VALUES ('schema_version', '1'),
  ('chain_head', 'every append to the decision log locks this row first')
  ON CONFLICT (key) DO NOTHING;
CREATE TABLE IF NOT EXISTS decisions(
  seq BIGINT PRIMARY KEY,
  decision_id TEXT COLLATE "C" NOT NULL UNIQUE,
  recorded_ns BIGINT NOT NULL,
  key_id TEXT COLLATE "C" NOT NULL,
  shipment_id TEXT COLLATE "C" NOT NULL,
  party TEXT COLLATE "C" NOT NULL,
  decision TEXT NOT NULL,
  input TEXT NOT NULL,
  input_sha256 TEXT NOT NULL,
  determination TEXT NOT NULL,
  law_hash TEXT NOT NULL,
  law_reviewed_on TEXT NOT NULL,
  mode TEXT NOT NULL,
  regime TEXT NOT NULL,
  dry_run BOOLEAN NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS decisions_by_shipment ON decisions(shipment_id);
CREATE INDEX IF NOT EXISTS decisions_by_party ON decisions(party);
CREATE INDEX IF NOT EXISTS decisions_by_time ON decisions(recorded_ns);
CREATE TABLE IF NOT EXISTS api_keys(
  key_id TEXT COLLATE "C" PRIMARY KEY,
  role TEXT NOT NULL,
  label TEXT NOT NULL,
  secret_sha256 TEXT NOT NULL,
  created_ns BIGINT NOT NULL,
  revoked_ns BIGINT NOT NULL
);
)";

inline constexpr char kVersion[] = "SELECT value FROM decision_meta WHERE key = 'schema_version'";
inline constexpr char kBeginAppend[] =
    "BEGIN ISOLATION LEVEL READ COMMITTED;"
    " SELECT 1 FROM decision_meta WHERE key = 'chain_head' FOR UPDATE;"
    " SELECT seq, hash FROM decisions ORDER BY seq DESC LIMIT 1";

#define HF_PG_DECISION_COLUMNS                                                                 \
  "seq, decision_id, recorded_ns, key_id, shipment_id, party, decision, input, input_sha256, " \
  "determination, law_hash, law_reviewed_on, mode, regime, dry_run, prev_hash, hash"

inline constexpr ledger::PgSql kInsert{
    "hf_decisions_insert",
    "INSERT INTO decisions(" HF_PG_DECISION_COLUMNS
    ") SELECT * FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::text[], $5::text[],"
    " $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[],"
    " $13::text[], $14::text[], $15::boolean[], $16::text[], $17::text[])"};
inline constexpr ledger::PgSql kGet{
    "hf_decisions_get", "SELECT " HF_PG_DECISION_COLUMNS " FROM decisions WHERE decision_id = $1"};
#define HF_PG_DECISION_FILTER                                                       \
  " FROM decisions WHERE ($1 = '' OR shipment_id = $1) AND ($2 = '' OR party = $2)" \
  " AND ($3 = '' OR decision = $3) AND recorded_ns >= $4 AND recorded_ns < $5"
inline constexpr ledger::PgSql kSearchDesc{"hf_decisions_desc",
                                           "SELECT " HF_PG_DECISION_COLUMNS HF_PG_DECISION_FILTER
                                           " AND seq < $6 ORDER BY seq DESC LIMIT $7"};
inline constexpr ledger::PgSql kSearchAsc{"hf_decisions_asc",
                                          "SELECT " HF_PG_DECISION_COLUMNS HF_PG_DECISION_FILTER
                                          " AND seq > $6 ORDER BY seq LIMIT $7"};
inline constexpr ledger::PgSql kAll{
    "hf_decisions_all", "SELECT " HF_PG_DECISION_COLUMNS " FROM decisions ORDER BY seq"};
#undef HF_PG_DECISION_FILTER
#undef HF_PG_DECISION_COLUMNS

inline constexpr ledger::PgSql kPutKey{
    "hf_keys_put",
    "INSERT INTO api_keys(key_id, role, label, secret_sha256, created_ns, revoked_ns)"
    " VALUES($1, $2, $3, $4, $5, $6) ON CONFLICT (key_id) DO NOTHING RETURNING 1"};
inline constexpr ledger::PgSql kKeys{
    "hf_keys_all",
    "SELECT key_id, role, label, secret_sha256, created_ns, revoked_ns FROM api_keys"
    " ORDER BY created_ns, key_id"};
inline constexpr ledger::PgSql kRevoke{
    "hf_keys_revoke",
    "UPDATE api_keys SET revoked_ns = CASE WHEN revoked_ns = 0 THEN $2 ELSE revoked_ns END"
    " WHERE key_id = $1 RETURNING 1"};

}  // namespace highfence::decisions::pgsql

#endif  // HIGHFENCE_DECISIONS_POSTGRES_DECISION_SQL_H_
