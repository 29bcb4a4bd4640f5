// PostgresStore: opening (schema), transactions, reads and Verify. The writes
// themselves are in postgres_store_write.cc.
#include "ledger/postgres_store.h"

#include <fmt/format.h>

#include "ledger/event_log.h"
#include "ledger/postgres_rows.h"
#include "ledger/postgres_sql.h"
#include "ledger/verify.h"

namespace highfence::ledger {

Result<TransferRecord> PgTransferFromRow(const PgRows& rows, int row, int first) {
  TransferRecord t;
  t.id = rows.Text(row, first);
  t.account = rows.Text(row, first + 1);
  t.amount = Fixed::FromMilli(rows.Int(row, first + 2));
  std::optional<TransferState> state = ParseState(rows.Text(row, first + 3));
  std::optional<Date> on = Date::Parse(rows.Text(row, first + 5));
  if (!state || !on) {
    return Status::Corruption(fmt::format("transfer `{}`: bad state `{}` or date `{}`", t.id,
                                          rows.Text(row, first + 3), rows.Text(row, first + 5)));
  }
  t.state = *state;
  t.shipment_id = rows.Text(row, first + 4);
  t.on = *on;
  t.created_ns = rows.Int(row, first + 6);
  t.settled_ns = rows.Int(row, first + 7);
  t.note = rows.Text(row, first + 8);
  return t;
}

AccountState PgAccountFromRow(const PgRows& rows, int row, int first) {
  AccountState a;
  a.account = rows.Text(row, first);
  a.cap = rows.OptionalMilli(row, first + 1);
  a.posted = Fixed::FromMilli(rows.Int(row, first + 2));
  a.pending = Fixed::FromMilli(rows.Int(row, first + 3));
  return a;
}

Result<std::unique_ptr<LedgerStore>> OpenPostgresStore(const std::string& url, bool read_only) {
  PgOptions options;
  options.read_only = read_only;
  Result<std::unique_ptr<PostgresStore>> store = PostgresStore::Open(url, options);
  if (!store.ok()) return store.status();
  return std::unique_ptr<LedgerStore>(std::move(*store));
}

// --- opening -------------------------------------------------------------------

Result<std::unique_ptr<PostgresStore>> PostgresStore::Open(const std::string& url,
                                                           const PgOptions& options) {
  Result<std::unique_ptr<PgDb>> db = PgDb::Open(url, options);
  if (!db.ok()) return db.status();
  std::unique_ptr<PostgresStore> store(new PostgresStore(std::move(*db)));
  HF_RETURN_IF_ERROR(store->CheckSchema());
  HF_RETURN_IF_ERROR(store->CheckCaps());
  return store;
}

Status PostgresStore::CheckSchema() {
  Result<PgRows> present = db_->Exec(pgsql::kTablesPresent, "looking for the ledger's tables");
  if (!present.ok()) return present.status();
  if (present->Text(0, 0) != "t") {
    if (db_->options().read_only) {
      return Status::InvalidArgument(
          fmt::format("the database at {} holds no highfence ledger", db_->where()));
    }
    HF_RETURN_IF_ERROR(CreateSchema());
  }
  Result<PgRows> version = db_->Exec(pgsql::kReadVersion, "reading the schema version");
  if (!version.ok()) return version.status();
  std::string_view found = version->size() == 1 ? version->Text(0, 0) : "none";
  if (found != pgsql::kSchemaVersion) {
    return Status::InvalidArgument(
        fmt::format("the ledger at {} has schema version {}; this build reads version {}",
                    db_->where(), found, pgsql::kSchemaVersion));
  }
  return Status::Ok();
}

// Creates the tables in one transaction. Several servers may open an empty
// database at once: the advisory lock lets one create them and the others find
// them made.
Status PostgresStore::CreateSchema() {
  Status st = db_->Exec(pgsql::kSchemaLock, "waiting for another creator").status();
  if (!st.ok()) return st;
  st = db_->Exec("BEGIN", "creating the ledger's tables").status();
  Result<PgRows> present = Status::Internal("unset");
  if (st.ok()) {
    present = db_->Exec(pgsql::kTablesPresent, "looking for the ledger's tables");
    st = present.status();
  }
  if (st.ok() && present->Text(0, 0) != "t") {
    if (present->Text(0, 2) != "t") {
      st = Status::InvalidArgument(fmt::format(
          "the database at {} has no schema to hold the ledger: no schema of its search_path "
          "`{}` exists (create it with CREATE SCHEMA, or name another with "
          "?options=-csearch_path%3DNAME)",
          db_->where(), present->Text(0, 3)));
    } else if (present->Text(0, 1) == "t") {
      st = Status::InvalidArgument(fmt::format(
          "the database at {} has tables named accounts, transfers or events but no highfence "
          "ledger: use another database, or a schema of its own (?options=-csearch_path%3DNAME)",
          db_->where()));
    } else {
      st = db_->Exec(pgsql::kCreateSchema, "creating the ledger's tables").status();
    }
  }
  if (st.ok()) st = db_->Exec("COMMIT", "creating the ledger's tables").status();
  if (!st.ok()) Rollback();
  if (db_->connected()) (void)db_->Exec(pgsql::kSchemaUnlock, "releasing the creator's lock");
  return st;
}

// The invariant, checked again on load: posted + pending <= cap.
Status PostgresStore::CheckCaps() {
  PgParams none;
  Result<PgRows> broken = db_->Run(pgsql::kBrokenCap, none, "checking the caps");
  if (!broken.ok()) return broken.status();
  if (broken->size() == 0) return Status::Ok();
  AccountState a = PgAccountFromRow(*broken, 0, 0);
  return Status::Corruption(fmt::format(
      "the ledger at {}: account `{}` holds posted {} + pending {}, past its cap {}", db_->where(),
      a.account, a.posted.ToString(), a.pending.ToString(), a.cap->ToString()));
}

// --- transactions --------------------------------------------------------------

Status PostgresStore::Write(const Work& work) {
  HF_RETURN_IF_ERROR(batch_error_);
  if (db_->options().read_only) {
    return Status::IOError(fmt::format("the ledger at {} was opened read-only", db_->where()));
  }
  if (in_batch_) return WriteInBatch(work);
  Status st;
  for (int attempt = 1; attempt <= kWriteAttemptsMax; ++attempt) {
    st = WriteOnce(work);
    if (st.ok() || db_->failure() != PgDb::Failure::kRetryable) return st;
  }
  return Status::IOError(
      fmt::format("{} (gave up after {} attempts)", st.message(), kWriteAttemptsMax));
}

Status PostgresStore::WriteOnce(const Work& work) {
  HF_ASSERT(!in_batch_);
  HF_RETURN_IF_ERROR(BeginWrite());
  dirty_ = false;
  Status st = work();
  if (st.ok()) return Commit();
  PgDb::Failure failure = db_->failure();
  Rollback();
  db_->set_failure(failure);  // what Write decides on: the work's failure, not the rollback's
  if (failure == PgDb::Failure::kConnectionLost) {
    return Status::IOError(fmt::format(
        "{}: the server rolls back the open transaction, so nothing of this call was written; "
        "the next call reconnects",
        st.message()));
  }
  return st;
}

// A write other than Record inside a batch (Post, Void, Seed, expiry): the
// batch's cached rows are written first, and the write reads the database
// itself; the cache, which it would make stale, starts again empty.
Status PostgresStore::WriteInBatch(const Work& work) {
  HF_ASSERT(in_batch_);
  if (!head_locked_) {
    Status locked = LockHead();
    if (!locked.ok()) return AbandonBatch(locked);
  }
  Status flushed = Flush();
  if (!flushed.ok()) return AbandonBatch(flushed);
  DropCache();
  dirty_ = false;
  Status st = work();
  if (st.ok()) return st;
  // A rule said no before anything was written (a cap, a bad request): only
  // this call fails. A database error aborts PostgreSQL's transaction, and
  // with it the batch.
  if (db_->failure() == PgDb::Failure::kNone && !dirty_) return st;
  return AbandonBatch(st);
}

Status PostgresStore::AbandonBatch(const Status& why) {
  HF_ASSERT(in_batch_);
  Rollback();
  head_locked_ = false;
  DropCache();
  batch_error_ = Status::IOError(fmt::format(
      "{} (the open batch was rolled back: none of its writes were kept)", why.message()));
  return batch_error_;
}

// BEGIN, then the chain head. Nothing is written yet, so a connection found
// lost here is simply reconnected, once.
Status PostgresStore::BeginWrite() {
  HF_RETURN_IF_ERROR(db_->Reconnect());
  head_locked_ = false;
  Result<PgRows> tail = db_->Exec(pgsql::kBeginWrite, "starting a write");
  if (!tail.ok() && db_->failure() == PgDb::Failure::kConnectionLost) {
    HF_RETURN_IF_ERROR(db_->Reconnect());
    tail = db_->Exec(pgsql::kBeginWrite, "starting a write");
  }
  if (!tail.ok()) {
    PgDb::Failure failure = db_->failure();
    Rollback();
    db_->set_failure(failure);
    return tail.status();
  }
  return SetTail(*tail);
}

Status PostgresStore::LockHead() {
  Result<PgRows> tail = db_->Exec(pgsql::kLockHead, "locking the chain head");
  if (!tail.ok()) return tail.status();
  return SetTail(*tail);
}

Status PostgresStore::SetTail(const PgRows& tail) {
  tail_seq_ = tail.size() == 1 ? tail.Int(0, 0) : 0;
  tail_hash_ = tail.size() == 1 ? std::string(tail.Text(0, 1)) : std::string(kGenesisHash);
  if (tail_hash_.size() != kGenesisHash.size()) {
    return Status::Corruption(
        fmt::format("event {}: its hash `{}` is not a SHA-256 digest", tail_seq_, tail_hash_));
  }
  head_locked_ = true;
  return Status::Ok();
}

Status PostgresStore::Commit() {
  head_locked_ = false;
  Result<PgRows> done = db_->Exec("COMMIT", "committing");
  if (done.ok()) return Status::Ok();
  if (db_->failure() == PgDb::Failure::kConnectionLost) {
    return Status::IOError(fmt::format(
        "{}: the transaction may or may not have been committed; repeating a Record is safe "
        "(transfer ids are idempotency keys), else check with `ledger show` or `ledger history`",
        done.status().message()));
  }
  Rollback();
  return done.status();
}

void PostgresStore::Rollback() {
  head_locked_ = false;
  if (db_->connected() && db_->in_transaction()) {
    (void)db_->Exec("ROLLBACK", "rolling back");  // the first error is the one to report
  }
}

// Runs a read. Outside a batch a connection found lost is reconnected and the
// read tried once more (it wrote nothing); inside a batch a database error
// abandons the batch, as PostgreSQL has aborted its transaction.
Status PostgresStore::Read(const Work& work) {
  HF_RETURN_IF_ERROR(batch_error_);
  if (in_batch_) {
    Status flushed = Flush();  // the read sees the batch's own writes
    if (!flushed.ok()) return AbandonBatch(flushed);
    Status st = work();
    if (st.ok() || db_->failure() == PgDb::Failure::kNone) return st;
    return AbandonBatch(st);
  }
  HF_RETURN_IF_ERROR(db_->Reconnect());
  Status st = work();
  if (st.ok() || db_->failure() != PgDb::Failure::kConnectionLost) return st;
  HF_RETURN_IF_ERROR(db_->Reconnect());
  return work();
}

// Opens the batch's transaction and takes the chain head at once, as SQLite's
// BEGIN IMMEDIATE takes its write lock: until CommitBatch no one else writes,
// which is what lets Balance and Record work from the cache.
Status PostgresStore::BeginBatch() {
  HF_ASSERT(!in_batch_);                              // REQUIRES: batches do not nest
  if (db_->options().read_only) return Status::Ok();  // a dry run writes nothing to batch
  HF_RETURN_IF_ERROR(BeginWrite());
  in_batch_ = true;
  batch_error_ = Status::Ok();
  KeepOrDropCache();
  return Status::Ok();
}

Status PostgresStore::CommitBatch() {
  if (!in_batch_) return Status::Ok();
  Status done = batch_error_;
  if (done.ok()) done = Flush();
  in_batch_ = false;
  batch_error_ = Status::Ok();
  if (!done.ok()) {
    Rollback();
    DropCache();
    return done;
  }
  done = Commit();
  if (!done.ok()) {
    DropCache();
    return done;
  }
  cache_seq_ = tail_seq_;  // what this store wrote last: the cache agrees with it
  cache_hash_ = tail_hash_;
  return Status::Ok();
}

// --- reads ---------------------------------------------------------------------

Result<AccountBalance> PostgresStore::Balance(std::string_view account,
                                              std::string_view shipment_id) {
  HF_RETURN_IF_ERROR(batch_error_);
  if (in_batch_) return CachedBalance(account, shipment_id);
  AccountBalance out;
  Status st = Read([&]() -> Status {
    PgParams params;
    params.Add(account);
    if (shipment_id.empty()) {
      params.AddNull();
    } else {
      params.Add(shipment_id);
    }
    Result<PgRows> rows = db_->Run(pgsql::kBalance, params, "reading a balance");
    if (!rows.ok()) return rows.status();
    if (rows->size() == 0) {
      out = AccountBalance{};
      return Status::Ok();
    }
    AccountBalance own{Fixed::FromMilli(rows->Int(0, 4)), Fixed::FromMilli(rows->Int(0, 5))};
    Result<AccountBalance> b = BalanceOf(PgAccountFromRow(*rows, 0, 0), own);
    if (!b.ok()) return b.status();
    out = *b;
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<AccountState> PostgresStore::Show(std::string_view account) {
  std::optional<AccountState> out;
  Status st = Read([&]() -> Status {
    PgParams params;
    params.Add(account);
    Result<PgRows> rows = db_->Run(pgsql::kSelectAccount, params, "reading an account");
    if (!rows.ok()) return rows.status();
    if (rows->size() == 1) out = PgAccountFromRow(*rows, 0, 0);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  if (!out) return Status::NotFound(fmt::format("no account `{}`", account));
  return std::move(*out);
}

Result<std::vector<AccountState>> PostgresStore::List(std::string_view prefix) {
  std::vector<AccountState> out;
  Status st = Read([&]() -> Status {
    out.clear();
    PgParams params;
    params.Add(prefix);
    Result<PgRows> rows = db_->Run(pgsql::kList, params, "listing accounts");
    if (!rows.ok()) return rows.status();
    for (int r = 0; r < rows->size(); ++r) out.push_back(PgAccountFromRow(*rows, r, 0));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<bool> PostgresStore::HasTransferWithPrefix(std::string_view prefix) {
  bool found = false;
  Status st = Read([&]() -> Status {
    PgParams params;
    params.Add(prefix);
    params.Add(std::string(prefix) + "\xf4\x8f\xbf\xbf");  // U+10FFFF: above every valid id
    Result<PgRows> rows = db_->Run(pgsql::kHasPrefix, params, "looking for a seed");
    if (!rows.ok()) return rows.status();
    found = rows->size() > 0;
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return found;
}

Result<std::vector<TransferRecord>> PostgresStore::ReadTransfers(const PgSql& sql,
                                                                 std::string_view arg) {
  std::vector<TransferRecord> out;
  Status st = Read([&]() -> Status {
    out.clear();
    PgParams params;
    if (!arg.empty()) params.Add(arg);
    Result<PgRows> rows = db_->Run(sql, params, "reading transfers");
    if (!rows.ok()) return rows.status();
    out.reserve(static_cast<size_t>(rows->size()));
    for (int r = 0; r < rows->size(); ++r) {
      Result<TransferRecord> t = PgTransferFromRow(*rows, r, 0);
      if (!t.ok()) return t.status();
      out.push_back(std::move(*t));
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<std::vector<TransferRecord>> PostgresStore::History(std::string_view account) {
  if (account.empty()) return std::vector<TransferRecord>();
  return ReadTransfers(pgsql::kHistory, account);
}

Result<std::vector<TransferRecord>> PostgresStore::Transfers() {
  return ReadTransfers(pgsql::kAllTransfers, "");
}

// --- verify --------------------------------------------------------------------

Result<VerifyReport> PostgresStore::VerifyIn() {
  PgParams none;
  Result<PgRows> rows = db_->Run(pgsql::kAllEvents, none, "reading the events");
  if (!rows.ok()) return rows.status();
  std::vector<Event> events;
  events.reserve(static_cast<size_t>(rows->size()));
  for (int r = 0; r < rows->size(); ++r) {
    events.push_back(Event{rows->Int(r, 0), std::string(rows->Text(r, 1)),
                           std::string(rows->Text(r, 2)), std::string(rows->Text(r, 3)),
                           std::string(rows->Text(r, 4))});
  }
  rows = db_->Run(pgsql::kAllTransfers, none, "reading the transfers");
  if (!rows.ok()) return rows.status();
  std::vector<TransferRecord> transfers;
  transfers.reserve(static_cast<size_t>(rows->size()));
  for (int r = 0; r < rows->size(); ++r) {
    Result<TransferRecord> t = PgTransferFromRow(*rows, r, 0);
    if (!t.ok()) {
      // A row highfence could not have written (a state edited by hand) is a
      // broken entry to name, not a failure to verify.
      VerifyReport report;
      report.ok = false;
      report.problem = t.status().message();
      return report;
    }
    transfers.push_back(std::move(*t));
  }
  rows = db_->Run(pgsql::kAllAccounts, none, "reading the accounts");
  if (!rows.ok()) return rows.status();
  std::vector<AccountState> accounts;
  for (int r = 0; r < rows->size(); ++r) accounts.push_back(PgAccountFromRow(*rows, r, 0));
  return VerifyLedger(events, transfers, accounts);
}

// Reads the three tables in one snapshot (REPEATABLE READ), so writers on other
// servers neither block it nor show it half a write.
Result<VerifyReport> PostgresStore::Verify() {
  std::optional<VerifyReport> out;
  Status st = Read([&]() -> Status {
    bool own = !in_batch_;
    if (own) {
      Status begun =
          db_->Exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", "verifying").status();
      if (!begun.ok()) return begun;
    }
    Result<VerifyReport> report = VerifyIn();
    if (own) {
      PgDb::Failure failure = db_->failure();
      Rollback();  // a read-only transaction: nothing to keep
      db_->set_failure(failure);
    }
    if (!report.ok()) return report.status();
    out = std::move(*report);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return std::move(*out);
}

}  // namespace highfence::ledger
