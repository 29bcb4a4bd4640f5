// OverlayLedger: a durable ledger read, never written (`check --dry-run`).
//
// Balances are the base ledger's plus what this run has drawn so far, so the
// lines of a dry run still see each other as one sequence (contract.md section
// 1); the draws themselves stay in memory.
#ifndef HIGHFENCE_LEDGER_OVERLAY_LEDGER_H_
#define HIGHFENCE_LEDGER_OVERLAY_LEDGER_H_

#include "highfence/ledger.h"
#include "ledger/memory_ledger.h"

namespace highfence::ledger {

class OverlayLedger : public Ledger {
 public:
  explicit OverlayLedger(LedgerView* base) : base_(base) {}

  Result<AccountBalance> Balance(std::string_view account, std::string_view shipment_id) override {
    Result<AccountBalance> base = base_->Balance(account, shipment_id);
    if (!base.ok()) return base;
    AccountBalance own = *local_.Balance(account, shipment_id);
    return AccountBalance{*Fixed::Add(base->posted, own.posted),
                          *Fixed::Add(base->pending, own.pending)};
  }

  Result<std::optional<std::vector<BaseAccount>>> DeclaredBase(std::string_view prefix) override {
    Result<std::optional<std::vector<BaseAccount>>> base = base_->DeclaredBase(prefix);
    if (!base.ok() || !base->has_value()) return base;
    for (BaseAccount& a : **base) {
      a.drawn = *Fixed::Add(a.drawn, local_.Balance(a.account, "")->drawn());
    }
    return base;
  }

  Status Record(std::span<const TransferRequest> transfers) override {
    // Check caps against base + local, then record locally only.
    for (const TransferRequest& t : transfers) {
      if (!t.cap) continue;
      Result<AccountBalance> b = Balance(t.account, t.shipment_id);
      if (!b.ok()) return b.status();
      std::optional<Fixed> after = Fixed::Add(b->drawn(), t.amount);
      if (!after || *after > *t.cap) return Status::Conflict("cap would be passed");
    }
    std::vector<TransferRequest> uncapped(transfers.begin(), transfers.end());
    for (TransferRequest& t : uncapped) t.cap.reset();
    return local_.Record(uncapped);
  }

 private:
  LedgerView* base_;
  MemoryLedger local_;
};

}  // namespace highfence::ledger

#endif  // HIGHFENCE_LEDGER_OVERLAY_LEDGER_H_
