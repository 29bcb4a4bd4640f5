// Who a party is, for the rules that name parties (the UAE approved entities):
// the one place the decision procedure turns a name or a caller's id into the
// key it compares (contract.md section 4, rules.md D25, D26). Internal to
// src/determine.
#ifndef HIGHFENCE_DETERMINE_PARTY_H_
#define HIGHFENCE_DETERMINE_PARTY_H_

#include <string>
#include <string_view>

namespace highfence::determine {

// The identity key of a party named `name`: its normalised name.
std::string PartyKeyOfName(std::string_view name);
// The key of a caller's stable id: `id-` and the id, lowercased, each run of
// characters other than a-z0-9 one '-' (contract.md section 4). Empty for an
// id with no such characters.
std::string PartyKeyOfId(std::string_view id);
// The key of a party given by name and optional id: the id's when given.
std::string PartyKey(std::string_view name, std::string_view id);

}  // namespace highfence::determine

#endif  // HIGHFENCE_DETERMINE_PARTY_H_
