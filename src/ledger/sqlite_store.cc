// SqliteStore: writes (Record, Post, Void, ExpirePending, Seed) and batches.
// Opening, reads and Verify are in sqlite_store_read.cc.
#include "ledger/sqlite_store.h"

#include <fmt/format.h>

#include "ledger/event_log.h"
#include "ledger/sqlite_rows.h"
#include "ledger/sqlite_sql.h"

namespace highfence::ledger {

// RecordLookup over the open write transaction.
class SqliteStore::Lookup : public RecordLookup {
 public:
  explicit Lookup(SqliteDb* db) : db_(db) {}
  Result<std::optional<TransferRecord>> FindTransfer(std::string_view id) override {
    Stmt q(db_, sql::kSelectTransfer);
    q.Bind(1, id);
    Result<bool> row = q.Step();
    if (!row.ok()) return row.status();
    if (!*row) return std::optional<TransferRecord>();
    Result<TransferRecord> t = TransferFromRow(q);
    if (!t.ok()) return t.status();
    return std::optional<TransferRecord>(std::move(*t));
  }
  Result<std::optional<AccountState>> FindAccount(std::string_view account) override {
    Stmt q(db_, sql::kSelectAccount);
    q.Bind(1, account);
    Result<bool> row = q.Step();
    if (!row.ok()) return row.status();
    if (!*row) return std::optional<AccountState>();
    return std::optional<AccountState>(AccountFromRow(q));
  }

 private:
  SqliteDb* db_;
};

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

Status SqliteStore::Apply(const RecordPlan& plan, std::string_view kind) {
  for (size_t i = 0; i < plan.fresh.size(); ++i) {
    const TransferRecord& t = plan.fresh[i];
    HF_RETURN_IF_ERROR(AppendEvent(kind, CreatePayload(kind, t, plan.caps[i])));
    Stmt q(db_.get(), sql::kInsertTransfer, "recording a transfer");
    q.Bind(1, t.id).Bind(2, t.account).Bind(3, t.amount.milli()).Bind(4, WireName(t.state));
    q.Bind(5, t.shipment_id).Bind(6, t.on.ToString()).Bind(7, t.created_ns);
    q.Bind(8, t.settled_ns).Bind(9, t.note);
    HF_RETURN_IF_ERROR(q.Run());
  }
  for (const AccountState& a : plan.accounts) HF_RETURN_IF_ERROR(PutAccount(a));
  return Status::Ok();
}

Status SqliteStore::RecordIn(std::span<const TransferRequest> transfers) {
  Lookup lookup(db_.get());
  Result<RecordPlan> plan = PlanRecord(transfers, NowNs(), &lookup);
  if (!plan.ok()) return plan.status();
  return Apply(*plan, kEventTransfer);
}

Status SqliteStore::Record(std::span<const TransferRequest> transfers) {
  Write w(this);
  Status begun = w.Begin();
  return w.Finish(begun.ok() ? RecordIn(transfers) : begun);
}

Status SqliteStore::Settle(std::string_view id, TransferState to, std::string_view note,
                           int64_t now_ns) {
  Lookup lookup(db_.get());
  Result<SettlePlan> plan = PlanSettle(id, to, note, now_ns, &lookup);
  if (!plan.ok()) return plan.status();
  std::string_view kind = to == TransferState::kPosted ? kEventPost : kEventVoid;
  HF_RETURN_IF_ERROR(AppendEvent(kind, SettlePayload(kind, id, now_ns, note)));
  Stmt q(db_.get(), sql::kSettleTransfer, "settling a transfer");
  q.Bind(1, id).Bind(2, WireName(to)).Bind(3, now_ns).Bind(4, note);
  HF_RETURN_IF_ERROR(q.Run());
  return PutAccount(plan->account);
}

Status SqliteStore::Post(std::string_view transfer_id) {
  Write w(this);
  Status begun = w.Begin();
  return w.Finish(begun.ok() ? Settle(transfer_id, TransferState::kPosted, "", NowNs()) : begun);
}

Status SqliteStore::Void(std::string_view transfer_id, std::string_view note) {
  Write w(this);
  Status begun = w.Begin();
  return w.Finish(begun.ok() ? Settle(transfer_id, TransferState::kVoided, note, NowNs()) : begun);
}

Status SqliteStore::ExpireIn(int64_t cutoff_ns, int64_t* count) {
  std::vector<std::string> due;
  {
    Stmt q(db_.get(), sql::kDue);
    q.Bind(1, cutoff_ns);
    for (;;) {
      Result<bool> row = q.Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      due.emplace_back(q.Text(0));
    }
  }
  int64_t now_ns = NowNs();
  for (const std::string& id : due) {
    HF_RETURN_IF_ERROR(Settle(id, TransferState::kVoided, "expired", now_ns));
  }
  *count = static_cast<int64_t>(due.size());
  return Status::Ok();
}

Result<int64_t> SqliteStore::ExpirePending(int64_t cutoff_ns) {
  int64_t count = 0;
  Write w(this);
  Status begun = w.Begin();
  Status done = w.Finish(begun.ok() ? ExpireIn(cutoff_ns, &count) : begun);
  if (!done.ok()) return done;
  return count;
}

Status SqliteStore::SeedIn(std::string_view account, Fixed amount, std::string_view note) {
  Lookup lookup(db_.get());
  std::string id = fmt::format("seed:{}:{}", account, tail_seq_ + 1);
  Result<RecordPlan> plan = PlanSeed(std::move(id), account, amount, note, NowNs(), &lookup);
  if (!plan.ok()) return plan.status();
  return Apply(*plan, kEventSeed);
}

Status SqliteStore::Seed(std::string_view account, Fixed amount, std::string_view note) {
  Write w(this);
  Status begun = w.Begin();
  return w.Finish(begun.ok() ? SeedIn(account, amount, note) : begun);
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
