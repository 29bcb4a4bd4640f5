// The SQL text of the PostgreSQL ledger, in one place. The tables are the
// SQLite store's (ledger/sqlite/sql.h), with PostgreSQL types, plus:
//   transfers.seq   creation order: the seq of the event that created the row
//                   (SQLite uses its rowid);
//   ledger_meta     schema_version, and the `chain_head` row that every write
//                   transaction locks first, so writers on any number of
//                   servers append to one linear hash chain.
// Amounts are BIGINT thousandths. Text columns use the "C" collation, so ids
// sort byte by byte, as in SQLite.
#ifndef HIGHFENCE_LEDGER_POSTGRES_SQL_H_
#define HIGHFENCE_LEDGER_POSTGRES_SQL_H_

#include "ledger/postgres/db.h"

namespace highfence::ledger::pgsql {

// 2: transfers.shipment_hash (contract.md version 2, section 6). A version 1
// ledger is not carried over.
inline constexpr char kSchemaVersion[] = "2";

// Any 64-bit constant: creators of a new ledger hold this advisory lock, so two
// servers opening one empty database at once do not both create the tables. A
// session lock taken before BEGIN: the transaction that starts after the wait
// sees the other creator's tables (a lock taken inside it may not, as the
// server can keep "no such table" cached for the running transaction).
inline constexpr char kSchemaLock[] = "SELECT pg_advisory_lock(7523094288207667809)";
inline constexpr char kSchemaUnlock[] = "SELECT pg_advisory_unlock(7523094288207667809)";

// Which of the ledger's tables exist in the current schema (search_path), and
// whether there is a schema to create them in.
inline constexpr char kTablesPresent[] =
    "SELECT to_regclass('ledger_meta') IS NOT NULL,"
    " (to_regclass('accounts') IS NOT NULL OR to_regclass('transfers') IS NOT NULL"
    "  OR to_regclass('events') IS NOT NULL),"
    " current_schema() IS NOT NULL, current_setting('search_path')";

inline constexpr char kCreateSchema[] = R"(
CREATE TABLE ledger_meta(
  key TEXT COLLATE "C" PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE accounts(
  id TEXT COLLATE "C" PRIMARY KEY,
  cap_milli BIGINT,
  posted_milli BIGINT NOT NULL,
  pending_milli BIGINT NOT NULL
);
CREATE TABLE transfers(
  id TEXT COLLATE "C" PRIMARY KEY,
  seq BIGINT NOT NULL UNIQUE,
  account TEXT COLLATE "C" NOT NULL,
  amount_milli BIGINT NOT NULL,
  state TEXT NOT NULL,
  shipment_id TEXT COLLATE "C" NOT NULL,
  on_date TEXT NOT NULL,
  created_ns BIGINT NOT NULL,
  settled_ns BIGINT NOT NULL,
  note TEXT NOT NULL,
  shipment_hash TEXT NOT NULL
);
CREATE INDEX transfers_by_account ON transfers(account, shipment_id);
CREATE INDEX transfers_by_account_seq ON transfers(account, seq);
CREATE INDEX transfers_by_shipment ON transfers(shipment_id);
CREATE INDEX transfers_pending ON transfers(created_ns) WHERE state = 'pending';
CREATE TABLE events(
  seq BIGINT PRIMARY KEY,
  kind TEXT NOT NULL,
  payload TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
INSERT INTO ledger_meta(key, value) VALUES ('schema_version', '2'),
  ('chain_head', 'every write transaction locks this row first');
)";

inline constexpr char kReadVersion[] = "SELECT value FROM ledger_meta WHERE key = 'schema_version'";

// The start of every write transaction: lock the chain head (waiting for any
// other writer to commit), then read the newest event, which no one else can
// now change. READ COMMITTED: each later statement sees what others committed
// before we got the lock.
inline constexpr char kBeginWrite[] =
    "BEGIN ISOLATION LEVEL READ COMMITTED;"
    " SELECT 1 FROM ledger_meta WHERE key = 'chain_head' FOR UPDATE;"
    " SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1";
// The same inside an open batch (its transaction is already open).
inline constexpr char kLockHead[] =
    "SELECT 1 FROM ledger_meta WHERE key = 'chain_head' FOR UPDATE;"
    " SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1";

// The invariant, checked again on every open.
inline constexpr PgSql kBrokenCap{
    "hf_broken_cap",
    "SELECT id, cap_milli, posted_milli, pending_milli FROM accounts"
    " WHERE cap_milli IS NOT NULL AND posted_milli + pending_milli > cap_milli LIMIT 1"};

#define HF_PG_TRANSFER_COLUMNS                                                            \
  "id, account, amount_milli, state, shipment_id, on_date, created_ns, settled_ns, note," \
  " shipment_hash"
#define HF_PG_ACCOUNT_COLUMNS "id, cap_milli, posted_milli, pending_milli"

// The account as it stood before shipment $2 first drew on it: the account
// row less every transfer recorded from that draw on (none when $2 never drew
// on it, or is NULL). One statement, so it reads one snapshot while others write.
inline constexpr PgSql kBalance{
    "hf_balance",
    "SELECT a.id, a.cap_milli, a.posted_milli, a.pending_milli,"
    " coalesce(sum(t.amount_milli) FILTER (WHERE t.state = 'posted'), 0),"
    " coalesce(sum(t.amount_milli) FILTER (WHERE t.state = 'pending'), 0)"
    " FROM accounts a LEFT JOIN transfers t ON t.account = a.id AND t.seq >="
    " (SELECT min(f.seq) FROM transfers f WHERE f.account = $1 AND f.shipment_id = $2)"
    " WHERE a.id = $1 GROUP BY a.id"};

inline constexpr PgSql kSelectTransfer{
    "hf_select_transfer", "SELECT " HF_PG_TRANSFER_COLUMNS " FROM transfers WHERE id = $1"};
// The content fingerprint recorded with shipment $1's draws.
inline constexpr PgSql kRecordedShipment{
    "hf_recorded_shipment", "SELECT shipment_hash FROM transfers WHERE shipment_id = $1 LIMIT 1"};
inline constexpr PgSql kHoldsShipments{"hf_holds_shipments",
                                       "SELECT 1 FROM transfers WHERE shipment_id <> '' LIMIT 1"};
inline constexpr PgSql kSelectAccount{
    "hf_select_account", "SELECT " HF_PG_ACCOUNT_COLUMNS " FROM accounts WHERE id = $1"};
// Ids from $1 up to $2 ($1 followed by U+10FFFF); ids are COLLATE "C", byte order.
inline constexpr PgSql kHasPrefix{"hf_has_prefix",
                                  "SELECT 1 FROM transfers WHERE id >= $1 AND id < $2 LIMIT 1"};
inline constexpr PgSql kList{"hf_list", "SELECT " HF_PG_ACCOUNT_COLUMNS
                                        " FROM accounts"
                                        " WHERE left(id, length($1)) = $1 ORDER BY id"};
inline constexpr PgSql kHistory{"hf_history", "SELECT " HF_PG_TRANSFER_COLUMNS
                                              " FROM transfers WHERE account = $1 ORDER BY seq"};
inline constexpr PgSql kAllTransfers{
    "hf_all_transfers", "SELECT " HF_PG_TRANSFER_COLUMNS " FROM transfers ORDER BY seq"};
inline constexpr PgSql kAllAccounts{"hf_all_accounts",
                                    "SELECT " HF_PG_ACCOUNT_COLUMNS " FROM accounts ORDER BY id"};
inline constexpr PgSql kAllEvents{
    "hf_all_events", "SELECT seq, kind, payload, prev_hash, hash FROM events ORDER BY seq"};

// What a write needs to plan, in one round trip: rows of twelve columns,
//   'a', id, cap_milli, posted_milli, pending_milli, NULL x7   (an account)
//   't', the transfer columns, seq                             (a transfer)
// accounts first, then transfers in creation order.
// The accounts are locked FOR UPDATE in id order: a fixed order, so two
// writers never wait on each other in a cycle.
#define HF_PG_LOCKED_ACCOUNTS(where)                                           \
  "WITH a AS (SELECT " HF_PG_ACCOUNT_COLUMNS " FROM accounts WHERE " where     \
  " ORDER BY id FOR UPDATE)"                                                   \
  " SELECT 'a', id, cap_milli::text, posted_milli::text, pending_milli::text," \
  " NULL, NULL, NULL, NULL, NULL, NULL, NULL::bigint FROM a UNION ALL"         \
  " SELECT 't', id, account, amount_milli::text, state, shipment_id, on_date," \
  " created_ns::text, settled_ns::text, note, shipment_hash, seq FROM t"
#define HF_PG_PREFETCH(transfers_where, accounts_where)                                     \
  "WITH t AS (SELECT seq, " HF_PG_TRANSFER_COLUMNS " FROM transfers WHERE " transfers_where \
  ") SELECT * FROM (" HF_PG_LOCKED_ACCOUNTS(accounts_where) ") x ORDER BY 1, 12"

// For Record: $1 the accounts drawn on, $2 the transfer ids.
inline constexpr PgSql kPrefetchRecord{
    "hf_prefetch_record", HF_PG_PREFETCH("id = ANY($2::text[])", "id = ANY($1::text[])")};
// For a batch's cache: every transfer of shipment $1 and every transfer whose
// id starts with "$1/" ($2 = "$1/", $3 = "$10": '0' follows '/'), so the
// default ids of the shipment's draws are known to exist or not; and the
// accounts $4.
inline constexpr PgSql kLoadShipment{
    "hf_load_shipment",
    HF_PG_PREFETCH("shipment_id = $1 OR (id >= $2 AND id < $3)", "id = ANY($4::text[])")};
// For a batch's cache: every transfer of the shipments $1, and no accounts.
inline constexpr PgSql kLoadShipments{"hf_load_shipments",
                                      HF_PG_PREFETCH("shipment_id = ANY($1::text[])", "false")};
// For Post and Void: $1 the transfer ids.
inline constexpr PgSql kPrefetchSettle{
    "hf_prefetch_settle", HF_PG_PREFETCH("id = ANY($1::text[])", "id IN (SELECT account FROM t)")};
// For ExpirePending: $1 the cutoff.
inline constexpr PgSql kPrefetchDue{
    "hf_prefetch_due",
    HF_PG_PREFETCH("state = 'pending' AND created_ns < $1", "id IN (SELECT account FROM t)")};

// A plan's rows, written by one statement. Returns how many rows each part
// wrote, so the store can check them.
//   $1..$11  new transfers (seq, id, account, amount, state, shipment, on,
//            created, settled, note, shipment_hash)
//   $12..$16 events (seq, kind, payload, prev_hash, hash)
//   $17..$20 accounts after (id, cap, posted, pending)
inline constexpr PgSql kWriteCreate{
    "hf_write_create",
    "WITH t AS (INSERT INTO transfers(seq, " HF_PG_TRANSFER_COLUMNS
    ")"
    " SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::bigint[], $5::text[],"
    " $6::text[], $7::text[], $8::bigint[], $9::bigint[], $10::text[], $11::text[])"
    " RETURNING 1),"
    " e AS (INSERT INTO events(seq, kind, payload, prev_hash, hash)"
    " SELECT * FROM unnest($12::bigint[], $13::text[], $14::text[], $15::text[], $16::text[])"
    " RETURNING 1),"
    " a AS (INSERT INTO accounts(" HF_PG_ACCOUNT_COLUMNS
    ")"
    " SELECT * FROM unnest($17::text[], $18::bigint[], $19::bigint[], $20::bigint[])"
    " ON CONFLICT (id) DO UPDATE SET cap_milli = excluded.cap_milli,"
    " posted_milli = excluded.posted_milli, pending_milli = excluded.pending_milli"
    " RETURNING 1)"
    " SELECT (SELECT count(*) FROM t), (SELECT count(*) FROM e), (SELECT count(*) FROM a)"};

// Settlements, written by one statement.
//   $1..$4   transfers settled (id, state, settled_ns, note); only pending rows
//   $5..$9   events
//   $10..$12 accounts after (id, posted, pending)
inline constexpr PgSql kWriteSettle{
    "hf_write_settle",
    "WITH t AS (UPDATE transfers AS x SET state = u.state, settled_ns = u.settled_ns,"
    " note = u.note FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[])"
    " AS u(id, state, settled_ns, note) WHERE x.id = u.id AND x.state = 'pending' RETURNING 1),"
    " e AS (INSERT INTO events(seq, kind, payload, prev_hash, hash)"
    " SELECT * FROM unnest($5::bigint[], $6::text[], $7::text[], $8::text[], $9::text[])"
    " RETURNING 1),"
    " a AS (UPDATE accounts AS x SET posted_milli = u.posted, pending_milli = u.pending"
    " FROM unnest($10::text[], $11::bigint[], $12::bigint[]) AS u(id, posted, pending)"
    " WHERE x.id = u.id RETURNING 1)"
    " SELECT (SELECT count(*) FROM t), (SELECT count(*) FROM e), (SELECT count(*) FROM a)"};

#undef HF_PG_LOCKED_ACCOUNTS
#undef HF_PG_PREFETCH
#undef HF_PG_TRANSFER_COLUMNS
#undef HF_PG_ACCOUNT_COLUMNS

}  // namespace highfence::ledger::pgsql

#endif  // HIGHFENCE_LEDGER_POSTGRES_SQL_H_
