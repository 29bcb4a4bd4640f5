#include "law/params.h"

#include <iterator>

namespace highfence::law {
namespace {

constexpr ParamSpec kParams[] = {
#define HF_PARAM_SPEC(rule, key, unit, type, bounds) {rule, #key, Unit::unit, Bounds::bounds},
    HF_LAW_PARAMS(HF_PARAM_SPEC)
#undef HF_PARAM_SPEC
};

constexpr CitationSpec kCitations[] = {
#define HF_CITATION_SPEC(rule, key) {rule, #key},
    HF_LAW_CITATIONS(HF_CITATION_SPEC)
#undef HF_CITATION_SPEC
};

constexpr RuleSpec kRules[] = {
    {kUs2022, "regime"},      {kUs2023, "regime"},
    {kUs2025, "regime"},      {kNonEnforcement, "change"},
    {kCambodia, "change"},    {kChinaBand, "change"},
    {kUae, "change"},         {kEmbargo, "program"},
    {kPartyLists, "program"}, {kDefaults, "defaults"},
};

}  // namespace

std::span<const ParamSpec> ParamSpecs() { return kParams; }
std::span<const CitationSpec> CitationSpecs() { return kCitations; }
std::span<const RuleSpec> RuleSpecs() { return kRules; }

std::string_view BoundsName(Bounds b) {
  switch (b) {
    case Bounds::kPositive:
      return "greater than 0";
    case Bounds::kPercent:
      return "0 to 100";
    case Bounds::kDays:
      return "0 to 3660 days";
    case Bounds::kInRegime:
      return "on or after its file's effective_on";
    case Bounds::kAny:
      return "any value of its unit";
  }
  return "";
}

}  // namespace highfence::law
