// Licence exceptions under the October 2023 rules (also the enforced baseline
// after 2025-05-13): HBM (740.25) for 3A090.c, NAC (740.8) for other items not
// designed for datacenters, split into NAC and ACA from 2024-04-04.
#include "determine/steps.h"

namespace highfence::determine {
namespace {

bool TryHbm2023(Context& x) {
  const Cited<Fixed>& limit = x.law.hbm_exception_density_max;
  if (!x.c.hbm_exception) {
    x.Reason("auth.hbm", limit.citation(),
             "License Exception HBM needs memory bandwidth density below {} GB/s/mm2: not "
             "available",
             limit);
    return false;
  }
  x.d->decision = Decision::kAuthorized;
  x.d->authorization = Authorization::kHbm;
  x.Reason("auth.hbm", limit.citation(),
           "density below {} GB/s/mm2: License Exception HBM applies (qualifying packaging "
           "sites only)",
           limit);
  return true;
}

// An in-country transfer (D24): NAC authorizes exports and reexports only
// (740.8(a)); ACA also covers transfers within D:1/D:4 (to parties not
// headquartered in Macau/D:5) and within Macau/D:5.
bool TryAcaTransfer(Context& x) {
  const law::Snapshot& law = x.law;
  if (!law.nac_aca_split || !AcaCoversTransfer(x)) {
    x.Reason("auth.nac", law.nac_aca_split ? law.nac_aca_split_on.citation() : law.cite->nac_2023,
             "an in-country transfer{}: NAC covers exports and reexports only, {}",
             law.nac_aca_split ? "" : " before the NAC/ACA split",
             law.nac_aca_split ? "and ACA only transfers within D:1/D:4 (no Macau/D:5 "
                                 "headquarters) or within Macau/D:5: not available"
                               : "so no exception is available")
        .Read(law.nac_aca_split_on);
    return false;
  }
  x.d->decision = Decision::kAuthorized;
  x.d->authorization = Authorization::kAca;
  x.Reason("auth.aca", law.nac_aca_split_on.citation(),
           "an in-country transfer within {}: License Exception ACA, no notice", x.dest);
  return true;
}

}  // namespace

bool AcaCoversTransfer(const Context& x) {
  if (x.DestIn(law::kMacauOrD5)) return true;
  return x.DestIn(law::kD1 | law::kD4) && !x.HqMacauOrD5();
}

bool TryAuthorizations2023(Context& x) {
  const law::Snapshot& law = x.law;
  if (x.c.eccn == Eccn::k3A090c) return TryHbm2023(x);
  if (!x.c.nac_eligible) {
    x.Reason("auth.nac", law.cite->nac_2023,
             "License Exception NAC/ACA excludes 3A090.a items designed or marketed for "
             "datacenters: not available");
    return false;
  }
  if (x.s.type == ShipmentType::kTransfer) return TryAcaTransfer(x);
  bool tier3_party = x.DestIn(law::kMacauOrD5) || x.HqMacauOrD5();
  if (law.nac_aca_split && !tier3_party) {
    x.d->decision = Decision::kAuthorized;
    x.d->authorization = Authorization::kAca;
    x.Reason("auth.aca", law.nac_aca_split_on.citation(),
             "not designed for datacenters or 3A090.b, no Macau/D:5 destination or headquarters: "
             "License Exception ACA, no notice (split from NAC on {})",
             law.nac_aca_split_on);
    return true;
  }
  x.d->decision = Decision::kAuthorized;
  x.d->authorization = Authorization::kNac;
  x.d->AddNotice("nac_notification");
  ReasonRef r = x.Reason(
      "auth.nac", law.nac_aca_split ? law.nac_aca_split_on.citation() : law.cite->nac_2023,
      "not designed for datacenters or 3A090.b: License Exception NAC after notifying BIS {} "
      "days before the export",
      law.nac_notice_days);
  if (law.nac_aca_split) r.Read(law.nac_aca_split_on);
  return true;
}

}  // namespace highfence::determine
