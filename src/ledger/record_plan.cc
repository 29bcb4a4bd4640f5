#include "ledger/record_plan.h"

#include <fmt/format.h>

#include "ledger/event_log.h"

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

// A refused plan: nothing to write.
RecordPlan Refuse(RecordOutcome outcome, Status why) {
  RecordPlan plan;
  plan.outcome = outcome;
  plan.refusal = std::move(why);
  return plan;
}

bool SameContent(const TransferRecord& o, const TransferRequest& t) {
  return o.account == t.account && o.amount == t.amount && o.shipment_hash == t.shipment_hash;
}

RecordPlan Mismatch(const TransferRecord& o, const TransferRequest& t) {
  std::string what = o.account != t.account || o.amount != t.amount
                         ? fmt::format(
                               "account `{}` and amount {}; this request has account `{}` "
                               "and amount {}",
                               o.account, o.amount.ToString(), t.account, t.amount.ToString())
                         : fmt::format(
                               "the content of shipment `{}` recorded as {}; this "
                               "request's is {}",
                               o.shipment_id, o.shipment_hash, t.shipment_hash);
  return Refuse(RecordOutcome::kIdMismatch,
                Status::Conflict(fmt::format("transfer `{}` exists with {}", t.id, what)));
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

// Adds `amount` to `a` in `state`, keeping posted + pending <= cap; a refused
// plan when it cannot.
std::optional<RecordPlan> Draw(AccountState* a, Fixed amount, TransferState state,
                               std::optional<Fixed> cap_new) {
  HF_ASSERT(amount > Fixed());
  HF_ASSERT(state != TransferState::kVoided);
  std::optional<Fixed> cap = cap_new ? cap_new : a->cap;
  Fixed* field = state == TransferState::kPending ? &a->pending : &a->posted;
  std::optional<Fixed> field_after = Fixed::Add(*field, amount);
  std::optional<Fixed> drawn = Fixed::Add(a->posted, a->pending);
  std::optional<Fixed> drawn_after = drawn ? Fixed::Add(*drawn, amount) : std::nullopt;
  if (!field_after || !drawn_after) {
    return Refuse(RecordOutcome::kOverflow,
                  Status::LimitExceeded(fmt::format("account `{}` would overflow", a->account)));
  }
  if (cap && *drawn_after > *cap) {
    return Refuse(RecordOutcome::kCapExceeded,
                  Status::Conflict(fmt::format(
                      "account `{}` would pass its cap: cap {}, drawn {}, this draw {}", a->account,
                      cap->ToString(), drawn->ToString(), amount.ToString())));
  }
  *field = *field_after;
  if (cap_new) a->cap = cap_new;
  // posted + pending is drawn_after, which fitted and kept the cap.
  HF_ASSERT(!a->cap || *drawn_after <= *a->cap);
  return std::nullopt;
}

// The transfer `t`'s id names already, in this request or in the store.
Result<std::optional<TransferRecord>> Existing(const TransferRequest& t, const RecordPlan& plan,
                                               RecordLookup* lookup) {
  for (const TransferRecord& f : plan.fresh) {
    if (f.id == t.id) return std::optional<TransferRecord>(f);
  }
  return lookup->FindTransfer(t.id);
}

TransferRecord Fresh(const TransferRequest& t, int64_t now_ns) {
  TransferRecord r;
  r.id = t.id;
  r.account = t.account;
  r.amount = t.amount;
  r.state = t.state;
  r.shipment_id = t.shipment_id;
  r.shipment_hash = t.shipment_hash;
  r.on = t.on;
  r.created_ns = now_ns;
  return r;
}

}  // namespace

Result<RecordPlan> PlanRecord(std::span<const TransferRequest> transfers, int64_t now_ns,
                              RecordLookup* lookup) {
  for (const TransferRequest& t : transfers) {
    Status invalid = CheckRequest(t);
    if (!invalid.ok()) return Refuse(RecordOutcome::kInvalid, std::move(invalid));
  }
  RecordPlan plan;
  plan.accounts.reserve(transfers.size());  // Touch hands out pointers into it
  for (const TransferRequest& t : transfers) {
    Result<std::optional<TransferRecord>> existing = Existing(t, plan, lookup);
    if (!existing.ok()) return existing.status();
    if (*existing) {
      if (!SameContent(**existing, t)) return Mismatch(**existing, t);
      continue;
    }
    Result<AccountState*> a = Touch(&plan.accounts, t.account, lookup);
    if (!a.ok()) return a.status();
    if (std::optional<RecordPlan> refused = Draw(*a, t.amount, t.state, t.cap)) return *refused;
    plan.fresh.push_back(Fresh(t, now_ns));
    plan.caps.push_back(t.cap);
  }
  HF_ASSERT(plan.fresh.size() == plan.caps.size());
  HF_ASSERT(plan.fresh.size() <= transfers.size());
  if (plan.fresh.empty()) plan.outcome = RecordOutcome::kExists;
  return plan;
}

RecordResult RecordResultOf(const Status& written, RecordOutcome outcome) {
  if (written.ok()) return RecordResult::Done(outcome);
  if (outcome != RecordOutcome::kOk && outcome != RecordOutcome::kExists) {
    return RecordResult::Refused(outcome, written);
  }
  return RecordResult::Refused(RecordOutcome::kUnavailable, written);
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
  if (plan->outcome != RecordOutcome::kOk && plan->outcome != RecordOutcome::kExists) {
    return plan->refusal;
  }
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
  if (t.state == to) {
    plan.already = true;
    return plan;
  }
  if (t.state != TransferState::kPending) {
    std::string_view instead =
        t.state == TransferState::kPosted ? ": a posted draw is given back with `reverse`" : "";
    return Status::Conflict(
        fmt::format("transfer `{}` is {}, not pending{}", id, WireName(t.state), instead));
  }
  Result<std::optional<AccountState>> a = lookup->FindAccount(t.account);
  if (!a.ok()) return a.status();
  if (!*a || (*a)->pending < t.amount) {
    return Status::Corruption(
        fmt::format("account `{}` does not hold pending transfer `{}`", t.account, id));
  }
  plan.account = std::move(**a);
  // pending >= amount > 0 (checked above): the difference fits.
  std::optional<Fixed> pending = Fixed::Sub(plan.account.pending, t.amount);
  HF_ASSERT(pending.has_value());
  plan.account.pending = *pending;
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

std::string ReversalId(std::string_view id) { return fmt::format("{}{}", kReversalPrefix, id); }

Result<RecordPlan> PlanReverse(std::string_view id, std::string_view reason, int64_t now_ns,
                               RecordLookup* lookup) {
  Result<std::optional<TransferRecord>> old = lookup->FindTransfer(id);
  if (!old.ok()) return old.status();
  if (!*old) return Status::NotFound(fmt::format("no transfer `{}`", id));
  const TransferRecord& o = **old;
  if (o.amount.is_negative() || id.starts_with(kReversalPrefix)) {
    return Status::Conflict(fmt::format("transfer `{}` is a reversal itself", id));
  }
  if (o.state != TransferState::kPosted) {
    std::string_view instead = o.state == TransferState::kPending ? ": void it instead" : "";
    return Status::Conflict(fmt::format("transfer `{}` is {}, not posted: nothing to give back{}",
                                        id, WireName(o.state), instead));
  }
  RecordPlan plan;
  Result<std::optional<TransferRecord>> done = lookup->FindTransfer(ReversalId(id));
  if (!done.ok()) return done.status();
  if (*done) {
    plan.outcome = RecordOutcome::kExists;
    return plan;
  }
  Result<std::optional<AccountState>> a = lookup->FindAccount(o.account);
  if (!a.ok()) return a.status();
  std::optional<Fixed> posted = *a ? Fixed::Sub((*a)->posted, o.amount) : std::nullopt;
  if (!posted || posted->is_negative()) {
    return Status::Corruption(
        fmt::format("account `{}` does not hold posted transfer `{}`", o.account, id));
  }
  plan.accounts.push_back(std::move(**a));
  plan.accounts.back().posted = *posted;
  TransferRecord r;
  r.id = ReversalId(id);
  r.account = o.account;
  r.amount = Fixed::FromMilli(-o.amount.milli());  // amounts > 0: the negation fits
  r.state = TransferState::kPosted;
  r.on = o.on;
  r.created_ns = now_ns;
  r.note = reason;
  plan.fresh.push_back(std::move(r));
  plan.caps.push_back(std::nullopt);  // the account keeps the cap it recorded
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
