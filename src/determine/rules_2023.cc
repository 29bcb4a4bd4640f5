// Licence exceptions and review policy under the October 2023 rules, which are
// also the enforced baseline after 2025-05-13.
#include "determine/citations.h"
#include "determine/context.h"

namespace highfence::determine {

bool ApplyChinaBand(Context& x) {
  const law::Snapshot& law = x.law;
  static const CountryCode kUs = *CountryCode::Parse("US");
  if (!law.china_band || !x.DestIn(law::kBandDest)) return false;
  if (x.s.type != ShipmentType::kExport || x.s.from != kUs) {
    x.Reason("policy.china_band", law.band_policy.citation,
             "the 2026 review band covers only exports from the United States; this is {} from "
             "{}: it does not apply",
             x.s.type == ShipmentType::kExport ? "an export" : "a reexport or transfer", x.s.from);
    return false;
  }
  if (!x.c.band_tpp_ok) {
    x.Reason("policy.china_band", law.band_policy.citation,
             "an integrated circuit has TPP of {} or more: above the 2026 review band",
             law.band_tpp_max.value);
    return false;
  }
  if (x.c.band_dram_missing) {
    x.Require(law.band_missing_bandwidth_policy.value);
    x.Reason("policy.china_band", cite::kBandMissing,
             "TPP is below {}, but the total DRAM bandwidth is not given: it decides between "
             "case-by-case review (below {} GB/s) and a presumption of denial; state "
             "`item.dram_bandwidth_gbs`",
             law.band_tpp_max.value, law.band_dram_gbs_max.value);
    return true;
  }
  if (!x.c.band_dram_ok) {
    x.Reason("policy.china_band", law.band_policy.citation,
             "total DRAM bandwidth is {} GB/s or more: above the 2026 review band",
             law.band_dram_gbs_max.value);
    return false;
  }
  x.Require(law.band_policy.value);
  x.d->AddNotice("china_band_certifications");
  x.Reason("policy.china_band", law.band_policy.citation,
           "export from the United States to {} with TPP below {} and DRAM bandwidth below {} "
           "GB/s: {}, with the exporter's six certifications (U.S. volume, 50 % cap, "
           "third-party testing, KYC)",
           x.dest, law.band_tpp_max.value, law.band_dram_gbs_max.value,
           WireName(law.band_policy.value));
  return true;
}

bool TryAuthorizations2023(Context& x) {
  const law::Snapshot& law = x.law;
  if (x.c.eccn == Eccn::k3A090c) {
    if (!x.c.hbm_exception) {
      x.Reason("auth.hbm", cite::kHbmException,
               "License Exception HBM needs memory bandwidth density below {} GB/s/mm2: not "
               "available",
               law.hbm_exception_density_max.value);
      return false;
    }
    x.d->decision = Decision::kAuthorized;
    x.d->authorization = Authorization::kHbm;
    x.Reason("auth.hbm", cite::kHbmException,
             "density below {} GB/s/mm2: License Exception HBM applies (qualifying packaging "
             "sites only)",
             law.hbm_exception_density_max.value);
    return true;
  }
  if (!x.c.nac_eligible) {
    x.Reason("auth.nac", cite::kNac2023,
             "License Exception NAC/ACA excludes 3A090.a items designed or marketed for "
             "datacenters: not available");
    return false;
  }
  bool tier3_party = x.DestIn(law::kMacauOrD5) || x.HqMacauOrD5();
  bool within = x.s.type == ShipmentType::kTransfer && x.DestIn(law::kMacauOrD5);
  if (law.nac_aca_split && (!tier3_party || within)) {
    x.d->decision = Decision::kAuthorized;
    x.d->authorization = Authorization::kAca;
    x.Reason("auth.aca", cite::kNacAca,
             "not designed for datacenters or 3A090.b, {}: License Exception ACA, no notice "
             "(split from NAC on {})",
             within ? "transferred within Macau/D:5" : "no Macau/D:5 destination or headquarters",
             law.nac_aca_split_on.value);
    return true;
  }
  x.d->decision = Decision::kAuthorized;
  x.d->authorization = Authorization::kNac;
  x.d->AddNotice("nac_notification");
  x.Reason("auth.nac", law.nac_aca_split ? cite::kNacAca : cite::kNac2023,
           "not designed for datacenters or 3A090.b: License Exception NAC after notifying BIS "
           "{} days before the export",
           law.nac_notice_days.value);
  return true;
}

void Policy2023(Context& x) {
  const law::Snapshot& law = x.law;
  if (x.c.eccn == Eccn::k3A090c) {
    x.Require(LicensePolicy::kPresumptionOfDenial);
    x.Reason("policy.hbm", cite::kPolicyHbm, "3A090.c to Macau or D:5: presumption of denial");
    return;
  }
  if (law.uae_change && x.DestIn(law::kUaeDest)) {
    x.Require(law.uae_policy.value);
    x.Reason("policy.uae", law.uae_policy.citation, "licence to the UAE: {}",
             WireName(law.uae_policy.value));
    return;
  }
  if (x.DestIn(law::kMacauOrD5) || x.HqMacauOrD5()) {
    if (ApplyChinaBand(x)) return;
    x.Require(LicensePolicy::kPresumptionOfDenial);
    x.Reason("policy.denial", cite::kPolicy2023,
             "Macau or D:5 destination or headquarters: presumption of denial");
    return;
  }
  x.Require(LicensePolicy::kPresumptionOfApproval);
  x.Reason("policy.approval", cite::kPolicy2023,
           "D:1 or D:4 destination outside Macau/D:5: presumption of approval");
}

}  // namespace highfence::determine
