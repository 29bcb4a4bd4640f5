#include "simulate/params.h"

#include <cmath>

#include "highfence/assert.h"
#include "simulate/rng.h"

namespace highfence::simulate {
namespace {

constexpr Dist F = Dist::kFixed;
constexpr Dist U = Dist::kUniform;
constexpr Dist LU = Dist::kLogUniform;
constexpr Dist LN = Dist::kLogNormal;

// Sources are named in short; docs/simulator.md lists each in full.
// "Assumption" marks a value with no direct source: the range is wide on
// purpose.
constexpr ParamTable kTable = {{
    // --- supply and prices ---------------------------------------------------
    {"supply_growth_2026_2027", "g_G", "x/yr", 2.0, U, 1.5, 3.3,
     "Epoch AI: compute stock 3.3x/yr (CI 2.7-4.1); AI-2027 compute forecast 2.25x/yr"},
    {"supply_growth_2028_2030", "", "x/yr", 1.6, U, 1.2, 2.2,
     "assumption: growth slows after 2027 as capex saturates (the forecasts cited stop at 2027)"},
    {"supply_backcast_growth", "", "x/yr", 2.3, F, 0, 0,
     "Epoch AI: Nvidia installed compute grew 2.3x/yr since 2019 (back-cast of 2020-21)"},
    {"price_decline_per_year", "d_p", "1/yr", 0.28, U, 0.20, 0.35,
     "Epoch AI: ML-GPU FLOP/$ doubles every 2.07 yr; cost per H100e $25.8k (2024) -> $17.1k "
     "(2025)"},
    {"price_2025_usd", "p", "$/H100e", 17100, F, 0, 0,
     "Epoch AI cost columns: Nvidia cost per H100e in 2025"},
    {"unit_h100e_growth_per_year", "phi_S", "x/yr", 1.3, F, 0, 0,
     "assumption: H100e per frontier Nvidia unit after 2025 (Epoch: 0.87 in 2024, 2.0 in 2025)"},
    // --- China's demand (E2) ------------------------------------------------------
    {"china_budget_scale", "B_CN", "x", 1.0, LN, 1.0, 0.25,
     "Epoch costs, Bernstein: $25B (2024), $38B (2025), $52B (2026), $69B (2027), x LogN(0, 0.25)"},
    {"china_budget_price_elasticity", "", "1", 0.0, U, 0.0, 0.5,
     "assumption (no published estimate; Bernstein's H20 recapture, $10.5B of $16.8B, bounds it)"},
    {"substitution_elasticity", "eps_sub", "1", 3.0, LU, 1.0, 8.0,
     "assumption (no published estimate): domestic vs foreign chips"},
    {"china_nvidia_share", "", "1", 0.132, F, 0, 0,
     "Epoch AI ai-chip-counts: China's licensed share of Nvidia H100e in 2023 (share-based "
     "counterfactual)"},
    {"budget_carry_rate", "kappa_B", "1", 0.5, U, 0.0, 1.0,
     "assumption: share of unspent budget carried to the next quarter (stockpiling)"},
    // --- smuggling (E4) -------------------------------------------------------------
    {"smuggled_units_2024", "N", "units", 171000, LN, 171000, 0.6,
     "Epoch AI smuggling estimate (171k units, 2024) (90% CI 64k-417k H100e); covers CNAS "
     "10k-300k+"},
    {"smuggling_network_growth", "g_N", "x/yr", 1.7, U, 1.2, 2.0,
     "Epoch AI units 171k (2024) -> 295k (2025), derived"},
    {"smuggling_premium", "pi_S", "1", 0.5, U, 0.3, 1.0,
     "grey-market premia: +50% (H100/H200 servers) to +100% (A100)"},
    {"enforcement_leakage_cut", "eta_e", "1", 0.8, U, 0.5, 0.9,
     "assumption: leakage cut at full enforcement e = 1"},
    {"enforcement_network_loss", "delta_N", "1/quarter", 0.3, U, 0.1, 0.5,
     "assumption: share of the network lost per quarter at e = 1"},
    {"smuggling_network_units_max", "", "units/quarter", 100000, U, 50000, 200000,
     "assumption: a capacity ceiling (without one smuggling grows without bound); 2025 ran at ~74k "
     "units a quarter "
     "(Epoch) and Grunewald puts 2026 smuggling near 15% of intake"},
    // --- domestic production (E5) ---------------------------------------------------
    {"die_bank_dies", "DB", "dies", 2.9e6, U, 2.32e6, 3.48e6,
     "SemiAnalysis, Heim: 2.9M TSMC-made Ascend dies via a proxy; +-20%"},
    {"hbm_usable_stacks", "HBM", "stacks", 7.5e6, U, 6e6, 13e6,
     "SemiAnalysis: 13M stacks gross by Jan 2025; 2026 HBM-bound output ~300k implies ~7.5M "
     "usable"},
    {"hbm_gross_stacks_through_2024", "", "stacks", 13e6, F, 0, 0,
     "SemiAnalysis: 13M HBM stacks in China by the end of 2024"},
    {"hbm_surge_gross_stacks", "", "stacks", 7e6, F, 0, 0,
     "SemiAnalysis: 7M stacks shipped between the 2 Dec 2024 announcement and 31 Dec"},
    {"hbm_imports_gross_per_quarter_2024", "", "stacks/quarter", 1.25e6, F, 0, 0,
     "derived: (13M - 7M surge - 1M before 2024) / 4 quarters"},
    {"hbm_import_growth_per_year", "", "x/yr", 1.5, F, 0, 0,
     "assumption: HBM imports after 2024 absent a control"},
    {"cxmt_hbm_multiplier", "H_dom", "x", 1.0, U, 0.0, 1.5,
     "assumption on CXMT's plan of 1M stacks (2026), 4M (2027): slip vs target"},
    {"cxmt_delay_years", "", "yr", 0.0, F, 0, 0, "scenario lever: years CXMT's plan slips"},
    {"smic_good_dies_multiplier", "f_SMIC", "x", 1.0, U, 0.6, 1.5,
     "Bloomberg 1.6M dies (2026); SemiAnalysis SMIC 45k/60k/80k wpm path"},
    {"smic_ai_wafers_2023", "W", "wafers/quarter", 2000, F, 0, 0,
     "calibrated: SMIC good AI dies 0.8M (2025), 1.6M (2026), 2.6M (2027) under history"},
    {"smic_ai_wafer_additions", "I_W", "wafers/quarter per quarter", 600, F, 0, 0,
     "calibrated with smic_ai_wafers_2023, before the tool controls' cut sigma_SME"},
    {"gross_dies_per_wafer", "GDPW", "dies", 80, F, 0, 0,
     "assumption: ~650 mm2 Ascend die on a 300 mm wafer"},
    {"yield_reference", "Y0", "1", 0.3, F, 0, 0,
     "TrendForce/Digitimes: 910C yield 20% (Nov 2024) -> 40% (Feb 2025); 910B ~50%"},
    {"yield_max", "Y_max", "1", 0.6, F, 0, 0, "Digitimes: Huawei's 60% yield target"},
    {"learning_rate", "LR", "1", 0.2, U, 0.1, 0.3,
     "Irwin & Klenow (1994): ~20% per doubling of cumulative output"},
    {"reference_cumulative_chips", "Q0", "chips", 3e5, F, 0, 0,
     "assumption: cumulative Ascend output in mid-2024, where Epoch's 2024 cost applies"},
    {"initial_cumulative_chips", "Q", "chips", 1e5, F, 0, 0,
     "assumption: Ascend and Cambricon chips made before 2020-2022 (learning base)"},
    {"domestic_cost_2024_usd", "c_D0", "$/H100e", 38900, U, 31120, 46680,
     "Epoch AI cost columns: Huawei $38.9k per H100e (2024); +-20%"},
    {"domestic_h100e_per_chip_2027", "phi_D", "H100e", 1.0, U, 0.6, 1.3,
     "Huawei roadmap (950/960); CFR 17x chip gap by 2027; 2024-26: 0.40/0.66/0.75 (Epoch)"},
    {"domestic_h100e_growth_per_year", "", "x/yr", 1.3, F, 0, 0,
     "assumption: H100e per domestic chip after 2027"},
    {"packaging_chips_2024", "Pack", "chips/quarter", 112500, F, 0, 0,
     "Epoch AI: 450k Ascend units in 2024 (packaging and ramp bound)"},
    {"packaging_chips_2025", "Pack", "chips/quarter", 200000, F, 0, 0,
     "Epoch AI, IDC, SemiAnalysis: ~800k Ascend units in 2025"},
    {"packaging_growth_per_year", "", "x/yr", 1.5, F, 0, 0,
     "assumption: packaging capacity growth after 2025"},
    {"packaging_multiplier", "", "x", 1.0, U, 0.8, 1.2, "assumption: uncertainty of Pack(t)"},
    {"gap_investment_share", "zeta", "1", 0.02, U, 0.0, 0.06,
     "assumption: share of unmet demand's value invested in AI-die capacity (entity-list "
     "studies range from negative to positive)"},
    {"wafer_capacity_cost_usd", "", "$ per wafer/quarter", 333333, F, 0, 0,
     "assumption: ~$1B per 1k wafers/month of advanced DUV capacity"},
    {"investment_lag_quarters", "l", "quarters", 4, F, 0, 0,
     "assumption: a year from spending to wafers"},
    // --- rental (E6) ----------------------------------------------------------------
    {"rentable_tier2_share", "rho", "1", 0.15, U, 0.0, 0.3,
     "ByteDance-Oracle cluster (Grunewald, SemiAnalysis)"},
    {"rental_premium", "m_R", "x", 1.3, U, 1.0, 1.8,
     "assumption: cloud cost over ownership per H100e (FT: 8xA100 $6/h in China vs $10/h US)"},
    // --- blocs (E1, E7) ----------------------------------------------------------
    {"tier2_demand_share", "s_T2", "1", 0.08, U, 0.05, 0.15,
     "assumption: Malaysia 1.8 GW vs ~20 GW global AI data centres (2025), UAE/KSA deals"},
    {"us_share_non_china", "s_US", "1", 0.72, U, 0.65, 0.80,
     "Epoch AI: US 75% of cluster performance; hyperscalers 71%"},
    {"tier3_other_demand_share", "", "1", 0.005, F, 0, 0,
     "assumption: embargoed destinations other than China"},
    {"depreciation_per_year", "delta", "1/yr", 0.20, U, 0.15, 0.25,
     "Epoch AI: older generations below half of compute after about 4 years"},
    {"tier2_unserved_to_china_share", "nu", "1", 0.02, U, 0.0, 0.05,
     "Huawei 910B offers to Gulf states 'in the low thousands', no deals"},
    {"tier2_unserved_deferred_share", "omega", "1", 0.2, U, 0.0, 0.4,
     "assumption: unserved Tier 2 demand carried to the next quarter"},
    {"uveu_hyperscaler_share", "", "1", 0.71, F, 0, 0,
     "Epoch AI chip owners: hyperscalers hold 71% of compute (UVEU candidates)"},
    {"tier2_weight_ae", "", "1", 0.15, F, 0, 0, "assumption: UAE share of Tier 2 demand"},
    {"tier2_weight_sa", "", "1", 0.10, F, 0, 0, "assumption: Saudi Arabia share"},
    {"tier2_weight_my", "", "1", 0.30, F, 0, 0,
     "assumption: Malaysia share (1.8 GW IT power in 2025, SemiAnalysis)"},
    {"tier2_weight_sg", "", "1", 0.10, F, 0, 0, "assumption: Singapore share"},
    {"tier2_weight_in", "", "1", 0.10, F, 0, 0, "assumption: India share"},
    {"tier2_weight_rest", "", "1", 0.25, F, 0, 0, "assumption: rest of Tier 2"},
    {"nveu_holders_ae", "", "entities", 1, F, 0, 0, "assumption: G42 as a Data Center NVEU"},
    {"nveu_holders_sa", "", "entities", 1, F, 0, 0, "assumption: Humain as a Data Center NVEU"},
    {"nveu_holders_in", "", "entities", 1, F, 0, 0, "assumption: one Indian NVEU"},
    // --- capability (E8-E11) -----------------------------------------------------
    {"algorithmic_halving_months", "tau_A", "months", 8, U, 5, 14,
     "Ho et al. (Epoch 2024): compute for fixed performance halves every ~8 months (5-14)"},
    {"china_algorithmic_lag_months", "l_A", "months", 3, U, -3, 9,
     "assumption: talent and diffusion lag (CSIS on DeepSeek's innovations)"},
    {"lag_elasticity", "psi", "1", 0.29, U, 0.2, 0.6,
     "fit: Gamma ~ 10 gives a 7-month lag (Epoch ECI) with chi = 0.5"},
    {"frontier_compute_growth", "g_F", "x/yr", 4.5, U, 4.0, 5.0,
     "Epoch AI: frontier training compute grows 4-5x/yr"},
    {"frontier_share_ratio", "chi_CN/chi_US", "1", 0.5, U, 0.3, 1.0,
     "fit with psi; Grok-2 vs Doubao-pro compute (Epoch)"},
    {"lag_offset_months", "Lambda_0", "months", 0, F, 0, 0, "fit: zero with psi = 0.29"},
    // --- law the engine cannot apply ----------------------------------------------
    {"tier2_allocation_g2g_percent", "", "percent", 100, F, 0, 0,
     "15 CFR 742.6(b)(10)(iii)(C), 90 FR 4544: a destination in Supp. No. 5 to part 740 para "
     "(b) may get up to this much more allocation; para (b) was empty at publication, so only "
     "reforms that add members feel it"},
}};

constexpr bool NamesUnique() {
  for (size_t i = 0; i < kTable.size(); ++i) {
    for (size_t j = i + 1; j < kTable.size(); ++j) {
      if (kTable[i].name == kTable[j].name) return false;
    }
  }
  return true;
}
static_assert(NamesUnique(), "parameter names are keys");
static_assert(kTable[kLagOffset].name == "lag_offset_months", "table follows ParamId");
static_assert(kTable[kAllocationG2gIncrease].name == "tier2_allocation_g2g_percent",
              "table follows ParamId");
static_assert(kTable[kRentableShare].name == "rentable_tier2_share", "table follows ParamId");
static_assert(kTable[kDieBank].name == "die_bank_dies", "table follows ParamId");

}  // namespace

const ParamTable& DefaultParams() { return kTable; }

std::optional<ParamId> FindParam(std::string_view name) {
  for (int i = 0; i < kParamCount; ++i) {
    if (kTable[i].name == name) return static_cast<ParamId>(i);
  }
  return std::nullopt;
}

Domain DomainOf(ParamId id) {
  constexpr double kBig = 1e18;
  switch (id) {
    // Shares and probabilities.
    case kChinaNvidiaShare:
    case kBudgetCarry:
    case kEnforcementLeakageCut:
    case kEnforcementNetworkLoss:
    case kGapInvestmentShare:
    case kRentableShare:
    case kTier2Share:
    case kUsShare:
    case kTier3Share:
    case kUnservedToChina:
    case kUnservedDeferred:
    case kHyperscalerShare:
    case kWeightAe:
    case kWeightSa:
    case kWeightMy:
    case kWeightSg:
    case kWeightIn:
    case kWeightRest:
      return {0, 1, false};
    // Rates that must stay below 1 for the arithmetic (log2(1 - LR), (1 - d)^t).
    case kPriceDecline:
    case kLearningRate:
    case kDepreciation:
      return {0, 0.95, false};
    case kYieldReference:
    case kYieldMax:
      return {0.01, 1, false};
    // Strictly positive quantities, unbounded above.
    case kSupplyGrowth2026:
    case kSupplyGrowth2028:
    case kBackcastGrowth:
    case kPrice2025:
    case kUnitH100eGrowth:
    case kBudgetScale:
    case kNetworkGrowth:
    case kHbmGrossThrough2024:
    case kReferenceChips:
    case kDomesticCost2024:
    case kDomesticH100e2027:
    case kDomesticH100eGrowth:
    case kPackagingGrowth:
    case kGrossDiesPerWafer:
    case kWaferCapacityCost:
    case kAlgorithmicHalving:
    case kFrontierShareRatio:
    case kHbmImportGrowth:
    case kRentalPremium:
    case kInitialChips:
    case kPackagingMultiplier:
      return {1e-9, kBig, true};
    case kFrontierGrowth:
      return {1.0001, kBig, true};  // 12 / ln g_F
    case kAlgorithmicLag:
    case kLagOffset:
      return {-kBig, kBig, false};
    case kInvestmentLag:
    case kCxmtDelayYears:
      return {0, 40, false};
    default:  // counts, stocks, multipliers, premia, elasticities
      return {0, kBig, true};
  }
}

std::string CheckSpec(ParamId id, const ParamSpec& spec) {
  const Domain d = DomainOf(id);
  auto inside = [&](double v) { return std::isfinite(v) && v >= d.lo && v <= d.hi; };
  if (!inside(spec.value)) return "the value lies outside the parameter's domain";
  switch (spec.dist) {
    case Dist::kFixed:
      return "";
    case Dist::kUniform:
    case Dist::kLogUniform:
      return inside(spec.a) && inside(spec.b) && spec.a <= spec.b
                 ? ""
                 : "the range lies outside the parameter's domain";
    case Dist::kLogNormal:
      if (!d.lognormal_ok) return "a log-normal can exceed this parameter's domain";
      return inside(spec.a) && spec.b >= 0 && spec.b < 5 ? "" : "median or sd out of range";
  }
  return "";
}

double Quantile(const ParamSpec& spec, double p) {
  HF_ASSERT(p > 0 && p < 1);
  switch (spec.dist) {
    case Dist::kFixed:
      return spec.value;
    case Dist::kUniform:
      return spec.a + p * (spec.b - spec.a);
    case Dist::kLogUniform:
      return std::exp(std::log(spec.a) + p * (std::log(spec.b) - std::log(spec.a)));
    case Dist::kLogNormal:
      return spec.a * std::exp(spec.b * NormalQuantile(p));
  }
  HF_ASSERT(false);
}

ParamSet Defaults(const ParamTable& table) {
  ParamSet out;
  for (int i = 0; i < kParamCount; ++i) out.v[i] = table[i].value;
  return out;
}

// The stream of a parameter is a hash of its name, not its position, so adding
// a parameter leaves every other parameter's draws unchanged.
uint64_t StreamOf(std::string_view name) {
  uint64_t h = 0xCBF29CE484222325ull;  // FNV-1a
  for (char c : name) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001B3ull;
  return h;
}

ParamSet Draw(const ParamTable& table, uint64_t seed, uint64_t draw) {
  ParamSet out;
  for (int i = 0; i < kParamCount; ++i) {
    const ParamSpec& spec = table[i];
    out.v[i] = spec.dist == Dist::kFixed
                   ? spec.value
                   : Quantile(spec, Uniform01(seed, draw, StreamOf(spec.name)));
  }
  return out;
}

}  // namespace highfence::simulate
