// RunModel: equations E1-E11 of the research notes, one quarter at a time.
#include "simulate/model.h"

#include <algorithm>
#include <cmath>

#include "highfence/assert.h"
#include "simulate/allocation.h"
#include "simulate/calibration.h"
#include "simulate/equations.h"

namespace highfence::simulate {
namespace {

using Policy = std::array<double, kPolicyCount>;

double Clamp01(double v) { return std::clamp(v, 0.0, 1.0); }

struct State {
  double network = 0, wafers = 0, chips = 0, carry = 0, die_bank = 0, hbm = 0;
  double k_us = 0, k_t1 = 0, k_t3 = 0, k_cn = 0, r_cn = 0, k_huawei = 0;
  std::array<double, kTier2Slots> own{}, uveu{}, licensed{}, backlog{};
  double to_china = 0;    // Tier 2 demand turned to Chinese chips last quarter, H100e
  double exported = 0;    // Chinese chips sold to Tier 2 buyers this quarter, H100e
  double cost_ratio = 1;  // last quarter's average $ per H100e / frontier price
};

// What a run reads besides its state.
struct Context {
  const ParamSet& p;
  const Exogenous& x;
  const LawInputs& law;
  const PolicyPath& u;
  const RunOptions& opt;
  double keep = 0;  // 1 - quarterly depreciation
  double network_growth = 0;
  double allocation_h100e = 0, g2g_percent = 0, uveu_country = 0, uveu_outside = 0;
};

struct Domestic {
  double capacity = 0;  // H100e China can buy this quarter
  double exported = 0;  // H100e sold to Tier 2 buyers first
  double cost = 0;      // c_D, $ per H100e
  double smic_dies = 0;
  int binding = 0;
};

// E5: this quarter's domestic capacity, after the quarter's inflows to the
// die bank and the HBM stock.
Domestic DomesticCapacity(int q, const Context& c, const Policy& u, bool anticipate, State* s) {
  const ParamSet& p = c.p;
  const Exogenous& x = c.x;
  s->die_bank += x.proxy_dies[q] * (1 - Clamp01(u[kFoundryControl]));
  s->hbm += x.hbm_imports[q] * (1 - Clamp01(u[kHbmControl]));
  if (anticipate && c.u.hbm_window_total > 0) {  // pre-deadline buying, while still allowed
    s->hbm += x.hbm_surge * u[kHbmWindow] / c.u.hbm_window_total * (1 - Clamp01(u[kHbmControl]));
  }
  Domestic d;
  const double learned = LearningFactor(s->chips, p[kReferenceChips], p[kLearningRate]);
  const double yield = Yield(learned, p[kYieldReference], p[kYieldMax]);
  d.cost = p[kDomesticCost2024] * learned;  // Wright's law
  d.smic_dies = s->wafers * p[kGrossDiesPerWafer] * yield * p[kSmicMultiplier];
  const double logic = (s->die_bank + d.smic_dies) / x.dies_per_chip[q];
  const double memory = (s->hbm + x.cxmt_stacks[q]) / x.stacks_per_chip[q];
  const double chips = std::min({logic, memory, x.packaging[q]});
  d.binding = chips == x.packaging[q] ? 2 : (chips == memory ? 1 : 0);
  const double h100e = chips * x.domestic_h100e[q];
  d.exported = std::min(s->to_china, h100e);  // E1: nu share of unserved Tier 2 demand
  d.capacity = h100e - d.exported;
  return d;
}

double Tier2Located(const State& s) {
  double located = s.k_huawei;
  for (int i = 0; i < kTier2Slots; ++i) located += s.own[i] + s.uveu[i];
  return located;
}

// E6: the Tier 2 capacity Chinese firms may rent.
double RentableCap(const Context& c, const Policy& u, const State& s) {
  return c.p[kRentableShare] * (1 - Clamp01(u[kRemoteAccess])) * Tier2Located(s);
}

AllocationInput ChinaDemand(int q, const Context& c, const Policy& u, const Domestic& d,
                            double resource, const State& s) {
  const ParamSet& p = c.p;
  const double price = c.x.price[q];
  const bool share = c.opt.closure == Closure::kShare;
  AllocationInput in;
  in.quantity_mode = share;
  in.resource = resource;
  in.domestic_cost = d.cost;
  in.domestic_capacity = d.capacity;
  in.domestic_floor = Clamp01(u[kDomesticFloor]) * (share ? resource : resource / d.cost);
  in.cost[kLegal] = price * u[kLegalCost] * (1 + u[kLegalFee]);  // E3
  in.cost[kSmuggled] = price * (1 + p[kSmugglingPremium]);       // E4
  in.cost[kRented] = price * p[kRentalPremium];                  // E6
  const double accepted =
      Clamp01(u[kChinaAcceptance]) * (share ? resource : resource / in.cost[kLegal]);
  in.capacity[kLegal] = Clamp01(u[kLegalOpen]) * std::min(u[kLegalQuota] / 4, accepted);
  in.capacity[kSmuggled] =
      s.network * c.x.unit_h100e[q] * (1 - p[kEnforcementLeakageCut] * Clamp01(u[kEnforcement]));
  in.capacity[kRented] = std::max(0.0, RentableCap(c, u, s) - s.r_cn);
  in.elasticity = p[kSubstitutionElasticity];
  return in;
}

// E4: the smuggling network grows while legal chips cost more than smuggled
// ones (or are not sold) and money is not what limits China; enforcement
// shrinks it.
void GrowNetwork(const Context& c, const Policy& u, const AllocationInput& in, double unspent_share,
                 State* s) {
  const double open = Clamp01(u[kLegalOpen]);
  const double incentive = (1 - open) + open * (in.cost[kLegal] > in.cost[kSmuggled] ? 1 : 0);
  s->network =
      NextNetwork(s->network, c.network_growth, incentive, unspent_share,
                  c.p[kEnforcementNetworkLoss], Clamp01(u[kEnforcement]), c.p[kNetworkUnitsMax]);
}

void ConsumeInputs(int q, const Context& c, const Domestic& d, double domestic, State* s) {
  const double chips = (domestic + d.exported) / c.x.domestic_h100e[q];
  const double dies = chips * c.x.dies_per_chip[q];
  s->die_bank = std::max(0.0, s->die_bank - std::max(0.0, dies - d.smic_dies));
  const double stacks = chips * c.x.stacks_per_chip[q];
  s->hbm = std::max(0.0, s->hbm - std::max(0.0, stacks - c.x.cxmt_stacks[q]));
  s->chips += chips;
}

// E2-E6 for China in quarter q, recording the intake; returns L + S.
double ChinaQuarter(int q, const Context& c, const Policy& u, bool frozen, bool anticipate,
                    State* s, Trajectory* t) {
  const ParamSet& p = c.p;
  const bool share = c.opt.closure == Closure::kShare;
  Domestic d = DomesticCapacity(q, c, u, anticipate, s);
  // The budget responds to prices relative to those it was historically spent
  // at (price elasticity; 0 by default).
  const double relative = s->cost_ratio / HistoricalCostRatio(YearOf(q));
  const double response = p[kBudgetElasticity] == 0 ? 1 : std::pow(relative, -p[kBudgetElasticity]);
  const double base = share ? p[kChinaNvidiaShare] * c.x.nvidia[q] : c.x.budget[q] * response;
  double resource = base + (share ? 0 : s->carry);
  if (frozen) {
    resource =
        c.opt.freeze_budget ? c.opt.frozen->budget[q] : base + (share ? 0 : c.opt.frozen->carry[q]);
  }
  const AllocationInput in = ChinaDemand(q, c, u, d, resource, *s);
  const AllocationResult a = Allocate(in);
  const double legal = a.foreign[kLegal], smuggled = a.foreign[kSmuggled];
  const double rented = a.foreign[kRented], intake = a.domestic + legal + smuggled + rented;
  t->budget[q] = resource;
  t->legal[q] = legal;
  t->smuggled[q] = smuggled;
  t->domestic[q] = a.domestic;
  t->rented[q] = rented;
  t->domestic_capacity[q] = d.capacity;
  t->slack[q] = d.capacity - a.domestic;
  t->binding[q] = d.binding;
  t->domestic_chips[q] = a.domestic / c.x.domestic_h100e[q];
  t->smic_dies[q] = d.smic_dies;
  t->domestic_cost[q] = d.cost;
  t->unused[q] = a.unused;
  ConsumeInputs(q, c, d, a.domestic, s);
  t->die_bank[q] = s->die_bank;
  t->hbm_stock[q] = s->hbm;
  s->to_china = 0;
  const double spent = a.domestic * d.cost + legal * in.cost[kLegal] +
                       smuggled * in.cost[kSmuggled] + rented * in.cost[kRented];
  s->cost_ratio = intake > 0 ? spent / intake / c.x.price[q] : 1;
  s->carry = (!share && anticipate) ? p[kBudgetCarry] * a.unused : 0;
  GrowNetwork(c, u, in, share || resource <= 0 ? 0 : a.unused / resource, s);
  // E5: unmet demand, valued at the domestic cost, pulls in wafer capacity.
  const double wanted = share ? base : base / c.x.price[q];
  t->gap[q] = d.cost * std::max(0.0, wanted - intake);
  const int lagged = q - static_cast<int>(p[kInvestmentLag]);
  if (YearOf(q) >= 2023) {
    s->wafers += c.x.smic_additions[q] * (1 - Clamp01(u[kToolControl]));
    if (lagged >= 0) s->wafers += p[kGapInvestmentShare] * t->gap[lagged] / p[kWaferCapacityCost];
  }
  s->k_cn = c.keep * s->k_cn + a.domestic + legal + smuggled;  // E7
  s->r_cn = std::min(c.keep * s->r_cn + rented, RentableCap(c, u, *s));
  s->k_huawei = c.keep * s->k_huawei + d.exported;
  s->exported = d.exported;
  return legal + smuggled;
}

// The Tier 2 slot's cap on its licensed installed base, H100e (E1).
double Tier2Cap(int slot, int q, const Context& c) {
  if (slot == kRestSlot) return c.allocation_h100e * c.law.RestCount(q);
  double cap = c.allocation_h100e * (c.law.G2g(slot, q) ? 1 + c.g2g_percent / 100 : 1);
  static constexpr std::array<ParamId, kRestSlot> kNveu = {kNveuAe, kNveuSa, kParamCount,
                                                           kParamCount, kNveuIn};
  if (kNveu[slot] != kParamCount) cap += c.p[kNveu[slot]] * c.law.NveuCapH100e(q);
  return cap;
}

struct Tier2Flows {
  double served = 0;  // bought by Tier 2 firms
  double uveu = 0;    // placed in Tier 2 by UVEU holders
};

// E1 for one Tier 2 slot: capped purchases, then the unserved demand splits
// into Chinese chips (nu), deferral (omega) and UVEU capacity.
Tier2Flows Tier2Slot(int slot, int q, const Context& c, const Policy& u, double available,
                     double uveu_stock, double* uveu_total_room, State* s) {
  const ParamSet& p = c.p;
  static constexpr std::array<ParamId, kTier2Slots> kWeight = {kWeightAe, kWeightSa, kWeightMy,
                                                               kWeightSg, kWeightIn, kWeightRest};
  const double demand = p[kTier2Share] * p[kWeight[slot]] * available +
                        u[kExtraDemandAe + slot] / 4 + s->backlog[slot];
  s->backlog[slot] = 0;
  const int tier = c.law.Tier(slot, q);
  Tier2Flows f;
  if (tier == 3) return f;  // embargoed: the chips go to other buyers
  const double caps = tier == 1 ? 0 : Clamp01(u[kTier2Caps]);
  const double room = std::max(0.0, Tier2Cap(slot, q, c) - s->licensed[slot]);
  const double capped = std::min(demand, room);
  s->licensed[slot] += caps * capped;
  f.served = caps * capped + (1 - caps) * demand;
  const double unserved = demand - f.served;
  s->to_china += p[kUnservedToChina] * unserved;
  s->backlog[slot] = p[kUnservedDeferred] * unserved;
  const double countries = slot == kRestSlot ? c.law.RestCount(q) : 1;
  const double uveu_room = std::max(0.0, c.uveu_country * uveu_stock * countries - s->uveu[slot]);
  const double to_uveu = (1 - p[kUnservedToChina] - p[kUnservedDeferred]) * unserved;
  f.uveu = std::min({std::max(0.0, to_uveu), uveu_room, *uveu_total_room});
  *uveu_total_room -= f.uveu;
  return f;
}

// E1 and E7 for the blocs outside China: Tier 2 first, then embargoed
// destinations, and the US and Tier 1 buy the rest (the market clears).
void Blocs(int q, const Context& c, const Policy& u, double china_foreign, State* s,
           Trajectory* t) {
  const ParamSet& p = c.p;
  const double available = std::max(0.0, c.x.supply[q] - china_foreign);
  double uveu_sum = 0;
  for (double v : s->uveu) uveu_sum += v;
  const double uveu_stock = p[kHyperscalerShare] * (s->k_us + s->k_t1 + uveu_sum);
  double uveu_total_room = std::max(0.0, c.uveu_outside * uveu_stock - uveu_sum);
  double t2 = 0;
  for (int slot = 0; slot < kTier2Slots; ++slot) {
    Tier2Flows f = Tier2Slot(slot, q, c, u, available, uveu_stock, &uveu_total_room, s);
    s->own[slot] = c.keep * s->own[slot] + f.served;
    s->uveu[slot] = c.keep * s->uveu[slot] + f.uveu;
    t2 += f.served + f.uveu;
  }
  const double t3 = p[kTier3Share] * available * Clamp01(u[kTier3Open]);
  const double rest = std::max(0.0, available - t2 - t3);
  const double t1_share = std::max(0.0, 1 - p[kUsShare] - p[kTier2Share] - p[kTier3Share]);
  const double buyers = p[kUsShare] + t1_share;
  const double us = buyers > 0 ? rest * p[kUsShare] / buyers : rest;
  t->us_in[q] = us;
  t->t1_in[q] = rest - us;
  t->t2_in[q] = t2 + s->exported;
  t->exported[q] = s->exported;
  t->t3_in[q] = t3;
  s->k_us = c.keep * s->k_us + us;
  s->k_t1 = c.keep * s->k_t1 + (rest - us);
  s->k_t3 = c.keep * s->k_t3 + t3;
}

// Stocks before 2020: each bloc's 2020Q1 inflow accumulated over a past in
// which inflows grew at the back-cast rate g: K = inflow (1 + g) / (g + delta).
void SeedStocks(const Context& c, State* s) {
  const double g = std::pow(c.p[kBackcastGrowth], 0.25) - 1;
  const double f = GrownStock(1.0, g, c.keep);
  s->k_us *= f;
  s->k_t1 *= f;
  s->k_t3 *= f;
  s->k_cn *= f;
  for (double& v : s->own) v *= f;
}

// E8-E11.
void Metrics(int q, const Context& c, const State& s, Trajectory* t) {
  const ParamSet& p = c.p;
  double own = 0, uveu = 0;
  for (int i = 0; i < kTier2Slots; ++i) {
    own += s.own[i];
    uveu += s.uveu[i];
    t->k_t2_slot[i][q] = s.own[i];
  }
  t->k_us[q] = s.k_us;
  t->k_t1[q] = s.k_t1;
  t->k_t2_own[q] = own;
  t->k_t2_uveu[q] = uveu;
  t->k_t2_located[q] = own + uveu + s.k_huawei;
  t->k_cn[q] = s.k_cn;
  t->r_cn[q] = s.r_cn;
  t->k_t3[q] = s.k_t3;
  const double a_us = c.x.algo_us[q], a_cn = c.x.algo_cn[q];
  t->e_us[q] = a_us * s.k_us;
  t->e_t1[q] = a_us * s.k_t1;
  t->e_t2[q] = a_us * std::max(0.0, t->k_t2_located[q] - s.r_cn);
  t->e_cn[q] = a_cn * (s.k_cn + s.r_cn);
  t->e_t3[q] = a_cn * s.k_t3;
  t->gamma_stock[q] = t->e_us[q] / std::max(t->e_cn[q], 1e-9);
  double us = 0, cn = 0;
  for (int k = std::max(0, q - 3); k <= q; ++k) {
    us += t->us_in[k];
    cn += t->legal[k] + t->smuggled[k] + t->domestic[k] + t->rented[k];
  }
  t->gamma_flow[q] = us / std::max(cn, 1e-9);
  // E9, E11 (equations.h).
  t->lag_months[q] = CapabilityLagMonths(t->gamma_stock[q], p[kFrontierShareRatio],
                                         p[kLagElasticity], p[kFrontierGrowth], p[kLagOffset]);
}

Context MakeContext(const ParamSet& p, const Exogenous& x, const LawInputs& law,
                    const PolicyPath& u, const RunOptions& opt) {
  Context c{p, x, law, u, opt};
  c.keep = std::pow(1 - p[kDepreciation], 0.25);
  c.network_growth = std::pow(p[kNetworkGrowth], 0.25) - 1;
  auto fact = [&](std::string_view name) {
    const LawFact* f = law.Fact(name);
    HF_ASSERT(f != nullptr);  // LawInputs::FromLaw fails without it
    return f->value;
  };
  c.allocation_h100e = fact("tier2_allocation_h100e");
  c.g2g_percent = p[kAllocationG2gIncrease];
  c.uveu_country = fact("uveu_per_country_percent") / 100;
  c.uveu_outside = fact("uveu_outside_tier1_percent") / 100;
  return c;
}

}  // namespace

void RunModel(const ParamSet& p, const Exogenous& x, const LawInputs& law, const PolicyPath& u,
              const RunOptions& options, Trajectory* out) {
  HF_ASSERT(out != nullptr);
  HF_ASSERT(options.frozen != nullptr || options.freeze_from >= kQuarters);
  const Context c = MakeContext(p, x, law, u, options);
  State s;
  s.network = x.network_seed;
  s.chips = p[kInitialChips];
  for (int q = 0; q < kQuarters; ++q) {
    const bool frozen = options.frozen != nullptr && q >= options.freeze_from;
    if (q == FirstQuarterOf(2023)) s.wafers += p[kSmicWafers2023];
    if (frozen) {
      s.network = options.frozen->network[q];
      s.wafers = options.frozen->wafers[q];
      s.chips = options.frozen->cumulative_chips[q];
    }
    out->network[q] = s.network;
    out->wafers[q] = s.wafers;
    out->cumulative_chips[q] = s.chips;
    out->carry[q] = s.carry;
    const bool anticipate = !frozen && q < options.no_anticipation_from;
    const double foreign = ChinaQuarter(q, c, u[q], frozen, anticipate, &s, out);
    Blocs(q, c, u[q], foreign, &s, out);
    if (q == 0) SeedStocks(c, &s);
    Metrics(q, c, s, out);
  }
}

}  // namespace highfence::simulate
