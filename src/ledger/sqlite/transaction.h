// SqliteStore::Write: one write transaction, or a savepoint inside the open
// batch. Internal to src/ledger/sqlite.
#ifndef HIGHFENCE_LEDGER_SQLITE_TRANSACTION_H_
#define HIGHFENCE_LEDGER_SQLITE_TRANSACTION_H_

#include <fmt/format.h>

#include <string>

#include "ledger/sqlite/store.h"

namespace highfence::ledger {

// One write: its own BEGIN IMMEDIATE transaction, or a savepoint inside the
// open batch so that a failed write undoes only itself. Finish commits when
// the work succeeded and rolls back otherwise; a write never half-happens.
class SqliteStore::Write {
 public:
  explicit Write(SqliteStore* store) : s_(store) {}
  Write(const Write&) = delete;
  Write& operator=(const Write&) = delete;
  ~Write() { HF_ASSERT(!open_); }  // every Begin is paired with Finish

  Status Begin() {
    HF_RETURN_IF_ERROR(s_->Usable());
    if (s_->db_->options().read_only) {
      return Status::IOError(fmt::format("ledger `{}` was opened read-only", s_->db_->path()));
    }
    saved_seq_ = s_->tail_seq_;
    saved_hash_ = s_->tail_hash_;
    HF_RETURN_IF_ERROR(s_->db_->Exec(s_->in_batch_ ? "SAVEPOINT hf_write" : "BEGIN IMMEDIATE"));
    open_ = true;
    return s_->in_batch_ ? Status::Ok() : s_->LoadTail();
  }

  // Ends the write begun by Begin (if it began) and returns `work`, or the
  // commit's error when the work succeeded but the commit did not.
  Status Finish(Status work) {
    if (!open_) return work;
    open_ = false;
    if (work.ok()) {
      work = s_->db_->Exec(s_->in_batch_ ? "RELEASE hf_write" : "COMMIT");
      if (work.ok()) return work;
    }
    Rollback(work);
    return work;
  }

 private:
  void Rollback(const Status& why) {
    s_->tail_seq_ = saved_seq_;
    s_->tail_hash_ = saved_hash_;
    // SQLite rolls the whole transaction back by itself after some errors
    // (disk full, I/O): then nothing is left to undo, and inside a batch the
    // batch is gone with it.
    if (s_->db_->autocommit()) {
      if (s_->in_batch_) {
        s_->batch_error_ = Status::IOError(fmt::format(
            "{} (the open batch was rolled back: none of its writes were kept)", why.message()));
      }
      return;
    }
    Status undone =
        s_->db_->Exec(s_->in_batch_ ? "ROLLBACK TO hf_write; RELEASE hf_write" : "ROLLBACK");
    if (!undone.ok() && s_->in_batch_) s_->batch_error_ = undone;
  }

  SqliteStore* s_;
  bool open_ = false;
  int64_t saved_seq_ = 0;
  std::string saved_hash_;
};

}  // namespace highfence::ledger

#endif  // HIGHFENCE_LEDGER_SQLITE_TRANSACTION_H_
