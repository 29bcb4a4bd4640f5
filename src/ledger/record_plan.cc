#include "ledger/record_plan.h"

#include <fmt/format.h>

namespace highfence::ledger {
namespace {

Status CheckRequest(const TransferRequest& t) {
  if (t.id.empty()) return Status::InvalidArgument("a transfer needs an id");
  if (t.account.empty()) {
    return Status::InvalidArgument(fmt::format("transfer `{}` needs an account", t.id));
  }
  if (t.amount <= Fixed()) {
    return Status::InvalidArgument(
        fmt::format("transfer `{}`: amount {} is not positive", t.id, t.amount.ToString()));
  }
  if (t.state == TransferState::kVoided) {
    return Status::InvalidArgument(fmt::format("transfer `{}` cannot be recorded voided", t.id));
  }
  if (t.cap && t.cap->is_negative()) {
    return Status::InvalidArgument(fmt::format("transfer `{}`: negative cap", t.id));
  }
  return Status::Ok();
}

Status Mismatch(std::string_view id, std::string_view account_old, Fixed amount_old,
                const TransferRequest& t) {
  return Status::Conflict(fmt::format(
      "transfer `{}` exists with account `{}` and amount {}; this request has account `{}` and "
      "amount {}",
      id, account_old, amount_old.ToString(), t.account, t.amount.ToString()));
}

// The after-state of `name` in `accounts`, loaded from the lookup on first use.
Result<AccountState*> Touch(std::vector<AccountState>* accounts, std::string_view name,
                            RecordLookup* lookup) {
  for (AccountState& a : *accounts) {
    if (a.account == name) return &a;
  }
  Result<std::optional<AccountState>> found = lookup->FindAccount(name);
  if (!found.ok()) return found.status();
  AccountState a;
  if (*found) a = **found;
  a.account = name;
  accounts->push_back(std::move(a));
  return &accounts->back();
}

// Adds `amount` to `a` in `state`, keeping posted + pending <= cap.
Status Draw(AccountState* a, Fixed amount, TransferState state, std::optional<Fixed> cap_new) {
  HF_ASSERT(amount > Fixed());
  HF_ASSERT(state != TransferState::kVoided);
  std::optional<Fixed> cap = cap_new ? cap_new : a->cap;
  Fixed* field = state == TransferState::kPending ? &a->pending : &a->posted;
  std::optional<Fixed> field_after = Fixed::Add(*field, amount);
  std::optional<Fixed> drawn = Fixed::Add(a->posted, a->pending);
  std::optional<Fixed> drawn_after = drawn ? Fixed::Add(*drawn, amount) : std::nullopt;
  if (!field_after || !drawn_after) {
    return Status::LimitExceeded(fmt::format("account `{}` would overflow", a->account));
  }
  if (cap && *drawn_after > *cap) {
    return Status::Conflict(
        fmt::format("account `{}` would pass its cap: cap {}, drawn {}, this draw {}", a->account,
                    cap->ToString(), drawn->ToString(), amount.ToString()));
  }
  *field = *field_after;
  if (cap_new) a->cap = cap_new;
  HF_ASSERT(!a->cap || *Fixed::Add(a->posted, a->pending) <= *a->cap);
  return Status::Ok();
}

// Skips `t` (true) when its id was seen already with the same account and
// amount, in this request or in the store; kConflict when with others.
Result<bool> AlreadyDone(const TransferRequest& t, const RecordPlan& plan, RecordLookup* lookup) {
  for (const TransferRecord& f : plan.fresh) {
    if (f.id != t.id) continue;
    if (f.account == t.account && f.amount == t.amount) return true;
    return Mismatch(t.id, f.account, f.amount, t);
  }
  Result<std::optional<TransferRecord>> old = lookup->FindTransfer(t.id);
  if (!old.ok()) return old.status();
  if (!*old) return false;
  const TransferRecord& o = **old;
  if (o.account == t.account && o.amount == t.amount) return true;
  return Mismatch(t.id, o.account, o.amount, t);
}

TransferRecord Fresh(const TransferRequest& t, int64_t now_ns) {
  TransferRecord r;
  r.id = t.id;
  r.account = t.account;
  r.amount = t.amount;
  r.state = t.state;
  r.shipment_id = t.shipment_id;
  r.on = t.on;
  r.created_ns = now_ns;
  return r;
}

}  // namespace

Result<RecordPlan> PlanRecord(std::span<const TransferRequest> transfers, int64_t now_ns,
                              RecordLookup* lookup) {
  for (const TransferRequest& t : transfers) HF_RETURN_IF_ERROR(CheckRequest(t));
  RecordPlan plan;
  plan.accounts.reserve(transfers.size());  // Touch hands out pointers into it
  for (const TransferRequest& t : transfers) {
    Result<bool> done = AlreadyDone(t, plan, lookup);
    if (!done.ok()) return done.status();
    if (*done) continue;
    Result<AccountState*> a = Touch(&plan.accounts, t.account, lookup);
    if (!a.ok()) return a.status();
    HF_RETURN_IF_ERROR(Draw(*a, t.amount, t.state, t.cap));
    plan.fresh.push_back(Fresh(t, now_ns));
    plan.caps.push_back(t.cap);
  }
  HF_ASSERT(plan.fresh.size() == plan.caps.size());
  HF_ASSERT(plan.fresh.size() <= transfers.size());
  return plan;
}

Result<RecordPlan> PlanSeed(std::string id, std::string_view account, Fixed amount,
                            std::string_view note, int64_t now_ns, RecordLookup* lookup) {
  TransferRequest t;
  t.id = std::move(id);
  t.account = account;
  t.amount = amount;
  t.state = TransferState::kPosted;
  t.on = DateOfNs(now_ns);
  Result<RecordPlan> plan = PlanRecord(std::span<const TransferRequest>(&t, 1), now_ns, lookup);
  if (!plan.ok()) return plan.status();
  if (plan->fresh.size() != 1) {
    return Status::Conflict(fmt::format("seed transfer `{}` exists already", t.id));
  }
  plan->fresh[0].note = note;
  return plan;
}

Result<SettlePlan> PlanSettle(std::string_view id, TransferState to, std::string_view note,
                              int64_t now_ns, RecordLookup* lookup) {
  HF_ASSERT(to != TransferState::kPending);
  Result<std::optional<TransferRecord>> old = lookup->FindTransfer(id);
  if (!old.ok()) return old.status();
  if (!*old) return Status::NotFound(fmt::format("no transfer `{}`", id));
  SettlePlan plan{std::move(**old), {}};
  TransferRecord& t = plan.transfer;
  if (t.state != TransferState::kPending) {
    return Status::Conflict(fmt::format("transfer `{}` is {}, not pending", id, WireName(t.state)));
  }
  Result<std::optional<AccountState>> a = lookup->FindAccount(t.account);
  if (!a.ok()) return a.status();
  if (!*a || (*a)->pending < t.amount) {
    return Status::Corruption(
        fmt::format("account `{}` does not hold pending transfer `{}`", t.account, id));
  }
  plan.account = std::move(**a);
  plan.account.pending = *Fixed::Sub(plan.account.pending, t.amount);
  if (to == TransferState::kPosted) {
    std::optional<Fixed> posted = Fixed::Add(plan.account.posted, t.amount);
    if (!posted)
      return Status::LimitExceeded(fmt::format("account `{}` would overflow", t.account));
    plan.account.posted = *posted;
  }
  t.state = to;
  t.settled_ns = now_ns;
  t.note = note;
  return plan;
}

Result<AccountBalance> BalanceOf(const AccountState& row, AccountBalance own) {
  std::optional<Fixed> drawn = Fixed::Add(row.posted, row.pending);
  if (!drawn || row.posted.is_negative() || row.pending.is_negative() ||
      (row.cap && *drawn > *row.cap)) {
    return Status::Corruption(fmt::format(
        "account `{}`: posted {} + pending {} break its cap {}", row.account, row.posted.ToString(),
        row.pending.ToString(), row.cap ? row.cap->ToString() : "none"));
  }
  std::optional<Fixed> posted = Fixed::Sub(row.posted, own.posted);
  std::optional<Fixed> pending = Fixed::Sub(row.pending, own.pending);
  if (!posted || !pending || posted->is_negative() || pending->is_negative()) {
    return Status::Corruption(
        fmt::format("account `{}`: its own shipment's transfers exceed its balance", row.account));
  }
  return AccountBalance{*posted, *pending};
}

}  // namespace highfence::ledger
