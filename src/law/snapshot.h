// Law and Snapshot: the law resolved for one date, mode and regime choice.
//
// A Snapshot holds every value the decision procedure reads, typed and with its
// citation, and a flat per-country table of group bits. The law changes only
// on a few dozen dates, so Law precomputes one Snapshot per interval between
// change dates (per mode and regime choice); looking one up is a binary search
// over those dates. Snapshots are immutable and shared by all threads.
#ifndef HIGHFENCE_LAW_SNAPSHOT_H_
#define HIGHFENCE_LAW_SNAPSHOT_H_

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "highfence/country.h"
#include "highfence/date.h"
#include "highfence/determination.h"
#include "highfence/fixed.h"
#include "highfence/mode.h"
#include "highfence/status.h"
#include "law/law_data.h"

namespace highfence::law {

// Country group bits in Snapshot::groups.
enum GroupBit : uint16_t {
  kA5 = 1 << 0,
  kA6 = 1 << 1,
  kD1 = 1 << 2,
  kD4 = 1 << 3,
  kD5 = 1 << 4,
  kE1 = 1 << 5,
  kE2 = 1 << 6,
  kTier1 = 1 << 7,      // Supp. No. 5 to part 740, paragraph (a)
  kSupp5b = 1 << 8,     // Supp. No. 5 to part 740, paragraph (b)
  kMacauOrD5 = 1 << 9,  // "Macau or a destination specified in Country Group D:5"
  kDest2022 = 1 << 10,  // the 2022 rule's licence destinations
  kDest2023 = 1 << 11,  // D:1, D:4, D:5 not also A:5/A:6, plus Macau (and the UAE from 2026-07-10)
  kBandDest = 1 << 12,  // destinations of the 2026 China licence-review band
  kUaeDest = 1 << 13,   // the UAE rule's destinations
};

// A value read from the law, with the citation it came from.
template <typename T>
struct Cited {
  T value{};
  std::string_view citation;
  std::string_view decision;  // "D1".. for project defaults, else empty
};

struct Snapshot {
  uint32_t index = 0;  // unique among one Law's snapshots, 0 .. Law::snapshot_count() - 1
  Date from, until;    // the interval this snapshot covers, both inclusive
  Mode mode = Mode::kAsWritten;
  RegimeId regime = RegimeId::kNone;
  bool forced = false;  // chosen with --regime
  std::string_view regime_citation;
  std::string_view regime_title;
  std::array<uint16_t, CountryCode::kSlots> groups{};

  // us-2022-10
  Cited<Fixed> ic_tpp_min_2022, ic_interconnect_min_2022;
  Cited<LicensePolicy> policy_2022;
  // us-2023-11 (and the classification tests us-2025-01 keeps)
  Cited<Fixed> a1_tpp_min, a2_tpp_min, a2_pd_min, b1_tpp_min, b1_pd_min, b2_tpp_min, b2_pd_min,
      note2_tpp_min;
  Cited<int64_t> nac_notice_days;
  bool nac_aca_split = false;
  Cited<Date> nac_aca_split_on;
  bool hbm_controlled = false;
  Cited<Date> hbm_control_on;
  Cited<Fixed> hbm_density_min, hbm_exception_density_max;
  Cited<Date> hq_rule_on;
  // us-2025-01
  Cited<Date> compliance_on;  // when the AI Diffusion rule governs (D3)
  Cited<Fixed> allocation_tpp, lpp_cap_tpp, lpp_prior_notice_tpp, aia_filing_tpp, nveu_cap_tpp;
  Cited<int64_t> lpp_certification_days, allocation_g2g_percent_max;
  Cited<int64_t> uveu_outside_tier1_percent_max, uveu_per_country_percent_max,
      uveu_outside_us_percent_max;
  Cited<Magnitude> model_ops_min, model_derived_ops_min;
  Cited<int64_t> model_derived_percent_min;
  bool storage_certification_required = false;
  Cited<Date> storage_certification_on;
  bool model_weights_codified = false;  // 4E091 exists in the CFR on this date
  Cited<Date> diffusion_effective_on;
  // Dated changes after the AI Diffusion rule (never under --regime).
  bool non_enforced = false;  // as_enforced, on or after 2025-05-13
  Cited<Date> non_enforcement_on;
  bool gp10 = false;
  Cited<Date> gp10_on;
  Cited<LicensePolicy> gp10_policy;
  bool is_informed = false;
  Cited<Date> is_informed_on;
  bool china_band = false;
  Cited<Fixed> band_tpp_max, band_dram_gbs_max;
  Cited<LicensePolicy> band_policy, band_missing_bandwidth_policy;
  bool uae_change = false;
  Cited<std::vector<std::string>> uae_approved_parties, uae_us_ai_parties;
  Cited<LicensePolicy> uae_policy;
  std::string_view uae_citation;
  // Project defaults (rules.md section 15).
  Cited<bool> lpp_in_d1_d4, tier1_hq_draws_allocation, model_weights_enforced_after_ne;
  Cited<bool> ledger_needs_consignee, us_is_export, missing_figure_needs_review;
  Cited<LicensePolicy> model_tier1_hq_policy, part744_policy;
  Cited<uint8_t> part744_end_uses;  // EndUse bits
  Cited<int64_t> pending_expiry_days;

  uint16_t Groups(CountryCode c) const { return groups[static_cast<size_t>(c.index())]; }
  bool In(CountryCode c, uint16_t bits) const { return (Groups(c) & bits) != 0; }
  // Tier under the AI Diffusion rule: 1, 2 or 3.
  int Tier(CountryCode c) const {
    if (In(c, kMacauOrD5)) return 3;
    return In(c, kTier1) ? 1 : 2;
  }
};

class Law {
 public:
  // Builds every snapshot. Fails when a parameter the engine needs is missing or
  // of the wrong unit (CheckLaw reports the same problems in full).
  static Result<std::unique_ptr<Law>> Create(LawData data);

  // The snapshot for `on`. REQUIRES: 1900 <= on.year() <= 2199.
  const Snapshot& At(Date on, const RegimeChoice& choice) const;
  const LawData& data() const { return data_; }
  // The dates on which some part of the law changes, ascending.
  const std::vector<Date>& change_dates() const { return boundaries_; }
  size_t snapshot_count() const { return snapshot_count_; }

 private:
  Law() = default;
  Status Build();
  static size_t ChoiceIndex(const RegimeChoice& c);

  LawData data_;
  std::vector<Date> boundaries_;  // snapshot i covers [boundaries_[i-1], boundaries_[i])
  // [choice][segment]; choice = mode x {by date, forced 2022, 2023, 2025, none}
  std::vector<std::vector<Snapshot>> snapshots_;
  size_t snapshot_count_ = 0;
};

}  // namespace highfence::law

#endif  // HIGHFENCE_LAW_SNAPSHOT_H_
