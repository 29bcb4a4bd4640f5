// The AI Diffusion rule's authorizations, each a small step that says whether it
// covers the shipment and why, and the chooser that takes the first that does
// (contract.md section 3: AIA, UVEU, NVEU, ACM, ACA, NAC, HBM, LPP). The VEUs
// are in veu.cc.
#include <array>

#include "determine/candidate.h"
#include "determine/steps.h"

namespace highfence::determine {
namespace {

Candidate TryAiaModelWeights(Context& x) {
  Candidate c(Authorization::kAia);
  const std::string_view cite = x.law.cite->aia_model_weights;
  // (a)(3): entities headquartered in, or whose ultimate parent is
  // headquartered in, paragraph (a), located outside Macau/D:5.
  if (!x.HqIn(law::kTier1) || x.DestIn(law::kMacauOrD5)) {
    x.Reason("auth.aia", cite,
             "AIA for model weights needs an entity headquartered, or with its ultimate parent "
             "headquartered, in supplement no. 5 paragraph (a), located outside Macau/D:5: not "
             "available");
    return c;
  }
  c.eligible = true;
  if (x.law.storage_certification_required) {
    c.AddNotice("aia_model_weights_storage");
    x.Reason("auth.aia", cite,
             "model weights to a Tier-1-headquartered entity outside Macau/D:5: AIA available, "
             "if stored in a facility meeting supplement no. 10 to part 748 paras. 14, 15 and 18 "
             "(required from {})",
             x.law.storage_certification_on);
  } else {
    x.Reason("auth.aia", cite,
             "model weights to a Tier-1-headquartered entity outside Macau/D:5: AIA available")
        .Read(x.law.storage_certification_on);
  }
  return c;
}

// The AIA counter and the certification filing owed when it crosses the
// filing threshold.
void DrawAia(Context& x, Candidate* c) {
  std::string account = AiaAccount(x.party());
  std::optional<AccountBalance> b = x.Balance(account);
  if (!b) return;
  std::optional<Fixed> before = x.LedgerSum(b->posted, b->pending, account);
  std::optional<Fixed> after = before ? x.LedgerSum(*before, x.tpp_total, account) : std::nullopt;
  if (!after) return;
  c->debits.push_back({std::move(account), x.tpp_total, TransferState::kPosted, std::nullopt});
  const Cited<Fixed>& filing = x.law.aia_filing_tpp;
  if (*before < filing.value && *after >= filing.value) {
    c->AddNotice("aia_certification_filing");
    x.Reason("notice.aia_filing", filing.citation(),
             "the consignee's cumulative AIA TPP reaches {} (from {} to {}): e-mail its "
             "certification to BIS",
             filing, *before, *after);
  }
}

Candidate TryAia(Context& x) {
  if (x.c.eccn == Eccn::k4E091) return TryAiaModelWeights(x);
  Candidate c(Authorization::kAia);
  const std::string_view cite = x.law.cite->aia;
  if (!x.c.a_level()) {
    x.Reason("auth.aia", cite, "AIA covers 3A090.a and 4A090.a items only: not available");
    return c;
  }
  if (!x.DestIn(law::kTier1) || !x.BothHqIn(law::kTier1)) {
    x.Reason("auth.aia", cite,
             "AIA needs a consignee located in, and headquartered (with its ultimate parent) in, "
             "supplement no. 5 paragraph (a): {} (headquarters {}, parent {}): not available",
             x.dest, x.hq, x.parent_hq);
    return c;
  }
  c.eligible = true;
  c.needs_account = true;
  c.AddNotice("aia_shipment_notice");
  x.Reason("auth.aia", cite,
           "located and headquartered in Tier 1: AIA available (ECCN furnished, one-time "
           "consignee certification, AIA notice with each shipment)");
  if (!x.party().empty()) DrawAia(x, &c);
  return c;
}

Candidate TryAcm(Context& x) {
  Candidate c(Authorization::kAcm);
  uint8_t uses = kEndUseDevelopment | kEndUseProduction | kEndUseStorage;
  if ((x.s.end_use & uses) == 0) return c;
  const std::string_view cite = x.law.cite->acm;
  if (!x.Hardware()) {
    x.Reason("auth.acm", cite, "ACM covers 3A090 and 4A090 items: not available");
    return c;
  }
  if (x.DestIn(law::kMacauOrD5) || x.HqMacauOrD5()) {
    x.Reason("auth.acm", cite,
             "ACM excludes Macau/D:5 destinations and consignees headquartered there: not "
             "available");
    return c;
  }
  c.eligible = true;
  x.Reason("auth.acm", cite,
           "development, production or storage by a private-sector end user, for customers "
           "outside Macau/D:5: ACM available (inventory accounting, records under 762.2(b)(59))");
  return c;
}

// ACA and NAC share eligibility (740.8 as split); which one depends on Macau/D:5.
Candidate TryAcaNac(Context& x, Authorization which) {
  Candidate c(which);
  const std::string_view cite = x.law.nac_aca_split_on.citation();
  if ((!x.c.a_level() && !x.c.b_level()) || !x.c.nac_eligible) {
    if (which == Authorization::kAca) {
      x.Reason("auth.aca", cite,
               "ACA/NAC exclude 3A090.a items designed or marketed for datacenters (and cover no "
               "HBM or model weights): not available");
    }
    return c;
  }
  bool tier3 = x.DestIn(law::kMacauOrD5) || x.HqMacauOrD5();
  bool transfer = x.s.type == ShipmentType::kTransfer;
  if (which == Authorization::kAca) {
    if (transfer) {
      c.eligible = AcaCoversTransfer(x);
      x.Reason("auth.aca", cite, "{}",
               c.eligible ? "an in-country transfer within D:1/D:4 (no Macau/D:5 headquarters) "
                            "or within Macau/D:5: ACA available, no notice"
                          : "an in-country transfer outside D:1/D:4 and Macau/D:5, or to a "
                            "Macau/D:5-headquartered party: ACA not available");
      return c;
    }
    c.eligible = !tier3;
    x.Reason("auth.aca", cite, "{}",
             c.eligible ? "no Macau/D:5 destination or headquarters: ACA available, no notice"
                        : "Macau/D:5 destination or headquarters: ACA not available");
    return c;
  }
  if (transfer) {
    x.Reason("auth.nac", cite,
             "NAC authorizes exports and reexports only, never an in-country transfer (D24)");
    return c;
  }
  c.eligible = tier3;
  if (c.eligible) {
    c.AddNotice("nac_notification");
    x.Reason("auth.nac", cite,
             "Macau/D:5 destination or headquarters: NAC available after notifying BIS {} days "
             "ahead",
             x.law.nac_notice_days);
  }
  return c;
}

Candidate TryHbm(Context& x) {
  Candidate c(Authorization::kHbm);
  if (x.c.eccn != Eccn::k3A090c) return c;
  const Cited<Fixed>& limit = x.law.hbm_exception_density_max;
  c.eligible = x.c.hbm_exception;
  x.Reason("auth.hbm", limit.citation(),
           "memory bandwidth density {} GB/s/mm2 {} the limit of {} GB/s/mm2: HBM {}",
           x.s.item.hbm_density_gbs_per_mm2, c.eligible ? "is below" : "is not below", limit,
           c.eligible ? "available" : "not available");
  return c;
}

// Whether LPP may be used at all (before the cap): the item, the kind of
// shipment and the destination (D1).
bool LppScope(Context& x) {
  const std::string_view cite = x.law.cite->lpp;
  if (!x.c.a_level()) {
    x.Reason("auth.lpp", cite, "LPP covers 3A090.a and 4A090.a items only: not available");
    return false;
  }
  if (x.s.type == ShipmentType::kTransfer) {
    x.Reason("auth.lpp", cite, "LPP covers exports and reexports, not in-country transfers");
    return false;
  }
  if (x.DestIn(law::kMacauOrD5) || x.HqMacauOrD5()) {
    x.Reason("auth.lpp", cite,
             "LPP excludes Macau/D:5 destinations and consignees headquartered there");
    return false;
  }
  const Cited<bool>& d1_d4 = x.law.lpp_in_d1_d4_destinations;
  if (x.DestIn(law::kD1 | law::kD4) && !x.DestIn(law::kA5 | law::kA6) && !d1_d4.value) {
    x.Reason("auth.lpp", d1_d4.citation(),
             "{} is in D:1 or D:4 outside A:5/A:6, where 740.2(a)(9)(ii) leaves no LPP (D1): not "
             "available",
             x.dest)
        .Read(d1_d4);
    return false;
  }
  return true;
}

Candidate TryLpp(Context& x) {
  Candidate c(Authorization::kLpp);
  if (!LppScope(x)) return c;
  c.needs_account = true;
  if (x.party().empty()) {
    c.eligible = true;
    return c;
  }
  std::string account = LppAccount(x.party(), x.s.date.year());
  std::optional<AccountBalance> b = x.Balance(account);
  if (!b) return c;
  const Cited<Fixed>& cap = x.law.lpp_annual_cap_tpp;
  std::optional<Fixed> drawn = x.LedgerSum(b->posted, b->pending, account);
  std::optional<Fixed> after = drawn ? x.LedgerSum(*drawn, x.tpp_total, account) : std::nullopt;
  if (!after) return c;
  if (*after > cap.value) {
    std::optional<Fixed> room = x.LedgerDifference(cap.value, *drawn, account);
    if (!room) return c;
    // Controlled .a-level items have a positive TPP (a1_tpp_min > 0).
    int64_t fit = x.d->tpp && x.d->tpp->milli() > 0 && !room->is_negative()
                      ? room->milli() / x.d->tpp->milli()
                      : 0;
    x.Reason("auth.lpp", x.law.cite->lpp_whole_shipment,
             "{} has drawn {} of its {} LPP cap for {}; {} more would pass it, so the shipment as "
             "a whole is not eligible (D7); {} unit(s) would still fit",
             x.party(), *drawn, cap, x.s.date.year(), x.tpp_total, fit);
    return c;
  }
  c.eligible = true;
  c.debits.push_back({std::move(account), x.tpp_total, TransferState::kPosted, cap.value});
  c.AddNotice("lpp_certification");
  const Cited<Fixed>& notice = x.law.lpp_prior_notice_tpp;
  bool prior_notice = x.tpp_total >= notice.value;
  if (prior_notice) c.AddNotice("lpp_prior_notice");
  if (*after == cap.value) c.AddNotice("lpp_limit_reached");
  ReasonRef r = x.Reason(
      "auth.lpp", cap.citation(),
      "{} draws {} + {} = {} of its {} LPP cap for {}: LPP available (certification to BIS "
      "within {} days{})",
      x.party(), *drawn, x.tpp_total, *after, cap, x.s.date.year(), x.law.lpp_certification_days,
      prior_notice ? fmt::format("; prior notice: the shipment is {} TPP or more", notice.value)
                   : "");
  r.Read(notice);
  return c;
}

// D17: the chosen authorization draws on an account named after the parent.
bool NeedsConsignee(Context& x, const Candidate& chosen) {
  const Cited<bool>& rule = x.law.ledger_authorization_needs_consignee;
  if (!chosen.needs_account || !x.party().empty() || !rule.value) return false;
  x.Reason("auth.needs_consignee", rule.citation(),
           "{} draws on a ledger account named after the consignee's ultimate parent, and no "
           "usable name is given",
           chosen.auth)
      .Read(rule);
  x.NeedsReview("missing_field", "consignee.name",
                fmt::format("{} needs `consignee.name` (letters a-z or digits) for its ledger "
                            "account",
                            WireName(chosen.auth)));
  return true;
}

}  // namespace

bool TryAuthorizations(Context& x) {
  std::array<Candidate, 8> tried = {TryAia(x),
                                    TryUveu(x),
                                    TryNveu(x),
                                    TryAcm(x),
                                    TryAcaNac(x, Authorization::kAca),
                                    TryAcaNac(x, Authorization::kNac),
                                    TryHbm(x),
                                    TryLpp(x)};
  if (x.failed) return true;
  const Candidate* chosen = nullptr;
  std::string others;
  for (const Candidate& c : tried) {
    if (!c.eligible) continue;
    if (chosen == nullptr) {
      chosen = &c;
    } else {
      others += others.empty() ? "" : ", ";
      others += WireName(c.auth);
    }
  }
  if (chosen == nullptr) return false;
  if (NeedsConsignee(x, *chosen)) return true;
  x.d->decision = Decision::kAuthorized;
  x.d->authorization = chosen->auth;
  for (const Debit& debit : chosen->debits) x.d->debits.push_back(debit);
  for (std::string_view n : chosen->notices) {
    if (!n.empty()) x.d->AddNotice(n);
  }
  x.Reason("auth.chosen", x.law.cite->authorization_choice, "authorized under {}{}{}", chosen->auth,
           others.empty() ? "" : "; also available: ", others);
  return true;
}

}  // namespace highfence::determine
