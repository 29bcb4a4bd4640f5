#include "highfence/determination.h"

#include "highfence/assert.h"

namespace highfence {

std::string_view WireName(Decision d) {
  switch (d) {
    case Decision::kNotControlled:
      return "not_controlled";
    case Decision::kNoLicenseRequired:
      return "no_license_required";
    case Decision::kAuthorized:
      return "authorized";
    case Decision::kLicenseRequired:
      return "license_required";
    case Decision::kNeedsReview:
      return "needs_review";
  }
  HF_ASSERT(false);
}

std::string_view WireName(Authorization a) {
  switch (a) {
    case Authorization::kNone:
      return "";
    case Authorization::kAia:
      return "AIA";
    case Authorization::kLpp:
      return "LPP";
    case Authorization::kAca:
      return "ACA";
    case Authorization::kNac:
      return "NAC";
    case Authorization::kAcm:
      return "ACM";
    case Authorization::kHbm:
      return "HBM";
    case Authorization::kUveu:
      return "UVEU";
    case Authorization::kNveu:
      return "NVEU";
    case Authorization::kSpp:
      return "SPP";
  }
  HF_ASSERT(false);
}

std::string_view WireName(LicensePolicy p) {
  switch (p) {
    case LicensePolicy::kNone:
      return "";
    case LicensePolicy::kPresumptionOfApproval:
      return "presumption_of_approval";
    case LicensePolicy::kCaseByCase:
      return "case_by_case";
    case LicensePolicy::kPresumptionOfDenial:
      return "presumption_of_denial";
    case LicensePolicy::kPolicyOfDenial:
      return "policy_of_denial";
  }
  HF_ASSERT(false);
}

std::string_view WireName(Eccn e) {
  switch (e) {
    case Eccn::kNone:
      return "";
    case Eccn::k3A090a:
      return "3A090.a";
    case Eccn::k3A090b:
      return "3A090.b";
    case Eccn::k3A090c:
      return "3A090.c";
    case Eccn::k4A090a:
      return "4A090.a";
    case Eccn::k4A090b:
      return "4A090.b";
    case Eccn::k4E091:
      return "4E091";
  }
  HF_ASSERT(false);
}

std::string_view WireName(TransferState s) {
  switch (s) {
    case TransferState::kPending:
      return "pending";
    case TransferState::kPosted:
      return "posted";
    case TransferState::kVoided:
      return "voided";
  }
  HF_ASSERT(false);
}

void Determination::Clear() {
  id.clear();
  regime = "none";
  mode = Mode::kAsEnforced;
  eccn = Eccn::kNone;
  tpp.reset();
  tpp_total.reset();
  performance_density.reset();
  tier = 0;
  decision = Decision::kNeedsReview;
  authorization = Authorization::kNone;
  license_policy = LicensePolicy::kNone;
  notices.clear();
  debits.clear();
  reasons.clear();
  errors.clear();
  assumed.clear();
  other_mode.reset();
  screening.reset();
  text_arena.clear();
  params.clear();
}

void Determination::AddReason(std::string_view rule, std::string_view citation,
                              std::string_view text) {
  Reason r;
  r.rule = rule;
  r.citation = citation;
  r.text_offset = static_cast<uint32_t>(text_arena.size());
  r.text_size = static_cast<uint32_t>(text.size());
  r.params_offset = static_cast<uint16_t>(params.size());
  text_arena.append(text);
  reasons.push_back(r);
}

void Determination::AddNotice(std::string_view code) {
  if (!HasNotice(code)) notices.push_back(code);
}

void Determination::Assume(std::string_view field, std::string_view value) {
  for (const Assumption& a : assumed) {
    if (a.field == field) return;
  }
  assumed.push_back({field, std::string(value)});
}

bool Determination::HasNotice(std::string_view code) const {
  for (std::string_view n : notices) {
    if (n == code) return true;
  }
  return false;
}

}  // namespace highfence
