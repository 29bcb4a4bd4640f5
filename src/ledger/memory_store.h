// MemoryStore: the whole LedgerStore model in memory (transfers, events, hash
// chain), for tests and for `--ledger memory:`. It follows the same write rules
// (ledger/record_plan.h) and writes the same events (ledger/event_log.h) as the
// durable stores, so the storage contract suite runs on it unchanged. Nothing
// survives the object. Unlike MemoryLedger (the balance-only ledger of a plain
// `check` run) it keeps every transfer, so its memory grows with the input.
//
// Thread safety: one thread at a time (as every LedgerStore object).
#ifndef HIGHFENCE_LEDGER_MEMORY_STORE_H_
#define HIGHFENCE_LEDGER_MEMORY_STORE_H_

#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "ledger/record_plan.h"
#include "ledger/store.h"

namespace highfence::ledger {

class MemoryStore : public LedgerStore {
 public:
  MemoryStore() = default;

  Result<AccountBalance> Balance(std::string_view account, std::string_view shipment_id) override;
  RecordResult Record(std::span<const TransferRequest> transfers) override;
  Result<std::optional<std::string>> RecordedShipment(std::string_view shipment_id) override;
  Result<bool> HoldsShipments() override;
  Result<std::optional<TransferRecord>> FindTransfer(std::string_view id) override;
  Result<Settled> Post(std::string_view transfer_id, const Grant& grant) override;
  Result<Settled> Void(std::string_view transfer_id, std::string_view note) override;
  Result<Settled> Reverse(std::string_view transfer_id, std::string_view reason) override;
  Result<int64_t> ExpirePending(int64_t cutoff_ns) override;
  Result<AccountState> Show(std::string_view account) override;
  Result<std::vector<AccountState>> List(std::string_view prefix) override;
  Result<bool> HasTransferWithPrefix(std::string_view prefix) override;
  Result<std::vector<TransferRecord>> History(std::string_view account) override;
  Result<std::vector<TransferRecord>> Transfers() override;
  Status Seed(std::string_view account, Fixed amount, std::string_view note) override;
  Result<VerifyReport> Verify() override;

  // Test hooks: the rows themselves, so tests can tamper with them the way a
  // hand edit of a database would.
  std::vector<TransferRecord>& transfers_for_test() { return transfers_; }
  std::vector<Event>& events_for_test() { return events_; }
  std::map<std::string, AccountState, std::less<>>& accounts_for_test() { return accounts_; }

 private:
  class Lookup;
  void Apply(const RecordPlan& plan, std::string_view kind);
  Result<Settled> Settle(std::string_view id, TransferState to, std::string_view note,
                         int64_t settled_ns);
  void Append(std::string_view kind, std::string payload);

  std::map<std::string, AccountState, std::less<>> accounts_;  // ordered for List
  std::vector<TransferRecord> transfers_;                      // in creation order
  std::unordered_map<std::string, size_t> by_id_;              // index into transfers_
  std::unordered_map<std::string, std::vector<size_t>> by_shipment_;
  std::vector<Event> events_;
};

}  // namespace highfence::ledger

#endif  // HIGHFENCE_LEDGER_MEMORY_STORE_H_
