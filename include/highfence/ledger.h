// The quota ledger as the rules engine sees it (contract.md section 4).
//
// The engine reads balances through LedgerView while it determines a shipment,
// then hands the transfers it decided on to Ledger::Record, which writes them
// atomically, re-checks every cap and says how it ended (RecordOutcome, after
// TigerBeetle's create_transfers results). A Ledger may be shared by concurrent
// writers (other threads, processes or servers); a Record that would pass a
// cap because someone else drew first ends `cap_exceeded` and writes nothing,
// and the engine determines the shipment again on fresh balances. Every
// ledger, the in-memory one of a plain run included, follows the same write
// rules (src/ledger/record_plan.h), so an answer never depends on where the
// ledger lives.
//
// Amounts are exact (Fixed). Transfers are never edited or deleted.
#ifndef HIGHFENCE_LEDGER_H_
#define HIGHFENCE_LEDGER_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "highfence/date.h"
#include "highfence/determination.h"
#include "highfence/fixed.h"
#include "highfence/status.h"

namespace highfence {

struct AccountBalance {
  Fixed posted;
  Fixed pending;
  // posted + pending; nullopt when the sum overflows (balances are data).
  std::optional<Fixed> drawn() const { return Fixed::Add(posted, pending); }
};

// One account of a party's declared installed base (UVEU share limits).
struct BaseAccount {
  std::string account;  // uveu:PARTY:CC
  Fixed drawn;          // posted + pending, seeds included
};

class LedgerView {
 public:
  virtual ~LedgerView() = default;
  // Every account starting with `prefix` ("uveu:PARTY:") when the party has
  // declared its installed base (`ledger seed`); nullopt when it has not, as
  // in a run without a durable ledger (rules.md D10).
  virtual Result<std::optional<std::vector<BaseAccount>>> DeclaredBase(std::string_view prefix) {
    (void)prefix;
    return std::optional<std::vector<BaseAccount>>();
  }
  // The balance of `account` as `shipment_id` first saw it: when the shipment
  // has drawn on the account before (a re-run, or a retry after a crash), every
  // transfer recorded from that draw on is left out, so the shipment is
  // determined again exactly as the first time; otherwise the current balance.
  // An account never drawn on has a zero balance.
  virtual Result<AccountBalance> Balance(std::string_view account,
                                         std::string_view shipment_id) = 0;
  // The content fingerprint recorded with the draws of shipment `shipment_id`
  // (contract.md section 6), or nullopt when it has drawn nothing here.
  virtual Result<std::optional<std::string>> RecordedShipment(std::string_view shipment_id) = 0;
  // Whether any shipment has drawn on this ledger. A sequence that starts on a
  // ledger holding none refuses a repeated id itself (duplicate_id), so it
  // need not ask RecordedShipment line by line.
  virtual Result<bool> HoldsShipments() = 0;
  // A hint that these shipments are about to be determined: a store that pays
  // a round trip per read may fetch what it holds of them at once.
  virtual Status PrepareShipments(std::span<const std::string_view> shipment_ids) {
    (void)shipment_ids;
    return Status::Ok();
  }
};

struct TransferRequest {
  std::string id;       // idempotency key; by default "<shipment id>/<account>"
  std::string account;  // contract.md section 4 account id
  Fixed amount;         // > 0
  TransferState state = TransferState::kPosted;  // kPending or kPosted
  std::optional<Fixed> cap;  // the account's cap on this date; none for counters
  std::string shipment_id;
  std::string shipment_hash;  // the shipment's content fingerprint; empty for seeds
  Date on;                    // the shipment's date
};

// How a Record ended. DO NOT CHANGE the values or wire names: tools print and
// compare them.
enum class RecordOutcome : uint8_t {
  kOk = 0,           // written, all of it
  kExists = 1,       // every transfer existed with the same content: a retry, nothing written
  kIdMismatch = 2,   // a transfer id exists (or repeats) with another account, amount or
                     // shipment content: nothing written
  kCapExceeded = 3,  // posted + pending would pass a cap (someone drew first): nothing written
  kOverflow = 4,     // a balance would overflow exact amounts: nothing written
  kUnavailable = 5,  // the ledger could not be read or written: nothing of it is kept
  kInvalid = 6,      // a malformed request (empty id or account, amount <= 0, voided state)
};
std::string_view WireName(RecordOutcome o);  // "ok", "exists", "id_mismatch", ...

class [[nodiscard]] RecordResult {
 public:
  RecordResult() = default;                         // kOk
  static RecordResult Done(RecordOutcome outcome);  // REQUIRES: kOk or kExists
  // REQUIRES: any other outcome, and a non-OK `why` naming what was refused.
  static RecordResult Refused(RecordOutcome outcome, Status why);

  RecordOutcome outcome() const { return outcome_; }
  // True for kOk and kExists: the transfers are in the ledger.
  bool ok() const { return outcome_ == RecordOutcome::kOk || outcome_ == RecordOutcome::kExists; }
  // Why it was refused; OK when ok(). Its code: kConflict for kIdMismatch and
  // kCapExceeded, kLimitExceeded for kOverflow, kInvalidArgument for kInvalid,
  // the store's own for kUnavailable (kIOError, kCorruption).
  const Status& status() const { return status_; }
  Status::Code code() const { return status_.code(); }
  std::string ToString() const;

 private:
  RecordOutcome outcome_ = RecordOutcome::kOk;
  Status status_;
};

class Ledger : public LedgerView {
 public:
  // Records all of `transfers` or none, by the rules of ledger/record_plan.h.
  virtual RecordResult Record(std::span<const TransferRequest> transfers) = 0;
};

}  // namespace highfence

#endif  // HIGHFENCE_LEDGER_H_
