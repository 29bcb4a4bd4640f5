// The state of one determination while its rule steps run. Internal to
// src/determine.
#ifndef HIGHFENCE_DETERMINE_CONTEXT_H_
#define HIGHFENCE_DETERMINE_CONTEXT_H_

#include <fmt/format.h>

#include <string>
#include <string_view>

#include "base/format.h"
#include "base/reason.h"
#include "classify/classify.h"
#include "highfence/determination.h"
#include "highfence/ledger.h"
#include "highfence/shipment.h"
#include "law/snapshot.h"

namespace highfence::determine {

struct Context {
  const Shipment& s;
  const law::Snapshot& law;
  LedgerView* ledger;
  Determination* d;
  classify::Classification c;
  CountryCode dest;           // destination, Hong Kong read as China
  CountryCode hq, parent_hq;  // with the contract's defaults, Hong Kong read as China
  // PartySlug of the ultimate parent, computed on first use (most lines never
  // need a ledger account); may be empty.
  const std::string& party() {
    if (!party_done_) {
      party_ = PartySlug(s.Parent());
      party_done_ = true;
    }
    return party_;
  }
  Fixed tpp_total;  // units x tpp (zero for model weights and HBM)
  bool ledger_failed = false;
  std::string party_;
  bool party_done_ = false;

  // Facts used by many steps.
  bool DestIn(uint16_t bits) const { return law.In(dest, bits); }
  bool HqIn(uint16_t bits) const { return law.In(hq, bits) || law.In(parent_hq, bits); }
  bool BothHqIn(uint16_t bits) const { return law.In(hq, bits) && law.In(parent_hq, bits); }
  bool HqMacauOrD5() const { return HqIn(law::kMacauOrD5); }
  bool Hardware() const { return c.a_level() || c.b_level() || c.eccn == Eccn::k3A090c; }

  // Appends a reason whose text is `format` applied to `args`.
  template <typename... Args>
  void Reason(std::string_view rule, std::string_view citation, fmt::format_string<Args...> format,
              Args&&... args) {
    AddReasonF(d, rule, citation, format, std::forward<Args>(args)...);
  }

  // The balance of an account, or nullopt (with an error recorded) when the
  // ledger cannot be read.
  std::optional<AccountBalance> Balance(std::string_view account);

  void NeedsReview(std::string_view code, std::string_view field, std::string message) {
    d->decision = Decision::kNeedsReview;
    d->authorization = Authorization::kNone;
    d->license_policy = LicensePolicy::kNone;
    d->debits.clear();
    d->errors.push_back({std::string(code), std::string(field), std::move(message)});
  }

  void Require(LicensePolicy policy) {
    d->decision = Decision::kLicenseRequired;
    d->license_policy = policy;
  }
};

// Account ids (contract.md section 4).
std::string AllocationAccount(CountryCode c);
std::string LppAccount(std::string_view party, int year);
std::string NveuAccount(std::string_view party, CountryCode c);
std::string UveuAccount(std::string_view party, CountryCode c);
std::string AiaAccount(std::string_view party);

// Steps shared across files.
void DecideDiffusion(Context& x);    // us-2025-01
bool TryAuthorizations(Context& x);  // us-2025-01: picks the first that applies
bool TryAuthorizations2023(Context& x);
void PolicyDiffusion(Context& x);
void Policy2023(Context& x);
// The 2026 China band (rules.md 5.5): true when it set the policy.
bool ApplyChinaBand(Context& x);
// The July 2026 UAE rule's approved parties: true when it decided.
bool StepUaeApproved(Context& x);

}  // namespace highfence::determine

#endif  // HIGHFENCE_DETERMINE_CONTEXT_H_
