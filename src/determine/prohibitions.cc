// Licence requirements that apply whatever the destination and the regime's
// own rules: Part 744 end uses (D15) and the General Prohibition 10 guidance
// on PRC-designed advanced ICs (D16).
#include "determine/steps.h"

namespace highfence::determine {

bool StepPart744(Context& x) {
  uint8_t uses = x.s.end_use & x.law.part744_end_uses.value;
  if (uses == 0) return false;
  if ((uses & kEndUseMilitary) && RussiaBelarusInForce(x)) {
    // 744.21(e)(1): Russia and Belarus are reviewed with a policy of denial.
    const Cited<LicensePolicy>& policy = x.law.part744_russia_belarus_policy;
    x.Require(policy.value);
    x.Reason("end_use.part744", policy.citation(),
             "military end use or end user in {} (744.21, all items subject to the EAR): licence "
             "required, {}; no licence exception or validated end-user authorization applies",
             x.dest, policy)
        .Read(x.law.part744_end_uses);
    return true;
  }
  x.Require(x.law.part744_policy.value);
  x.Reason("end_use.part744", x.law.part744_end_uses.citation(),
           "end use {} is prohibited without a licence under part 744: licence required, {}; no "
           "licence exception or validated end-user authorization applies",
           (uses & kEndUseMilitary) ? "military" : "weapons of mass destruction",
           x.law.part744_policy)
      .Read(x.law.part744_end_uses);
  return true;
}

bool StepGp10(Context& x) {
  if (!x.law.gp10 || !x.c.gp10) return false;
  x.Require(x.law.gp10_policy.value);
  x.d->AddNotice("gp10_guidance");
  x.Reason("gp10", x.law.gp10_policy.citation(),
           "BIS's General Prohibition 10 guidance of {} names this Huawei Ascend chip as likely "
           "made in violation of the EAR: using, selling or transferring it anywhere needs "
           "authorization; {}",
           x.law.gp10_guidance_on, x.law.gp10_policy);
  return true;
}

}  // namespace highfence::determine
