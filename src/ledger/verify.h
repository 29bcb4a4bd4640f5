// VerifyLedger: the one check behind `highfence ledger verify`, for every
// store. The event log is the ledger's history; the transfer and account rows
// are what that history adds up to. Verify rebuilds the second from the first
// and stops at the first entry that disagrees, in this order:
//   1. the chain: seq runs 1, 2, 3, ... without a gap; each prev_hash equals the
//      previous event's hash; each hash recomputes; each payload parses and
//      agrees with its event's kind;
//   2. the replay: each create event makes a new transfer, each post or void
//      settles a pending one;
//   3. the transfer rows equal the replay, field by field, with none missing
//      and none extra;
//   4. each account row equals the sums over its transfers, its cap is the last
//      cap its events recorded, and posted + pending <= cap.
// What it cannot see: the newest events removed together with their rows and
// balances (a consistent shorter history). The report's head hash lets an
// operator compare with a hash noted earlier.
//
// Thread safety: a pure function.
#ifndef HIGHFENCE_LEDGER_VERIFY_H_
#define HIGHFENCE_LEDGER_VERIFY_H_

#include <span>

#include "ledger/store.h"

namespace highfence::ledger {

VerifyReport VerifyLedger(std::span<const Event> events, std::span<const TransferRecord> transfers,
                          std::span<const AccountState> accounts);

}  // namespace highfence::ledger

#endif  // HIGHFENCE_LEDGER_VERIFY_H_
