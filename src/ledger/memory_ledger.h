// MemoryLedger: balances kept in memory for one run of `check` (no --ledger).
//
// It keeps one balance per account and no transfer history, so its memory is
// bounded by the number of accounts, not by the length of the input. Every cap
// is checked on Record exactly as a durable store checks it.
//
// Thread safety: none; one run, one thread.
#ifndef HIGHFENCE_LEDGER_MEMORY_LEDGER_H_
#define HIGHFENCE_LEDGER_MEMORY_LEDGER_H_

#include <string>
#include <unordered_map>

#include "highfence/ledger.h"

namespace highfence::ledger {

class MemoryLedger : public Ledger {
 public:
  Result<AccountBalance> Balance(std::string_view account, std::string_view shipment_id) override;
  Status Record(std::span<const TransferRequest> transfers) override;
  size_t account_count() const { return balances_.size(); }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, AccountBalance, Hash, std::equal_to<>> balances_;
};

}  // namespace highfence::ledger

#endif  // HIGHFENCE_LEDGER_MEMORY_LEDGER_H_
