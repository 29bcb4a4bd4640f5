#include "ledger/memory_ledger.h"

#include <fmt/format.h>

#include "highfence/assert.h"

namespace highfence {

namespace ledger {

Result<AccountBalance> MemoryLedger::Balance(std::string_view account, std::string_view) {
  auto it = balances_.find(account);
  if (it == balances_.end()) return AccountBalance{};
  return it->second;
}

Status MemoryLedger::Record(std::span<const TransferRequest> transfers) {
  // First pass: every sum the batch would produce, per account and field, with
  // earlier transfers of the same batch counted; nothing is written unless all
  // fit and none overflows.
  std::vector<std::pair<const TransferRequest*, AccountBalance>> after;
  after.reserve(transfers.size());
  for (const TransferRequest& t : transfers) {
    HF_ASSERT(t.amount > Fixed());
    HF_ASSERT(t.state != TransferState::kVoided);
    AccountBalance b{};
    bool found = false;
    for (auto it = after.rbegin(); it != after.rend() && !found; ++it) {
      if (it->first->account == t.account) {
        b = it->second;
        found = true;
      }
    }
    if (!found) {
      auto stored = balances_.find(t.account);
      if (stored != balances_.end()) b = stored->second;
    }
    Fixed& field = t.state == TransferState::kPending ? b.pending : b.posted;
    std::optional<Fixed> sum = Fixed::Add(field, t.amount);
    if (!sum) return Status::LimitExceeded(fmt::format("account `{}` would overflow", t.account));
    field = *sum;
    std::optional<Fixed> drawn = Fixed::Add(b.posted, b.pending);
    if (t.cap && (!drawn || *drawn > *t.cap)) {
      return Status::Conflict(fmt::format("account `{}` would pass its cap", t.account));
    }
    after.emplace_back(&t, b);
  }
  for (const auto& [t, b] : after) balances_[t->account] = b;
  return Status::Ok();
}

}  // namespace ledger
}  // namespace highfence
