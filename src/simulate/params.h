// The simulator's parameters: one table giving, for each, its default, its
// Monte Carlo distribution (research notes section 4.6) and its source.
//
// The table drives everything that touches parameters: defaults, scenario
// overrides, the draws, the tornado ranking and the report's parameter list,
// so a parameter is documented exactly once. Values are doubles: this is a
// statistical model of compute flows, not legal amounts (those stay Fixed in
// the law and reach the simulator only through law_inputs.h).
//
// Thread safety: the table is immutable; ParamSet is a plain value.
#ifndef HIGHFENCE_SIMULATE_PARAMS_H_
#define HIGHFENCE_SIMULATE_PARAMS_H_

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace highfence::simulate {

// How a parameter varies across draws.
enum class Dist : uint8_t {
  kFixed,       // always `value`
  kUniform,     // U(a, b)
  kLogUniform,  // exp(U(ln a, ln b))
  kLogNormal,   // median a, log-sd b
};

// DO NOT REORDER without updating kParamTable in params.cc (checked there).
enum ParamId : int {
  // Supply and prices
  kSupplyGrowth2026,
  kSupplyGrowth2028,
  kBackcastGrowth,
  kPriceDecline,
  kPrice2025,
  kUnitH100eGrowth,
  // China's demand
  kBudgetScale,
  kBudgetElasticity,
  kSubstitutionElasticity,
  kChinaNvidiaShare,
  kBudgetCarry,
  // Smuggling (E4)
  kSmuggledUnits2024,
  kNetworkGrowth,
  kSmugglingPremium,
  kEnforcementLeakageCut,
  kEnforcementNetworkLoss,
  kNetworkUnitsMax,
  // Domestic production (E5)
  kDieBank,
  kHbmUsable,
  kHbmGrossThrough2024,
  kHbmSurgeGross,
  kHbmImportsGross2024,
  kHbmImportGrowth,
  kCxmtMultiplier,
  kCxmtDelayYears,
  kSmicMultiplier,
  kSmicWafers2023,
  kSmicWaferAdditions,
  kGrossDiesPerWafer,
  kYieldReference,
  kYieldMax,
  kLearningRate,
  kReferenceChips,
  kInitialChips,
  kDomesticCost2024,
  kDomesticH100e2027,
  kDomesticH100eGrowth,
  kPackaging2024,
  kPackaging2025,
  kPackagingGrowth,
  kPackagingMultiplier,
  kGapInvestmentShare,
  kWaferCapacityCost,
  kInvestmentLag,
  // Rental (E6)
  kRentableShare,
  kRentalPremium,
  // Blocs (E1, E7)
  kTier2Share,
  kUsShare,
  kTier3Share,
  kDepreciation,
  kUnservedToChina,
  kUnservedDeferred,
  kHyperscalerShare,
  kWeightAe,
  kWeightSa,
  kWeightMy,
  kWeightSg,
  kWeightIn,
  kWeightRest,
  kNveuAe,
  kNveuSa,
  kNveuIn,
  // Capability (E8-E11)
  kAlgorithmicHalving,
  kAlgorithmicLag,
  kLagElasticity,
  kFrontierGrowth,
  kFrontierShareRatio,
  kLagOffset,
  // Law the engine cannot apply (Supp. No. 5 para (b) is empty), kept for reforms
  kAllocationG2gIncrease,
  kParamCount,
};

struct ParamSpec {
  std::string_view name;    // key in scenario files and reports (snake_case)
  std::string_view symbol;  // the research notes' symbol, if any
  std::string_view unit;
  double value;  // default
  Dist dist;
  double a, b;  // see Dist
  std::string_view source;
};

using ParamTable = std::array<ParamSpec, kParamCount>;

// The defaults and ranges, with sources.
const ParamTable& DefaultParams();
std::optional<ParamId> FindParam(std::string_view name);

// The values a parameter may take ([lo, hi]); a scenario giving it a value or
// a range outside them is refused, so no input can break the model's
// arithmetic (a learning rate of 1, a negative share).
struct Domain {
  double lo, hi;
  bool lognormal_ok;  // unbounded above, so a log-normal may describe it
};
Domain DomainOf(ParamId id);
// Empty when `spec` lies in the parameter's domain, else why not.
std::string CheckSpec(ParamId id, const ParamSpec& spec);

// The p-quantile of a parameter's distribution, 0 < p < 1.
double Quantile(const ParamSpec& spec, double p);

// One draw's parameter values.
struct ParamSet {
  std::array<double, kParamCount> v{};
  double operator[](ParamId id) const { return v[id]; }
  double& operator[](ParamId id) { return v[id]; }
};

// Every parameter at its default.
ParamSet Defaults(const ParamTable& table);
// Draw `draw` of the Monte Carlo with `seed`: parameter i takes the quantile
// of counter-based uniform (seed, draw, i), so a draw is the same whatever
// thread computes it and whatever other draws are made.
ParamSet Draw(const ParamTable& table, uint64_t seed, uint64_t draw);

}  // namespace highfence::simulate

#endif  // HIGHFENCE_SIMULATE_PARAMS_H_
