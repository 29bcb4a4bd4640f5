// The quota ledger as the rules engine sees it (contract.md section 4).
//
// The engine reads balances through LedgerView while it determines a shipment,
// then hands the transfers it decided on to Ledger::Record, which writes them
// atomically and re-checks every cap. A Ledger may be shared by concurrent
// writers (other threads, processes or servers); a Record that would pass a
// cap because someone else drew first returns kConflict and writes nothing,
// and the engine determines the shipment again on fresh balances.
//
// Amounts are exact (Fixed). Transfers are never edited or deleted.
#ifndef HIGHFENCE_LEDGER_H_
#define HIGHFENCE_LEDGER_H_

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
  Fixed drawn() const { return *Fixed::Add(posted, pending); }
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
};

struct TransferRequest {
  std::string id;       // idempotency key; by default "<shipment id>/<account>"
  std::string account;  // contract.md section 4 account id
  Fixed amount;         // > 0
  TransferState state = TransferState::kPosted;  // kPending or kPosted
  std::optional<Fixed> cap;  // the account's cap on this date; none for counters
  std::string shipment_id;
  Date on;  // the shipment's date
};

class Ledger : public LedgerView {
 public:
  // Records all of `transfers` or none. Each capped account must keep
  // posted + pending <= cap, else kConflict. A transfer whose id already
  // exists with the same account and amount counts as done (idempotent retry).
  virtual Status Record(std::span<const TransferRequest> transfers) = 0;
};

// Lowercased name with every run of characters other than a-z0-9 replaced by one
// '-', no leading or trailing '-' (contract.md section 4). Empty when the name
// has no such characters at all.
std::string PartySlug(std::string_view name);

}  // namespace highfence

#endif  // HIGHFENCE_LEDGER_H_
