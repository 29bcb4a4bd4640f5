#include "ledger/verify.h"

#include <fmt/format.h>

#include <map>
#include <unordered_map>

#include "ledger/event_log.h"

namespace highfence::ledger {
namespace {

struct Replayed {
  TransferRecord transfer;
  int64_t seq = 0;  // the event that created it
  bool matched = false;
};

struct AccountSums {
  Fixed posted;
  Fixed pending;
  std::optional<Fixed> cap;  // the last cap recorded by a create event
  bool overflow = false;
};

class Replay {
 public:
  // Applies event `e`; returns a problem, or "" when it applies.
  std::string Apply(const Event& e) {
    Result<EventFact> fact = ParsePayload(e.payload);
    if (!fact.ok()) return fmt::format("event {}: {}", e.seq, fact.status().message());
    if (fact->kind != e.kind) {
      return fmt::format("event {}: kind `{}` but its payload says `{}`", e.seq, e.kind,
                         fact->kind);
    }
    if (CreatesTransfer(e.kind)) {
      std::string problem = CheckSign(e, fact->transfer);
      return problem.empty() ? Create(e.seq, std::move(*fact)) : problem;
    }
    auto it = transfers_.find(fact->id);
    if (it == transfers_.end()) {
      return fmt::format("event {}: settles transfer `{}`, which no event created", e.seq,
                         fact->id);
    }
    TransferRecord& t = it->second.transfer;
    if (t.state != TransferState::kPending) {
      return fmt::format("event {}: settles transfer `{}`, which is {}", e.seq, t.id,
                         WireName(t.state));
    }
    t.state = e.kind == kEventPost ? TransferState::kPosted : TransferState::kVoided;
    t.settled_ns = fact->settled_ns;
    t.note = std::move(fact->note);
    return "";
  }

  // A draw is positive; a reversal gives back a posted draw of the same
  // account whole, once (the id says which: reversal:ID).
  std::string CheckSign(const Event& e, const TransferRecord& t) const {
    if (e.kind != kEventReversal) {
      if (t.amount > Fixed()) return "";
      return fmt::format("event {}: transfer `{}` draws {}, not a positive amount", e.seq, t.id,
                         t.amount.ToString());
    }
    std::string_view id = t.id;
    auto it = id.starts_with(kReversalPrefix)
                  ? transfers_.find(std::string(id.substr(kReversalPrefix.size())))
                  : transfers_.end();
    if (it == transfers_.end()) {
      return fmt::format("event {}: reversal `{}` names no transfer created before it", e.seq, id);
    }
    const TransferRecord& o = it->second.transfer;
    if (o.state != TransferState::kPosted || o.amount <= Fixed() || o.account != t.account ||
        t.state != TransferState::kPosted || t.amount.milli() != -o.amount.milli()) {
      return fmt::format(
          "event {}: reversal `{}` does not give back posted transfer `{}` ({} on `{}`)", e.seq, id,
          o.id, o.amount.ToString(), o.account);
    }
    return "";
  }

  std::unordered_map<std::string, Replayed>& transfers() { return transfers_; }
  std::map<std::string, std::optional<Fixed>>& caps() { return caps_; }

 private:
  std::string Create(int64_t seq, EventFact fact) {
    if (transfers_.count(fact.id) != 0) {
      return fmt::format("event {}: creates transfer `{}` a second time", seq, fact.id);
    }
    std::optional<Fixed>& cap = caps_[fact.transfer.account];
    if (fact.cap) cap = fact.cap;
    std::string id = fact.id;
    transfers_.emplace(std::move(id), Replayed{std::move(fact.transfer), seq, false});
    return "";
  }

  std::unordered_map<std::string, Replayed> transfers_;
  std::map<std::string, std::optional<Fixed>> caps_;
};

std::string CheckChain(std::span<const Event> events, Replay* replay) {
  std::string_view prev = kGenesisHash;
  int64_t seq_expected = 1;
  for (const Event& e : events) {
    if (e.seq != seq_expected) {
      return fmt::format("event {}: expected seq {} (an event is missing or out of order)", e.seq,
                         seq_expected);
    }
    if (e.prev_hash != prev) {
      return fmt::format("event {}: prev_hash does not match the hash of event {}", e.seq,
                         e.seq - 1);
    }
    if (ChainHash(e.prev_hash, e.payload) != e.hash) {
      return fmt::format("event {}: hash mismatch", e.seq);
    }
    std::string problem = replay->Apply(e);
    if (!problem.empty()) return problem;
    prev = e.hash;
    ++seq_expected;
  }
  return "";
}

std::string OptionalText(const std::optional<Fixed>& v) { return v ? v->ToString() : "none"; }

// The first field in which a transfer row differs from its replay, or "".
std::string Differs(const TransferRecord& row, const Replayed& r) {
  const TransferRecord& t = r.transfer;
  auto say = [&](std::string_view field, std::string_view table, std::string_view events) {
    return fmt::format("transfer `{}`: {} {} in the table but {} in its events (event {})", row.id,
                       field, table, events, r.seq);
  };
  if (row.account != t.account) return say("account", row.account, t.account);
  if (row.amount != t.amount) return say("amount", row.amount.ToString(), t.amount.ToString());
  if (row.state != t.state) return say("state", WireName(row.state), WireName(t.state));
  if (row.shipment_id != t.shipment_id) return say("shipment_id", row.shipment_id, t.shipment_id);
  if (row.shipment_hash != t.shipment_hash) {
    return say("shipment_hash", row.shipment_hash, t.shipment_hash);
  }
  if (row.on != t.on) return say("date", row.on.ToString(), t.on.ToString());
  if (row.created_ns != t.created_ns) {
    return say("created_ns", std::to_string(row.created_ns), std::to_string(t.created_ns));
  }
  if (row.settled_ns != t.settled_ns) {
    return say("settled_ns", std::to_string(row.settled_ns), std::to_string(t.settled_ns));
  }
  if (row.note != t.note) return say("note", row.note, t.note);
  return "";
}

std::string CheckTransfers(std::span<const TransferRecord> rows, Replay* replay) {
  for (const TransferRecord& row : rows) {
    auto it = replay->transfers().find(row.id);
    if (it == replay->transfers().end()) {
      return fmt::format("transfer `{}`: in the table but in no event", row.id);
    }
    if (it->second.matched) return fmt::format("transfer `{}`: in the table twice", row.id);
    it->second.matched = true;
    std::string problem = Differs(row, it->second);
    if (!problem.empty()) return problem;
  }
  const Replayed* missing = nullptr;
  for (const auto& [id, r] : replay->transfers()) {
    if (!r.matched && (missing == nullptr || r.seq < missing->seq)) missing = &r;
  }
  if (missing != nullptr) {
    return fmt::format("transfer `{}` (event {}): missing from the table", missing->transfer.id,
                       missing->seq);
  }
  return "";
}

std::map<std::string, AccountSums> SumTransfers(std::span<const TransferRecord> rows,
                                                Replay* replay) {
  std::map<std::string, AccountSums> sums;
  for (const auto& [account, cap] : replay->caps()) sums[account].cap = cap;
  for (const TransferRecord& t : rows) {
    AccountSums& s = sums[t.account];
    if (t.state == TransferState::kVoided) continue;
    Fixed* field = t.state == TransferState::kPosted ? &s.posted : &s.pending;
    std::optional<Fixed> sum = Fixed::Add(*field, t.amount);
    s.overflow = s.overflow || !sum;
    if (sum) *field = *sum;
  }
  return sums;
}

std::string CheckAccount(const AccountState& row, const AccountSums& s) {
  std::string_view id = row.account;
  if (s.overflow) return fmt::format("account `{}`: its transfers overflow", id);
  if (row.posted != s.posted) {
    return fmt::format("account `{}`: posted {} but transfers sum to {}", id, row.posted.ToString(),
                       s.posted.ToString());
  }
  if (row.pending != s.pending) {
    return fmt::format("account `{}`: pending {} but transfers sum to {}", id,
                       row.pending.ToString(), s.pending.ToString());
  }
  if (row.cap != s.cap) {
    return fmt::format("account `{}`: cap {} but its events record {}", id, OptionalText(row.cap),
                       OptionalText(s.cap));
  }
  std::optional<Fixed> drawn = Fixed::Add(row.posted, row.pending);
  if (row.cap && (!drawn || *drawn > *row.cap)) {
    return fmt::format("account `{}`: posted {} + pending {} pass its cap {}", id,
                       row.posted.ToString(), row.pending.ToString(), row.cap->ToString());
  }
  return "";
}

std::string CheckAccounts(std::span<const AccountState> rows,
                          std::map<std::string, AccountSums> sums) {
  for (const AccountState& row : rows) {
    auto it = sums.find(row.account);
    if (it == sums.end()) {
      if (row.posted.is_zero() && row.pending.is_zero() && !row.cap) continue;
      return fmt::format("account `{}`: holds posted {} and pending {} but has no transfers",
                         row.account, row.posted.ToString(), row.pending.ToString());
    }
    std::string problem = CheckAccount(row, it->second);
    if (!problem.empty()) return problem;
    sums.erase(it);
  }
  for (const auto& [account, s] : sums) {
    return fmt::format("account `{}`: missing, but transfers draw posted {} and pending {} on it",
                       account, s.posted.ToString(), s.pending.ToString());
  }
  return "";
}

}  // namespace

VerifyReport VerifyLedger(std::span<const Event> events, std::span<const TransferRecord> transfers,
                          std::span<const AccountState> accounts) {
  VerifyReport report;
  report.events = static_cast<int64_t>(events.size());
  report.transfers = static_cast<int64_t>(transfers.size());
  report.accounts = static_cast<int64_t>(accounts.size());
  report.head_hash = events.empty() ? std::string(kGenesisHash) : events.back().hash;
  Replay replay;
  std::string problem = CheckChain(events, &replay);
  if (problem.empty()) problem = CheckTransfers(transfers, &replay);
  if (problem.empty()) problem = CheckAccounts(accounts, SumTransfers(transfers, &replay));
  report.ok = problem.empty();
  report.problem = std::move(problem);
  HF_ASSERT(report.ok == report.problem.empty());
  return report;
}

}  // namespace highfence::ledger
