#include "ledger/memory_ledger.h"

#include <fmt/format.h>

#include "base/assert.h"

namespace highfence {

std::string PartySlug(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  bool dash = false;
  for (char ch : name) {
    char c = ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch;
    bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (keep) {
      if (dash && !out.empty()) out.push_back('-');
      out.push_back(c);
      dash = false;
    } else {
      dash = true;
    }
  }
  return out;
}

namespace ledger {

Result<AccountBalance> MemoryLedger::Balance(std::string_view account, std::string_view) {
  auto it = balances_.find(account);
  if (it == balances_.end()) return AccountBalance{};
  return it->second;
}

Status MemoryLedger::Record(std::span<const TransferRequest> transfers) {
  // Check every cap first, then apply: all or none.
  for (const TransferRequest& t : transfers) {
    HF_ASSERT(t.amount > Fixed());
    HF_ASSERT(t.state != TransferState::kVoided);
    if (!t.cap) continue;
    auto it = balances_.find(t.account);
    Fixed drawn = it == balances_.end() ? Fixed() : it->second.drawn();
    std::optional<Fixed> after = Fixed::Add(drawn, t.amount);
    if (!after || *after > *t.cap) {
      return Status::Conflict(fmt::format("account `{}` would pass its cap", t.account));
    }
  }
  for (const TransferRequest& t : transfers) {
    auto it = balances_.find(t.account);
    if (it == balances_.end()) it = balances_.emplace(t.account, AccountBalance{}).first;
    Fixed& field = t.state == TransferState::kPending ? it->second.pending : it->second.posted;
    std::optional<Fixed> sum = Fixed::Add(field, t.amount);
    if (!sum) return Status::LimitExceeded(fmt::format("account `{}` overflowed", t.account));
    field = *sum;
  }
  return Status::Ok();
}

}  // namespace ledger
}  // namespace highfence
