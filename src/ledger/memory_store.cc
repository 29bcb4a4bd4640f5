#include "ledger/memory_store.h"

#include <fmt/format.h>

#include <algorithm>

#include "ledger/event_log.h"
#include "ledger/verify.h"

namespace highfence::ledger {

class MemoryStore::Lookup : public RecordLookup {
 public:
  explicit Lookup(MemoryStore* store) : store_(store) {}
  Result<std::optional<TransferRecord>> FindTransfer(std::string_view id) override {
    auto it = store_->by_id_.find(std::string(id));
    if (it == store_->by_id_.end()) return std::optional<TransferRecord>();
    return std::optional<TransferRecord>(store_->transfers_[it->second]);
  }
  Result<std::optional<AccountState>> FindAccount(std::string_view account) override {
    auto it = store_->accounts_.find(account);
    if (it == store_->accounts_.end()) return std::optional<AccountState>();
    return std::optional<AccountState>(it->second);
  }

 private:
  MemoryStore* store_;
};

Result<AccountBalance> MemoryStore::Balance(std::string_view account,
                                            std::string_view shipment_id) {
  auto it = accounts_.find(account);
  if (it == accounts_.end()) return AccountBalance{};
  // Leave out every transfer recorded from this shipment's first draw on the
  // account onwards: the account as the shipment first saw it.
  AccountBalance later;
  auto mine = by_shipment_.find(std::string(shipment_id));
  if (!shipment_id.empty() && mine != by_shipment_.end()) {
    size_t first = transfers_.size();
    for (size_t i : mine->second) {
      if (transfers_[i].account == account) first = std::min(first, i);
    }
    for (size_t i = first; i < transfers_.size(); ++i) {
      const TransferRecord& t = transfers_[i];
      if (t.account != account || t.state == TransferState::kVoided) continue;
      Fixed* field = t.state == TransferState::kPosted ? &later.posted : &later.pending;
      *field = *Fixed::Add(*field, t.amount);  // bounded by the account's own sum
    }
  }
  return BalanceOf(it->second, later);
}

void MemoryStore::Append(std::string_view kind, std::string payload) {
  std::string_view prev = events_.empty() ? kGenesisHash : std::string_view(events_.back().hash);
  int64_t seq = static_cast<int64_t>(events_.size()) + 1;
  events_.push_back(ChainEvent(seq, kind, std::move(payload), prev));
}

void MemoryStore::Apply(const RecordPlan& plan, std::string_view kind) {
  for (size_t i = 0; i < plan.fresh.size(); ++i) {
    const TransferRecord& t = plan.fresh[i];
    HF_ASSERT(by_id_.count(t.id) == 0);
    Append(kind, CreatePayload(kind, t, plan.caps[i]));
    by_id_.emplace(t.id, transfers_.size());
    by_shipment_[t.shipment_id].push_back(transfers_.size());
    transfers_.push_back(t);
  }
  for (const AccountState& a : plan.accounts) accounts_[a.account] = a;
}

RecordResult MemoryStore::Record(std::span<const TransferRequest> transfers) {
  Lookup lookup(this);
  Result<RecordPlan> plan = PlanRecord(transfers, NowNs(), &lookup);
  if (!plan.ok()) return RecordResultOf(plan.status(), RecordOutcome::kOk);
  if (plan->outcome != RecordOutcome::kOk) return RecordResultOf(plan->refusal, plan->outcome);
  Apply(*plan, kEventTransfer);
  return RecordResult::Done(RecordOutcome::kOk);
}

Result<std::optional<std::string>> MemoryStore::RecordedShipment(std::string_view shipment_id) {
  auto it = by_shipment_.find(std::string(shipment_id));
  if (shipment_id.empty() || it == by_shipment_.end() || it->second.empty()) {
    return std::optional<std::string>();
  }
  return std::optional<std::string>(transfers_[it->second.front()].shipment_hash);
}

Result<bool> MemoryStore::HoldsShipments() {
  for (const auto& [shipment, indexes] : by_shipment_) {
    if (!shipment.empty() && !indexes.empty()) return true;
  }
  return false;
}

Result<std::optional<TransferRecord>> MemoryStore::FindTransfer(std::string_view id) {
  Lookup lookup(this);
  return lookup.FindTransfer(id);
}

Result<Settled> MemoryStore::Settle(std::string_view id, TransferState to, std::string_view note,
                                    int64_t settled_ns) {
  Lookup lookup(this);
  Result<SettlePlan> plan = PlanSettle(id, to, note, settled_ns, &lookup);
  if (!plan.ok()) return plan.status();
  if (plan->already) return Settled::kAlready;
  std::string_view kind = to == TransferState::kPosted ? kEventPost : kEventVoid;
  Append(kind, SettlePayload(kind, id, settled_ns, note));
  transfers_[by_id_.at(std::string(id))] = plan->transfer;
  accounts_[plan->account.account] = plan->account;
  return Settled::kDone;
}

Result<Settled> MemoryStore::Post(std::string_view transfer_id, const Grant& grant) {
  return Settle(transfer_id, TransferState::kPosted, grant.Note(), grant.SettledNs(NowNs()));
}

Result<Settled> MemoryStore::Void(std::string_view transfer_id, std::string_view note) {
  return Settle(transfer_id, TransferState::kVoided, note, NowNs());
}

Result<Settled> MemoryStore::Reverse(std::string_view transfer_id, std::string_view reason) {
  Lookup lookup(this);
  Result<RecordPlan> plan = PlanReverse(transfer_id, reason, NowNs(), &lookup);
  if (!plan.ok()) return plan.status();
  if (plan->outcome == RecordOutcome::kExists) return Settled::kAlready;
  Apply(*plan, kEventReversal);
  return Settled::kDone;
}

Result<int64_t> MemoryStore::ExpirePending(int64_t cutoff_ns) {
  std::vector<std::string> due;
  for (const TransferRecord& t : transfers_) {
    if (t.state == TransferState::kPending && t.created_ns < cutoff_ns) due.push_back(t.id);
  }
  int64_t now_ns = NowNs();
  for (const std::string& id : due) {
    Result<Settled> voided = Settle(id, TransferState::kVoided, "expired", now_ns);
    if (!voided.ok()) return voided.status();
  }
  return static_cast<int64_t>(due.size());
}

Result<AccountState> MemoryStore::Show(std::string_view account) {
  auto it = accounts_.find(account);
  if (it == accounts_.end()) return Status::NotFound(fmt::format("no account `{}`", account));
  return it->second;
}

Result<std::vector<AccountState>> MemoryStore::List(std::string_view prefix) {
  std::vector<AccountState> out;
  for (auto it = accounts_.lower_bound(prefix); it != accounts_.end(); ++it) {
    if (!it->first.starts_with(prefix)) break;
    out.push_back(it->second);
  }
  return out;
}

Result<bool> MemoryStore::HasTransferWithPrefix(std::string_view prefix) {
  for (const TransferRecord& t : transfers_) {
    if (t.id.starts_with(prefix)) return true;
  }
  return false;
}

Result<std::vector<TransferRecord>> MemoryStore::History(std::string_view account) {
  std::vector<TransferRecord> out;
  for (const TransferRecord& t : transfers_) {
    if (t.account == account) out.push_back(t);
  }
  return out;
}

Result<std::vector<TransferRecord>> MemoryStore::Transfers() { return transfers_; }

Status MemoryStore::Seed(std::string_view account, Fixed amount, std::string_view note) {
  Lookup lookup(this);
  std::string id = fmt::format("seed:{}:{}", account, events_.size() + 1);
  Result<RecordPlan> plan = PlanSeed(std::move(id), account, amount, note, NowNs(), &lookup);
  if (!plan.ok()) return plan.status();
  Apply(*plan, kEventSeed);
  return Status::Ok();
}

Result<VerifyReport> MemoryStore::Verify() {
  std::vector<AccountState> accounts;
  accounts.reserve(accounts_.size());
  for (const auto& [id, a] : accounts_) accounts.push_back(a);
  return VerifyLedger(events_, transfers_, accounts);
}

}  // namespace highfence::ledger
