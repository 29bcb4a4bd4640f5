// PostgresStore: writes (Record, Post, Void, ExpirePending, Seed). Each runs
// inside a transaction that holds the chain head (ledger/postgres/transaction.cc, Write):
// one round trip reads and locks what the plan needs, the shared rules plan
// (record_plan.h), and one statement writes the plan.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <unordered_map>

#include "ledger/event_log.h"
#include "ledger/postgres/rows.h"
#include "ledger/postgres/sql.h"
#include "ledger/postgres/store.h"

namespace highfence::ledger {

// RecordLookup over rows read (and locked) at the start of a write. Anything
// not among them does not exist: the prefetch asked for every id and account
// the plan can look up, and no one else writes while we hold the chain head.
class PostgresStore::Lookup : public RecordLookup {
 public:
  // Loads the rows of a kPrefetch* statement (ledger/postgres/sql.h).
  Status Load(const PgRows& rows) {
    for (int r = 0; r < rows.size(); ++r) {
      if (rows.Text(r, 0) == "a") {
        AccountState a = PgAccountFromRow(rows, r, 1);
        std::string id = a.account;
        accounts_.insert_or_assign(std::move(id), std::move(a));
        continue;
      }
      HF_ASSERT(rows.Text(r, 0) == "t");
      Result<TransferRecord> t = PgTransferFromRow(rows, r, 1);
      if (!t.ok()) return t.status();
      order_.push_back(t->id);
      std::string id = t->id;
      transfers_.insert_or_assign(std::move(id), std::move(*t));
    }
    return Status::Ok();
  }

  Result<std::optional<TransferRecord>> FindTransfer(std::string_view id) override {
    auto it = transfers_.find(std::string(id));
    if (it == transfers_.end()) return std::optional<TransferRecord>();
    return std::optional<TransferRecord>(it->second);
  }
  Result<std::optional<AccountState>> FindAccount(std::string_view account) override {
    auto it = accounts_.find(std::string(account));
    if (it == accounts_.end()) return std::optional<AccountState>();
    return std::optional<AccountState>(it->second);
  }

  // Applies a settlement, so the next plan of the same write sees it.
  void Apply(const SettlePlan& plan) {
    transfers_.insert_or_assign(plan.transfer.id, plan.transfer);
    accounts_.insert_or_assign(plan.account.account, plan.account);
  }
  // Transfer ids in creation order, as the prefetch returned them.
  const std::vector<std::string>& order() const { return order_; }

 private:
  std::unordered_map<std::string, TransferRecord> transfers_;
  std::unordered_map<std::string, AccountState> accounts_;
  std::vector<std::string> order_;
};

namespace {

// The events of one write, chained from the tail.
struct EventArrays {
  PgArray seq, kind, payload, prev_hash, hash;
  int64_t count = 0;

  // Appends an event; returns its seq and moves the tail to it.
  int64_t Append(std::string_view event_kind, std::string body, int64_t* tail_seq,
                 std::string* tail_hash) {
    Event e = ChainEvent(*tail_seq + 1, event_kind, std::move(body), *tail_hash);
    seq.Add(e.seq);
    kind.Add(e.kind);
    payload.Add(e.payload);
    prev_hash.Add(e.prev_hash);
    hash.Add(e.hash);
    ++count;
    *tail_seq = e.seq;
    *tail_hash = std::move(e.hash);
    return *tail_seq;
  }
  void Add(const Event& e) {
    seq.Add(e.seq);
    kind.Add(e.kind);
    payload.Add(e.payload);
    prev_hash.Add(e.prev_hash);
    hash.Add(e.hash);
    ++count;
  }
  void AddTo(PgParams* params) {
    params->Add(seq.literal()).Add(kind.literal()).Add(payload.literal());
    params->Add(prev_hash.literal()).Add(hash.literal());
  }
};

}  // namespace

Status PostgresStore::CheckCounts(const PgRows& counts, int64_t transfers, int64_t events,
                                  int64_t accounts) {
  HF_ASSERT(counts.size() == 1);
  if (counts.Int(0, 0) == transfers && counts.Int(0, 1) == events && counts.Int(0, 2) == accounts) {
    return Status::Ok();
  }
  dirty_ = true;  // the statement ran: its transaction must not commit
  return Status::Corruption(fmt::format(
      "the ledger at {} changed under its lock: wrote {} transfers, {} events, {} accounts "
      "where {}, {}, {} were planned; nothing was kept",
      db_->where(), counts.Int(0, 0), counts.Int(0, 1), counts.Int(0, 2), transfers, events,
      accounts));
}

// Inserts `transfers` (each created by the event of the same index in
// `events`, in order) and `events`, and upserts `accounts`, in one statement.
Status PostgresStore::WriteRows(const std::vector<const TransferRecord*>& transfers,
                                const std::vector<Event>& events,
                                const std::vector<const AccountState*>& accounts) {
  HF_ASSERT(transfers.size() == events.size());
  PgArray t_seq, id, account, amount, state, shipment, on, created, settled, note, shipment_hash;
  EventArrays e;
  for (size_t i = 0; i < transfers.size(); ++i) {
    const TransferRecord& t = *transfers[i];
    t_seq.Add(events[i].seq);
    id.Add(t.id);
    account.Add(t.account);
    amount.Add(t.amount.milli());
    state.Add(WireName(t.state));
    shipment.Add(t.shipment_id);
    on.Add(t.on.ToString());
    created.Add(t.created_ns);
    settled.Add(t.settled_ns);
    note.Add(t.note);
    shipment_hash.Add(t.shipment_hash);
    e.Add(events[i]);
  }
  PgArray a_id, a_cap, a_posted, a_pending;
  for (const AccountState* a : accounts) {
    HF_ASSERT(!a->posted.is_negative());
    HF_ASSERT(!a->pending.is_negative());
    a_id.Add(a->account);
    a_cap.Add(a->cap);
    a_posted.Add(a->posted.milli());
    a_pending.Add(a->pending.milli());
  }
  PgParams params;
  for (PgArray* a : {&t_seq, &id, &account, &amount, &state, &shipment, &on, &created, &settled,
                     &note, &shipment_hash}) {
    params.Add(a->literal());
  }
  e.AddTo(&params);
  for (PgArray* a : {&a_id, &a_cap, &a_posted, &a_pending}) params.Add(a->literal());
  Result<PgRows> counts = db_->Run(pgsql::kWriteCreate, params, "recording transfers");
  if (!counts.ok()) return counts.status();
  return CheckCounts(*counts, static_cast<int64_t>(transfers.size()),
                     static_cast<int64_t>(events.size()), static_cast<int64_t>(accounts.size()));
}

Status PostgresStore::WriteCreate(const RecordPlan& plan, std::string_view kind) {
  HF_ASSERT(head_locked_);
  HF_ASSERT(plan.fresh.size() == plan.caps.size());
  if (plan.fresh.empty()) return Status::Ok();  // every transfer was done already
  int64_t seq = tail_seq_;
  std::string hash = tail_hash_;
  std::vector<const TransferRecord*> transfers;
  std::vector<Event> events;
  for (size_t i = 0; i < plan.fresh.size(); ++i) {
    events.push_back(
        ChainEvent(seq + 1, kind, CreatePayload(kind, plan.fresh[i], plan.caps[i]), hash));
    seq = events.back().seq;
    hash = events.back().hash;
    transfers.push_back(&plan.fresh[i]);
  }
  std::vector<const AccountState*> accounts;
  for (const AccountState& a : plan.accounts) accounts.push_back(&a);
  HF_RETURN_IF_ERROR(WriteRows(transfers, events, accounts));
  tail_seq_ = seq;
  tail_hash_ = std::move(hash);
  return Status::Ok();
}

Status PostgresStore::WriteSettles(const std::vector<SettlePlan>& plans) {
  HF_ASSERT(head_locked_);
  if (plans.empty()) return Status::Ok();
  int64_t seq = tail_seq_;
  std::string hash = tail_hash_;
  EventArrays events;
  PgArray id, state, settled, note;
  std::map<std::string, const AccountState*> after;  // the last after-state of each account
  for (const SettlePlan& p : plans) {
    const TransferRecord& t = p.transfer;
    HF_ASSERT(t.state != TransferState::kPending);
    std::string_view kind = t.state == TransferState::kPosted ? kEventPost : kEventVoid;
    events.Append(kind, SettlePayload(kind, t.id, t.settled_ns, t.note), &seq, &hash);
    id.Add(t.id);
    state.Add(WireName(t.state));
    settled.Add(t.settled_ns);
    note.Add(t.note);
    after[p.account.account] = &p.account;
  }
  PgArray a_id, a_posted, a_pending;
  for (const auto& [name, a] : after) {
    a_id.Add(name);
    a_posted.Add(a->posted.milli());
    a_pending.Add(a->pending.milli());
  }
  PgParams params;
  for (PgArray* a : {&id, &state, &settled, &note}) params.Add(a->literal());
  events.AddTo(&params);
  for (PgArray* a : {&a_id, &a_posted, &a_pending}) params.Add(a->literal());
  Result<PgRows> counts = db_->Run(pgsql::kWriteSettle, params, "settling transfers");
  if (!counts.ok()) return counts.status();
  HF_RETURN_IF_ERROR(CheckCounts(*counts, static_cast<int64_t>(plans.size()), events.count,
                                 static_cast<int64_t>(after.size())));
  tail_seq_ = seq;
  tail_hash_ = std::move(hash);
  return Status::Ok();
}

Status PostgresStore::RecordIn(std::span<const TransferRequest> transfers, RecordOutcome* outcome) {
  PgArray accounts, ids;
  std::vector<std::string_view> names;
  for (const TransferRequest& t : transfers) names.push_back(t.account);
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  for (std::string_view n : names) accounts.Add(n);
  for (const TransferRequest& t : transfers) ids.Add(t.id);
  PgParams params;
  params.Add(accounts.literal()).Add(ids.literal());
  Result<PgRows> rows = db_->Run(pgsql::kPrefetchRecord, params, "locking accounts");
  if (!rows.ok()) return rows.status();
  Lookup lookup;
  HF_RETURN_IF_ERROR(lookup.Load(*rows));
  Result<RecordPlan> plan = PlanRecord(transfers, NowNs(), &lookup);
  if (!plan.ok()) return plan.status();
  *outcome = plan->outcome;
  if (plan->outcome == RecordOutcome::kExists) return Status::Ok();
  if (plan->outcome != RecordOutcome::kOk) return plan->refusal;
  return WriteCreate(*plan, kEventTransfer);
}

RecordResult PostgresStore::Record(std::span<const TransferRequest> transfers) {
  RecordOutcome outcome = RecordOutcome::kOk;
  if (transfers.empty()) return RecordResultOf(batch_error_, outcome);
  if (in_batch_ && batch_error_.ok()) {
    Status cached = CachedRecord(transfers, &outcome);
    return RecordResultOf(cached, outcome);
  }
  Status written = Write([&] {
    outcome = RecordOutcome::kOk;
    return RecordIn(transfers, &outcome);
  });
  return RecordResultOf(written, outcome);
}

// The transfers `ids` that exist and their accounts, read and locked.
Result<PostgresStore::Lookup> PostgresStore::PrefetchTransfers(
    std::initializer_list<std::string_view> ids) {
  PgArray array;
  for (std::string_view id : ids) array.Add(id);
  PgParams params;
  params.Add(array.literal());
  Result<PgRows> rows = db_->Run(pgsql::kPrefetchSettle, params, "locking the transfer's account");
  if (!rows.ok()) return rows.status();
  Lookup lookup;
  HF_RETURN_IF_ERROR(lookup.Load(*rows));
  return lookup;
}

Status PostgresStore::SettleIn(std::string_view id, TransferState to, std::string_view note,
                               int64_t settled_ns, Settled* settled) {
  Result<Lookup> lookup = PrefetchTransfers({id});
  if (!lookup.ok()) return lookup.status();
  Result<SettlePlan> plan = PlanSettle(id, to, note, settled_ns, &*lookup);
  if (!plan.ok()) return plan.status();
  *settled = plan->already ? Settled::kAlready : Settled::kDone;
  return plan->already ? Status::Ok() : WriteSettles({std::move(*plan)});
}

Status PostgresStore::ReverseIn(std::string_view id, std::string_view reason, Settled* settled) {
  std::string reversal = ReversalId(id);
  Result<Lookup> lookup = PrefetchTransfers({id, reversal});
  if (!lookup.ok()) return lookup.status();
  Result<RecordPlan> plan = PlanReverse(id, reason, NowNs(), &*lookup);
  if (!plan.ok()) return plan.status();
  bool already = plan->outcome == RecordOutcome::kExists;
  *settled = already ? Settled::kAlready : Settled::kDone;
  return already ? Status::Ok() : WriteCreate(*plan, kEventReversal);
}

namespace {

// Runs one settlement; kAlready when it found nothing to change.
template <typename Settle>
Result<Settled> SettleWrite(Settle settle) {
  Settled settled = Settled::kDone;
  Status st = settle(&settled);
  if (!st.ok()) return st;
  return settled;
}

}  // namespace

Result<Settled> PostgresStore::Post(std::string_view transfer_id, const Grant& grant) {
  return SettleWrite([&](Settled* settled) {
    return Write([&] {
      return SettleIn(transfer_id, TransferState::kPosted, grant.Note(), grant.SettledNs(NowNs()),
                      settled);
    });
  });
}

Result<Settled> PostgresStore::Void(std::string_view transfer_id, std::string_view note) {
  return SettleWrite([&](Settled* settled) {
    return Write(
        [&] { return SettleIn(transfer_id, TransferState::kVoided, note, NowNs(), settled); });
  });
}

Result<Settled> PostgresStore::Reverse(std::string_view transfer_id, std::string_view reason) {
  return SettleWrite([&](Settled* settled) {
    return Write([&] { return ReverseIn(transfer_id, reason, settled); });
  });
}

Status PostgresStore::ExpireIn(int64_t cutoff_ns, int64_t* count) {
  PgParams params;
  params.Add(cutoff_ns);
  Result<PgRows> rows = db_->Run(pgsql::kPrefetchDue, params, "locking expired reservations");
  if (!rows.ok()) return rows.status();
  Lookup lookup;
  HF_RETURN_IF_ERROR(lookup.Load(*rows));
  int64_t now_ns = NowNs();
  std::vector<SettlePlan> plans;
  plans.reserve(lookup.order().size());
  for (const std::string& id : lookup.order()) {
    Result<SettlePlan> plan = PlanSettle(id, TransferState::kVoided, "expired", now_ns, &lookup);
    if (!plan.ok()) return plan.status();
    lookup.Apply(*plan);
    plans.push_back(std::move(*plan));
  }
  HF_RETURN_IF_ERROR(WriteSettles(plans));
  *count = static_cast<int64_t>(plans.size());
  return Status::Ok();
}

Result<int64_t> PostgresStore::ExpirePending(int64_t cutoff_ns) {
  int64_t count = 0;
  Status st = Write([&] { return ExpireIn(cutoff_ns, &count); });
  if (!st.ok()) return st;
  return count;
}

Status PostgresStore::SeedIn(std::string_view account, Fixed amount, std::string_view note) {
  std::string id = fmt::format("seed:{}:{}", account, tail_seq_ + 1);
  PgArray accounts, ids;
  accounts.Add(account);
  ids.Add(id);
  PgParams params;
  params.Add(accounts.literal()).Add(ids.literal());
  Result<PgRows> rows = db_->Run(pgsql::kPrefetchRecord, params, "locking the account");
  if (!rows.ok()) return rows.status();
  Lookup lookup;
  HF_RETURN_IF_ERROR(lookup.Load(*rows));
  Result<RecordPlan> plan = PlanSeed(std::move(id), account, amount, note, NowNs(), &lookup);
  if (!plan.ok()) return plan.status();
  return WriteCreate(*plan, kEventSeed);
}

Status PostgresStore::Seed(std::string_view account, Fixed amount, std::string_view note) {
  return Write([&] { return SeedIn(account, amount, note); });
}

}  // namespace highfence::ledger
