// The state of one determination while its rule steps run, and the facts
// many steps use. Internal to src/determine.
#ifndef HIGHFENCE_DETERMINE_CONTEXT_H_
#define HIGHFENCE_DETERMINE_CONTEXT_H_

#include <fmt/format.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/reason.h"
#include "classify/classify.h"
#include "highfence/determination.h"
#include "highfence/ledger.h"
#include "highfence/shipment.h"
#include "law/snapshot.h"

namespace highfence::determine {

// What the Part 746 layer found for this shipment (embargo.cc, rules.md
// section 16). Set before the AI-chip derivation, which reads it to leave out
// the authorizations and allocations that an embargo bars (D32, D37).
struct Embargo {
  bool in_force = false;     // a program covers the destination (or region) on the date
  bool license = false;      // ... and requires a licence for this item
  bool spp = false;          // License Exception SPP covers the item (D38)
  bool policy_null = false;  // the licence has no review policy (D39)
  LicensePolicy policy = LicensePolicy::kNone;
};

// What the restricted-party steps found (party_lists.cc). Set before the
// AI-chip derivation, which reads it to leave out every authorization.
struct PartyLists {
  bool applicable = true;  // the shipment is an export of an item subject to the EAR
  bool license = false;    // a listed party requires a licence
  LicensePolicy policy = LicensePolicy::kNone;
  std::vector<DeterminationError> reviews;  // candidates to confirm or clear
};

struct Context {
  // Reads the shipment's places with the contract's defaults (hq ->
  // destination, parent_hq -> hq) and Hong Kong read as China.
  // `retry`: the shipment drew on this ledger before (DetermineOptions).
  Context(const Shipment& shipment, const law::Snapshot& snapshot, LedgerView* view,
          Determination* out, bool retry);
  Context(const Context&) = delete;
  Context& operator=(const Context&) = delete;

  const Shipment& s;
  const law::Snapshot& law;
  LedgerView* ledger;
  Determination* d;
  classify::Classification c;
  const CountryCode dest;  // destination, Hong Kong read as China
  const CountryCode hq, parent_hq;
  Fixed tpp_total;  // units x tpp (zero for model weights and HBM)
  Embargo embargo;
  PartyLists parties;
  // Set when a step had to stop the determination (the ledger could not be
  // read, or a ledger balance overflowed): the decision is needs_review.
  bool failed = false;

  // The ultimate parent's party key (contract.md section 4), computed on first
  // use (most lines never need a ledger account); empty when the name holds no
  // word but legal forms.
  const std::string& party();

  bool DestIn(uint16_t bits) const { return law.In(dest, bits); }
  bool HqIn(uint16_t bits) const { return law.In(hq, bits) || law.In(parent_hq, bits); }
  bool BothHqIn(uint16_t bits) const { return law.In(hq, bits) && law.In(parent_hq, bits); }
  bool HqMacauOrD5() const { return HqIn(law::kMacauOrD5); }
  // A licence requirement of part 746 bars every AI-chip authorization (D37).
  bool Embargoed() const { return embargo.license || embargo.spp; }
  bool Hardware() const { return c.a_level() || c.b_level() || c.eccn == Eccn::k3A090c; }

  // Appends a reason whose text is `format` applied to `args` (base/reason.h:
  // a Cited argument is shown and recorded as read).
  template <typename... Args>
  ReasonRef Reason(std::string_view rule, std::string_view citation,
                   fmt::format_string<Args...> format, Args&&... args) {
    return AddReasonF(d, rule, citation, format, std::forward<Args>(args)...);
  }

  // The balance of `account` as this shipment first saw it, or nullopt (the
  // determination then needs review) when the ledger cannot be read.
  std::optional<AccountBalance> Balance(std::string_view account);
  // a + b for amounts read from the ledger, or nullopt (needs review) when the
  // sum does not fit: a ledger is data, and its balances are not bounded.
  std::optional<Fixed> LedgerSum(Fixed a, Fixed b, std::string_view account);
  std::optional<Fixed> LedgerDifference(Fixed a, Fixed b, std::string_view account);

  void NeedsReview(std::string_view code, std::string_view field, std::string message);
  void Require(LicensePolicy policy) {
    d->decision = Decision::kLicenseRequired;
    d->license_policy = policy;
  }

 private:
  // Balances are read as this shipment first saw them: its id on a retry,
  // else none (the current balance).
  std::string_view seen_as_;
  std::string party_;
  bool party_done_ = false;
};

// Account ids (contract.md section 4).
std::string AllocationAccount(CountryCode c);
std::string LppAccount(std::string_view party, int year);
std::string NveuAccount(std::string_view party, CountryCode c);
std::string UveuAccount(std::string_view party, CountryCode c);
std::string AiaAccount(std::string_view party);

}  // namespace highfence::determine

#endif  // HIGHFENCE_DETERMINE_CONTEXT_H_
