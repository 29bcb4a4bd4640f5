// SqliteStore: the event chain's tail, event and account rows, and batches.
#include "ledger/sqlite/transaction.h"

#include "ledger/event_log.h"
#include "ledger/sqlite/sql.h"

namespace highfence::ledger {

Status SqliteStore::LoadTail() {
  Stmt q(db_.get(), sql::kTail);
  Result<bool> row = q.Step();
  if (!row.ok()) return row.status();
  tail_seq_ = *row ? q.Int(0) : 0;
  tail_hash_ = *row ? std::string(q.Text(1)) : std::string(kGenesisHash);
  return Status::Ok();
}

Status SqliteStore::AppendEvent(std::string_view kind, std::string payload) {
  HF_ASSERT(tail_hash_.size() == kGenesisHash.size());
  Event e = ChainEvent(tail_seq_ + 1, kind, std::move(payload), tail_hash_);
  Stmt q(db_.get(), sql::kInsertEvent, "appending an event");
  q.Bind(1, e.seq).Bind(2, e.kind).Bind(3, e.payload).Bind(4, e.prev_hash).Bind(5, e.hash);
  HF_RETURN_IF_ERROR(q.Run());
  tail_seq_ = e.seq;
  tail_hash_ = std::move(e.hash);
  return Status::Ok();
}

Status SqliteStore::PutAccount(const AccountState& a) {
  HF_ASSERT(!a.posted.is_negative());
  HF_ASSERT(!a.pending.is_negative());
  Stmt q(db_.get(), sql::kUpsertAccount, "updating an account");
  q.Bind(1, a.account).Bind(2, a.cap).Bind(3, a.posted.milli()).Bind(4, a.pending.milli());
  return q.Run();
}

Status SqliteStore::BeginBatch() {
  HF_ASSERT(!in_batch_);                              // REQUIRES: batches do not nest
  if (db_->options().read_only) return Status::Ok();  // a dry run writes nothing to batch
  HF_RETURN_IF_ERROR(db_->Exec("BEGIN IMMEDIATE"));
  Status tail = LoadTail();
  if (!tail.ok()) {
    (void)db_->Exec("ROLLBACK");  // the tail's error is the one to report
    return tail;
  }
  in_batch_ = true;
  batch_error_ = Status::Ok();
  return Status::Ok();
}

Status SqliteStore::CommitBatch() {
  if (!in_batch_) return Status::Ok();
  in_batch_ = false;
  Status done = batch_error_;
  batch_error_ = Status::Ok();
  if (done.ok()) done = db_->Exec("COMMIT");
  if (!done.ok() && !db_->autocommit()) (void)db_->Exec("ROLLBACK");  // keep the first error
  return done;
}

}  // namespace highfence::ledger
