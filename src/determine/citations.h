// Citations of the decision procedure's own steps. Parameter values carry
// their citations in the law data; these are the paragraphs that state the
// rule a step applies.
#ifndef HIGHFENCE_DETERMINE_CITATIONS_H_
#define HIGHFENCE_DETERMINE_CITATIONS_H_

#include <string_view>

namespace highfence::determine::cite {

inline constexpr std::string_view kHongKong =
    "15 CFR 772.1 (China includes Hong Kong; 85 FR 45998)";
inline constexpr std::string_view kTiers =
    "15 CFR 740 supp. 5 para. (a); 15 CFR 742.6(a)(6)(iii)(A) (Macau or D:5)";
inline constexpr std::string_view kNotExport = "15 CFR 734.13; highfence rules.md section 15, D18";
inline constexpr std::string_view kDest2022 = "15 CFR 742.6(a)(6)(iii) (87 FR 62186)";
inline constexpr std::string_view kDest2023 = "15 CFR 742.6(a)(6)(iii)";
inline constexpr std::string_view kDestB = "15 CFR 742.6(a)(6)(iii)(B)";
inline constexpr std::string_view kWorldwide = "15 CFR 742.6(a)(6)(iii)(A)";
inline constexpr std::string_view kHqRule = "15 CFR 744.23(a)(3)";
inline constexpr std::string_view kHqRuleB = "15 CFR 744.23(a)(3)(i)(A)";
inline constexpr std::string_view kHqRuleHbm = "15 CFR 744.23(a)(3)(i)(B)";
inline constexpr std::string_view kHbmDest = "15 CFR 742.6(a)(6)(i)(B)";
inline constexpr std::string_view kModelWorldwide = "15 CFR 742.6(a)(13)";
inline constexpr std::string_view kPart744 =
    "15 CFR 744.21, 744.22, 744.2-744.4; highfence rules.md section 15, D15";
inline constexpr std::string_view kGp10 =
    "15 CFR 736.2(b)(10) (General Prohibition 10); BIS guidance of 2025-05-13; highfence "
    "rules.md section 15, D16";
inline constexpr std::string_view kIsInformed =
    "15 CFR 744.23(b) is-informed letters (NVIDIA 8-K of 2025-04-09); highfence rules.md "
    "section 15, D11";
inline constexpr std::string_view kNonEnforcement =
    "BIS press release of 2025-05-13 (non-enforcement "
    "of 90 FR 4544); BIS guidance of 2026-05-31";
inline constexpr std::string_view kTransition =
    "90 FR 4544 (compliance date 2025-05-15); highfence rules.md section 15, D3";
inline constexpr std::string_view kAia = "15 CFR 740.27";
inline constexpr std::string_view kAiaWeights = "15 CFR 740.27(a)(3)";
inline constexpr std::string_view kAiaFiling = "15 CFR 740.27(c)";
inline constexpr std::string_view kVeu = "15 CFR 748.15";
inline constexpr std::string_view kUveuShares =
    "15 CFR 748 supp. 10, para. 6; highfence rules.md section 15, D10";
inline constexpr std::string_view kNveuCap = "15 CFR 748.15(a)(2)(iii)(B); highfence rules.md D9";
inline constexpr std::string_view kTrainingUse = "15 CFR 748 supp. 10, para. 7";
inline constexpr std::string_view kAcm = "15 CFR 740.28";
inline constexpr std::string_view kNacAca = "15 CFR 740.8";
inline constexpr std::string_view kNac2023 = "15 CFR 740.8 (88 FR 73458)";
inline constexpr std::string_view kHbmException = "15 CFR 740.25";
inline constexpr std::string_view kLpp = "15 CFR 740.29";
inline constexpr std::string_view kLppD1 =
    "15 CFR 740.2(a)(9)(ii); highfence rules.md section 15, D1";
inline constexpr std::string_view kLppWhole = "15 CFR 740.29(b); highfence rules.md section 15, D7";
inline constexpr std::string_view kNeedsName = "highfence rules.md section 15, D17";
inline constexpr std::string_view kPolicyA = "15 CFR 742.6(b)(10)(iii)";
inline constexpr std::string_view kPolicyADenial = "15 CFR 742.6(b)(10)(iii)(A)(1)";
inline constexpr std::string_view kPolicyATier1 =
    "15 CFR 742.6(b)(10)(iii)(A)(2); highfence rules.md D2";
inline constexpr std::string_view kPolicyAllocation =
    "15 CFR 742.6(b)(10)(iii)(A)(3); highfence rules.md section 15, D8 and D20";
inline constexpr std::string_view kPolicyB = "15 CFR 742.6(b)(10)(iv)";
inline constexpr std::string_view kPolicy2023 = "15 CFR 742.6(b)(10) (88 FR 73458)";
inline constexpr std::string_view kPolicyHbm = "15 CFR 742.6(b)(10) (89 FR 96790)";
inline constexpr std::string_view kPolicyModel = "15 CFR 742.6(b)(14)";
inline constexpr std::string_view kPolicyModelTier1 = "highfence rules.md section 15, D6";
inline constexpr std::string_view kBandMissing = "highfence rules.md section 15, D12";
inline constexpr std::string_view kNoRule = "15 CFR 742.6(a)(6)";
inline constexpr std::string_view kLedger = "highfence contract.md section 4";
inline constexpr std::string_view kChoice =
    "highfence contract.md section 3 (AIA, UVEU, NVEU, ACM, ACA, NAC, HBM, LPP)";
inline constexpr std::string_view kInput = "highfence contract.md section 2";

}  // namespace highfence::determine::cite

#endif  // HIGHFENCE_DETERMINE_CITATIONS_H_
