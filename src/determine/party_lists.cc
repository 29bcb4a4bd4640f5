// Restricted parties (law/part-744-party-lists.toml; docs/screening.md, "In
// determinations"). The caller screened the consignee and its ultimate parent
// against a list snapshot and put the hits on the shipment
// (Shipment::screening); these steps say what the hits mean in law:
//   - an Entity List match on the consignee, or on its parent on a date the
//     affiliates rule applies: a licence for every item subject to the EAR
//     (EAR99 included) under the entry's review policy, and no licence
//     exception (744.11, 740.2(a)(6));
//   - a Denied Persons List match on the consignee: a licence under a policy of
//     denial (General Prohibition Four);
//   - a match on another list, or on the parent where the law does not extend
//     the list to it: a reason and a notice;
//   - a candidate in the review band, for a party with no match: needs_review,
//     naming the candidate.
// StepPartyLists runs before the AI-chip derivation (its reasons come first,
// and it sets x.parties, which bars the authorizations); FinishPartyLists after
// it, combining the two as FinishEmbargo does.
#include <algorithm>
#include <array>

#include "determine/steps.h"

namespace highfence::determine {
namespace {

// A list other than the Entity List, by the code the CSL gives it: the notice
// a match adds, the step citation, and what the listing means for the exporter.
struct OtherList {
  std::string_view code;
  std::string_view notice;
  std::string_view law::Citations::*citation;
  std::string_view meaning;
};

constexpr std::array<OtherList, 6> kOtherLists = {{
    {"SDN", "party_listed_sdn", &law::Citations::sdn_list,
     "OFAC blocks the party's property and bars U.S. persons from dealing with it; not "
     "evaluated here: resolve before shipping"},
    {"MEU", "party_listed_meu", &law::Citations::military_end_user_list,
     "a military end user: a licence is required for the items of Supp. No. 2 to part 744 "
     "(not evaluated here)"},
    {"UVL", "party_listed_uvl", &law::Citations::unverified_list,
     "no licence exception may be used, and the party's UVL statement is needed before export"},
    {"DTC", "party_listed_itar_debarred", &law::Citations::other_lists,
     "debarred from ITAR transactions by the State Department; resolve before shipping"},
    {"ISN", "party_listed_nonproliferation", &law::Citations::other_lists,
     "under State Department nonproliferation sanctions; resolve before shipping"},
    {"", "party_listed_other", &law::Citations::other_lists,
     "a listed party; resolve the listing before shipping"},
}};

const OtherList& OtherListOf(std::string_view code) {
  for (const OtherList& l : kOtherLists) {
    if (l.code == code) return l;
  }
  return kOtherLists.back();
}

bool Contains(std::string_view text, std::string_view word) {
  return text.find(word) != std::string_view::npos;
}

// "score 0.95; 84 FR 22961" for a reason's text.
std::string HitFacts(const PartyListHit& h) {
  std::string facts = fmt::format("score {}", h.score);
  if (!h.entity_number.empty()) facts += fmt::format("; entry {}", h.entity_number);
  facts += h.federal_register_notice.empty()
               ? std::string("; no Federal Register citation on the row")
               : fmt::format("; {}", h.federal_register_notice);
  return facts;
}

std::string_view NameOf(const Context& x, PartyRole role) {
  return role == PartyRole::kConsignee ? std::string_view(x.s.consignee.name)
                                       : std::string_view(x.s.Parent());
}

std::string_view FieldOf(PartyRole role) {
  return role == PartyRole::kConsignee ? "consignee.name" : "consignee.parent";
}

// A listing that would require a licence, on a shipment the EAR does not
// reach (not an export, or an item not subject to the EAR): said, not applied.
bool NotApplicable(Context& x, const PartyListHit& h, std::string_view who) {
  if (x.parties.applicable) return false;
  bool domestic = SubjectToEar(x);
  x.Reason("party.not_applicable",
           domestic ? x.law.united_states_is_export.citation() : x.law.cite->entity_list,
           "{} `{}` matches `{}` on the {} ({}), whose licence requirement covers items subject to "
           "the EAR exported, reexported or transferred: {}, so no licence is required for it",
           who, NameOf(x, h.role), h.name, h.list_name.empty() ? h.list : h.list_name, HitFacts(h),
           domestic ? "the destination is the United States, not an export"
                    : "published model weights are not subject to the EAR");
  return true;
}

// The licence an Entity List entry requires, with its review policy.
void RequireEntityList(Context& x, const PartyListHit& h, std::string_view who) {
  if (NotApplicable(x, h, who)) return;
  LicensePolicy policy = PolicyOfEntry(h.license_policy);
  x.Reason("party.entity_list", x.law.cite->entity_list,
           "{} `{}` matches `{}` on the Entity List ({}): a licence is required for every item "
           "subject to the EAR, EAR99 included; the entry's review policy \"{}\" reads as {}",
           who, NameOf(x, h.role), h.name, HitFacts(h), h.license_policy,
           policy == LicensePolicy::kNone ? std::string_view("no policy") : WireName(policy));
  if (policy == LicensePolicy::kNone) {
    const Cited<LicensePolicy>& fallback = x.law.entity_list_unknown_policy;
    policy = fallback.value;
    x.Reason("party.entity_list_policy", fallback.citation(),
             "the entry names no review policy this engine reads: {} is taken", fallback)
        .Read(fallback);
  }
  x.parties.license = true;
  x.parties.policy = std::max(x.parties.policy, policy);
}

void ParentOnEntityList(Context& x, const PartyListHit& h) {
  const Cited<bool>& rule = x.law.affiliates_rule_applies;
  const Cited<int64_t>& share = x.law.affiliates_ownership_percent_min;
  if (rule.value) {
    x.d->Assume(
        "consignee.parent",
        fmt::format("owns {} percent or more of the consignee (affiliates rule)", share.value));
    x.Reason("party.affiliates", rule.citation(),
             "on {} the affiliates rule extends the Entity List to entities owned {} percent or "
             "more by a listed entity; the consignee's ultimate parent `{}` is taken to own that "
             "much (see `assumed`)",
             x.s.date, share, x.s.Parent())
        .Read(rule);
    RequireEntityList(x, h, "the consignee's ultimate parent");
    return;
  }
  x.d->AddNotice("party_parent_entity_listed");
  x.Reason("party.affiliates", rule.citation(),
           "the consignee's ultimate parent `{}` matches `{}` on the Entity List ({}); on {} the "
           "Entity List does not extend to a listed entity's affiliates: no licence is required "
           "for that reason, but a listed owner is a red flag to resolve before shipping",
           x.s.Parent(), h.name, HitFacts(h), x.s.date)
      .Read(rule);
}

void DeniedPerson(Context& x, const PartyListHit& h, PartyRole role) {
  const Cited<LicensePolicy>& policy = x.law.denied_persons_policy;
  x.d->AddNotice("party_listed_dpl");
  if (role == PartyRole::kConsignee && NotApplicable(x, h, "the consignee")) return;
  if (role == PartyRole::kParent) {
    x.Reason("party.denied_persons", policy.citation(),
             "the consignee's ultimate parent `{}` matches `{}` on the Denied Persons List ({}): "
             "a denial order names its persons, so the consignee is not denied by that alone, "
             "but dealing with it is a red flag to resolve before shipping",
             x.s.Parent(), h.name, HitFacts(h));
    return;
  }
  x.Reason("party.denied_persons", policy.citation(),
           "the consignee `{}` matches `{}` on the Denied Persons List ({}): a denial order bars "
           "taking part in any export with it, for every item subject to the EAR, and no licence "
           "exception applies: licence required, {}",
           x.s.consignee.name, h.name, HitFacts(h), policy);
  x.parties.license = true;
  x.parties.policy = std::max(x.parties.policy, policy.value);
}

void OnOtherList(Context& x, const PartyListHit& h) {
  const OtherList& list = OtherListOf(h.list);
  x.d->AddNotice(list.notice);
  x.Reason("party.listed", x.law.cite->*list.citation,
           "the {} `{}` matches `{}` on the {} ({}): {}",
           h.role == PartyRole::kConsignee ? "consignee" : "consignee's ultimate parent",
           NameOf(x, h.role), h.name, h.list_name.empty() ? h.list : h.list_name, HitFacts(h),
           list.meaning);
}

// A party with no match but candidates in the review band: the best one is
// named, and the determination will need review (FinishPartyLists).
void ReviewCandidates(Context& x, PartyRole role, const PartyListHit& best, int others) {
  std::string message = fmt::format(
      "`{}` may be `{}` on the {} (score {}: below the match threshold {}, at or above the review "
      "threshold {}){}: confirm or clear the party",
      NameOf(x, role), best.name, best.list_name.empty() ? best.list : best.list_name, best.score,
      best.threshold, best.review_threshold,
      others > 0 ? fmt::format(", and {} other candidate{}", others, others > 1 ? "s" : "")
                 : std::string());
  x.Reason("party.review", x.law.cite->screening_review, "{}", message);
  x.parties.reviews.push_back({"party_screening_review", std::string(FieldOf(role)), message});
}

void ScreenParty(Context& x, PartyRole role) {
  const PartyListHit* review = nullptr;
  int reviews = 0;
  bool matched = false, entity_list = false, denied = false;
  std::vector<std::string_view> lists;  // the other lists already reported
  for (const PartyListHit& h : x.s.screening->hits) {
    if (h.role != role) continue;
    if (!h.match) {
      if (review == nullptr) review = &h;
      ++reviews;
      continue;
    }
    matched = true;
    if (h.list == "EL") {
      if (entity_list) continue;  // the best entry says it; the others are in `screening`
      entity_list = true;
      if (role == PartyRole::kParent) {
        ParentOnEntityList(x, h);
      } else {
        RequireEntityList(x, h, "the consignee");
      }
    } else if (h.list == "DPL") {
      if (!denied) DeniedPerson(x, h, role);
      denied = true;
    } else if (std::find(lists.begin(), lists.end(), h.list) == lists.end()) {
      lists.push_back(h.list);
      OnOtherList(x, h);
    }
  }
  if (!matched && review != nullptr) ReviewCandidates(x, role, *review, reviews - 1);
}

}  // namespace

LicensePolicy PolicyOfEntry(std::string_view text) {
  std::string folded(text);
  for (char& c : folded) {
    c = c == '-' ? ' ' : static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  if (Contains(folded, "policy of denial")) return LicensePolicy::kPolicyOfDenial;
  if (Contains(folded, "presumption of denial") || Contains(folded, "presumption for denial")) {
    return LicensePolicy::kPresumptionOfDenial;
  }
  if (Contains(folded, "case by case")) return LicensePolicy::kCaseByCase;
  if (Contains(folded, "presumption of approval")) return LicensePolicy::kPresumptionOfApproval;
  return LicensePolicy::kNone;
}

bool SubjectToEar(const Context& x) {
  const Item& item = x.s.item;
  return !(item.kind == ItemKind::kModelWeights && item.model.published);
}

void StepPartyLists(Context& x) {
  if (x.s.screening == nullptr) return;
  x.parties.applicable = SubjectToEar(x) && !DomesticShipment(x);
  ScreenParty(x, PartyRole::kConsignee);
  ScreenParty(x, PartyRole::kParent);
}

bool SkipForPartyLists(Context& x) {
  if (!x.parties.license) return false;
  x.Reason("auth.party_lists", x.law.cite->entity_list_exceptions,
           "a listed party requires a licence: no licence exception or validated end-user "
           "authorization is tried, and nothing is drawn");
  return true;
}

void FinishPartyLists(Context& x) {
  Determination* d = x.d;
  for (DeterminationError& e : x.parties.reviews) {
    x.NeedsReview(e.code, e.field, std::move(e.message));
  }
  if (!x.parties.license || !d->errors.empty()) return;
  LicensePolicy chip =
      d->decision == Decision::kLicenseRequired ? d->license_policy : LicensePolicy::kNone;
  d->decision = Decision::kLicenseRequired;
  d->authorization = Authorization::kNone;
  d->debits.clear();
  d->license_policy = std::max(x.parties.policy, chip);
  x.Reason("party.policy", x.law.cite->entity_list,
           "a listed party requires a licence whatever the item: {}{}", WireName(d->license_policy),
           chip != LicensePolicy::kNone
               ? fmt::format(" (the stricter of the listing's {} and the item's {})",
                             WireName(x.parties.policy), WireName(chip))
               : std::string());
}

}  // namespace highfence::determine
