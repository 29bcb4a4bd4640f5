// The January 2026 licence-review band for China and Macau (91 FR 1684):
// case-by-case review for exports from the United States of chips below the
// band's TPP and DRAM-bandwidth limits, applied to every IC (D21).
#include "determine/steps.h"

namespace highfence::determine {

bool ApplyChinaBand(Context& x) {
  const law::Snapshot& law = x.law;
  static const CountryCode kUs = *CountryCode::Parse("US");  // a constant: always parses
  if (!law.china_band || !x.DestIn(law::kBandDest)) return false;
  const std::string_view cite = law.band_policy.citation();
  if (x.s.type != ShipmentType::kExport || x.s.from != kUs) {
    x.Reason("policy.china_band", cite,
             "the 2026 review band covers only exports from the United States; this is {} from "
             "{}: it does not apply",
             x.s.type == ShipmentType::kExport ? "an export" : "a reexport or transfer", x.s.from)
        .Read(law.band_destinations);
    return false;
  }
  if (!x.c.band_tpp_ok) {
    x.Reason("policy.china_band", cite,
             "an integrated circuit has TPP of {} or more: above the 2026 review band",
             law.band_tpp_max);
    return false;
  }
  if (x.c.band_dram_missing) {
    x.Require(law.china_band_missing_bandwidth_policy.value);
    x.Reason("policy.china_band", law.china_band_missing_bandwidth_policy.citation(),
             "TPP is below {}, but the total DRAM bandwidth is not given: it decides between "
             "case-by-case review (below {} GB/s) and a presumption of denial; state "
             "`item.dram_bandwidth_gbs`",
             law.band_tpp_max, law.band_dram_gbs_max)
        .Read(law.china_band_missing_bandwidth_policy);
    return true;
  }
  if (!x.c.band_dram_ok) {
    x.Reason("policy.china_band", cite,
             "total DRAM bandwidth is {} GB/s or more: above the 2026 review band",
             law.band_dram_gbs_max);
    return false;
  }
  x.Require(law.band_policy.value);
  x.d->AddNotice("china_band_certifications");
  x.Reason("policy.china_band", cite,
           "export from the United States to {} with TPP below {} and DRAM bandwidth below {} "
           "GB/s: {}, with the exporter's six certifications (U.S. supply, volume limit, "
           "third-party testing, KYC, remote access)",
           x.dest, law.band_tpp_max, law.band_dram_gbs_max, law.band_policy)
      .Read(law.band_destinations);
  return true;
}

}  // namespace highfence::determine
