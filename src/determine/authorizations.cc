// The AI Diffusion rule's authorizations, each a small step that says whether it
// covers the shipment and why (contract.md section 3: AIA, UVEU, NVEU, ACM,
// ACA, NAC, HBM, LPP, tried in that order of preference).
#include <array>

#include "determine/citations.h"
#include "determine/context.h"

namespace highfence::determine {
namespace {

struct Candidate {
  explicit Candidate(Authorization a) : auth(a) {}
  Authorization auth = Authorization::kNone;
  bool eligible = false;
  bool needs_account = false;  // D17: needs the consignee's name
  std::vector<Debit> debits;
  std::array<std::string_view, 4> notices{};
};

void AddNoticeTo(Candidate* c, std::string_view code) {
  for (std::string_view& n : c->notices) {
    if (n.empty()) {
      n = code;
      return;
    }
  }
}

bool AHardware(const Context& x) { return x.c.a_level(); }
bool IcOrComputer(const Context& x) { return x.c.a_level() || x.c.b_level(); }

bool TrainingOutsideTier1(const Context& x) {
  return (x.s.end_use & kEndUseFrontierTraining) && !x.DestIn(law::kTier1);
}

Candidate TryAia(Context& x) {
  Candidate c(Authorization::kAia);
  bool tier1_hq = x.BothHqIn(law::kTier1);
  if (x.c.eccn == Eccn::k4E091) {
    // (a)(3): entities headquartered in, or whose ultimate parent is
    // headquartered in, paragraph (a), located outside Macau/D:5.
    if (!x.HqIn(law::kTier1) || x.DestIn(law::kMacauOrD5)) {
      x.Reason("auth.aia", cite::kAiaWeights,
               "AIA for model weights needs an entity headquartered, or with its ultimate parent "
               "headquartered, in supplement no. 5 paragraph (a), located outside Macau/D:5: not "
               "available");
      return c;
    }
    c.eligible = true;
    if (x.law.storage_certification_required) AddNoticeTo(&c, "aia_model_weights_storage");
    x.Reason("auth.aia", cite::kAiaWeights,
             "model weights to a Tier-1-headquartered entity outside Macau/D:5: AIA available{}",
             x.law.storage_certification_required
                 ? ", if stored in a facility meeting supplement no. 10 to part 748 paras. 14, "
                   "15 and 18"
                 : "");
    return c;
  }
  if (!AHardware(x)) {
    x.Reason("auth.aia", cite::kAia, "AIA covers 3A090.a and 4A090.a items only: not available");
    return c;
  }
  if (!x.DestIn(law::kTier1) || !tier1_hq) {
    x.Reason("auth.aia", cite::kAia,
             "AIA needs a consignee located in, and headquartered (with its ultimate parent) in, "
             "supplement no. 5 paragraph (a): {} (headquarters {}, parent {}): not available",
             x.dest, x.hq, x.parent_hq);
    return c;
  }
  c.eligible = true;
  c.needs_account = true;
  AddNoticeTo(&c, "aia_shipment_notice");
  x.Reason("auth.aia", cite::kAia,
           "located and headquartered in Tier 1: AIA available (ECCN furnished, one-time "
           "consignee certification, AIA notice with each shipment)");
  if (x.party().empty()) return c;
  std::string account = AiaAccount(x.party());
  std::optional<AccountBalance> b = x.Balance(account);
  if (!b) return c;
  Fixed before = b->drawn();
  Fixed after = *Fixed::Add(before, x.tpp_total);
  c.debits.push_back({std::move(account), x.tpp_total, TransferState::kPosted, std::nullopt});
  Fixed filing = x.law.aia_filing_tpp.value;
  if (before < filing && after >= filing) {
    AddNoticeTo(&c, "aia_certification_filing");
    x.Reason("notice.aia_filing", cite::kAiaFiling,
             "the consignee's cumulative AIA TPP reaches {} (from {} to {}): e-mail its "
             "certification to BIS",
             filing, before, after);
  }
  return c;
}

// The UVEU geographic shares (supp. 10 to part 748, para. 6) after this
// shipment, against the party's declared base. nullopt: the ledger failed;
// true: within the limits, or no base declared (the caller adds the D10
// notice); false: a limit would be passed (reason written).
std::optional<bool> CheckUveuShares(Context& x) {
  Result<std::optional<std::vector<BaseAccount>>> base =
      x.ledger->DeclaredBase(fmt::format("uveu:{}:", x.party()));
  if (!base.ok()) {
    x.ledger_failed = true;
    x.NeedsReview("ledger_unavailable", "", base.status().ToString());
    return std::nullopt;
  }
  if (!base->has_value()) return true;
  static const CountryCode kUs = *CountryCode::Parse("US");
  Fixed total = x.tpp_total, outside_tier1, in_dest = x.tpp_total, outside_us = x.tpp_total;
  if (!x.DestIn(law::kTier1)) outside_tier1 = x.tpp_total;
  if (x.dest == kUs) outside_us = Fixed();
  for (const BaseAccount& a : **base) {
    std::optional<CountryCode> cc =
        CountryCode::Parse(std::string_view(a.account).substr(a.account.size() - 2));
    if (!cc) continue;
    total = *Fixed::Add(total, a.drawn);
    if (!x.law.In(*cc, law::kTier1)) outside_tier1 = *Fixed::Add(outside_tier1, a.drawn);
    if (*cc == x.dest) in_dest = *Fixed::Add(in_dest, a.drawn);
    if (*cc != kUs) outside_us = *Fixed::Add(outside_us, a.drawn);
  }
  auto within = [&](Fixed part, int64_t percent) {
    return static_cast<__int128>(part.milli()) * 100 <=
           static_cast<__int128>(total.milli()) * percent;
  };
  bool t1 = within(outside_tier1, x.law.uveu_outside_tier1_percent_max.value);
  bool country = x.DestIn(law::kTier1) || within(in_dest, x.law.uveu_per_country_percent_max.value);
  bool us_hq = x.parent_hq == kUs || x.hq == kUs;
  bool us = !us_hq || within(outside_us, x.law.uveu_outside_us_percent_max.value);
  x.Reason("auth.uveu.shares", cite::kUveuShares,
           "declared installed base after this shipment: {} in all, {} outside Tier 1 (limit {} "
           "%), {} in {} (limit {} % outside Tier 1), {} outside the U.S.{}: {}",
           total, outside_tier1, x.law.uveu_outside_tier1_percent_max.value, in_dest, x.dest,
           x.law.uveu_per_country_percent_max.value, outside_us,
           us_hq ? fmt::format(" (limit {} % for a U.S.-headquartered UVEU)",
                               x.law.uveu_outside_us_percent_max.value)
                 : "",
           t1 && country && us ? "within the limits, UVEU covers it"
                               : "a share limit would be passed, UVEU does not cover it");
  return t1 && country && us;
}

Candidate TryUveu(Context& x) {
  Candidate c(Authorization::kUveu);
  if (x.s.consignee.veu != Veu::kUniversal) return c;
  if (!IcOrComputer(x)) {
    x.Reason("auth.uveu", cite::kVeu, "UVEU covers 3A090 and 4A090 items here: not available");
    return c;
  }
  if (!x.HqIn(law::kTier1) || x.HqMacauOrD5() || x.DestIn(law::kMacauOrD5)) {
    x.Reason("auth.uveu", cite::kVeu,
             "a UVEU must be headquartered (or have its ultimate parent) in Tier 1, with no "
             "Macau/D:5 headquarters or data center: not available");
    return c;
  }
  if (TrainingOutsideTier1(x)) {
    x.Reason("auth.uveu", cite::kTrainingUse,
             "a VEU may not train 4E091 models outside Tier 1 without authorization: not "
             "available");
    return c;
  }
  // The share limits are measured on chips meeting 3A090.a (supp. 10 para. 6):
  // only .a-level TPP enters the installed base.
  c.needs_account = x.c.a_level();
  if (!x.c.a_level() || x.party().empty()) {
    c.eligible = true;
    x.Reason("auth.uveu", cite::kVeu,
             "Universal VEU with a Tier 1 headquarters, data center outside Macau/D:5: covered");
    return c;
  }
  std::optional<bool> shares_ok = CheckUveuShares(x);
  if (!shares_ok) return c;  // ledger unreadable: already needs_review
  if (!*shares_ok) return c;
  c.eligible = true;
  c.debits.push_back(
      {UveuAccount(x.party(), x.dest), x.tpp_total, TransferState::kPosted, std::nullopt});
  if (x.d->reasons.back().rule != std::string_view("auth.uveu.shares")) {
    AddNoticeTo(&c, "uveu_share_unverified");
    x.Reason("auth.uveu", cite::kUveuShares,
             "Universal VEU with a Tier 1 headquarters, data center outside Macau/D:5: covered; "
             "the 25 % / 7 % / 50 % share limits cannot be checked without a declared installed "
             "base (D10)");
  }
  return c;
}

Candidate TryNveu(Context& x) {
  Candidate c(Authorization::kNveu);
  if (x.s.consignee.veu != Veu::kNational) return c;
  if (!IcOrComputer(x)) {
    x.Reason("auth.nveu", cite::kVeu, "NVEU covers 3A090 and 4A090 items here: not available");
    return c;
  }
  if (x.HqMacauOrD5() || x.DestIn(law::kMacauOrD5)) {
    x.Reason("auth.nveu", cite::kVeu,
             "an NVEU may not be headquartered or have a data center in Macau/D:5: not "
             "available");
    return c;
  }
  if (TrainingOutsideTier1(x)) {
    x.Reason("auth.nveu", cite::kTrainingUse,
             "a VEU may not train 4E091 models outside Tier 1 without authorization: not "
             "available");
    return c;
  }
  if (!x.c.a_level()) {
    // The installed-base cap counts 3A090.a, 4A090.a and .z items only.
    c.eligible = true;
    x.Reason("auth.nveu", cite::kNveuCap,
             "National VEU covers {}; the installed-base cap counts only 3A090.a-level items, so "
             "nothing is drawn on it",
             WireName(x.c.eccn));
    return c;
  }
  c.needs_account = true;
  if (x.party().empty()) {
    c.eligible = true;  // D17 turns this into needs_review if chosen
    return c;
  }
  std::string account = NveuAccount(x.party(), x.dest);
  std::optional<AccountBalance> b = x.Balance(account);
  if (!b) return c;
  Fixed cap = x.law.nveu_cap_tpp.value;
  Fixed after = *Fixed::Add(b->drawn(), x.tpp_total);
  if (after > cap) {
    x.Reason("auth.nveu", cite::kNveuCap,
             "NVEU installed base in {} would be {} + {} = {}, above the {} Q{} cap of {}: not "
             "covered",
             x.dest, b->drawn(), x.tpp_total, after, x.s.date.year(), x.s.date.quarter(), cap);
    return c;
  }
  c.eligible = true;
  c.debits.push_back({std::move(account), x.tpp_total, TransferState::kPosted, cap});
  x.Reason("auth.nveu", cite::kNveuCap,
           "NVEU installed base in {} becomes {} + {} = {}, within the {} Q{} cap of {}: covered",
           x.dest, b->drawn(), x.tpp_total, after, x.s.date.year(), x.s.date.quarter(), cap);
  return c;
}

Candidate TryAcm(Context& x) {
  Candidate c(Authorization::kAcm);
  uint8_t uses = kEndUseDevelopment | kEndUseProduction | kEndUseStorage;
  if ((x.s.end_use & uses) == 0) return c;
  if (!x.Hardware()) {
    x.Reason("auth.acm", cite::kAcm, "ACM covers 3A090 and 4A090 items: not available");
    return c;
  }
  if (x.DestIn(law::kMacauOrD5) || x.HqMacauOrD5()) {
    x.Reason("auth.acm", cite::kAcm,
             "ACM excludes Macau/D:5 destinations and consignees headquartered there: not "
             "available");
    return c;
  }
  c.eligible = true;
  x.Reason("auth.acm", cite::kAcm,
           "development, production or storage by a private-sector end user, for customers "
           "outside Macau/D:5: ACM available (inventory accounting, records under 762.2(b)(59))");
  return c;
}

// ACA and NAC share eligibility (740.8); which one depends on Macau/D:5.
Candidate TryAcaNac(Context& x, Authorization which) {
  Candidate c(which);
  if (!IcOrComputer(x) || !x.c.nac_eligible) {
    if (which == Authorization::kAca) {
      x.Reason("auth.aca", cite::kNacAca,
               "ACA/NAC exclude 3A090.a items designed or marketed for datacenters (and cover no "
               "HBM or model weights): not available");
    }
    return c;
  }
  bool tier3 = x.DestIn(law::kMacauOrD5) || x.HqMacauOrD5();
  bool within = x.s.type == ShipmentType::kTransfer && x.DestIn(law::kMacauOrD5);
  if (which == Authorization::kAca) {
    c.eligible = !tier3 || within;
    x.Reason("auth.aca", cite::kNacAca, "{}",
             c.eligible ? "no Macau/D:5 destination or headquarters (or a transfer within "
                          "Macau/D:5): ACA available, no notice"
                        : "Macau/D:5 destination or headquarters: ACA not available");
    return c;
  }
  c.eligible = tier3 && !within;
  if (c.eligible) {
    AddNoticeTo(&c, "nac_notification");
    x.Reason("auth.nac", cite::kNacAca,
             "Macau/D:5 destination or headquarters: NAC available after notifying BIS {} days "
             "ahead",
             x.law.nac_notice_days.value);
  }
  return c;
}

Candidate TryHbm(Context& x) {
  Candidate c(Authorization::kHbm);
  if (x.c.eccn != Eccn::k3A090c) return c;
  c.eligible = x.c.hbm_exception;
  x.Reason("auth.hbm", cite::kHbmException, "memory bandwidth density {} {}: HBM {}",
           x.s.item.hbm_density_gbs_per_mm2,
           c.eligible ? "<" : ">=", x.law.hbm_exception_density_max.value,
           c.eligible ? "available" : "not available");
  return c;
}

Candidate TryLpp(Context& x) {
  Candidate c(Authorization::kLpp);
  if (!AHardware(x)) {
    x.Reason("auth.lpp", cite::kLpp, "LPP covers 3A090.a and 4A090.a items only: not available");
    return c;
  }
  if (x.s.type == ShipmentType::kTransfer) {
    x.Reason("auth.lpp", cite::kLpp, "LPP covers exports and reexports, not in-country transfers");
    return c;
  }
  if (x.DestIn(law::kMacauOrD5) || x.HqMacauOrD5()) {
    x.Reason("auth.lpp", cite::kLpp,
             "LPP excludes Macau/D:5 destinations and consignees headquartered there");
    return c;
  }
  bool d1_d4 = x.DestIn(law::kD1 | law::kD4) && !x.DestIn(law::kA5 | law::kA6);
  if (d1_d4 && !x.law.lpp_in_d1_d4.value) {
    x.Reason("auth.lpp", cite::kLppD1,
             "{} is in D:1 or D:4 outside A:5/A:6, where 740.2(a)(9)(ii) leaves no LPP (D1): not "
             "available",
             x.dest);
    return c;
  }
  c.needs_account = true;
  if (x.party().empty()) {
    c.eligible = true;
    return c;
  }
  std::string account = LppAccount(x.party(), x.s.date.year());
  std::optional<AccountBalance> b = x.Balance(account);
  if (!b) return c;
  Fixed cap = x.law.lpp_cap_tpp.value;
  Fixed drawn = b->drawn();
  Fixed after = *Fixed::Add(drawn, x.tpp_total);
  if (after > cap) {
    Fixed room = *Fixed::Sub(cap, drawn);
    int64_t fit = x.d->tpp && x.d->tpp->milli() > 0 ? room.milli() / x.d->tpp->milli() : 0;
    x.Reason("auth.lpp", cite::kLppWhole,
             "{} has drawn {} of its {} LPP cap for {}; {} more would pass it, so the shipment as "
             "a whole is not eligible (D7); {} unit(s) would still fit",
             x.party(), drawn, cap, x.s.date.year(), x.tpp_total, fit);
    return c;
  }
  c.eligible = true;
  c.debits.push_back({std::move(account), x.tpp_total, TransferState::kPosted, cap});
  AddNoticeTo(&c, "lpp_certification");
  if (x.tpp_total >= x.law.lpp_prior_notice_tpp.value) AddNoticeTo(&c, "lpp_prior_notice");
  if (after == cap) AddNoticeTo(&c, "lpp_limit_reached");
  x.Reason("auth.lpp", cite::kLpp,
           "{} draws {} + {} = {} of its {} LPP cap for {}: LPP available (certification to BIS "
           "within {} days{})",
           x.party(), drawn, x.tpp_total, after, cap, x.s.date.year(),
           x.law.lpp_certification_days.value,
           x.tpp_total >= x.law.lpp_prior_notice_tpp.value
               ? fmt::format("; prior notice: the shipment is {} TPP or more",
                             x.law.lpp_prior_notice_tpp.value)
               : "");
  return c;
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
  if (x.ledger_failed) return true;
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
  if (chosen->needs_account && x.party().empty() && x.law.ledger_needs_consignee.value) {
    x.Reason("auth.needs_consignee", cite::kNeedsName,
             "{} draws on a ledger account named after the consignee's ultimate parent, and no "
             "usable name is given",
             WireName(chosen->auth));
    x.NeedsReview("missing_field", "consignee.name",
                  fmt::format("{} needs `consignee.name` (letters a-z or digits) for its ledger "
                              "account",
                              WireName(chosen->auth)));
    return true;
  }
  x.d->decision = Decision::kAuthorized;
  x.d->authorization = chosen->auth;
  for (const Debit& debit : chosen->debits) x.d->debits.push_back(debit);
  for (std::string_view n : chosen->notices) {
    if (!n.empty()) x.d->AddNotice(n);
  }
  x.Reason("auth.chosen", cite::kChoice, "authorized under {}{}{}", WireName(chosen->auth),
           others.empty() ? "" : "; also available: ", others);
  return true;
}

}  // namespace highfence::determine
