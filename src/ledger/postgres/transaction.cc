// PostgresStore: write and read transactions, the chain head lock, batches.
#include <fmt/format.h>

#include "ledger/event_log.h"
#include "ledger/postgres/rows.h"
#include "ledger/postgres/sql.h"
#include "ledger/postgres/store.h"
#include "ledger/verify.h"

namespace highfence::ledger {

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

}  // namespace highfence::ledger
