// MemoryLedger: a ledger held in memory for one run of `check`: on its own
// (without --ledger), or over a durable store it reads and never writes
// (--dry-run, what-if runs with --regime).
//
// It follows the write rules of every store (ledger/record_plan.h): the same
// caps, the same idempotent transfer ids, the same outcomes. Over a store it
// plans against the store's rows plus what this run drew, so the lines of a
// dry run still see each other as one sequence (contract.md section 1). It
// keeps, per account, what this run drew and, per shipment that drew, its
// content fingerprint and draws; no events or history: its memory grows with
// the accounts and the shipments that drew, not with every line.
//
// Thread safety: none; one run, one thread.
#ifndef HIGHFENCE_LEDGER_MEMORY_LEDGER_H_
#define HIGHFENCE_LEDGER_MEMORY_LEDGER_H_

#include <string>
#include <unordered_map>
#include <vector>

#include "highfence/ledger.h"
#include "ledger/store.h"

namespace highfence::ledger {

class MemoryLedger : public Ledger {
 public:
  // `base`, when given, is read (never written) and must outlive this ledger.
  explicit MemoryLedger(LedgerStore* base = nullptr) : base_(base) {}

  // The base's balance (as the shipment first saw it) plus this run's draws,
  // less the shipment's own draws in this run.
  Result<AccountBalance> Balance(std::string_view account, std::string_view shipment_id) override;
  Result<std::optional<std::vector<BaseAccount>>> DeclaredBase(std::string_view prefix) override;
  Result<std::optional<std::string>> RecordedShipment(std::string_view shipment_id) override;
  Result<bool> HoldsShipments() override;
  Status PrepareShipments(std::span<const std::string_view> shipment_ids) override;
  RecordResult Record(std::span<const TransferRequest> transfers) override;

  size_t account_count() const { return drawn_.size(); }

 private:
  class Lookup;
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  template <typename T>
  using Map = std::unordered_map<std::string, T, Hash, std::equal_to<>>;

  // What this run drew on an account, and the cap it last recorded.
  struct Drawn {
    Fixed posted, pending;
    std::optional<Fixed> cap;
  };
  // One draw of a shipment, whose transfer id is "<shipment>/<account>".
  struct Draw {
    std::string account;
    Fixed amount;
    TransferState state = TransferState::kPosted;
  };
  struct ShipmentDraws {
    std::string hash;
    std::vector<Draw> draws;
  };

  LedgerStore* base_;
  Map<Drawn> drawn_;
  Map<ShipmentDraws> shipments_;
  // Transfers whose id is not "<shipment>/<account>" (callers other than the
  // engine may choose their own ids).
  Map<TransferRecord> other_ids_;
};

}  // namespace highfence::ledger

#endif  // HIGHFENCE_LEDGER_MEMORY_LEDGER_H_
