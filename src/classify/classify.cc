#include "classify/classify.h"

#include <fmt/format.h>

#include <algorithm>
#include <string>

#include "base/format.h"
#include "base/reason.h"
#include "catalog/catalog.h"
#include "highfence/assert.h"

namespace highfence::classify {
namespace {

constexpr std::string_view kCiteTpp = "15 CFR 774 supp. 1, ECCN 3A090, Technical Note 1 (TPP)";
constexpr std::string_view kCitePd =
    "15 CFR 774 supp. 1, ECCN 3A090, Technical Note (performance density)";
constexpr std::string_view kCite4A090 = "15 CFR 774 supp. 1, ECCN 4A090.a/.b";
constexpr std::string_view kCiteAggregate = "15 CFR 748 supp. 2, para. (c)(4) (aggregate TPP)";
constexpr std::string_view kCiteD19 = "highfence rules.md section 15, D19";
constexpr std::string_view kCiteNone = "15 CFR 774 supp. 1 (no 3A090 before 87 FR 62186)";

// The outcome for one IC.
struct IcOutcome {
  Eccn eccn = Eccn::kNone;
  std::optional<Fixed> pd;
  bool missing_figure = false;
};

void AddReason(Determination* d, std::string_view rule, std::string_view cite,
               const std::string& text) {
  d->AddReason(rule, cite, text);
}

std::string Label(std::string_view label) {
  return label.empty() ? std::string() : fmt::format("{}: ", label);
}

void ReasonTpp(const IcSpec& ic, std::string_view label, Determination* d) {
  if (ic.accelerator != nullptr) {
    const catalog::Accelerator& a = *ic.accelerator;
    AddReasonF(d, "classify.tpp", kCiteTpp,
               "{}TPP {} = {} dense TOPS x {}-bit operations ({} {}, catalog `{}`)", Label(label),
               ic.tpp, a.dense_tops, a.bit_length, a.vendor, a.model, a.id);
  } else {
    AddReasonF(d, "classify.tpp", kCiteTpp, "{}TPP {} as stated for the integrated circuit",
               Label(label), ic.tpp);
  }
}

void MissingFigure(std::string_view field, std::string text, Determination* d, IcOutcome* out) {
  out->missing_figure = true;
  d->errors.push_back({"missing_figure", std::string(field), text});
  AddReason(d, "classify.missing_figure", kCiteD19, text);
}

// The October 2022 test: TPP >= 4,800 and bidirectional I/O >= 600 GB/s.
IcOutcome ClassifyIc2022(const IcSpec& ic, const law::Snapshot& law, std::string_view label,
                         std::string_view field, Determination* d) {
  IcOutcome out;
  const Fixed tpp_min = law.ic_tpp_min_2022.value;
  const Fixed io_min = law.ic_interconnect_min_2022.value;
  if (ic.tpp < tpp_min) {
    AddReasonF(d, "classify.ic.2022", law.ic_tpp_min_2022.citation,
               "{}TPP {} < {}: not 3A090.a under the 2022 test (short by {})", Label(label), ic.tpp,
               tpp_min, *Fixed::Sub(tpp_min, ic.tpp));
    return out;
  }
  if (!ic.interconnect_gbs) {
    MissingFigure(fmt::format("{}.interconnect_gbs", field),
                  fmt::format("{}TPP {} >= {}, so the 2022 class depends on the interconnect "
                              "rate, which is not given (`{}.interconnect_gbs`)",
                              Label(label), ic.tpp, tpp_min, field),
                  d, &out);
    return out;
  }
  if (*ic.interconnect_gbs < io_min) {
    AddReasonF(d, "classify.ic.2022", law.ic_interconnect_min_2022.citation,
               "{}TPP {} >= {} but interconnect {} GB/s < {} GB/s: not 3A090.a "
               "under the 2022 test",
               Label(label), ic.tpp, tpp_min, *ic.interconnect_gbs, io_min);
    return out;
  }
  out.eccn = Eccn::k3A090a;
  AddReasonF(d, "classify.ic.2022", law.ic_tpp_min_2022.citation,
             "{}TPP {} >= {} (margin +{}, {} %) and interconnect {} GB/s >= {} GB/s: "
             "3A090.a",
             Label(label), ic.tpp, tpp_min, *Fixed::Sub(ic.tpp, tpp_min),
             MarginPercent(ic.tpp, tpp_min), *ic.interconnect_gbs, io_min);
  return out;
}

std::string Compare(Fixed v, Fixed limit) {
  if (v >= limit) return fmt::format("{} >= {}, margin +{}", v, limit, *Fixed::Sub(v, limit));
  return fmt::format("{} < {}, short by {}", v, limit, *Fixed::Sub(limit, v));
}

// The October 2023 test: TPP and performance density, with Note 2.
IcOutcome ClassifyIc2023(const IcSpec& ic, const law::Snapshot& law, std::string_view label,
                         std::string_view field, Determination* d) {
  IcOutcome out;
  const Fixed tpp = ic.tpp;
  if (!ic.datacenter && tpp < law.note2_tpp_min.value) {
    AddReasonF(d, "classify.ic.note2", law.note2_tpp_min.citation,
               "{}not designed or marketed for datacenters and TPP {}: outside 3A090 "
               "(Note 2 to 3A090)",
               Label(label), Compare(tpp, law.note2_tpp_min.value));
    return out;
  }
  if (tpp >= law.a1_tpp_min.value) {
    out.eccn = Eccn::k3A090a;
    if (ic.die_area_mm2 && !ic.die_area_mm2->is_zero()) out.pd = Fixed::Div(tpp, *ic.die_area_mm2);
    AddReasonF(d, "classify.ic.a1", law.a1_tpp_min.citation, "{}TPP {}, {} % above: 3A090.a.1{}",
               Label(label), Compare(tpp, law.a1_tpp_min.value),
               MarginPercent(tpp, law.a1_tpp_min.value),
               ic.datacenter ? "" : "; not designed or marketed for datacenters");
    return out;
  }
  Fixed lowest = std::min({law.a2_tpp_min.value, law.b1_tpp_min.value, law.b2_tpp_min.value});
  if (tpp < lowest) {
    AddReasonF(d, "classify.ic.none", law.a2_tpp_min.citation,
               "{}TPP {}: below every prong of 3A090.a and .b; not 3A090", Label(label),
               Compare(tpp, lowest));
    return out;
  }
  if (!ic.die_area_mm2) {
    MissingFigure(fmt::format("{}.die_area_mm2", field),
                  fmt::format("{}TPP {} is from {} to {}, so the class depends on performance "
                              "density, and the die area is not given (`{}.die_area_mm2`)",
                              Label(label), tpp, lowest, law.a1_tpp_min.value, field),
                  d, &out);
    return out;
  }
  Fixed area = *ic.die_area_mm2;
  out.pd = Fixed::Div(tpp, area);
  AddReasonF(d, "classify.pd", kCitePd, "{}performance density = TPP {} / {} mm2 = {}",
             Label(label), tpp, area, *out.pd);
  auto pd_at_least = [&](Fixed limit) { return Fixed::CompareRatio(tpp, area, limit) >= 0; };
  if (tpp >= law.a2_tpp_min.value && pd_at_least(law.a2_pd_min.value)) {
    out.eccn = Eccn::k3A090a;
    AddReasonF(d, "classify.ic.a2", law.a2_pd_min.citation, "{}TPP {} and density {}: 3A090.a.2",
               Label(label), Compare(tpp, law.a2_tpp_min.value),
               Compare(*out.pd, law.a2_pd_min.value));
    return out;
  }
  bool b1 = tpp >= law.b1_tpp_min.value && pd_at_least(law.b1_pd_min.value);
  bool b2 = tpp >= law.b2_tpp_min.value && pd_at_least(law.b2_pd_min.value);
  if (b1 || b2) {
    out.eccn = Eccn::k3A090b;
    AddReason(
        d, b1 ? "classify.ic.b1" : "classify.ic.b2",
        b1 ? law.b1_pd_min.citation : law.b2_pd_min.citation,
        fmt::format(
            "{}TPP {} < {} and density {} < {}; {}: 3A090.b", Label(label), tpp,
            law.a1_tpp_min.value, *out.pd, law.a2_pd_min.value,
            b1 ? fmt::format("3A090.b.1 (TPP {}, density {})", Compare(tpp, law.b1_tpp_min.value),
                             Compare(*out.pd, law.b1_pd_min.value))
               : fmt::format("3A090.b.2 (TPP {}, density {})", Compare(tpp, law.b2_tpp_min.value),
                             Compare(*out.pd, law.b2_pd_min.value))));
    return out;
  }
  AddReasonF(d, "classify.ic.none", law.b2_pd_min.citation,
             "{}TPP {} with density {}: meets no prong of 3A090.a or .b "
             "(.a.2 needs density >= {}; .b.1 TPP >= {} and density >= {}; .b.2 "
             "density >= {}); not 3A090",
             Label(label), tpp, *out.pd, law.a2_pd_min.value, law.b1_tpp_min.value,
             law.b1_pd_min.value, law.b2_pd_min.value);
  return out;
}

IcOutcome ClassifyIc(const IcSpec& ic, const law::Snapshot& law, std::string_view label,
                     std::string_view field, Determination* d) {
  ReasonTpp(ic, label, d);
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
    ReasonTpp(ic, "", d);
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
    total = *Fixed::Add(total, *Fixed::MulCount(part.ic.tpp, part.count));
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
  AddReasonF(d, "classify.computer.tpp", kCiteAggregate,
             "TPP of one computer = sum over its integrated circuits = {}", total);
  if (law.regime == RegimeId::kNone) return;
  c->eccn = any_a ? Eccn::k4A090a : any_b ? Eccn::k4A090b : Eccn::kNone;
  c->nac_eligible = !any_dc_a;
  if (c->eccn != Eccn::kNone) {
    AddReasonF(d, "classify.computer", kCite4A090,
               "contains an integrated circuit meeting 3A090.{}: {}", any_a ? "a" : "b",
               WireName(c->eccn));
  } else if (!c->missing_figure) {
    AddReason(d, "classify.computer", kCite4A090,
              "contains no integrated circuit meeting 3A090.a or .b: not 4A090");
  }
}

void ClassifyHbm(const Shipment& s, const law::Snapshot& law, Determination* d, Classification* c) {
  Fixed density = s.item.hbm_density_gbs_per_mm2;
  if (!law.hbm_controlled) {
    AddReasonF(d, "classify.hbm", law.hbm_control_on.citation,
               "high-bandwidth memory is controlled under 3A090.c only from {} under "
               "the October 2023 rules and under the AI Diffusion rule; not 3A090 "
               "here",
               law.hbm_control_on.value);
    return;
  }
  if (density > law.hbm_density_min.value) {
    c->eccn = Eccn::k3A090c;
    c->hbm_exception = density < law.hbm_exception_density_max.value;
    AddReasonF(d, "classify.hbm", law.hbm_density_min.citation,
               "memory bandwidth density {} GB/s/mm2 > {}: 3A090.c", density,
               law.hbm_density_min.value);
  } else {
    AddReasonF(d, "classify.hbm", law.hbm_density_min.citation,
               "memory bandwidth density {} GB/s/mm2 is not above {}: not 3A090.c", density,
               law.hbm_density_min.value);
  }
}

void ClassifyModel(const Shipment& s, const law::Snapshot& law, Determination* d,
                   Classification* c) {
  const ModelSpec& m = s.item.model;
  if (!law.model_weights_codified) {
    AddReasonF(d, "classify.model", law.diffusion_effective_on.citation,
               "ECCN 4E091 (model weights) exists only under the AI Diffusion rule "
               "(effective {}); not controlled here",
               law.diffusion_effective_on.value);
    return;
  }
  const std::string_view cite = law.model_ops_min.citation;
  if (m.published) {
    AddReason(d, "classify.model.published", law.model_derived_ops_min.citation,
              "the weights have been published: not controlled (Note 1 to 4E091)");
    return;
  }
  if (m.derived_from_published) {
    Magnitude floor = law.model_derived_ops_min.value;
    if (m.base_training_ops) {
      Magnitude share = m.base_training_ops->ScaledBy(
          static_cast<uint64_t>(law.model_derived_percent_min.value), 100);
      if (share > floor) floor = share;
    }
    if (*m.additional_training_ops <= floor) {
      AddReasonF(d, "classify.model.derived", law.model_derived_ops_min.citation,
                 "derived from a published model with {} further operations, not "
                 "above the higher of {} and {} % of the published model's: not "
                 "controlled (Note 1 to 4E091)",
                 *m.additional_training_ops, law.model_derived_ops_min.value,
                 law.model_derived_percent_min.value);
      return;
    }
    if (!m.base_training_ops) {
      d->errors.push_back({"missing_figure", "item.base_training_ops",
                           "the published model's training operations are needed to compare "
                           "the further training with 25 % of them"});
      AddReason(d, "classify.missing_figure", kCiteD19,
                "a derived model's further training exceeds 2.5e25 operations; whether it "
                "exceeds 25 % of the published model's needs `item.base_training_ops`");
      c->missing_figure = true;
      return;
    }
  }
  if (m.training_ops >= law.model_ops_min.value) {
    c->eccn = Eccn::k4E091;
    AddReasonF(d, "classify.model", cite, "trained with {} operations >= {}: 4E091", m.training_ops,
               law.model_ops_min.value);
  } else {
    AddReasonF(d, "classify.model", cite, "trained with {} operations < {}: not 4E091",
               m.training_ops, law.model_ops_min.value);
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
    d->AddReason("classify.none", kCiteNone,
                 "no advanced-computing rule is in force on this date: no ECCN of these rules "
                 "applies");
  }
  if (c.missing_figure) c.eccn = Eccn::kNone;
  return c;
}

}  // namespace highfence::classify
