#include "ledger/memory_ledger.h"

#include <fmt/format.h>

#include "highfence/assert.h"
#include "ledger/record_plan.h"

namespace highfence::ledger {
namespace {

Status Overflow(std::string_view account) {
  return Status::LimitExceeded(
      fmt::format("account `{}`: the store's balance and this run's draws overflow", account));
}

// a + b, or kLimitExceeded naming the account: balances are data.
Status AddTo(Fixed* a, Fixed b, std::string_view account) {
  std::optional<Fixed> sum = Fixed::Add(*a, b);
  if (!sum) return Overflow(account);
  *a = *sum;
  return Status::Ok();
}

}  // namespace

// RecordLookup over the base's rows plus this run's draws. An id
// "<shipment>/<account>" is found among the shipment's draws, any other id in
// other_ids_, and then in the base. `before` keeps each account as planned
// from, so Record can keep only what this run adds.
class MemoryLedger::Lookup : public RecordLookup {
 public:
  explicit Lookup(MemoryLedger* ledger) : ledger_(ledger) {}

  Result<std::optional<TransferRecord>> FindTransfer(std::string_view id) override {
    if (std::optional<TransferRecord> t = FindLocal(id)) return t;
    if (ledger_->base_ == nullptr) return std::optional<TransferRecord>();
    return ledger_->base_->FindTransfer(id);
  }

  Result<std::optional<AccountState>> FindAccount(std::string_view account) override {
    std::optional<AccountState> row;
    if (ledger_->base_ != nullptr) {
      Result<AccountState> shown = ledger_->base_->Show(account);
      if (shown.ok()) {
        row = *shown;
      } else if (shown.status().code() != Status::Code::kNotFound) {
        return shown.status();
      }
    }
    before_.push_back(row.value_or(AccountState{std::string(account), {}, {}, {}}));
    auto it = ledger_->drawn_.find(account);
    if (it == ledger_->drawn_.end()) return row;
    AccountState a = before_.back();
    HF_RETURN_IF_ERROR(AddTo(&a.posted, it->second.posted, account));
    HF_RETURN_IF_ERROR(AddTo(&a.pending, it->second.pending, account));
    if (it->second.cap) a.cap = it->second.cap;
    return std::optional<AccountState>(std::move(a));
  }

  // The base's row of `account` as the plan read it.
  const AccountState& Before(std::string_view account) const {
    for (const AccountState& a : before_) {
      if (a.account == account) return a;
    }
    HF_ASSERT(false && "every account of a plan was looked up");
    return before_.front();
  }

 private:
  std::optional<TransferRecord> FindLocal(std::string_view id) const {
    if (auto other = ledger_->other_ids_.find(id); other != ledger_->other_ids_.end()) {
      return other->second;
    }
    size_t slash = id.rfind('/');
    if (slash == std::string_view::npos) return std::nullopt;
    auto it = ledger_->shipments_.find(id.substr(0, slash));
    if (it == ledger_->shipments_.end()) return std::nullopt;
    for (const Draw& d : it->second.draws) {
      if (d.account != id.substr(slash + 1)) continue;
      TransferRecord t;
      t.id = id;
      t.account = d.account;
      t.amount = d.amount;
      t.state = d.state;
      t.shipment_id = it->first;
      t.shipment_hash = it->second.hash;
      return t;
    }
    return std::nullopt;
  }

  MemoryLedger* ledger_;
  std::vector<AccountState> before_;
};

Result<AccountBalance> MemoryLedger::Balance(std::string_view account,
                                             std::string_view shipment_id) {
  AccountBalance b;
  if (base_ != nullptr) {
    Result<AccountBalance> stored = base_->Balance(account, shipment_id);
    if (!stored.ok()) return stored;
    b = *stored;
  }
  auto it = drawn_.find(account);
  if (it == drawn_.end()) return b;
  HF_RETURN_IF_ERROR(AddTo(&b.posted, it->second.posted, account));
  HF_RETURN_IF_ERROR(AddTo(&b.pending, it->second.pending, account));
  auto mine = shipment_id.empty() ? shipments_.end() : shipments_.find(shipment_id);
  if (mine == shipments_.end()) return b;
  for (const Draw& d : mine->second.draws) {
    if (d.account != account) continue;
    // The run's own draw is part of what it added: the difference fits.
    Fixed& field = d.state == TransferState::kPending ? b.pending : b.posted;
    std::optional<Fixed> less = Fixed::Sub(field, d.amount);
    HF_ASSERT(less.has_value());
    field = *less;
  }
  return b;
}

Result<std::optional<std::vector<BaseAccount>>> MemoryLedger::DeclaredBase(
    std::string_view prefix) {
  if (base_ == nullptr) return std::optional<std::vector<BaseAccount>>();
  Result<std::optional<std::vector<BaseAccount>>> declared = base_->DeclaredBase(prefix);
  if (!declared.ok() || !declared->has_value()) return declared;
  for (BaseAccount& a : **declared) {
    auto it = drawn_.find(a.account);
    if (it == drawn_.end()) continue;
    HF_RETURN_IF_ERROR(AddTo(&a.drawn, it->second.posted, a.account));
    HF_RETURN_IF_ERROR(AddTo(&a.drawn, it->second.pending, a.account));
  }
  return declared;
}

Result<std::optional<std::string>> MemoryLedger::RecordedShipment(std::string_view shipment_id) {
  auto it = shipments_.find(shipment_id);
  if (it != shipments_.end()) return std::optional<std::string>(it->second.hash);
  if (base_ == nullptr) return std::optional<std::string>();
  return base_->RecordedShipment(shipment_id);
}

Result<bool> MemoryLedger::HoldsShipments() {
  if (!shipments_.empty()) return true;
  return base_ == nullptr ? Result<bool>(false) : base_->HoldsShipments();
}

Status MemoryLedger::PrepareShipments(std::span<const std::string_view> shipment_ids) {
  return base_ == nullptr ? Status::Ok() : base_->PrepareShipments(shipment_ids);
}

RecordResult MemoryLedger::Record(std::span<const TransferRequest> transfers) {
  Lookup lookup(this);
  Result<RecordPlan> plan = PlanRecord(transfers, 0, &lookup);
  if (!plan.ok()) return RecordResultOf(plan.status(), RecordOutcome::kOk);
  if (plan->outcome != RecordOutcome::kOk) return RecordResultOf(plan->refusal, plan->outcome);
  for (AccountState& after : plan->accounts) {
    // after = before + this run's draws, all non-negative: the differences fit.
    const AccountState& before = lookup.Before(after.account);
    std::optional<Fixed> posted = Fixed::Sub(after.posted, before.posted);
    std::optional<Fixed> pending = Fixed::Sub(after.pending, before.pending);
    HF_ASSERT(posted.has_value() && pending.has_value());
    drawn_[after.account] = Drawn{*posted, *pending, after.cap};
  }
  for (TransferRecord& t : plan->fresh) {
    bool default_id = !t.shipment_id.empty() &&
                      t.id.size() == t.shipment_id.size() + 1 + t.account.size() &&
                      t.id.starts_with(t.shipment_id) && t.id[t.shipment_id.size()] == '/' &&
                      t.id.ends_with(t.account);
    if (!default_id) {
      std::string id = t.id;
      other_ids_.emplace(std::move(id), std::move(t));
      continue;
    }
    ShipmentDraws& s = shipments_[t.shipment_id];
    s.hash = std::move(t.shipment_hash);
    s.draws.push_back(Draw{std::move(t.account), t.amount, t.state});
  }
  return RecordResult::Done(RecordOutcome::kOk);
}

}  // namespace highfence::ledger
