// SqliteStore: opening (schema), reads and Verify. Writes are in
// sqlite_store.cc.
#include <fmt/format.h>

#include "ledger/event_log.h"
#include "ledger/sqlite_rows.h"
#include "ledger/sqlite_sql.h"
#include "ledger/sqlite_store.h"
#include "ledger/verify.h"

namespace highfence::ledger {
namespace {

Result<int64_t> ReadInt(SqliteDb* db, const char* query) {
  Stmt q(db, query);
  Result<bool> row = q.Step();
  if (!row.ok()) return row.status();
  HF_ASSERT(*row);  // REQUIRES: a query that returns one row
  return q.Int(0);
}

// A read transaction, so every statement of a multi-statement read sees one
// snapshot while other connections write. Inside a batch, the batch's
// transaction already is one.
class ReadSnapshot {
 public:
  explicit ReadSnapshot(SqliteDb* db) : db_(db) {}
  ~ReadSnapshot() {
    if (open_) (void)db_->Exec("COMMIT");  // a read-only transaction: nothing to lose
  }
  Status Begin() {
    if (!db_->autocommit()) return Status::Ok();
    HF_RETURN_IF_ERROR(db_->Exec("BEGIN"));
    open_ = true;
    return Status::Ok();
  }

 private:
  SqliteDb* db_;
  bool open_ = false;
};

}  // namespace

Result<TransferRecord> TransferFromRow(const Stmt& row) {
  TransferRecord t;
  t.id = row.Text(0);
  t.account = row.Text(1);
  t.amount = Fixed::FromMilli(row.Int(2));
  std::optional<TransferState> state = ParseState(row.Text(3));
  std::optional<Date> on = Date::Parse(row.Text(5));
  if (!state || !on) {
    return Status::Corruption(
        fmt::format("transfer `{}`: bad state `{}` or date `{}`", t.id, row.Text(3), row.Text(5)));
  }
  t.state = *state;
  t.shipment_id = row.Text(4);
  t.on = *on;
  t.created_ns = row.Int(6);
  t.settled_ns = row.Int(7);
  t.note = row.Text(8);
  return t;
}

AccountState AccountFromRow(const Stmt& row) {
  AccountState a;
  a.account = row.Text(0);
  a.cap = row.OptionalMilli(1);
  a.posted = Fixed::FromMilli(row.Int(2));
  a.pending = Fixed::FromMilli(row.Int(3));
  return a;
}

Result<std::unique_ptr<SqliteStore>> SqliteStore::Open(const std::string& path,
                                                       const SqliteOptions& options) {
  Result<std::unique_ptr<SqliteDb>> db = SqliteDb::Open(path, options);
  if (!db.ok()) return db.status();
  std::unique_ptr<SqliteStore> store(new SqliteStore(std::move(*db)));
  HF_RETURN_IF_ERROR(store->CheckSchema());
  // The invariant, checked again on load: posted + pending <= cap.
  Stmt q(store->db_.get(), sql::kBrokenCap);
  Result<bool> broken = q.Step();
  if (!broken.ok()) return broken.status();
  if (*broken) {
    AccountState a = AccountFromRow(q);
    return Status::Corruption(
        fmt::format("ledger `{}`: account `{}` holds posted {} + pending {}, past its cap {}", path,
                    a.account, a.posted.ToString(), a.pending.ToString(), a.cap->ToString()));
  }
  return store;
}

Status SqliteStore::CheckSchema() {
  Result<int64_t> version = ReadInt(db_.get(), sql::kUserVersion);
  if (!version.ok()) return version.status();
  if (*version == 0 && !db_->options().read_only) {
    HF_RETURN_IF_ERROR(CreateSchema());
    version = ReadInt(db_.get(), sql::kUserVersion);
    if (!version.ok()) return version.status();
  }
  if (*version == 0) {
    return Status::InvalidArgument(fmt::format("`{}` holds no highfence ledger", db_->path()));
  }
  if (*version != sql::kSchemaVersion) {
    return Status::InvalidArgument(
        fmt::format("ledger `{}` has schema version {}; this build reads version {}", db_->path(),
                    *version, sql::kSchemaVersion));
  }
  return Status::Ok();
}

// Creates the tables in a fresh file. Several processes may open a new file at
// once: the write lock makes one of them create and the others see it done.
Status SqliteStore::CreateSchema() {
  HF_RETURN_IF_ERROR(db_->Exec("BEGIN IMMEDIATE"));
  Result<int64_t> version = ReadInt(db_.get(), sql::kUserVersion);
  Result<int64_t> tables = ReadInt(db_.get(), sql::kTableCount);
  Status st = !version.ok() ? version.status() : tables.status();
  if (st.ok() && *version == 0 && *tables != 0) {
    st = Status::InvalidArgument(
        fmt::format("`{}` is a SQLite database but not a highfence ledger", db_->path()));
  }
  if (st.ok() && *version == 0) st = db_->Exec(sql::kCreateSchema);
  if (st.ok()) st = db_->Exec("COMMIT");
  if (!st.ok() && !db_->autocommit()) (void)db_->Exec("ROLLBACK");  // keep the first error
  return st;
}

Result<AccountBalance> SqliteStore::Balance(std::string_view account,
                                            std::string_view shipment_id) {
  HF_RETURN_IF_ERROR(Usable());
  Stmt q(db_.get(), sql::kBalance);
  q.Bind(1, account);
  if (shipment_id.empty()) {
    q.BindNull(2);
  } else {
    q.Bind(2, shipment_id);
  }
  Result<bool> row = q.Step();
  if (!row.ok()) return row.status();
  if (!*row) return AccountBalance{};
  AccountBalance own{Fixed::FromMilli(q.Int(4)), Fixed::FromMilli(q.Int(5))};
  return BalanceOf(AccountFromRow(q), own);
}

Result<AccountState> SqliteStore::Show(std::string_view account) {
  HF_RETURN_IF_ERROR(Usable());
  Stmt q(db_.get(), sql::kSelectAccount);
  q.Bind(1, account);
  Result<bool> row = q.Step();
  if (!row.ok()) return row.status();
  if (!*row) return Status::NotFound(fmt::format("no account `{}`", account));
  return AccountFromRow(q);
}

Result<std::vector<AccountState>> SqliteStore::List(std::string_view prefix) {
  HF_RETURN_IF_ERROR(Usable());
  Stmt q(db_.get(), sql::kList);
  q.Bind(1, prefix);
  std::vector<AccountState> out;
  for (;;) {
    Result<bool> row = q.Step();
    if (!row.ok()) return row.status();
    if (!*row) return out;
    out.push_back(AccountFromRow(q));
  }
}

Result<bool> SqliteStore::HasTransferWithPrefix(std::string_view prefix) {
  HF_RETURN_IF_ERROR(Usable());
  std::string upper = std::string(prefix) + "\xff";
  Stmt q(db_.get(), sql::kHasPrefix);
  q.Bind(1, prefix);
  q.Bind(2, upper);
  return q.Step();
}

Result<std::vector<TransferRecord>> SqliteStore::ReadTransfers(const char* query,
                                                               std::string_view arg) {
  HF_RETURN_IF_ERROR(Usable());
  Stmt q(db_.get(), query);
  if (!arg.empty()) q.Bind(1, arg);
  std::vector<TransferRecord> out;
  for (;;) {
    Result<bool> row = q.Step();
    if (!row.ok()) return row.status();
    if (!*row) return out;
    Result<TransferRecord> t = TransferFromRow(q);
    if (!t.ok()) return t.status();
    out.push_back(std::move(*t));
  }
}

Result<std::vector<TransferRecord>> SqliteStore::History(std::string_view account) {
  if (account.empty()) return std::vector<TransferRecord>();
  return ReadTransfers(sql::kHistory, account);
}

Result<std::vector<TransferRecord>> SqliteStore::Transfers() {
  return ReadTransfers(sql::kAllTransfers, "");
}

Result<VerifyReport> SqliteStore::VerifyIn() {
  std::vector<Event> events;
  Stmt q(db_.get(), sql::kAllEvents);
  for (;;) {
    Result<bool> row = q.Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    events.push_back(Event{q.Int(0), std::string(q.Text(1)), std::string(q.Text(2)),
                           std::string(q.Text(3)), std::string(q.Text(4))});
  }
  Result<std::vector<TransferRecord>> transfers = Transfers();
  if (!transfers.ok() && transfers.status().code() == Status::Code::kCorruption) {
    // A row highfence could not have written (say, a state edited by hand) is
    // a broken entry to name, not a failure to verify.
    VerifyReport report;
    report.ok = false;
    report.problem = transfers.status().message();
    return report;
  }
  if (!transfers.ok()) return transfers.status();
  Result<std::vector<AccountState>> accounts = List("");
  if (!accounts.ok()) return accounts.status();
  return VerifyLedger(events, *transfers, *accounts);
}

Result<VerifyReport> SqliteStore::Verify() {
  HF_RETURN_IF_ERROR(Usable());
  ReadSnapshot snapshot(db_.get());
  HF_RETURN_IF_ERROR(snapshot.Begin());
  return VerifyIn();
}

}  // namespace highfence::ledger
