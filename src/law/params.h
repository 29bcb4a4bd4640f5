// The one table of the law's parameters and step citations: every value the
// engine reads from law/*.toml, with the file it lives in, its key, its unit,
// the C++ type it is read as and the bounds its values must keep.
//
// The table drives everything a parameter needs, under its one name (the TOML
// key is the Snapshot field is the reference entry):
//   - the Snapshot's fields (snapshot.h), resolved per date (snapshot.cc);
//   - the checks of `law check` (check.cc): each row exists with its unit and
//     keeps its bounds, and a parameter in the data that no row names is an
//     error (nothing reads it);
//   - the parameter reference, docs/parameters.md (reference.cc, checked by a
//     test).
// Adding a parameter is one row here, the value in its law file, and the code
// that reads `law.KEY`.
#ifndef HIGHFENCE_LAW_PARAMS_H_
#define HIGHFENCE_LAW_PARAMS_H_

#include <cstdint>
#include <span>
#include <string_view>

#include "law/law_data.h"

namespace highfence::law {

// The rule files the engine reads, by id (the file name without .toml).
inline constexpr std::string_view kUs2022 = "us-2022-10";
inline constexpr std::string_view kUs2023 = "us-2023-11";
inline constexpr std::string_view kUs2025 = "us-2025-01";
inline constexpr std::string_view kNonEnforcement = "us-2025-05-non-enforcement";
inline constexpr std::string_view kCambodia = "us-2025-11-cambodia";
inline constexpr std::string_view kChinaBand = "us-2026-01-china-band";
inline constexpr std::string_view kUae = "us-2026-07-uae";
inline constexpr std::string_view kEmbargo = "part-746-embargoes";
inline constexpr std::string_view kPartyLists = "part-744-party-lists";
inline constexpr std::string_view kDefaults = "defaults";

// The bounds a parameter's every value must keep, by the kind of value:
//   kPositive   an amount or count of operations greater than zero (a
//               threshold, a cap, a divisor), at most kAmountUnitsMax;
//   kPercent    a whole percent, 0 to 100;
//   kDays       a count of days, 0 to kDaysMax;
//   kInRegime   a date on or after its file's effective_on (for a file
//               without one, on or after the first regime's);
//   kAny        no bound beyond what the unit already requires (bools,
//               policies, lists, text).
enum class Bounds : uint8_t { kPositive, kPercent, kDays, kInRegime, kAny };
inline constexpr int64_t kAmountUnitsMax = 1'000'000'000'000;  // 10^12 TPP, GB/s, ...
inline constexpr int64_t kDaysMax = 3660;                      // ten years

// clang-format off
// X(FILE, KEY, UNIT, TYPE, BOUNDS): one row per parameter, grouped by file.
// TYPE is how the snapshot holds the value: LicensePolicy for a policy name,
// EndUseBits for end-use tags, the unit's own type otherwise (law_data.h).
#define HF_LAW_PARAMS(X)                                                                   \
  /* us-2022-10: the October 2022 rule */                                                  \
  X(kUs2022, ic_tpp_min,                     kTpp,       Fixed,          kPositive)         \
  X(kUs2022, ic_interconnect_gbs_min,        kGbs,       Fixed,          kPositive)         \
  X(kUs2022, license_destinations,           kCountries, CountryList,    kAny)              \
  X(kUs2022, license_policy,                 kPolicy,    LicensePolicy,  kAny)              \
  /* us-2023-11: the October 2023 rule, NAC/ACA split, HBM */                              \
  X(kUs2023, a1_tpp_min,                     kTpp,       Fixed,          kPositive)         \
  X(kUs2023, a2_tpp_min,                     kTpp,       Fixed,          kPositive)         \
  X(kUs2023, a2_pd_min,                      kTppPerMm2, Fixed,          kPositive)         \
  X(kUs2023, b1_tpp_min,                     kTpp,       Fixed,          kPositive)         \
  X(kUs2023, b1_pd_min,                      kTppPerMm2, Fixed,          kPositive)         \
  X(kUs2023, b2_tpp_min,                     kTpp,       Fixed,          kPositive)         \
  X(kUs2023, b2_pd_min,                      kTppPerMm2, Fixed,          kPositive)         \
  X(kUs2023, note2_tpp_min,                  kTpp,       Fixed,          kPositive)         \
  X(kUs2023, nac_notice_days,                kCount,     int64_t,        kDays)             \
  X(kUs2023, nac_aca_split_on,               kDate,      Date,           kInRegime)         \
  X(kUs2023, hbm_control_on,                 kDate,      Date,           kInRegime)         \
  X(kUs2023, hbm_density_min,                kGbsPerMm2, Fixed,          kPositive)         \
  X(kUs2023, hbm_exception_density_max,      kGbsPerMm2, Fixed,          kPositive)         \
  X(kUs2023, hbm_policy,                     kPolicy,    LicensePolicy,  kAny)              \
  X(kUs2023, hbm_license_on,                 kDate,      Date,           kInRegime)         \
  X(kUs2023, hq_rule_on,                     kDate,      Date,           kInRegime)         \
  X(kUs2023, macau_d5_policy,                kPolicy,    LicensePolicy,  kAny)              \
  X(kUs2023, d1_d4_policy,                   kPolicy,    LicensePolicy,  kAny)              \
  /* us-2025-01: the AI Diffusion rule as written */                                       \
  X(kUs2025, compliance_on,                  kDate,      Date,           kInRegime)         \
  X(kUs2025, allocation_tpp,                 kTpp,       Fixed,          kPositive)         \
  X(kUs2025, allocation_last_year,           kCount,     int64_t,        kAny)              \
  X(kUs2025, allocation_within_policy,       kPolicy,    LicensePolicy,  kAny)              \
  X(kUs2025, allocation_beyond_policy,       kPolicy,    LicensePolicy,  kAny)              \
  X(kUs2025, a_macau_d5_policy,              kPolicy,    LicensePolicy,  kAny)              \
  X(kUs2025, a_tier1_policy,                 kPolicy,    LicensePolicy,  kAny)              \
  X(kUs2025, model_policy,                   kPolicy,    LicensePolicy,  kAny)              \
  X(kUs2025, license_validity_days,          kCount,     int64_t,        kDays)             \
  X(kUs2025, lpp_annual_cap_tpp,             kTpp,       Fixed,          kPositive)         \
  X(kUs2025, lpp_prior_notice_tpp,           kTpp,       Fixed,          kPositive)         \
  X(kUs2025, lpp_certification_days,         kCount,     int64_t,        kDays)             \
  X(kUs2025, aia_filing_tpp,                 kTpp,       Fixed,          kPositive)         \
  X(kUs2025, nveu_cap_tpp,                   kTpp,       Fixed,          kPositive)         \
  X(kUs2025, uveu_outside_tier1_percent_max, kPercent,   int64_t,        kPercent)          \
  X(kUs2025, uveu_per_country_percent_max,   kPercent,   int64_t,        kPercent)          \
  X(kUs2025, uveu_outside_us_percent_max,    kPercent,   int64_t,        kPercent)          \
  X(kUs2025, model_ops_min,                  kOps,       Magnitude,      kPositive)         \
  X(kUs2025, model_derived_ops_min,          kOps,       Magnitude,      kPositive)         \
  X(kUs2025, model_derived_percent_min,      kPercent,   int64_t,        kPercent)          \
  X(kUs2025, storage_certification_on,       kDate,      Date,           kInRegime)         \
  /* us-2025-05-non-enforcement: BIS's non-enforcement, GP10 guidance */                   \
  X(kNonEnforcement, ai_diffusion_enforced,  kBool,      bool,           kAny)              \
  X(kNonEnforcement, hq_rule_enforced,       kBool,      bool,           kAny)              \
  X(kNonEnforcement, gp10_guidance_on,       kDate,      Date,           kInRegime)         \
  /* us-2026-01-china-band */                                                              \
  X(kChinaBand, band_tpp_max,                kTpp,       Fixed,          kPositive)         \
  X(kChinaBand, band_dram_gbs_max,           kGbs,       Fixed,          kPositive)         \
  X(kChinaBand, band_destinations,           kCountries, CountryList,    kAny)              \
  X(kChinaBand, band_policy,                 kPolicy,    LicensePolicy,  kAny)              \
  /* us-2026-07-uae */                                                                     \
  X(kUae, uae_destinations,                  kCountries, CountryList,    kAny)              \
  X(kUae, approved_parties,                  kParties,   PartyList,      kAny)              \
  X(kUae, us_ai_parties,                     kParties,   PartyList,      kAny)              \
  X(kUae, uae_policy,                        kPolicy,    LicensePolicy,  kAny)              \
  /* part-746-embargoes: Part 746 programs and the 744.21 overlay */                      \
  X(kEmbargo, cuba_destinations,             kCountries, CountryList,    kAny)              \
  X(kEmbargo, cuba_policy,                   kPolicy,    LicensePolicy,  kAny)              \
  X(kEmbargo, north_korea_destinations,      kCountries, CountryList,    kAny)              \
  X(kEmbargo, north_korea_ccl_policy,        kPolicy,    LicensePolicy,  kAny)              \
  X(kEmbargo, north_korea_ear99_policy,      kPolicy,    LicensePolicy,  kAny)              \
  X(kEmbargo, iran_destinations,             kCountries, CountryList,    kAny)              \
  X(kEmbargo, iran_policy,                   kPolicy,    LicensePolicy,  kAny)              \
  X(kEmbargo, syria_destinations,            kCountries, CountryList,    kAny)              \
  X(kEmbargo, syria_policy,                  kPolicy,    LicensePolicy,  kAny)              \
  X(kEmbargo, syria_spp_on,                  kDate,      Date,           kAny)              \
  X(kEmbargo, syria_spp_excluded_policy,     kPolicy,    LicensePolicy,  kAny)              \
  X(kEmbargo, syria_ofac_ended_on,           kDate,      Date,           kAny)              \
  X(kEmbargo, russia_destinations,           kCountries, CountryList,    kAny)              \
  X(kEmbargo, russia_on,                     kDate,      Date,           kAny)              \
  X(kEmbargo, belarus_destinations,          kCountries, CountryList,    kAny)              \
  X(kEmbargo, belarus_on,                    kDate,      Date,           kAny)              \
  X(kEmbargo, russia_belarus_policy,         kPolicy,    LicensePolicy,  kAny)              \
  X(kEmbargo, russia_belarus_subsidiary_policy, kPolicy, LicensePolicy,  kAny)              \
  X(kEmbargo, russia_belarus_ear99_policy,   kPolicy,    LicensePolicy,  kAny)              \
  X(kEmbargo, russia_belarus_ear99_consolidated_on, kDate, Date,         kAny)              \
  X(kEmbargo, russia_belarus_excluded_eccns, kEccns,     EccnList,       kAny)              \
  X(kEmbargo, ukraine_destinations,          kCountries, CountryList,    kAny)              \
  X(kEmbargo, covered_regions_on,            kDate,      Date,           kAny)              \
  X(kEmbargo, covered_regions_ofac_on,       kDate,      Date,           kAny)              \
  X(kEmbargo, ukraine_regions_policy,        kPolicy,    LicensePolicy,  kAny)              \
  X(kEmbargo, ukraine_regions_subsidiary_policy, kPolicy, LicensePolicy, kAny)              \
  X(kEmbargo, part744_russia_belarus_policy, kPolicy,    LicensePolicy,  kAny)              \
  /* part-744-party-lists: the Entity List, its affiliates rule, denial orders */           \
  X(kPartyLists, affiliates_rule_applies,    kBool,      bool,           kAny)              \
  X(kPartyLists, affiliates_ownership_percent_min, kPercent, int64_t,    kPercent)          \
  X(kPartyLists, entity_list_unknown_policy, kPolicy,    LicensePolicy,  kAny)              \
  X(kPartyLists, denied_persons_policy,      kPolicy,    LicensePolicy,  kAny)              \
  /* defaults: the project's readings of unclear law (rules.md section 15) */              \
  X(kDefaults, lpp_in_d1_d4_destinations,    kBool,      bool,           kAny)              \
  X(kDefaults, tier1_hq_draws_allocation,    kBool,      bool,           kAny)              \
  X(kDefaults, transition_regime,            kText,      std::string,    kAny)              \
  X(kDefaults, tier1_location_draws_allocation, kBool,   bool,           kAny)              \
  X(kDefaults, model_weights_tier1_hq_policy, kPolicy,   LicensePolicy,  kAny)              \
  X(kDefaults, allocation_counts_pending,    kBool,      bool,           kAny)              \
  X(kDefaults, pending_reservation_expiry_days, kCount,  int64_t,        kDays)             \
  X(kDefaults, uveu_share_needs_declared_base, kBool,    bool,           kAny)              \
  X(kDefaults, is_informed_notice_on,        kDate,      Date,           kInRegime)         \
  X(kDefaults, china_band_missing_bandwidth_policy, kPolicy, LicensePolicy, kAny)           \
  X(kDefaults, model_weights_enforced_after_non_enforcement, kBool, bool, kAny)             \
  X(kDefaults, part744_end_uses,             kEndUses,   EndUseBits,     kAny)              \
  X(kDefaults, part744_policy,               kPolicy,    LicensePolicy,  kAny)              \
  X(kDefaults, gp10_policy,                  kPolicy,    LicensePolicy,  kAny)              \
  X(kDefaults, ledger_authorization_needs_consignee, kBool, bool,        kAny)              \
  X(kDefaults, united_states_is_export,      kBool,      bool,           kAny)              \
  X(kDefaults, law_reviewed_on,              kDate,      Date,           kAny)              \
  X(kDefaults, ru_by_ear99_ic_from,          kDate,      Date,           kAny)              \
  X(kDefaults, occupied_ua_regions_covered,  kBool,      bool,           kAny)

// X(FILE, KEY): one row per step citation, the `[citations]` table of a rule file.
#define HF_LAW_CITATIONS(X)                 \
  X(kUs2022, hong_kong)                     \
  X(kUs2022, tpp)                           \
  X(kUs2022, eccn_4a090)                    \
  X(kUs2023, performance_density)           \
  X(kUs2023, destinations_2023)             \
  X(kUs2023, hbm_destinations)              \
  X(kUs2023, nac_2023)                      \
  X(kUs2025, tiers)                         \
  X(kUs2025, aggregate_tpp)                 \
  X(kUs2025, worldwide)                     \
  X(kUs2025, destinations_b)                \
  X(kUs2025, hq_rule_b)                     \
  X(kUs2025, hq_rule_hbm)                   \
  X(kUs2025, model_worldwide)               \
  X(kUs2025, aia)                           \
  X(kUs2025, aia_model_weights)             \
  X(kUs2025, veu)                           \
  X(kUs2025, veu_training)                  \
  X(kUs2025, acm)                           \
  X(kUs2025, lpp)                           \
  X(kEmbargo, embargo_exceptions)           \
  X(kEmbargo, iran_no_exceptions)           \
  X(kEmbargo, russia_belarus_ear99)         \
  X(kEmbargo, covered_regions_extent)       \
  X(kEmbargo, occupied_regions)             \
  X(kEmbargo, classification_assumed)       \
  X(kPartyLists, entity_list)               \
  X(kPartyLists, entity_list_exceptions)    \
  X(kPartyLists, sdn_list)                  \
  X(kPartyLists, military_end_user_list)    \
  X(kPartyLists, unverified_list)           \
  X(kPartyLists, other_lists)               \
  X(kPartyLists, screening_review)          \
  X(kDefaults, input)                       \
  X(kDefaults, authorization_choice)        \
  X(kDefaults, lpp_whole_shipment)          \
  X(kDefaults, nveu_cap)                    \
  X(kDefaults, missing_figure)              \
  X(kDefaults, transfer_from)
// clang-format on

// One row of HF_LAW_PARAMS, for the checks and the reference.
struct ParamSpec {
  std::string_view rule;
  std::string_view key;
  Unit unit;
  Bounds bounds;
};
// One row of HF_LAW_CITATIONS.
struct CitationSpec {
  std::string_view rule;
  std::string_view key;
};

std::span<const ParamSpec> ParamSpecs();
std::span<const CitationSpec> CitationSpecs();
// The rule files the engine needs, with their kinds.
struct RuleSpec {
  std::string_view id;
  std::string_view kind;
};
std::span<const RuleSpec> RuleSpecs();

std::string_view BoundsName(Bounds b);  // "greater than 0", "0 to 100", ...

}  // namespace highfence::law

#endif  // HIGHFENCE_LAW_PARAMS_H_
