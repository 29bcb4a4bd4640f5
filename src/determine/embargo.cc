// Part 746: embargoes and sanctioned destinations (rules.md section 16,
// D32-D44). A program in force on the shipment's date for its destination or
// region requires a licence (or, for Syria's EAR99 items, grants SPP) on top of
// the AI-chip rules. Its reasons come first; the AI-chip derivation follows
// unchanged, and the stricter review policy wins (D32). Every program, date and
// policy is a value of law/part-746-embargoes.toml.
#include <algorithm>

#include "determine/steps.h"

namespace highfence::determine {
namespace {

bool Lists(const law::CountryList& list, CountryCode c) {
  return std::find(list.begin(), list.end(), c) != list.end();
}

// What the caller's item is for part 746 (rules.md section 16.6).
enum class ItemClass : uint8_t { kCcl, kEar99, kNotSubject };

ItemClass ClassOf(Context& x) {
  const Item& item = x.s.item;
  if (!SubjectToEar(x)) return ItemClass::kNotSubject;
  if (x.c.eccn == Eccn::k4E091 && x.law.non_enforced &&
      !x.law.model_weights_enforced_after_non_enforcement.value) {
    return ItemClass::kEar99;  // D41: unenforced 4E091 reads like EAR99 technology
  }
  if (x.c.eccn != Eccn::kNone) return ItemClass::kCcl;
  if (item.eccn == "EAR99") return ItemClass::kEar99;
  if (item.eccn.empty()) {
    x.d->Assume("item.eccn", "CCL (3A991/4A994/5A992)");
    x.Reason("embargo.classification", x.law.cite->classification_assumed,
             "no `item.eccn` is given for an item below 3A090: it is taken to be on the CCL "
             "(EAR99 would be `eccn: EAR99`)");
  }
  return ItemClass::kCcl;
}

// 746.8(b)(2)(vi), 746.6(b): the consignee is another company's civil
// subsidiary or joint venture, its ultimate parent headquartered in the United
// States or A:5/A:6 (the caller's facts, D5).
bool WesternSubsidiary(const Context& x) {
  static const CountryCode kUs = *CountryCode::Parse("US");  // a constant: always parses
  const Consignee& c = x.s.consignee;
  bool other_parent = !c.parent.empty() && c.parent != c.name;
  return other_parent && (x.parent_hq == kUs || x.law.In(x.parent_hq, law::kA5 | law::kA6));
}

void Require(Context& x, LicensePolicy policy) {
  x.embargo.license = true;
  x.embargo.policy = std::max(x.embargo.policy, policy);
}

void Cuba(Context& x) {
  Require(x, x.law.cuba_policy.value);
  x.d->AddNotice("ofac_sanctions_apply");
  x.Reason("embargo.cuba", x.law.cuba_destinations.citation(),
           "{} is under the Cuba embargo: a licence is required for every item subject to the "
           "EAR; {}",
           x.dest, x.law.cuba_policy)
      .Read(x.law.cuba_destinations);
}

void NorthKorea(Context& x, ItemClass item) {
  const Cited<LicensePolicy>& policy =
      item == ItemClass::kCcl ? x.law.north_korea_ccl_policy : x.law.north_korea_ear99_policy;
  Require(x, policy.value);
  x.d->AddNotice("ofac_sanctions_apply");
  x.Reason("embargo.north_korea", policy.citation(),
           "{} is under the North Korea embargo: a licence is required for every item subject "
           "to the EAR except EAR99 food and medicine; {} for {}",
           x.dest, policy, item == ItemClass::kCcl ? "a CCL item" : "an EAR99 item")
      .Read(x.law.north_korea_destinations)
      .Read(policy);
}

void Iran(Context& x, ItemClass item) {
  Require(x, x.law.iran_policy.value);
  x.d->AddNotice("ofac_sanctions_apply");
  x.d->AddNotice("ofac_authorization_required");
  x.Reason("embargo.iran", x.law.iran_destinations.citation(),
           "{} is under the Iran embargo: {}; {}", x.dest,
           item == ItemClass::kCcl
               ? "every CCL item carries AT1, so a BIS licence is required"
               : "an EAR99 item needs OFAC's authorization, which the EAR enforces",
           x.law.iran_policy)
      .Read(x.law.iran_destinations);
}

void Syria(Context& x, ItemClass item) {
  const Cited<Date>& spp_on = x.law.syria_spp_on;
  if (x.s.date < x.law.syria_ofac_ended_on.value) x.d->AddNotice("ofac_sanctions_apply");
  if (item == ItemClass::kEar99 && x.s.date >= spp_on.value) {
    x.embargo.spp = true;
    x.Reason("embargo.syria", spp_on.citation(),
             "{} is under the Syria controls (every item subject to the EAR needs a licence); "
             "from {} License Exception SPP authorizes EAR99 items",
             x.dest, spp_on)
        .Read(x.law.syria_destinations);
    return;
  }
  Require(x, x.law.syria_policy.value);
  x.Reason("embargo.syria", x.law.syria_destinations.citation(),
           "{} is under the Syria controls: a licence is required for every item subject to the "
           "EAR except EAR99 food and medicine{}; {}",
           x.dest,
           x.s.date >= spp_on.value ? "" : fmt::format(" (SPP for EAR99 items only from {})",
                                                       spp_on.value),
           x.law.syria_policy)
      .Read(spp_on)
      .Read(x.law.syria_ofac_ended_on);
}

// D36: the civil-subsidiary exclusion of 746.8(a)(1) for the stated ECCN.
bool RussiaBelarusExcluded(Context& x) {
  const std::string& stated = x.s.item.eccn;
  if (x.c.eccn != Eccn::kNone || stated.empty() || stated == "EAR99") return false;
  const Cited<law::EccnList>& list = x.law.russia_belarus_excluded_eccns;
  bool listed = std::any_of(list.value.begin(), list.value.end(), [&](const std::string& e) {
    return stated == e || (stated.size() > e.size() && stated.starts_with(e) &&
                           stated[e.size()] == '.');
  });
  if (!listed || !WesternSubsidiary(x)) return false;
  x.Reason("embargo.russia_belarus.excluded", list.citation(),
           "{} ({}) to a consignee whose ultimate parent is headquartered in {}: excluded from "
           "the 746.8 licence requirement, provided the consignee is a civil wholly-owned "
           "subsidiary, branch or joint venture of that company (the caller's facts)",
           stated, list, x.parent_hq)
      .Read(list);
  return true;
}

void RussiaBelarusEar99(Context& x, Date start) {
  const Cited<Date>& from = x.law.ru_by_ear99_ic_from;
  Date listed_on = std::max(start, from.value);
  if (x.s.date < listed_on) {
    x.Reason("embargo.russia_belarus.ear99", from.citation(),
             "an EAR99 item is treated as listed by HTS code for {} only from {} (D34): no 746 "
             "licence yet (744.21 and the Entity List still reach EAR99 items)",
             x.dest, listed_on)
        .Read(from);
    return;
  }
  Require(x, x.law.russia_belarus_ear99_policy.value);
  bool before = x.s.date < x.law.russia_belarus_ear99_consolidated_on.value;
  x.Reason("embargo.russia_belarus.ear99", x.law.cite->russia_belarus_ear99,
           "an EAR99 integrated circuit to {} is treated as listed by HTS code in supplements "
           "nos. 4 and 7 (D34, from {}): licence required under {} ({} moved it into 746.8); {}, "
           "with none of 746.8(b)'s subsidiary categories",
           x.dest, listed_on, before ? "746.5(a)(1)(ii)" : "746.8(a)",
           x.law.russia_belarus_ear99_consolidated_on, x.law.russia_belarus_ear99_policy)
      .Read(from);
}

void RussiaBelarus(Context& x, ItemClass item, const Cited<Date>& start) {
  if (x.s.item.kind == ItemKind::kModelWeights && item == ItemClass::kEar99) {
    x.d->AddNotice("ofac_services_ban_may_apply");
    x.Reason("embargo.russia_belarus.model", x.law.model_weights_enforced_after_non_enforcement
                                                 .citation(),
             "unenforced 4E091 model weights read as EAR99 technology, which 746.8 does not list "
             "(D41): no 746 licence; OFAC's services bans may apply")
        .Read(x.law.model_weights_enforced_after_non_enforcement);
    return;
  }
  if (item == ItemClass::kEar99) return RussiaBelarusEar99(x, start.value);
  if (RussiaBelarusExcluded(x)) return;
  bool subsidiary = WesternSubsidiary(x);
  const Cited<LicensePolicy>& policy =
      subsidiary ? x.law.russia_belarus_subsidiary_policy : x.law.russia_belarus_policy;
  Require(x, policy.value);
  x.Reason("embargo.russia_belarus", policy.citation(),
           "{} is under the Russia/Belarus sanctions from {}: every CCL item needs a licence "
           "(746.8(a)(1)); {}{}",
           x.dest, start, policy,
           subsidiary ? fmt::format(" (consignee's ultimate parent headquartered in {}: the civil "
                                    "subsidiary and joint venture category, on the caller's facts)",
                                    x.parent_hq)
                      : "")
      .Read(start);
}

// Crimea and the so-called DNR/LNR regions (746.6), and the occupied regions no
// provision names (D39).
void UkraineRegion(Context& x) {
  Region r = x.s.region;
  if (r == Region::kZaporizhzhia || r == Region::kKherson) {
    const Cited<bool>& covered = x.law.occupied_ua_regions_covered;
    if (!covered.value) {
      x.d->AddNotice("occupied_territory");
      x.Reason("embargo.occupied_region", x.law.cite->occupied_regions,
               "{}: no EAR provision names this region; Ukraine's ordinary rules apply (D39)",
               WireName(r))
          .Read(covered);
      return;
    }
    x.embargo.in_force = true;
    x.embargo.license = true;
    x.embargo.policy_null = true;
    x.Reason("embargo.occupied_region", x.law.cite->occupied_regions,
             "{}: no EAR provision names this region, but the default treats Russian-occupied "
             "territory like a covered region (744.21 and GP10 diversion risk): licence "
             "required, no review policy stated (D39)",
             WireName(r))
        .Read(covered);
    return;
  }
  bool crimea = r == Region::kCrimea;
  if (!crimea && x.s.date >= x.law.covered_regions_ofac_on.value) {
    x.d->AddNotice("ofac_sanctions_apply");
  }
  if (!crimea && x.s.date < x.law.covered_regions_on.value) {
    x.Reason("embargo.covered_region", x.law.covered_regions_on.citation(),
             "the {} region is covered by 746.6(a)(2) only from {}: Ukraine's ordinary rules "
             "apply",
             WireName(r), x.law.covered_regions_on)
        .Read(x.law.covered_regions_ofac_on);
    return;
  }
  if (crimea) x.d->AddNotice("ofac_sanctions_apply");
  x.embargo.in_force = true;
  bool subsidiary = WesternSubsidiary(x);
  const Cited<LicensePolicy>& policy =
      subsidiary ? x.law.ukraine_regions_subsidiary_policy : x.law.ukraine_regions_policy;
  Require(x, policy.value);
  x.d->AddNotice("ukraine_government_deployment_not_evaluated");
  ReasonRef reason = x.Reason(
      "embargo.covered_region", crimea ? policy.citation() : x.law.cite->covered_regions_extent,
      "the {} region of Ukraine: a licence is required for every item subject to the EAR except "
      "EAR99 food and medicine (746.6(a)); {}{}",
      crimea ? "Crimea" : (r == Region::kDonetsk ? "so-called DNR (Donetsk)" : "so-called LNR "
                                                                               "(Luhansk)"),
      policy,
      crimea ? "" : "; the law names the so-called DNR/LNR regions, not whole oblasts (OFAC FAQ "
                    "1009): a stated oblast is treated as covered");
  reason.Read(x.law.ukraine_destinations);
  if (!crimea) reason.Read(x.law.covered_regions_on);
}

// D37: the AI-chip authorizations and part 746's own exceptions.
void ReasonExceptions(Context& x, bool iran) {
  if (iran) {
    x.Reason("embargo.exceptions", x.law.cite->iran_no_exceptions,
             "no licence exception is available for Iran");
    return;
  }
  x.d->AddNotice("part746_exceptions_not_evaluated");
  x.Reason("embargo.exceptions", x.law.cite->embargo_exceptions,
           "no AI-chip licence exception or validated end-user authorization (AIA, LPP, ACA, NAC, "
           "ACM, HBM, UVEU, NVEU) may be used where part 746 requires a licence; the part 746 "
           "exceptions (GOV, TMP, TSU, BAG, AVS, ...) are not evaluated");
}

bool Consumer(const Context& x) {
  return x.s.item.kind == ItemKind::kIc && !x.s.item.ic.datacenter;
}

}  // namespace

bool RussiaBelarusInForce(const Context& x) {
  return (Lists(x.law.russia_destinations.value, x.dest) && x.s.date >= x.law.russia_on.value) ||
         (Lists(x.law.belarus_destinations.value, x.dest) && x.s.date >= x.law.belarus_on.value);
}

void StepEmbargo(Context& x) {
  const size_t first = x.d->reasons.size();
  const law::Snapshot& law = x.law;
  bool ukraine = Lists(law.ukraine_destinations.value, x.dest);
  bool ru_by = RussiaBelarusInForce(x);
  bool whole = Lists(law.cuba_destinations.value, x.dest) ||
               Lists(law.north_korea_destinations.value, x.dest) ||
               Lists(law.iran_destinations.value, x.dest) ||
               Lists(law.syria_destinations.value, x.dest) || ru_by;
  bool region = x.s.region != Region::kNone;
  if (ukraine && !region) x.d->AddNotice("ua_region_not_stated");
  if (!whole && !region) return;
  ItemClass item = ClassOf(x);
  if (item == ItemClass::kNotSubject) return;
  x.embargo.in_force = whole;
  if (Lists(law.cuba_destinations.value, x.dest)) Cuba(x);
  if (Lists(law.north_korea_destinations.value, x.dest)) NorthKorea(x, item);
  if (Lists(law.iran_destinations.value, x.dest)) Iran(x, item);
  if (Lists(law.syria_destinations.value, x.dest)) Syria(x, item);
  if (ru_by) {
    bool russia = Lists(law.russia_destinations.value, x.dest);
    RussiaBelarus(x, item, russia ? law.russia_on : law.belarus_on);
  }
  if (region) UkraineRegion(x);
  if (x.embargo.license) {
    ReasonExceptions(x, Lists(law.iran_destinations.value, x.dest));
    bool ccd = Lists(law.cuba_destinations.value, x.dest) || ru_by ||
               (Lists(law.syria_destinations.value, x.dest) && x.s.date >= law.syria_spp_on.value);
    if (ccd && Consumer(x)) x.d->AddNotice("ccd_may_apply");
  }
  // D32: the embargo's reasons come first, then the AI-chip derivation.
  std::rotate(x.d->reasons.begin(), x.d->reasons.begin() + static_cast<ptrdiff_t>(first),
              x.d->reasons.end());
}

void FinishEmbargo(Context& x) {
  Determination* d = x.d;
  if (!x.embargo.in_force || !d->errors.empty()) return;
  if (x.embargo.spp && !x.embargo.license) {
    if ((x.s.end_use & x.law.part744_end_uses.value) != 0) {
      // D38: a part 744 end use bars SPP; the licence is reviewed under this policy.
      const Cited<LicensePolicy>& policy = x.law.syria_spp_excluded_policy;
      LicensePolicy chip = d->decision == Decision::kLicenseRequired ? d->license_policy
                                                                       : LicensePolicy::kNone;
      d->decision = Decision::kLicenseRequired;
      d->authorization = Authorization::kNone;
      d->debits.clear();
      d->license_policy = std::max(chip, policy.value);
      x.Reason("embargo.spp", policy.citation(),
               "SPP does not authorize an item where part 744 requires a licence: {}", policy);
      return;
    }
    d->decision = Decision::kAuthorized;
    d->authorization = Authorization::kSpp;
    d->license_policy = LicensePolicy::kNone;
    d->debits.clear();
    x.Reason("embargo.spp", x.law.syria_spp_on.citation(), "authorized under SPP");
    return;
  }
  if (!x.embargo.license) {
    // The program covers the destination but not this item: never not_controlled.
    if (d->decision == Decision::kNotControlled) d->decision = Decision::kNoLicenseRequired;
    return;
  }
  LicensePolicy chip =
      d->decision == Decision::kLicenseRequired ? d->license_policy : LicensePolicy::kNone;
  d->decision = Decision::kLicenseRequired;
  d->authorization = Authorization::kNone;
  d->debits.clear();
  d->license_policy =
      x.embargo.policy_null ? LicensePolicy::kNone : std::max(x.embargo.policy, chip);
  x.Reason("embargo.policy", x.law.cite->embargo_exceptions,
           "part 746 and the AI-chip rules each require a licence: {}{}",
           x.embargo.policy_null ? std::string_view("no review policy stated (D39)")
                                 : WireName(d->license_policy),
           chip != LicensePolicy::kNone && !x.embargo.policy_null
               ? fmt::format(" (the stricter of the embargo's {} and the AI-chip rules' {})",
                             WireName(x.embargo.policy), WireName(chip))
               : std::string());
}

}  // namespace highfence::determine
