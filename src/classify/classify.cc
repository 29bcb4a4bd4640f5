#include "classify/classify.h"

#include <fmt/format.h>

#include <algorithm>
#include <string>

#include "base/bounded.h"
#include "base/format.h"
#include "base/reason.h"
#include "catalog/catalog.h"
#include "highfence/assert.h"

namespace highfence::classify {
namespace {

// The outcome for one IC.
struct IcOutcome {
  Eccn eccn = Eccn::kNone;
  std::optional<Fixed> pd;
  bool missing_figure = false;
};

std::string Label(std::string_view label) {
  return label.empty() ? std::string() : fmt::format("{}: ", label);
}

void ReasonTpp(const IcSpec& ic, const law::Snapshot& law, std::string_view label,
               Determination* d) {
  const std::string_view cite = law.cite->tpp;
  if (ic.accelerator != nullptr) {
    const catalog::Accelerator& a = *ic.accelerator;
    AddReasonF(d, "classify.tpp", cite,
               "{}TPP {} = {} dense TOPS x {}-bit operations ({} {}, catalog `{}`)", Label(label),
               ic.tpp, a.dense_tops, a.bit_length, a.vendor, a.model, a.id);
  } else {
    AddReasonF(d, "classify.tpp", cite, "{}TPP {} as stated for the integrated circuit",
               Label(label), ic.tpp);
  }
}

// D19: a figure the class depends on is missing. The reason records the
// threshold that made the figure matter.
template <typename T>
void MissingFigure(std::string field, std::string text, const Cited<T>& threshold,
                   const law::Snapshot& law, Determination* d, IcOutcome* out) {
  out->missing_figure = true;
  d->errors.push_back({"missing_figure", std::move(field), text});
  d->AddReason("classify.missing_figure", law.cite->missing_figure, text);
  ReasonRef(d).Read(threshold);
}

// The October 2022 test: TPP >= 4,800 and bidirectional I/O >= 600 GB/s.
IcOutcome ClassifyIc2022(const IcSpec& ic, const law::Snapshot& law, std::string_view label,
                         std::string_view field, Determination* d) {
  IcOutcome out;
  const Cited<Fixed>& tpp_min = law.ic_tpp_min;
  const Cited<Fixed>& io_min = law.ic_interconnect_gbs_min;
  if (ic.tpp < tpp_min.value) {
    AddReasonF(d, "classify.ic.2022", tpp_min.citation(),
               "{}TPP {} < {}: not 3A090.a under the 2022 test (short by {})", Label(label), ic.tpp,
               tpp_min, BoundedSub(tpp_min.value, ic.tpp));
    return out;
  }
  if (!ic.interconnect_gbs) {
    MissingFigure(fmt::format("{}.interconnect_gbs", field),
                  fmt::format("{}TPP {} >= {}, so the 2022 class depends on the interconnect "
                              "rate, which is not given (`{}.interconnect_gbs`)",
                              Label(label), ic.tpp, tpp_min.value, field),
                  tpp_min, law, d, &out);
    return out;
  }
  if (*ic.interconnect_gbs < io_min.value) {
    AddReasonF(d, "classify.ic.2022", io_min.citation(),
               "{}TPP {} >= {} but interconnect {} GB/s < {} GB/s: not 3A090.a "
               "under the 2022 test",
               Label(label), ic.tpp, tpp_min, *ic.interconnect_gbs, io_min);
    return out;
  }
  out.eccn = Eccn::k3A090a;
  AddReasonF(d, "classify.ic.2022", tpp_min.citation(),
             "{}TPP {} >= {} (margin +{}, {} %) and interconnect {} GB/s >= {} GB/s: "
             "3A090.a",
             Label(label), ic.tpp, tpp_min, BoundedSub(ic.tpp, tpp_min.value),
             MarginPercent(ic.tpp, tpp_min.value), *ic.interconnect_gbs, io_min);
  return out;
}

// "v >= limit, margin +m" or "v < limit, short by m". Both are bounded amounts
// (an input figure and a law threshold).
std::string Compare(Fixed v, Fixed limit) {
  if (v >= limit) return fmt::format("{} >= {}, margin +{}", v, limit, BoundedSub(v, limit));
  return fmt::format("{} < {}, short by {}", v, limit, BoundedSub(limit, v));
}

// The 3A090.b prongs, once TPP and density are known to fall short of .a.
IcOutcome ClassifyB(const IcSpec& ic, Fixed pd, const law::Snapshot& law, std::string_view label,
                    Determination* d) {
  IcOutcome out;
  out.pd = pd;
  const Fixed tpp = ic.tpp;
  auto pd_at_least = [&](Fixed limit) {
    return Fixed::CompareRatio(tpp, *ic.die_area_mm2, limit) >= 0;
  };
  bool b1 = tpp >= law.b1_tpp_min.value && pd_at_least(law.b1_pd_min.value);
  bool b2 = tpp >= law.b2_tpp_min.value && pd_at_least(law.b2_pd_min.value);
  if (b1 || b2) {
    out.eccn = Eccn::k3A090b;
    const Cited<Fixed>& tpp_min = b1 ? law.b1_tpp_min : law.b2_tpp_min;
    const Cited<Fixed>& pd_min = b1 ? law.b1_pd_min : law.b2_pd_min;
    AddReasonF(d, b1 ? "classify.ic.b1" : "classify.ic.b2", pd_min.citation(),
               "{}TPP {} < {} and density {} < {}; 3A090.b.{} (TPP {}, density {}): 3A090.b",
               Label(label), tpp, law.a1_tpp_min, pd, law.a2_pd_min, b1 ? 1 : 2,
               Compare(tpp, tpp_min.value), Compare(pd, pd_min.value))
        .Read(tpp_min)
        .Read(pd_min);
    return out;
  }
  AddReasonF(d, "classify.ic.none", law.b2_pd_min.citation(),
             "{}TPP {} with density {}: meets no prong of 3A090.a or .b "
             "(.a.2 needs density >= {}; .b.1 TPP >= {} and density >= {}; .b.2 "
             "density >= {}); not 3A090",
             Label(label), tpp, pd, law.a2_pd_min, law.b1_tpp_min, law.b1_pd_min, law.b2_pd_min);
  return out;
}

// The October 2023 test: TPP and performance density, with Note 2.
IcOutcome ClassifyIc2023(const IcSpec& ic, const law::Snapshot& law, std::string_view label,
                         std::string_view field, Determination* d) {
  IcOutcome out;
  const Fixed tpp = ic.tpp;
  if (!ic.datacenter && tpp < law.note2_tpp_min.value) {
    AddReasonF(d, "classify.ic.note2", law.note2_tpp_min.citation(),
               "{}not designed or marketed for datacenters and TPP {}: outside 3A090 "
               "(Note 2 to 3A090)",
               Label(label), Compare(tpp, law.note2_tpp_min.value))
        .Read(law.note2_tpp_min);
    return out;
  }
  if (tpp >= law.a1_tpp_min.value) {
    out.eccn = Eccn::k3A090a;
    if (ic.die_area_mm2 && !ic.die_area_mm2->is_zero()) out.pd = Fixed::Div(tpp, *ic.die_area_mm2);
    AddReasonF(d, "classify.ic.a1", law.a1_tpp_min.citation(), "{}TPP {}, {} % above: 3A090.a.1{}",
               Label(label), Compare(tpp, law.a1_tpp_min.value),
               MarginPercent(tpp, law.a1_tpp_min.value),
               ic.datacenter ? "" : "; not designed or marketed for datacenters")
        .Read(law.a1_tpp_min);
    return out;
  }
  const Cited<Fixed>& lowest =
      *std::min({&law.a2_tpp_min, &law.b1_tpp_min, &law.b2_tpp_min},
                [](const Cited<Fixed>* a, const Cited<Fixed>* b) { return a->value < b->value; });
  if (tpp < lowest.value) {
    AddReasonF(d, "classify.ic.none", lowest.citation(),
               "{}TPP {}: below every prong of 3A090.a and .b; not 3A090", Label(label),
               Compare(tpp, lowest.value))
        .Read(lowest);
    return out;
  }
  if (!ic.die_area_mm2) {
    MissingFigure(fmt::format("{}.die_area_mm2", field),
                  fmt::format("{}TPP {} is from {} to {}, so the class depends on performance "
                              "density, and the die area is not given (`{}.die_area_mm2`)",
                              Label(label), tpp, lowest.value, law.a1_tpp_min.value, field),
                  lowest, law, d, &out);
    ReasonRef(d).Read(law.a1_tpp_min);
    return out;
  }
  Fixed area = *ic.die_area_mm2;
  Fixed pd = Fixed::Div(tpp, area);  // the parser keeps die areas above zero
  out.pd = pd;
  AddReasonF(d, "classify.pd", law.cite->performance_density,
             "{}performance density = TPP {} / {} mm2 = {}", Label(label), tpp, area, pd);
  if (tpp >= law.a2_tpp_min.value && Fixed::CompareRatio(tpp, area, law.a2_pd_min.value) >= 0) {
    out.eccn = Eccn::k3A090a;
    AddReasonF(d, "classify.ic.a2", law.a2_pd_min.citation(), "{}TPP {} and density {}: 3A090.a.2",
               Label(label), Compare(tpp, law.a2_tpp_min.value), Compare(pd, law.a2_pd_min.value))
        .Read(law.a2_tpp_min)
        .Read(law.a2_pd_min);
    return out;
  }
  return ClassifyB(ic, pd, law, label, d);
}

IcOutcome ClassifyIc(const IcSpec& ic, const law::Snapshot& law, std::string_view label,
                     std::string_view field, Determination* d) {
  ReasonTpp(ic, law, label, d);
  if (law.regime == RegimeId::kUs2022) return ClassifyIc2022(ic, law, label, field, d);
  return ClassifyIc2023(ic, law, label, field, d);
}

void NoteBandFacts(const IcSpec& ic, const law::Snapshot& law, Classification* c) {
  if (!(ic.tpp < law.band_tpp_max.value)) c->band_tpp_ok = false;
  if (!ic.dram_bandwidth_gbs)
    c->band_dram_missing = true;
  else if (!(*ic.dram_bandwidth_gbs < law.band_dram_gbs_max.value))
    c->band_dram_ok = false;
}

void ClassifyOneIc(const Shipment& s, const law::Snapshot& law, Determination* d,
                   Classification* c) {
  const IcSpec& ic = s.item.ic;
  c->tpp = ic.tpp;
  if (law.regime == RegimeId::kNone) {
    ReasonTpp(ic, law, "", d);
    if (ic.die_area_mm2 && !ic.die_area_mm2->is_zero()) {
      c->performance_density = Fixed::Div(ic.tpp, *ic.die_area_mm2);
    }
    return;
  }
  IcOutcome o = ClassifyIc(ic, law, "", "item", d);
  c->eccn = o.eccn;
  c->performance_density = o.pd;
  c->missing_figure = o.missing_figure;
  c->nac_eligible = !(o.eccn == Eccn::k3A090a && ic.datacenter);
  c->gp10 = ic.accelerator != nullptr && ic.accelerator->gp10;
  NoteBandFacts(ic, law, c);
}

void ClassifyComputer(const Shipment& s, const law::Snapshot& law, Determination* d,
                      Classification* c) {
  Fixed total;
  bool any_a = false, any_b = false, any_dc_a = false;
  for (size_t i = 0; i < s.item.parts.size(); ++i) {
    const ComputerPart& part = s.item.parts[i];
    std::string label = fmt::format(
        "part {} ({} x {})", i + 1,
        part.ic.accelerator ? std::string_view(part.ic.accelerator->id) : "inline IC", part.count);
    std::string field = fmt::format("item.contains[{}].item", i);
    // At most computer_parts_max parts of part_count_max ICs of ic_tpp_max
    // each (base/limits.h): the sum stays far inside Fixed.
    total = BoundedAdd(total, BoundedMulCount(part.ic.tpp, part.count));
    c->gp10 = c->gp10 || (part.ic.accelerator != nullptr && part.ic.accelerator->gp10);
    NoteBandFacts(part.ic, law, c);
    if (law.regime == RegimeId::kNone) continue;
    IcOutcome o = ClassifyIc(part.ic, law, label, field, d);
    c->missing_figure = c->missing_figure || o.missing_figure;
    any_a = any_a || o.eccn == Eccn::k3A090a;
    any_b = any_b || o.eccn == Eccn::k3A090b;
    any_dc_a = any_dc_a || (o.eccn == Eccn::k3A090a && part.ic.datacenter);
  }
  c->tpp = total;
  AddReasonF(d, "classify.computer.tpp", law.cite->aggregate_tpp,
             "TPP of one computer = sum over its integrated circuits = {}", total);
  if (law.regime == RegimeId::kNone) return;
  c->eccn = any_a ? Eccn::k4A090a : any_b ? Eccn::k4A090b : Eccn::kNone;
  c->nac_eligible = !any_dc_a;
  if (c->eccn != Eccn::kNone) {
    AddReasonF(d, "classify.computer", law.cite->eccn_4a090,
               "contains an integrated circuit meeting 3A090.{}: {}", any_a ? "a" : "b", c->eccn);
  } else if (!c->missing_figure) {
    d->AddReason("classify.computer", law.cite->eccn_4a090,
                 "contains no integrated circuit meeting 3A090.a or .b: not 4A090");
  }
}

void ClassifyHbm(const Shipment& s, const law::Snapshot& law, Determination* d, Classification* c) {
  Fixed density = s.item.hbm_density_gbs_per_mm2;
  if (!law.hbm_controlled) {
    AddReasonF(d, "classify.hbm", law.hbm_control_on.citation(),
               "high-bandwidth memory is controlled under 3A090.c only from {} under "
               "the October 2023 rules and under the AI Diffusion rule; not 3A090 "
               "here",
               law.hbm_control_on);
    return;
  }
  if (density > law.hbm_density_min.value) {
    c->eccn = Eccn::k3A090c;
    c->hbm_exception = density < law.hbm_exception_density_max.value;
    AddReasonF(d, "classify.hbm", law.hbm_density_min.citation(),
               "memory bandwidth density {} GB/s/mm2 > {}: 3A090.c", density, law.hbm_density_min);
  } else {
    AddReasonF(d, "classify.hbm", law.hbm_density_min.citation(),
               "memory bandwidth density {} GB/s/mm2 is not above {}: not 3A090.c", density,
               law.hbm_density_min);
  }
}

// Note 1 to 4E091: a model derived from a published one. True when it stays
// outside 4E091 or lacks a figure (reasons written); false to classify it by
// its training operations.
bool ClassifyDerivedModel(const ModelSpec& m, const law::Snapshot& law, Determination* d,
                          Classification* c) {
  Magnitude floor = law.model_derived_ops_min.value;
  if (m.base_training_ops) {
    // model_derived_percent_min is a percent, 0 to 100 (law/params.h bounds).
    Magnitude share = m.base_training_ops->ScaledBy(
        static_cast<uint64_t>(law.model_derived_percent_min.value), 100);
    if (share > floor) floor = share;
  }
  if (*m.additional_training_ops <= floor) {  // the parser requires it for a derived model
    AddReasonF(d, "classify.model.derived", law.model_derived_ops_min.citation(),
               "derived from a published model with {} further operations, not "
               "above the higher of {} and {} % of the published model's: not "
               "controlled (Note 1 to 4E091)",
               *m.additional_training_ops, law.model_derived_ops_min,
               law.model_derived_percent_min);
    return true;
  }
  if (m.base_training_ops) return false;
  std::string text = fmt::format(
      "a derived model's further training exceeds {} operations; whether it exceeds {} % of the "
      "published model's needs `item.base_training_ops`",
      law.model_derived_ops_min.value, law.model_derived_percent_min.value);
  d->errors.push_back({"missing_figure", "item.base_training_ops", text});
  d->AddReason("classify.missing_figure", law.cite->missing_figure, text);
  ReasonRef(d).Read(law.model_derived_ops_min).Read(law.model_derived_percent_min);
  c->missing_figure = true;
  return true;
}

void ClassifyModel(const Shipment& s, const law::Snapshot& law, Determination* d,
                   Classification* c) {
  const ModelSpec& m = s.item.model;
  if (!law.model_weights_codified) {
    AddReasonF(d, "classify.model", law.us_2025_01_effective_on.citation(),
               "ECCN 4E091 (model weights) exists only under the AI Diffusion rule "
               "(effective {}); not controlled here",
               law.us_2025_01_effective_on);
    return;
  }
  if (m.published) {
    d->AddReason("classify.model.published", law.model_derived_ops_min.citation(),
                 "the weights have been published: not controlled (Note 1 to 4E091)");
    return;
  }
  if (m.derived_from_published && ClassifyDerivedModel(m, law, d, c)) return;
  if (m.training_ops >= law.model_ops_min.value) {
    c->eccn = Eccn::k4E091;
    AddReasonF(d, "classify.model", law.model_ops_min.citation(),
               "trained with {} operations >= {}: 4E091", m.training_ops, law.model_ops_min);
  } else {
    AddReasonF(d, "classify.model", law.model_ops_min.citation(),
               "trained with {} operations < {}: not 4E091", m.training_ops, law.model_ops_min);
  }
}

}  // namespace

Classification Classify(const Shipment& s, const law::Snapshot& law, Determination* d) {
  HF_ASSERT(s.errors.empty());
  Classification c;
  switch (s.item.kind) {
    case ItemKind::kIc:
      ClassifyOneIc(s, law, d, &c);
      break;
    case ItemKind::kComputer:
      ClassifyComputer(s, law, d, &c);
      break;
    case ItemKind::kHbm:
      if (law.regime != RegimeId::kNone) ClassifyHbm(s, law, d, &c);
      break;
    case ItemKind::kModelWeights:
      ClassifyModel(s, law, d, &c);
      break;
  }
  if (law.regime == RegimeId::kNone && s.item.kind != ItemKind::kModelWeights) {
    AddReasonF(d, "classify.none", law.us_2022_10_effective_on.citation(),
               "no advanced-computing rule is in force (the first took effect on {}): no ECCN of "
               "these rules applies",
               law.us_2022_10_effective_on);
  }
  if (c.missing_figure) c.eccn = Eccn::kNone;
  return c;
}

}  // namespace highfence::classify
