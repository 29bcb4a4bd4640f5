// Who a party is: the one place a name or a caller's id becomes the key the
// ledger's accounts, the decision log and the rules that name parties (the UAE
// approved entities) compare (contract.md section 4, rules.md D25, D26).
#ifndef HIGHFENCE_DETERMINE_PARTY_H_
#define HIGHFENCE_DETERMINE_PARTY_H_

#include <string>
#include <string_view>

#include "highfence/shipment.h"

namespace highfence::determine {

// The identity key of a party named `name`: its normalised name.
std::string PartyKeyOfName(std::string_view name);
// The key of a caller's stable id (names::PartyKeyFromId).
std::string PartyKeyOfId(std::string_view id);
// The key of a party given by name and optional id: the id's when given.
std::string PartyKey(std::string_view name, std::string_view id);
// The ultimate parent's key, which names the party's ledger accounts: the
// caller's id when given (`parent_id`, or `id` for a consignee that is its own
// parent), else the parent's name normalised, each distinct name once per
// process (ICU costs microseconds; the memo is bounded and shared by threads).
std::string PartyKeyOf(const Shipment& s);

}  // namespace highfence::determine

#endif  // HIGHFENCE_DETERMINE_PARTY_H_
