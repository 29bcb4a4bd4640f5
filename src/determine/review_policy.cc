// The licence review policy once a licence is required: the 2022 rule's, the
// October 2023 rules' (also the enforced baseline after 2025-05-13) and the AI
// Diffusion rule's, with its Tier 2 country allocations (D8, D20). Every
// policy is a parameter of the law data.
#include "base/bounded.h"
#include "determine/steps.h"

namespace highfence::determine {
namespace {

// D6: 4E091 licences; the text states a policy only for end users not
// headquartered in Tier 1.
void PolicyModel(Context& x) {
  if (!x.BothHqIn(law::kTier1)) {
    x.Require(x.law.model_policy.value);
    x.Reason("policy.model", x.law.model_policy.citation(),
             "4E091 for an end user headquartered (or with its ultimate parent) outside "
             "supplement no. 5 paragraph (a): {}",
             x.law.model_policy);
    return;
  }
  x.Require(x.law.model_weights_tier1_hq_policy.value);
  x.Reason("policy.model", x.law.model_weights_tier1_hq_policy.citation(),
           "4E091 for a Tier-1-headquartered end user: the text states no policy; {} (D6)",
           x.law.model_weights_tier1_hq_policy);
}

// D8/D20: the allocation of Tier 2 country `where`, with pending reservations
// counted when allocation_counts_pending says so. A licence that fits reserves
// its TPP as pending; one that does not reserves nothing.
void PolicyAllocation(Context& x, CountryCode where) {
  if (x.Embargoed()) {
    x.Require(LicensePolicy::kNone);
    x.Reason("policy.allocation", x.law.cite->embargo_exceptions,
             "the destination is embargoed (part 746): nothing is reserved on {}'s allocation",
             where);
    return;
  }
  if (x.parties.license) {
    // The listing sets the policy (FinishPartyLists); a licence for a listed
    // party draws on no ledger account.
    x.Require(LicensePolicy::kNone);
    x.Reason("policy.allocation", x.law.cite->entity_list_exceptions,
             "a listed party requires a licence: nothing is reserved on {}'s allocation", where);
    return;
  }
  const Cited<int64_t>& last_year = x.law.allocation_last_year;
  if (x.s.date.year() > last_year.value) {
    x.Require(LicensePolicy::kNone);
    x.Reason("policy.allocation", last_year.citation(),
             "the rule sets Tier 2 allocations for 2025 through {} only: no allocation exists for "
             "{}, so no review policy follows from it (D29)",
             last_year, x.s.date.year());
    return;
  }
  std::string account = AllocationAccount(where);
  std::optional<AccountBalance> b = x.Balance(account);
  if (!b) return;
  const Cited<Fixed>& cap = x.law.allocation_tpp;
  const bool counts_pending = x.law.allocation_counts_pending.value;
  std::optional<Fixed> drawn = counts_pending ? x.LedgerSum(b->posted, b->pending, account)
                                              : std::optional<Fixed>(b->posted);
  if (!drawn) return;
  std::optional<Fixed> room = x.LedgerDifference(cap.value, *drawn, account);
  if (!room) return;
  if (x.tpp_total > *room) {
    x.Require(x.law.allocation_beyond_policy.value);
    x.Reason("policy.allocation", x.law.allocation_beyond_policy.citation(),
             "{}'s allocation of {} has {} drawn ({}) and {} left; {} does not fit: {}, nothing "
             "reserved",
             where, cap, *drawn, counts_pending ? "posted and pending" : "posted", *room,
             x.tpp_total, x.law.allocation_beyond_policy)
        .Read(x.law.allocation_counts_pending);
    return;
  }
  x.Require(x.law.allocation_within_policy.value);
  std::optional<Fixed> ledger_cap = counts_pending ? std::optional<Fixed>(cap.value) : std::nullopt;
  x.d->debits.push_back({account, x.tpp_total, TransferState::kPending, ledger_cap});
  x.Reason("policy.allocation", x.law.allocation_within_policy.citation(),
           "{}'s allocation of {} has {} drawn ({}); {} fits (leaving {}): {}, reserved as pending "
           "until the licence is granted or denied (an unsettled reservation expires after {} "
           "days; a licence granted is valid for {} days)",
           where, cap, *drawn, counts_pending ? "posted and pending" : "posted", x.tpp_total,
           BoundedSub(*room, x.tpp_total), x.law.allocation_within_policy,
           x.law.pending_reservation_expiry_days, x.law.license_validity_days)
      .Read(x.law.allocation_counts_pending);
}

// .a-level items outside Macau/D:5: Tier 1 (D2), the D4 reading for
// Tier-2-headquartered parties located in Tier 1, else the allocation.
void PolicyA(Context& x) {
  const bool tier1_dest = x.DestIn(law::kTier1);
  const bool tier1_hq = x.HqIn(law::kTier1);
  if (tier1_dest && !tier1_hq && x.law.tier1_location_draws_allocation.value) {
    // D4 changed: the licence draws the allocation of the party's own (Tier 2)
    // headquarters country.
    PolicyAllocation(x, x.hq);
    if (!x.failed) ReasonRef(x.d).Read(x.law.tier1_location_draws_allocation);
    return;
  }
  if (tier1_dest || (tier1_hq && !x.law.tier1_hq_draws_allocation.value)) {
    x.Require(x.law.a_tier1_policy.value);
    ReasonRef r = x.Reason("policy.approval", x.law.a_tier1_policy.citation(),
                           "{}: {}, drawing on no country allocation",
                           tier1_dest ? "Tier 1 destination"
                                      : "consignee or ultimate parent headquartered in Tier 1 (D2)",
                           x.law.a_tier1_policy);
    if (tier1_dest && !tier1_hq) r.Read(x.law.tier1_location_draws_allocation);
    if (!tier1_dest) r.Read(x.law.tier1_hq_draws_allocation);
    return;
  }
  PolicyAllocation(x, x.dest);
  if (tier1_hq && !x.failed) ReasonRef(x.d).Read(x.law.tier1_hq_draws_allocation);
}

}  // namespace

void Policy2022(Context& x) {
  x.Require(x.law.license_policy.value);
  x.Reason("policy.2022", x.law.license_policy.citation(), "licence review: {}",
           x.law.license_policy);
}

void Policy2023(Context& x) {
  const law::Snapshot& law = x.law;
  if (x.c.eccn == Eccn::k3A090c) {
    x.Require(law.hbm_policy.value);
    x.Reason("policy.hbm", law.hbm_policy.citation(), "3A090.c to Macau or D:5: {}",
             law.hbm_policy);
    return;
  }
  // The headquarters rule comes before the UAE's own policy (D26).
  if (x.DestIn(law::kMacauOrD5) || x.HqMacauOrD5()) {
    if (ApplyChinaBand(x)) return;
    x.Require(law.macau_d5_policy.value);
    x.Reason("policy.denial", law.macau_d5_policy.citation(),
             "Macau or D:5 destination or headquarters: {}", law.macau_d5_policy);
    return;
  }
  if (law.uae_change && x.DestIn(law::kUaeDest)) {
    x.Require(law.uae_policy.value);
    x.Reason("policy.uae", law.uae_policy.citation(), "licence to the UAE: {}", law.uae_policy);
    return;
  }
  x.Require(law.d1_d4_policy.value);
  x.Reason("policy.approval", law.d1_d4_policy.citation(),
           "D:1 or D:4 destination outside Macau/D:5: {}", law.d1_d4_policy);
}

void PolicyDiffusion(Context& x) {
  const law::Snapshot& law = x.law;
  if (x.c.eccn == Eccn::k4E091) return PolicyModel(x);
  if (x.c.eccn == Eccn::k3A090c) {
    x.Require(law.hbm_policy.value);
    x.Reason("policy.hbm", law.hbm_policy.citation(), "3A090.c to or for Macau/D:5: {}",
             law.hbm_policy);
    return;
  }
  // A .b-level item reaches a review policy only when no exception could be
  // tried (an embargoed destination, D37) or none covers it (an in-country
  // transfer that NAC never covers and ACA does not, D24): the .b
  // requirement and its policies are the October 2023 rule's.
  if (x.c.b_level()) return Policy2023(x);
  if (x.DestIn(law::kMacauOrD5) || x.HqMacauOrD5()) {
    if (ApplyChinaBand(x)) return;
    x.Require(law.a_macau_d5_policy.value);
    x.Reason("policy.denial", law.a_macau_d5_policy.citation(),
             "Macau/D:5 destination, or a party headquartered there: {}", law.a_macau_d5_policy);
    return;
  }
  PolicyA(x);
}

}  // namespace highfence::determine
