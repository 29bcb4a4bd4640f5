// The July 2026 UAE rule (91 FR 43034): no licence for the approved UAE
// entities (Supp. No. 8 to part 740) and the UAE operations of the listed
// U.S.-headquartered AI companies. Parties match exactly on their identity key
// (party.h), never by prefix, and only after the headquarters rule: a party
// headquartered, or with its ultimate parent headquartered, in Macau or D:5 is
// never approved (rules.md D26).
#include <algorithm>
#include <initializer_list>

#include "determine/party.h"
#include "determine/steps.h"

namespace highfence::determine {
namespace {

// The first of `keys` on `list`, or nullptr.
const std::string* FirstListed(const std::vector<std::string>& list,
                               std::initializer_list<const std::string*> keys) {
  for (const std::string* k : keys) {
    if (!k->empty() && std::find(list.begin(), list.end(), *k) != list.end()) return k;
  }
  return nullptr;
}

}  // namespace

bool StepUaeApproved(Context& x) {
  if (!x.law.uae_change || !x.DestIn(law::kUaeDest)) return false;
  // The consignee and its ultimate parent, each by name and by the caller's id.
  const Consignee& c = x.s.consignee;
  const std::string own = PartyKeyOfName(c.name), own_id = PartyKeyOfId(c.id);
  const std::string parent = PartyKeyOfName(x.s.Parent()), parent_id = PartyKeyOfId(c.parent_id);
  const std::string* match =
      FirstListed(x.law.approved_parties.value, {&own, &own_id, &parent, &parent_id});
  const bool approved = match != nullptr;
  static const CountryCode kUs = *CountryCode::Parse("US");  // a constant: always parses
  if (!approved && x.parent_hq == kUs) {
    match = FirstListed(x.law.us_ai_parties.value, {&parent, &parent_id});
  }
  if (match == nullptr) return false;
  const Cited<law::PartyList>& list = approved ? x.law.approved_parties : x.law.us_ai_parties;
  if (x.HqMacauOrD5()) {
    x.Reason("uae.headquarters", list.citation(),
             "`{}` is a listed party, but the consignee or its ultimate parent is headquartered "
             "in {} (Macau or D:5): the headquarters rule comes first, so it is not approved "
             "(D26)",
             *match, x.law.In(x.hq, law::kMacauOrD5) ? x.hq : x.parent_hq)
        .Read(list);
    return false;
  }
  x.d->decision = Decision::kNoLicenseRequired;
  x.Reason("uae.approved", list.citation(),
           "`{}` is {}, matched exactly on its party key: no licence required for advanced "
           "computing items to the UAE",
           *match,
           approved ? "an approved UAE entity (supplement no. 8 to part 740)"
                    : "a listed U.S.-headquartered AI company's UAE operation")
      .Read(list);
  return true;
}

}  // namespace highfence::determine
