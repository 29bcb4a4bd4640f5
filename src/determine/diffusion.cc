// The licence requirement and review policy of the AI Diffusion rule
// (us-2025-01, 90 FR 4544), as written.
#include "determine/citations.h"
#include "determine/context.h"

namespace highfence::determine {
namespace {

// Whether a licence requirement applies; writes the reason either way.
bool Requirement(Context& x) {
  switch (x.c.eccn) {
    case Eccn::k3A090a:
    case Eccn::k4A090a:
      x.Reason("license.worldwide", cite::kWorldwide,
               "{} needs a licence to every destination (the AI Diffusion rule's worldwide "
               "requirement)",
               WireName(x.c.eccn));
      return true;
    case Eccn::k3A090b:
    case Eccn::k4A090b:
      if (x.DestIn(law::kDest2023)) {
        x.Reason("license.destination", cite::kDestB,
                 "{} to {} (D:1, D:4 or D:5 outside A:5/A:6, or Macau{}) needs a licence",
                 WireName(x.c.eccn), x.dest, x.law.uae_change ? ", or the UAE" : "");
        return true;
      }
      if (x.HqMacauOrD5()) {
        x.Reason("license.hq", cite::kHqRuleB,
                 "{} for an entity headquartered (or with its ultimate parent) in Macau or D:5 "
                 "needs a licence wherever it is located",
                 WireName(x.c.eccn));
        return true;
      }
      x.Reason("license.none", cite::kDestB,
               "{} needs a licence only to D:1, D:4 or D:5 outside A:5/A:6, Macau, or for "
               "Macau/D:5-headquartered entities: none applies to {}",
               WireName(x.c.eccn), x.dest);
      return false;
    case Eccn::k3A090c:
      if (x.DestIn(law::kMacauOrD5)) {
        x.Reason("license.hbm", cite::kHbmDest, "3A090.c to Macau or D:5 needs a licence");
        return true;
      }
      if (x.HqMacauOrD5()) {
        x.Reason("license.hq", cite::kHqRuleHbm,
                 "3A090.c for an entity headquartered in Macau or D:5 needs a licence");
        return true;
      }
      x.Reason("license.none", cite::kHbmDest,
               "3A090.c needs a licence only to Macau/D:5 or for entities headquartered there");
      return false;
    case Eccn::k4E091:
      x.Reason("license.model", cite::kModelWorldwide,
               "4E091 model weights need a licence to every destination");
      return true;
    case Eccn::kNone:
      break;
  }
  return false;
}

void PolicyModel(Context& x) {
  if (!x.BothHqIn(law::kTier1)) {
    x.Require(LicensePolicy::kPresumptionOfDenial);
    x.Reason("policy.model", cite::kPolicyModel,
             "4E091 for an end user headquartered (or with its ultimate parent) outside "
             "supplement no. 5 paragraph (a): presumption of denial");
    return;
  }
  x.Require(x.law.model_tier1_hq_policy.value);
  x.Reason("policy.model", cite::kPolicyModelTier1,
           "4E091 for a Tier-1-headquartered end user: the text states no policy; {} (D6)",
           WireName(x.law.model_tier1_hq_policy.value));
}

// Rules.md D8/D20: a Tier 2 country's allocation, with pending reservations.
void PolicyAllocation(Context& x) {
  std::string account = AllocationAccount(x.dest);
  std::optional<AccountBalance> b = x.Balance(account);
  if (!b) return;
  Fixed cap = x.law.allocation_tpp.value;
  Fixed drawn = b->drawn();
  Fixed room = *Fixed::Sub(cap, drawn);
  if (x.tpp_total > room) {
    x.Require(LicensePolicy::kPolicyOfDenial);
    x.Reason("policy.allocation", cite::kPolicyAllocation,
             "{}'s allocation of {} has {} drawn (posted and pending) and {} left; {} does not "
             "fit: policy of denial, nothing reserved",
             x.dest, cap, drawn, room, x.tpp_total);
    return;
  }
  x.Require(LicensePolicy::kPresumptionOfApproval);
  x.d->debits.push_back({std::move(account), x.tpp_total, TransferState::kPending, cap});
  x.Reason("policy.allocation", cite::kPolicyAllocation,
           "{}'s allocation of {} has {} drawn; {} fits (leaving {}): presumption of approval, "
           "reserved as pending until the licence is granted or denied",
           x.dest, cap, drawn, x.tpp_total, *Fixed::Sub(room, x.tpp_total));
}

}  // namespace

void PolicyDiffusion(Context& x) {
  if (x.c.eccn == Eccn::k4E091) return PolicyModel(x);
  if (x.c.eccn == Eccn::k3A090c) {
    x.Require(LicensePolicy::kPresumptionOfDenial);
    x.Reason("policy.hbm", cite::kPolicyHbm, "3A090.c to or for Macau/D:5: presumption of denial");
    return;
  }
  bool tier3 = x.DestIn(law::kMacauOrD5) || x.HqMacauOrD5();
  if (tier3) {
    if (ApplyChinaBand(x)) return;
    x.Require(LicensePolicy::kPresumptionOfDenial);
    x.Reason("policy.denial", x.c.b_level() ? cite::kPolicyB : cite::kPolicyADenial,
             "Macau/D:5 destination, or a party headquartered there: presumption of denial");
    return;
  }
  if (x.c.b_level()) {
    x.Require(LicensePolicy::kPresumptionOfApproval);
    x.Reason("policy.approval", cite::kPolicyB, "{} outside Macau/D:5: presumption of approval",
             WireName(x.c.eccn));
    return;
  }
  if (x.DestIn(law::kTier1) || x.HqIn(law::kTier1)) {
    x.Require(LicensePolicy::kPresumptionOfApproval);
    x.Reason("policy.approval", cite::kPolicyATier1,
             "{}: presumption of approval, drawing on no country allocation",
             x.DestIn(law::kTier1) ? "Tier 1 destination"
                                   : "consignee or ultimate parent headquartered in Tier 1 (D2)");
    return;
  }
  PolicyAllocation(x);
}

void DecideDiffusion(Context& x) {
  if (!Requirement(x)) {
    x.d->decision = Decision::kNoLicenseRequired;
    return;
  }
  if (StepUaeApproved(x)) return;
  if (TryAuthorizations(x)) return;
  PolicyDiffusion(x);
}

}  // namespace highfence::determine
