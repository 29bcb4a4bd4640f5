// The ledger's write rules, shared by every store so they cannot drift apart:
// a store looks up what exists (inside its write transaction), the planner
// decides what to write or why not, and the store writes the plan.
//
// Rules, in order of precedence (TigerBeetle checks its results the same way);
// the outcome names are highfence/ledger.h's RecordOutcome:
//   1. invalid: an empty id or account, an amount <= 0, a voided state.
//   2. id_mismatch: a transfer id that exists (or repeats in the request) with
//      a different account, amount or shipment fingerprint.
//   3. exists: an id that exists with the same account, amount and shipment
//      fingerprint is done already; it is skipped and writes nothing, whatever
//      its state now. A request whose every transfer exists ends `exists`.
//   4. cap_exceeded: posted + pending + amount would pass the cap. The cap is
//      the request's, or else the cap the account last recorded; a request's
//      cap becomes the account's cap.
//   5. overflow: a balance would overflow int64 thousandths.
// A refusal writes nothing of the request.
//
// Thread safety: pure functions; the lookup belongs to the caller's thread.
#ifndef HIGHFENCE_LEDGER_RECORD_PLAN_H_
#define HIGHFENCE_LEDGER_RECORD_PLAN_H_

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.h"
#include "ledger/store.h"

namespace highfence::ledger {

// What the store holds now, read inside the write transaction.
class RecordLookup {
 public:
  virtual ~RecordLookup() = default;
  virtual Result<std::optional<TransferRecord>> FindTransfer(std::string_view id) = 0;
  virtual Result<std::optional<AccountState>> FindAccount(std::string_view account) = 0;
};

struct RecordPlan {
  // kOk: `fresh` is to be written; kExists: nothing to write; any other
  // outcome: refused, nothing to write, and `refusal` says why.
  RecordOutcome outcome = RecordOutcome::kOk;
  Status refusal;
  std::vector<TransferRecord> fresh;       // to insert, in request order
  std::vector<std::optional<Fixed>> caps;  // the cap each fresh transfer records
  std::vector<AccountState> accounts;      // the after-state of every account drawn on
};

// Plans Record(transfers) at time `now_ns`. An error Status means the lookup
// failed (the store is unavailable); a refusal is a plan with its outcome.
Result<RecordPlan> PlanRecord(std::span<const TransferRequest> transfers, int64_t now_ns,
                              RecordLookup* lookup);

// What a store's Record returns: `written` is how the write ended (the plan's
// refusal, an I/O error, or OK after the commit), `outcome` the plan's outcome
// when planning got that far (kOk otherwise).
RecordResult RecordResultOf(const Status& written, RecordOutcome outcome);

// Plans Seed: one posted transfer with id `id` and no shipment. The stored cap
// (if any) still holds: a seed past it is kConflict, an id that exists too.
Result<RecordPlan> PlanSeed(std::string id, std::string_view account, Fixed amount,
                            std::string_view note, int64_t now_ns, RecordLookup* lookup);

struct SettlePlan {
  TransferRecord transfer;  // after: posted or voided, settled_ns and note set
  AccountState account;     // after
  bool already = false;     // the transfer was so already: nothing to write
};
// Plans Post (to == kPosted) or Void (to == kVoided) of transfer `id`:
// kNotFound for an unknown id, kConflict when it was settled the other way;
// `already` (and the transfer as it is) when it was settled this way.
Result<SettlePlan> PlanSettle(std::string_view id, TransferState to, std::string_view note,
                              int64_t now_ns, RecordLookup* lookup);

// The id of the transfer that reverses transfer `id`.
std::string ReversalId(std::string_view id);
// Plans Reverse of posted transfer `id` at `now_ns`: one fresh posted transfer
// ReversalId(id) of minus its amount on its account (outcome kOk), or nothing
// when that exists already (kExists). kNotFound for an unknown id; kConflict
// for a transfer that is pending, voided, or itself a reversal.
Result<RecordPlan> PlanReverse(std::string_view id, std::string_view reason, int64_t now_ns,
                               RecordLookup* lookup);

// The balance an account row implies, minus `own` (a shipment's transfers on
// it). kCorruption when the row breaks posted + pending <= cap: the invariant
// is checked again on every load.
Result<AccountBalance> BalanceOf(const AccountState& row, AccountBalance own);

}  // namespace highfence::ledger

#endif  // HIGHFENCE_LEDGER_RECORD_PLAN_H_
