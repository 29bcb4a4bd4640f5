// The SQL text of the SQLite ledger, in one place. Each constant is prepared
// once per connection and kept (SqliteDb keys its cache by the address).
#ifndef HIGHFENCE_LEDGER_SQLITE_SQL_H_
#define HIGHFENCE_LEDGER_SQLITE_SQL_H_

namespace highfence::ledger::sql {

// 2: transfers.shipment_hash (contract.md version 2, section 6). A version 1
// ledger is not carried over.
inline constexpr int kSchemaVersion = 2;

// STRICT tables: an amount can only ever be an INTEGER of thousandths.
inline constexpr char kCreateSchema[] = R"(
CREATE TABLE accounts(
  id TEXT PRIMARY KEY NOT NULL,
  cap_milli INTEGER,
  posted_milli INTEGER NOT NULL,
  pending_milli INTEGER NOT NULL
) STRICT;
CREATE TABLE transfers(
  id TEXT PRIMARY KEY NOT NULL,
  account TEXT NOT NULL,
  amount_milli INTEGER NOT NULL,
  state TEXT NOT NULL,
  shipment_id TEXT NOT NULL,
  on_date TEXT NOT NULL,
  created_ns INTEGER NOT NULL,
  settled_ns INTEGER NOT NULL,
  note TEXT NOT NULL,
  shipment_hash TEXT NOT NULL
) STRICT;
CREATE INDEX transfers_by_account ON transfers(account, shipment_id);
CREATE INDEX transfers_by_shipment ON transfers(shipment_id);
CREATE INDEX transfers_by_account_seq ON transfers(account);
CREATE INDEX transfers_pending ON transfers(created_ns) WHERE state = 'pending';
CREATE TABLE events(
  seq INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  payload TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
) STRICT;
PRAGMA user_version = 2;
)";

inline constexpr char kUserVersion[] = "PRAGMA user_version";
inline constexpr char kTableCount[] = "SELECT count(*) FROM sqlite_schema";

#define HF_TRANSFER_COLUMNS                                                               \
  "id, account, amount_milli, state, shipment_id, on_date, created_ns, settled_ns, note," \
  " shipment_hash"
#define HF_ACCOUNT_COLUMNS "id, cap_milli, posted_milli, pending_milli"

// One statement, so the account row and the shipment's own transfers come
// from one read snapshot even while other processes write. ?2 NULL excludes
// nothing.
// The account as it stood before shipment ?2 first drew on it: the account row
// less every transfer recorded from that draw on (rowid is creation order).
inline constexpr char kBalance[] =
    "SELECT a.id, a.cap_milli, a.posted_milli, a.pending_milli,"
    " coalesce(sum(t.amount_milli) FILTER (WHERE t.state = 'posted'), 0),"
    " coalesce(sum(t.amount_milli) FILTER (WHERE t.state = 'pending'), 0)"
    " FROM accounts a LEFT JOIN transfers t ON t.account = a.id AND t.rowid >="
    " (SELECT min(f.rowid) FROM transfers f WHERE f.account = ?1 AND f.shipment_id = ?2)"
    " WHERE a.id = ?1 GROUP BY a.id";
inline constexpr char kSelectTransfer[] =
    "SELECT " HF_TRANSFER_COLUMNS " FROM transfers WHERE id = ?1";
inline constexpr char kSelectAccount[] =
    "SELECT " HF_ACCOUNT_COLUMNS " FROM accounts WHERE id = ?1";
inline constexpr char kInsertTransfer[] = "INSERT INTO transfers(" HF_TRANSFER_COLUMNS
                                          ") VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";
inline constexpr char kUpsertAccount[] =
    "INSERT INTO accounts(" HF_ACCOUNT_COLUMNS
    ") VALUES(?1, ?2, ?3, ?4)"
    " ON CONFLICT(id) DO UPDATE SET cap_milli = excluded.cap_milli,"
    " posted_milli = excluded.posted_milli, pending_milli = excluded.pending_milli";
inline constexpr char kSettleTransfer[] =
    "UPDATE transfers SET state = ?2, settled_ns = ?3, note = ?4"
    " WHERE id = ?1 AND state = 'pending'";
inline constexpr char kInsertEvent[] =
    "INSERT INTO events(seq, kind, payload, prev_hash, hash) VALUES(?1, ?2, ?3, ?4, ?5)";
// The content fingerprint recorded with shipment ?1's draws.
inline constexpr char kRecordedShipment[] =
    "SELECT shipment_hash FROM transfers WHERE shipment_id = ?1 LIMIT 1";
inline constexpr char kHoldsShipments[] = "SELECT 1 FROM transfers WHERE shipment_id <> '' LIMIT 1";
inline constexpr char kTail[] = "SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1";
inline constexpr char kDue[] =
    "SELECT id FROM transfers WHERE state = 'pending' AND created_ns < ?1 ORDER BY rowid";
inline constexpr char kList[] = "SELECT " HF_ACCOUNT_COLUMNS
                                " FROM accounts"
                                " WHERE substr(id, 1, length(?1)) = ?1 ORDER BY id";
// Ids from ?1 up to ?2 (?1 followed by 0xFF): a range on the primary key.
inline constexpr char kHasPrefix[] = "SELECT 1 FROM transfers WHERE id >= ?1 AND id < ?2 LIMIT 1";
inline constexpr char kHistory[] =
    "SELECT " HF_TRANSFER_COLUMNS " FROM transfers WHERE account = ?1 ORDER BY rowid";
inline constexpr char kAllTransfers[] =
    "SELECT " HF_TRANSFER_COLUMNS " FROM transfers ORDER BY rowid";
inline constexpr char kAllAccounts[] = "SELECT " HF_ACCOUNT_COLUMNS " FROM accounts ORDER BY id";
inline constexpr char kAllEvents[] =
    "SELECT seq, kind, payload, prev_hash, hash FROM events ORDER BY seq";
// The invariant, checked again on every open.
inline constexpr char kBrokenCap[] =
    "SELECT " HF_ACCOUNT_COLUMNS
    " FROM accounts"
    " WHERE cap_milli IS NOT NULL AND posted_milli + pending_milli > cap_milli LIMIT 1";

#undef HF_TRANSFER_COLUMNS
#undef HF_ACCOUNT_COLUMNS

}  // namespace highfence::ledger::sql

#endif  // HIGHFENCE_LEDGER_SQLITE_SQL_H_
