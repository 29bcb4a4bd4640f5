// The ultimate parent's party key, which names the party's ledger accounts and
// the decision log's `party` (contract.md section 4, rules.md D25).
#ifndef HIGHFENCE_DETERMINE_PARTY_KEY_H_
#define HIGHFENCE_DETERMINE_PARTY_KEY_H_

#include <string>

#include "highfence/shipment.h"

namespace highfence::determine {

// The caller's stable id when given (`parent_id`, or `id` for a consignee that
// is its own parent), else the parent's name normalised (names::PartyKey).
// Normalising a name in another script goes through ICU (microseconds), so
// each distinct name is normalised once per process; the memo is bounded and
// shared by threads.
std::string PartyKeyOf(const Shipment& s);

}  // namespace highfence::determine

#endif  // HIGHFENCE_DETERMINE_PARTY_KEY_H_
