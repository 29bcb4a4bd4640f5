// Whether a licence is required, regime by regime, with the paragraph that
// requires it (or the reason none does).
#include "determine/steps.h"

namespace highfence::determine {
namespace {

// The Macau/D:5 headquarters country that triggers 744.23(a)(3).
CountryCode HqCountry(const Context& x) {
  return x.law.In(x.hq, law::kMacauOrD5) ? x.hq : x.parent_hq;
}

// 744.23(a)(3) for 3A090/4A090 under the October 2023 rules.
void ReasonHqRule(Context& x) {
  ReasonRef r = x.Reason("license.hq", x.law.hq_rule_on.citation(),
                         "the consignee or its ultimate parent is headquartered in {} (Macau or "
                         "D:5): from {} a licence is needed wherever it is located",
                         HqCountry(x), x.law.hq_rule_on);
  if (x.law.non_enforced) r.Read(x.law.hq_rule_enforced);
}

// D22: 3A090.c exists from hbm_control_on, but its licence requirements bind
// only from their compliance date. True when they do not bind yet.
bool HbmNotYetBinding(Context& x) {
  const Cited<Date>& binds = x.law.hbm_license_on;
  if (x.s.date >= binds.value || x.law.forced) return false;
  x.Reason("license.hbm.compliance", binds.citation(),
           "3A090.c took effect on {}, but its licence requirements bind only from their "
           "compliance date, {} (D22): no licence required",
           x.law.hbm_control_on, binds);
  return true;
}

bool Requirement2023Hbm(Context& x) {
  if (HbmNotYetBinding(x)) return false;
  if (!x.DestIn(law::kMacauOrD5) && x.law.non_enforced && x.law.hq_rule && x.HqMacauOrD5()) {
    // D23: as enforced, every headquarters-based requirement stays, HBM's too.
    x.Reason("license.hq", x.law.cite->hq_rule_hbm,
             "3A090.c for an entity headquartered (or with its ultimate parent) in {} (Macau or "
             "D:5) needs a licence; as enforced, BIS keeps every headquarters-based requirement "
             "(D23)",
             HqCountry(x))
        .Read(x.law.hq_rule_enforced);
    return true;
  }
  if (!x.DestIn(law::kMacauOrD5)) {
    x.Reason("license.none", x.law.cite->hbm_destinations,
             "3A090.c needs a licence only to Macau or Country Group D:5: {} is neither", x.dest);
    return false;
  }
  x.Reason("license.hbm", x.law.cite->hbm_destinations,
           "3A090.c to {} (Macau or D:5) needs a licence", x.dest);
  return true;
}

bool RequirementDiffusionB(Context& x) {
  if (x.DestIn(law::kDest2023)) {
    ReasonRef r = x.Reason("license.destination", x.law.cite->destinations_b,
                           "{} to {} (D:1, D:4 or D:5 outside A:5/A:6, or Macau{}) needs a licence",
                           x.c.eccn, x.dest, x.law.uae_change ? ", or the UAE" : "");
    if (x.law.uae_change) r.Read(x.law.uae_destinations);
    return true;
  }
  if (x.law.hq_rule && x.HqMacauOrD5()) {
    x.Reason("license.hq", x.law.cite->hq_rule_b,
             "{} for an entity headquartered (or with its ultimate parent) in Macau or D:5 "
             "needs a licence wherever it is located",
             x.c.eccn);
    return true;
  }
  x.Reason("license.none", x.law.cite->destinations_b,
           "{} needs a licence only to D:1, D:4 or D:5 outside A:5/A:6, Macau, or for "
           "Macau/D:5-headquartered entities: none applies to {}",
           x.c.eccn, x.dest);
  return false;
}

bool RequirementDiffusionHbm(Context& x) {
  if (HbmNotYetBinding(x)) return false;
  if (x.DestIn(law::kMacauOrD5)) {
    x.Reason("license.hbm", x.law.cite->hbm_destinations,
             "3A090.c to Macau or D:5 needs a licence");
    return true;
  }
  if (x.law.hq_rule && x.HqMacauOrD5()) {
    x.Reason("license.hq", x.law.cite->hq_rule_hbm,
             "3A090.c for an entity headquartered in Macau or D:5 needs a licence");
    return true;
  }
  x.Reason("license.none", x.law.cite->hbm_destinations,
           "3A090.c needs a licence only to Macau/D:5 or for entities headquartered there");
  return false;
}

}  // namespace

bool Requirement2022(Context& x) {
  const Cited<law::CountryList>& destinations = x.law.license_destinations;
  if (!x.DestIn(law::kDest2022)) {
    x.Reason("license.none", destinations.citation(),
             "the 2022 rule requires a licence only to {}: {} is not one of them", destinations,
             x.dest);
    return false;
  }
  x.Reason("license.2022", destinations.citation(),
           "3A090/4A090 items to {} need a licence (the 2022 rule's destinations: {})", x.dest,
           destinations);
  return true;
}

bool Requirement2023(Context& x) {
  if (x.c.eccn == Eccn::k3A090c) return Requirement2023Hbm(x);
  if (x.DestIn(law::kDest2023)) {
    bool uae = x.law.uae_change && x.DestIn(law::kUaeDest);
    ReasonRef r = x.Reason("license.destination", x.law.cite->destinations_2023,
                           "{} to {} needs a licence: {} is in Country Group D:1, D:4 or D:5 and "
                           "not A:5 or A:6, or is Macau{}",
                           x.c.eccn, x.dest, x.dest, uae ? ", or is the UAE" : "");
    if (uae) r.Read(x.law.uae_destinations);
    return true;
  }
  // 744.23(a)(3) is part of the October 2023 rule itself, so it applies under
  // that regime (also when forced with --regime), and stays enforced after the
  // non-enforcement while hq_rule_enforced says so.
  if (x.law.hq_rule && x.HqMacauOrD5()) {
    ReasonHqRule(x);
    return true;
  }
  x.Reason("license.none", x.law.cite->destinations_2023,
           "{} is not in D:1, D:4 or D:5 outside A:5/A:6, nor Macau, and no party is "
           "headquartered in Macau or D:5: no licence required",
           x.dest);
  return false;
}

bool RequirementDiffusion(Context& x) {
  switch (x.c.eccn) {
    case Eccn::k3A090a:
    case Eccn::k4A090a:
      x.Reason("license.worldwide", x.law.cite->worldwide,
               "{} needs a licence to every destination (the AI Diffusion rule's worldwide "
               "requirement)",
               x.c.eccn);
      return true;
    case Eccn::k3A090b:
    case Eccn::k4A090b:
      return RequirementDiffusionB(x);
    case Eccn::k3A090c:
      return RequirementDiffusionHbm(x);
    case Eccn::k4E091:
      x.Reason("license.model", x.law.cite->model_worldwide,
               "4E091 model weights need a licence to every destination");
      return true;
    case Eccn::kNone:
      break;
  }
  return false;
}

void ModelWeightsNotBinding(Context& x) {
  x.d->decision = Decision::kNoLicenseRequired;
  if (x.law.non_enforced) {
    x.Reason("license.model.non_enforcement",
             x.law.model_weights_enforced_after_non_enforcement.citation(),
             "4E091 is codified but, as enforced from {}, BIS does not enforce the AI Diffusion "
             "rule's model-weights control (D14): no licence required",
             x.law.non_enforcement_on)
        .Read(x.law.model_weights_enforced_after_non_enforcement);
  } else {
    x.Reason("license.model.transition", x.law.transition_regime.citation(),
             "4E091 took effect on {} but compliance was not required before {}: no licence "
             "required",
             x.law.us_2025_01_effective_on, x.law.compliance_on);
  }
}

}  // namespace highfence::determine
