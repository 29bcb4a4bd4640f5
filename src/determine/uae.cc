// The July 2026 UAE rule (91 FR 43034): no licence for the approved UAE
// entities (Supp. No. 8 to part 740) and the UAE operations of the listed
// U.S.-headquartered AI companies.
#include "determine/steps.h"

namespace highfence::determine {

bool StepUaeApproved(Context& x) {
  if (!x.law.uae_change || !x.DestIn(law::kUaeDest) || x.party().empty()) return false;
  auto matches = [&](const std::vector<std::string>& list) {
    for (const std::string& p : list) {
      if (x.party() == p || x.party().rfind(p + "-", 0) == 0) return true;
    }
    return false;
  };
  static const CountryCode kUs = *CountryCode::Parse("US");  // a constant: always parses
  bool approved = matches(x.law.approved_parties.value);
  bool us_ai = !approved && x.parent_hq == kUs && matches(x.law.us_ai_parties.value);
  if (!approved && !us_ai) return false;
  const Cited<law::PartyList>& list = approved ? x.law.approved_parties : x.law.us_ai_parties;
  x.d->decision = Decision::kNoLicenseRequired;
  x.Reason("uae.approved", list.citation(),
           "`{}` is {}: no licence required for advanced computing items to the UAE", x.party(),
           approved ? "an approved UAE entity (supplement no. 8 to part 740)"
                    : "a listed U.S.-headquartered AI company's UAE operation")
      .Read(list);
  return true;
}

}  // namespace highfence::determine
