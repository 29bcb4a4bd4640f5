// The decision procedure's frame: the steps every shipment goes through, in
// the order docs/architecture.md lists them, and the regime's own sequence of
// requirement, exceptions and review policy (steps.h).
#include "determine/determine.h"

#include "base/limits.h"
#include "determine/steps.h"

namespace highfence::determine {
namespace {

void ReasonRegime(Context& x) {
  const law::Snapshot& law = x.law;
  if (law.forced) {
    x.Reason("regime.select", law.regime_citation,
             "regime {} chosen with --regime, whatever the date; dated changes outside that "
             "rule are left out",
             law.regime);
  } else if (law.regime == RegimeId::kNone) {
    x.Reason("regime.select", law.us_2022_10_effective_on.citation(),
             "{} is before {}: no advanced-computing export rule is in force", x.s.date,
             law.us_2022_10_effective_on);
  } else if (x.s.date >= law.us_2025_01_effective_on.value && x.s.date < law.compliance_on.value) {
    x.Reason("regime.transition", law.transition_regime.citation(),
             "{} is after the AI Diffusion rule took effect ({}) but before its compliance date "
             "({}): evaluated under {} (D3), drawing on no Diffusion ledger account",
             x.s.date, law.us_2025_01_effective_on, law.compliance_on, law.transition_regime);
  } else if (law.non_enforced) {
    x.Reason("regime.non_enforcement", law.ai_diffusion_enforced.citation(),
             "as enforced: from {} BIS does not enforce the AI Diffusion rule; the October 2023 "
             "rules apply, {}",
             law.non_enforcement_on,
             law.hq_rule_enforced.value ? "with the worldwide headquarters rule"
                                        : "without the headquarters rule")
        .Read(law.ai_diffusion_enforced)
        .Read(law.hq_rule_enforced);
  } else {
    x.Reason("regime.select", law.regime_citation, "{} on {} ({}): {}", law.regime, x.s.date,
             law.mode, law.regime_title);
  }
}

void SetQuantities(Context& x) {
  Determination* d = x.d;
  d->eccn = x.c.eccn;
  d->performance_density = x.c.performance_density;
  if (!x.c.tpp) return;
  d->tpp = x.c.tpp;
  std::optional<Fixed> total = Fixed::MulCount(*x.c.tpp, x.s.units);
  if (!total || *total > Fixed::FromUnits(limits::line_tpp_max)) {
    x.NeedsReview("out_of_range", "units",
                  fmt::format("`units` x TPP is larger than {} TPP", limits::line_tpp_max));
    return;
  }
  d->tpp_total = total;
  x.tpp_total = *total;
}

void ReasonTier(Context& x) {
  x.d->tier = x.law.Tier(x.dest);
  x.Reason("tier", x.law.cite->tiers, "{} is a Tier {} destination{}", x.dest, x.d->tier,
           x.d->tier == 3   ? " (Macau or Country Group D:5)"
           : x.d->tier == 1 ? " (supplement no. 5 to part 740, paragraph (a))"
                            : " (neither paragraph (a) of supplement no. 5 nor Macau/D:5)");
}

// D11: is-informed letters for chips to or for Macau/D:5.
void NoticeIsInformed(Context& x) {
  if (!x.law.is_informed) return;
  if (x.s.item.kind != ItemKind::kIc && x.s.item.kind != ItemKind::kComputer) return;
  if (!x.DestIn(law::kMacauOrD5) && !x.HqMacauOrD5()) return;
  x.d->AddNotice("is_informed_letters_may_apply");
  x.Reason("notice.is_informed", x.law.is_informed_notice_on.citation(),
           "from {} BIS has sent non-public is-informed letters for chips to China, Macau and "
           "D:5 (e.g. the H20): a licence may be required even below the 3A090 thresholds",
           x.law.is_informed_notice_on);
}

// D18: a shipment to the United States is not an export. True when it decided.
bool StepUnitedStates(Context& x) {
  const Cited<bool>& rule = x.law.united_states_is_export;
  if (!DomesticShipment(x)) return false;
  x.d->decision = Decision::kNoLicenseRequired;
  x.Reason("destination.united_states", rule.citation(),
           "the destination is the United States: not an export, no licence required")
      .Read(rule);
  return true;
}

void Decide2022(Context& x) {
  if (!Requirement2022(x)) {
    x.d->decision = Decision::kNoLicenseRequired;
    return;
  }
  Policy2022(x);
}

void DecideDiffusion(Context& x) {
  if (!RequirementDiffusion(x)) {
    x.d->decision = Decision::kNoLicenseRequired;
    return;
  }
  if (SkipAuthorizations(x)) return PolicyDiffusion(x);
  if (StepUaeApproved(x)) return;
  if (TryAuthorizations(x)) return;
  PolicyDiffusion(x);
}

void Decide2023(Context& x) {
  if (x.c.eccn == Eccn::k4E091) {
    // D14: as enforced, 4E091 stays unenforced unless the default says otherwise.
    if (x.law.non_enforced && x.law.model_weights_enforced_after_non_enforcement.value) {
      DecideDiffusion(x);
    } else {
      ModelWeightsNotBinding(x);
    }
    return;
  }
  if (!Requirement2023(x)) {
    x.d->decision = Decision::kNoLicenseRequired;
    return;
  }
  if (SkipAuthorizations(x)) return Policy2023(x);
  if (StepUaeApproved(x)) return;
  if (TryAuthorizations2023(x)) return;
  Policy2023(x);
}

// The AI-chip rules proper (sections 1-15), once the item is classified.
void DecideChip(Context& x) {
  if (!x.c.controlled()) {
    x.d->decision = Decision::kNotControlled;
    return;
  }
  if (StepUnitedStates(x) || StepPart744(x) || StepGp10(x)) return;
  switch (x.law.regime) {
    case RegimeId::kNone:
      x.d->decision = Decision::kNotControlled;
      break;
    case RegimeId::kUs2022:
      Decide2022(x);
      break;
    case RegimeId::kUs2023:
      Decide2023(x);
      break;
    case RegimeId::kUs2025:
      DecideDiffusion(x);
      break;
  }
}

// D29: a shipment dated after the law data was last checked.
void NoticeBeyondLawData(Context& x) {
  const Cited<Date>& reviewed = x.law.law_reviewed_on;
  if (x.s.date <= reviewed.value) return;
  x.d->AddNotice("beyond_law_data");
  x.Reason("notice.beyond_law_data", reviewed.citation(),
           "{} is after {}, the date the law data was last checked: later changes to the law are "
           "not reflected",
           x.s.date, reviewed);
}

// D28: every input default applied that can change the outcome.
void ListAssumed(Context& x) {
  const Shipment& s = x.s;
  Determination* d = x.d;
  if (!s.from_stated) d->Assume("from", s.from.str());
  if (!s.consignee.hq) d->Assume("consignee.hq", s.Hq().str());
  if (s.consignee.parent.empty() && !s.consignee.name.empty()) {
    d->Assume("consignee.parent", s.consignee.name);
  }
  if (!s.consignee.parent_hq) d->Assume("consignee.parent_hq", s.ParentHq().str());
  if (s.item.kind == ItemKind::kIc && !s.item.ic.datacenter_stated) {
    d->Assume("item.datacenter", "true");
  }
  if (s.item.kind == ItemKind::kModelWeights && !s.item.model.published_stated) {
    d->Assume("item.published", "false");
  }
}

}  // namespace

bool DomesticShipment(const Context& x) {
  static const CountryCode kUs = *CountryCode::Parse("US");  // a constant: always parses
  return x.dest == kUs && !x.law.united_states_is_export.value;
}

bool SkipAuthorizations(Context& x) {
  if (SkipForPartyLists(x)) return true;
  if (!x.Embargoed()) return false;
  x.Reason("auth.embargo", x.law.cite->embargo_exceptions,
           "the destination is embargoed (part 746): no AI-chip licence exception or validated "
           "end-user authorization is tried");
  return true;
}

void Determine(const Shipment& s, const law::Snapshot& law, LedgerView* ledger, Determination* d,
               const DetermineOptions& options) {
  d->id = s.id;
  d->mode = law.mode;
  d->regime = WireName(law.regime);
  d->screening = s.screening;
  if (!s.errors.empty()) {
    for (const FieldError& e : s.errors) d->errors.push_back({e.code, e.field, e.message});
    d->decision = Decision::kNeedsReview;
    d->AddReason("input.invalid", law.cite->input, "the shipment has errors; nothing was decided");
    return;
  }
  Context x(s, law, ledger, d, options.retry);
  ReasonRegime(x);
  if (x.dest != s.destination) {
    x.Reason("destination.hong_kong", law.cite->hong_kong, "Hong Kong is treated as China");
  }
  x.c =
      options.cache != nullptr ? options.cache->Classify(s, law, d) : classify::Classify(s, law, d);
  SetQuantities(x);
  if (law.regime == RegimeId::kUs2025) ReasonTier(x);
  if (x.c.missing_figure || !d->errors.empty()) {
    d->decision = Decision::kNeedsReview;
    return;
  }
  ListAssumed(x);
  NoticeBeyondLawData(x);
  StepEmbargo(x);
  StepPartyLists(x);
  NoticeIsInformed(x);
  DecideChip(x);
  FinishEmbargo(x);
  FinishPartyLists(x);
}

}  // namespace highfence::determine
