#include "determine/determine.h"

#include "base/limits.h"
#include "determine/citations.h"
#include "determine/context.h"

namespace highfence::determine {
namespace {

CountryCode HongKongAsChina(CountryCode c) {
  static const CountryCode kHk = *CountryCode::Parse("HK");
  static const CountryCode kCn = *CountryCode::Parse("CN");
  return c == kHk ? kCn : c;
}

void ReasonRegime(Context& x) {
  const law::Snapshot& law = x.law;
  if (law.forced) {
    x.Reason("regime.select", law.regime_citation,
             "regime {} chosen with --regime, whatever the date; dated changes outside that "
             "rule are left out",
             WireName(law.regime));
  } else if (law.regime == RegimeId::kNone) {
    x.Reason("regime.select", cite::kNoRule,
             "{} is before 2022-10-07: no advanced-computing export rule is in force", x.s.date);
  } else if (law.regime == RegimeId::kUs2023 && x.s.date >= law.diffusion_effective_on.value &&
             x.s.date < law.compliance_on.value) {
    x.Reason("regime.transition", cite::kTransition,
             "{} is after the AI Diffusion rule took effect ({}) but before its compliance date "
             "({}): evaluated under us-2023-11, drawing on no Diffusion ledger account",
             x.s.date, law.diffusion_effective_on.value, law.compliance_on.value);
  } else if (law.non_enforced) {
    x.Reason("regime.non_enforcement", cite::kNonEnforcement,
             "as enforced: from {} BIS does not enforce the AI Diffusion rule; the October 2023 "
             "rules with the worldwide headquarters rule apply",
             law.non_enforcement_on.value);
  } else {
    x.Reason("regime.select", law.regime_citation, "{} on {} ({}): {}", WireName(law.regime),
             x.s.date, WireName(law.mode), law.regime_title);
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
  x.Reason("tier", cite::kTiers, "{} is a Tier {} destination{}", x.dest, x.d->tier,
           x.d->tier == 3   ? " (Macau or Country Group D:5)"
           : x.d->tier == 1 ? " (supplement no. 5 to part 740, paragraph (a))"
                            : " (neither paragraph (a) of supplement no. 5 nor Macau/D:5)");
}

void NoticeIsInformed(Context& x) {
  if (!x.law.is_informed) return;
  if (x.s.item.kind != ItemKind::kIc && x.s.item.kind != ItemKind::kComputer) return;
  if (!x.DestIn(law::kMacauOrD5) && !x.HqMacauOrD5()) return;
  x.d->AddNotice("is_informed_letters_may_apply");
  x.Reason("notice.is_informed", cite::kIsInformed,
           "from {} BIS has sent non-public is-informed letters for chips to China, Macau and "
           "D:5 (e.g. the H20): a licence may be required even below the 3A090 thresholds",
           x.law.is_informed_on.value);
}

bool StepPart744(Context& x) {
  uint8_t uses = x.s.end_use & x.law.part744_end_uses.value;
  if (uses == 0) return false;
  x.Require(x.law.part744_policy.value);
  x.Reason("end_use.part744", cite::kPart744,
           "end use {} is prohibited without a licence under part 744: licence required, {}; no "
           "licence exception or validated end-user authorization applies",
           (uses & kEndUseMilitary) ? "military" : "weapons of mass destruction",
           WireName(x.law.part744_policy.value));
  return true;
}

bool StepGp10(Context& x) {
  if (!x.law.gp10 || !x.c.gp10) return false;
  x.Require(x.law.gp10_policy.value);
  x.d->AddNotice("gp10_guidance");
  x.Reason("gp10", cite::kGp10,
           "BIS's General Prohibition 10 guidance of {} names this Huawei Ascend chip as likely "
           "made in violation of the EAR: using, selling or transferring it anywhere needs "
           "authorization; {}",
           x.law.gp10_on.value, WireName(x.law.gp10_policy.value));
  return true;
}

void Decide2022(Context& x) {
  if (!x.DestIn(law::kDest2022)) {
    x.d->decision = Decision::kNoLicenseRequired;
    x.Reason("license.none", cite::kDest2022,
             "the 2022 rule requires a licence only to {}: {} is not one of them",
             x.law.In(*CountryCode::Parse("MO"), law::kDest2022) ? "China and Macau" : "China",
             x.dest);
    return;
  }
  x.Reason("license.2022", cite::kDest2022, "3A090/4A090 items to {} need a licence", x.dest);
  x.Require(x.law.policy_2022.value);
  x.Reason("policy.2022", x.law.policy_2022.citation, "licence review: {}",
           WireName(x.law.policy_2022.value));
}

// Model weights under the October 2023 rules: 4E091 is in the CFR but not
// binding (before the compliance date, D3) or not enforced (D14).
void DecideModel2023(Context& x) {
  x.d->decision = Decision::kNoLicenseRequired;
  if (x.law.non_enforced) {
    x.Reason("license.model.non_enforcement", cite::kNonEnforcement,
             "4E091 is codified but, as enforced from {}, BIS does not enforce the AI Diffusion "
             "rule's model-weights control (rules.md D14): no licence required",
             x.law.non_enforcement_on.value);
  } else {
    x.Reason("license.model.transition", cite::kTransition,
             "4E091 took effect on {} but compliance was not required before {}: no licence "
             "required",
             x.law.diffusion_effective_on.value, x.law.compliance_on.value);
  }
}

void Decide2023(Context& x) {
  if (x.c.eccn == Eccn::k4E091) {
    if (x.law.non_enforced && x.law.model_weights_enforced_after_ne.value) {
      DecideDiffusion(x);
      return;
    }
    DecideModel2023(x);
    return;
  }
  // 744.23(a)(3) is part of the October 2023 rule itself, so it applies under
  // that regime whatever the date (also when forced with --regime).
  bool hq_rule = x.HqMacauOrD5();
  if (x.c.eccn == Eccn::k3A090c) {
    if (!x.DestIn(law::kMacauOrD5)) {
      x.d->decision = Decision::kNoLicenseRequired;
      x.Reason("license.none", cite::kHbmDest,
               "3A090.c needs a licence only to Macau or Country Group D:5: {} is neither", x.dest);
      return;
    }
    x.Reason("license.hbm", cite::kHbmDest, "3A090.c to {} (Macau or D:5) needs a licence", x.dest);
  } else if (x.DestIn(law::kDest2023)) {
    x.Reason("license.destination", cite::kDest2023,
             "{} to {} needs a licence: {} is in Country Group D:1, D:4 or D:5 and not A:5 or "
             "A:6, or is Macau{}",
             WireName(x.c.eccn), x.dest, x.dest,
             x.law.uae_change && x.DestIn(law::kUaeDest) ? ", or is the UAE (91 FR 43034)" : "");
  } else if (hq_rule) {
    x.Reason("license.hq", cite::kHqRule,
             "the consignee or its ultimate parent is headquartered in {} (Macau or D:5): a "
             "licence is needed wherever it is located",
             x.law.In(x.hq, law::kMacauOrD5) ? x.hq : x.parent_hq);
  } else {
    x.d->decision = Decision::kNoLicenseRequired;
    x.Reason("license.none", cite::kDest2023,
             "{} is not in D:1, D:4 or D:5 outside A:5/A:6, nor Macau, and no party is "
             "headquartered in Macau or D:5: no licence required",
             x.dest);
    return;
  }
  if (StepUaeApproved(x)) return;
  if (TryAuthorizations2023(x)) return;
  Policy2023(x);
}

}  // namespace

// The July 2026 UAE rule: no licence for the listed approved parties and the
// UAE subsidiaries of listed U.S. AI companies.
bool StepUaeApproved(Context& x) {
  if (!x.law.uae_change || !x.DestIn(law::kUaeDest) || x.party().empty()) return false;
  auto matches = [&](const std::vector<std::string>& list) {
    for (const std::string& p : list) {
      if (x.party() == p || x.party().rfind(p + "-", 0) == 0) return true;
    }
    return false;
  };
  bool approved = matches(x.law.uae_approved_parties.value);
  static const CountryCode kUs = *CountryCode::Parse("US");
  bool us_ai = x.parent_hq == kUs && matches(x.law.uae_us_ai_parties.value);
  if (!approved && !us_ai) return false;
  x.d->decision = Decision::kNoLicenseRequired;
  x.Reason("uae.approved", x.law.uae_citation,
           "`{}` is {}: no licence required for advanced computing items to the UAE", x.party(),
           approved ? "an approved UAE entity (supplement no. 8 to part 740)"
                    : "a listed U.S.-headquartered AI company's UAE operation");
  return true;
}

void Determine(const Shipment& s, const law::Snapshot& law, LedgerView* ledger, Determination* d,
               const classify::ClassificationCache* cache) {
  d->id = s.id;
  d->mode = law.mode;
  d->regime = WireName(law.regime);
  if (!s.errors.empty()) {
    for (const FieldError& e : s.errors) d->errors.push_back({e.code, e.field, e.message});
    d->decision = Decision::kNeedsReview;
    d->AddReason("input.invalid", cite::kInput, "the shipment has errors; nothing was decided");
    return;
  }
  Context x{s,
            law,
            ledger,
            d,
            {},
            HongKongAsChina(s.destination),
            HongKongAsChina(s.Hq()),
            HongKongAsChina(s.ParentHq()),
            Fixed(),
            false,
            {},
            false};
  ReasonRegime(x);
  if (x.dest != s.destination) {
    x.Reason("destination.hong_kong", cite::kHongKong, "Hong Kong is treated as China");
  }
  x.c = cache != nullptr ? cache->Classify(s, law, d) : classify::Classify(s, law, d);
  SetQuantities(x);
  if (law.regime == RegimeId::kUs2025) ReasonTier(x);
  if (x.c.missing_figure || !d->errors.empty()) {
    d->decision = Decision::kNeedsReview;
    return;
  }
  NoticeIsInformed(x);
  if (!x.c.controlled()) {
    d->decision = Decision::kNotControlled;
    return;
  }
  static const CountryCode kUs = *CountryCode::Parse("US");
  if (x.dest == kUs && !law.us_is_export.value) {
    d->decision = Decision::kNoLicenseRequired;
    x.Reason("destination.united_states", cite::kNotExport,
             "the destination is the United States: not an export, no licence required");
    return;
  }
  if (StepPart744(x) || StepGp10(x)) return;
  switch (law.regime) {
    case RegimeId::kNone:
      d->decision = Decision::kNotControlled;
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

std::string AllocationAccount(CountryCode c) { return fmt::format("allocation:{}", c.str()); }
std::string LppAccount(std::string_view party, int year) {
  return fmt::format("lpp:{}:{}", party, year);
}
std::string NveuAccount(std::string_view party, CountryCode c) {
  return fmt::format("nveu:{}:{}", party, c.str());
}
std::string UveuAccount(std::string_view party, CountryCode c) {
  return fmt::format("uveu:{}:{}", party, c.str());
}
std::string AiaAccount(std::string_view party) { return fmt::format("aia:{}", party); }

std::optional<AccountBalance> Context::Balance(std::string_view account) {
  Result<AccountBalance> b = ledger->Balance(account, s.id);
  if (b.ok()) return *b;
  ledger_failed = true;
  NeedsReview("ledger_unavailable", "",
              fmt::format("the ledger could not be read: {}", b.status().ToString()));
  return std::nullopt;
}

}  // namespace highfence::determine
