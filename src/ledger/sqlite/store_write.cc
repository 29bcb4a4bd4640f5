// SqliteStore: writes (Record, Post, Void, ExpirePending, Seed), each in one
// transaction (ledger/sqlite/transaction.h) and planned by record_plan.h.
#include <fmt/format.h>

#include "ledger/event_log.h"
#include "ledger/sqlite/rows.h"
#include "ledger/sqlite/sql.h"
#include "ledger/sqlite/store.h"
#include "ledger/sqlite/transaction.h"

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

Status SqliteStore::Apply(const RecordPlan& plan, std::string_view kind) {
  for (size_t i = 0; i < plan.fresh.size(); ++i) {
    const TransferRecord& t = plan.fresh[i];
    HF_RETURN_IF_ERROR(AppendEvent(kind, CreatePayload(kind, t, plan.caps[i])));
    Stmt q(db_.get(), sql::kInsertTransfer, "recording a transfer");
    q.Bind(1, t.id).Bind(2, t.account).Bind(3, t.amount.milli()).Bind(4, WireName(t.state));
    q.Bind(5, t.shipment_id).Bind(6, t.on.ToString()).Bind(7, t.created_ns);
    q.Bind(8, t.settled_ns).Bind(9, t.note).Bind(10, t.shipment_hash);
    HF_RETURN_IF_ERROR(q.Run());
  }
  for (const AccountState& a : plan.accounts) HF_RETURN_IF_ERROR(PutAccount(a));
  return Status::Ok();
}

Status SqliteStore::RecordIn(std::span<const TransferRequest> transfers, RecordOutcome* outcome) {
  Lookup lookup(db_.get());
  Result<RecordPlan> plan = PlanRecord(transfers, NowNs(), &lookup);
  if (!plan.ok()) return plan.status();
  *outcome = plan->outcome;
  if (plan->outcome == RecordOutcome::kExists) return Status::Ok();
  if (plan->outcome != RecordOutcome::kOk) return plan->refusal;
  return Apply(*plan, kEventTransfer);
}

RecordResult SqliteStore::Record(std::span<const TransferRequest> transfers) {
  Write w(this);
  RecordOutcome outcome = RecordOutcome::kOk;
  Status begun = w.Begin();
  Status written = w.Finish(begun.ok() ? RecordIn(transfers, &outcome) : begun);
  return RecordResultOf(written, outcome);
}

Result<std::optional<TransferRecord>> SqliteStore::FindTransfer(std::string_view id) {
  Lookup lookup(db_.get());
  return lookup.FindTransfer(id);
}

Status SqliteStore::Settle(std::string_view id, TransferState to, std::string_view note,
                           int64_t settled_ns, Settled* settled) {
  Lookup lookup(db_.get());
  Result<SettlePlan> plan = PlanSettle(id, to, note, settled_ns, &lookup);
  if (!plan.ok()) return plan.status();
  *settled = plan->already ? Settled::kAlready : Settled::kDone;
  if (plan->already) return Status::Ok();
  std::string_view kind = to == TransferState::kPosted ? kEventPost : kEventVoid;
  HF_RETURN_IF_ERROR(AppendEvent(kind, SettlePayload(kind, id, settled_ns, note)));
  Stmt q(db_.get(), sql::kSettleTransfer, "settling a transfer");
  q.Bind(1, id).Bind(2, WireName(to)).Bind(3, settled_ns).Bind(4, note);
  HF_RETURN_IF_ERROR(q.Run());
  return PutAccount(plan->account);
}

Status SqliteStore::ReverseIn(std::string_view id, std::string_view reason, Settled* settled) {
  Lookup lookup(db_.get());
  Result<RecordPlan> plan = PlanReverse(id, reason, NowNs(), &lookup);
  if (!plan.ok()) return plan.status();
  bool already = plan->outcome == RecordOutcome::kExists;
  *settled = already ? Settled::kAlready : Settled::kDone;
  return already ? Status::Ok() : Apply(*plan, kEventReversal);
}

template <typename Work>
Result<Settled> SqliteStore::SettleWrite(Work work) {
  Settled settled = Settled::kDone;
  Write w(this);
  Status begun = w.Begin();
  Status done = w.Finish(begun.ok() ? work(&settled) : begun);
  if (!done.ok()) return done;
  return settled;
}

Result<Settled> SqliteStore::Post(std::string_view transfer_id, const Grant& grant) {
  return SettleWrite([&](Settled* settled) {
    return Settle(transfer_id, TransferState::kPosted, grant.Note(), grant.SettledNs(NowNs()),
                  settled);
  });
}

Result<Settled> SqliteStore::Void(std::string_view transfer_id, std::string_view note) {
  return SettleWrite([&](Settled* settled) {
    return Settle(transfer_id, TransferState::kVoided, note, NowNs(), settled);
  });
}

Result<Settled> SqliteStore::Reverse(std::string_view transfer_id, std::string_view reason) {
  return SettleWrite([&](Settled* settled) { return ReverseIn(transfer_id, reason, settled); });
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
    Settled settled = Settled::kDone;
    HF_RETURN_IF_ERROR(Settle(id, TransferState::kVoided, "expired", now_ns, &settled));
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

}  // namespace highfence::ledger
