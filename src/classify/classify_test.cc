#include "classify/classify.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <string_view>

#include "catalog/catalog.h"
#include "law/law_data.h"

namespace highfence::classify {
namespace {

Fixed F(const char* text) { return *Fixed::Parse(text); }
Date D(const char* text) { return *Date::Parse(text); }

const law::Law& TheLaw() {
  static const law::Law* const kLaw = [] {
    Result<law::LawData> data = law::ParseLaw(law::EmbeddedLawSources());
    HF_ASSERT(data.ok());
    Result<std::unique_ptr<law::Law>> law = law::Law::Create(std::move(data).value());
    HF_ASSERT(law.ok());
    return std::move(law).value().release();
  }();
  return *kLaw;
}

const catalog::Catalog& Cat() {
  static const catalog::Catalog* const kCatalog = [] {
    Result<catalog::Catalog> c = catalog::Catalog::Embedded();
    HF_ASSERT(c.ok());
    return new catalog::Catalog(std::move(c).value());
  }();
  return *kCatalog;
}

const law::Snapshot& LawOn(const char* date, Mode mode = Mode::kAsWritten) {
  return TheLaw().At(D(date), RegimeChoice{mode, std::nullopt});
}

IcSpec CatalogIc(std::string_view id) {
  const catalog::Accelerator* a = Cat().Find(id);
  EXPECT_NE(a, nullptr) << id;
  if (a == nullptr) return {};
  return {a->tpp, a->die_area_mm2, a->datacenter, a->interconnect_gbs, a->dram_bandwidth_gbs, a};
}

Shipment Base(const char* date) {
  Shipment s;
  s.Clear();
  s.id = "T";
  s.date = D(date);
  s.destination = *CountryCode::Parse("DE");
  s.units = 1;
  return s;
}

Shipment IcShipment(const char* date, const IcSpec& ic) {
  Shipment s = Base(date);
  s.item.kind = ItemKind::kIc;
  s.item.ic = ic;
  if (ic.accelerator != nullptr) s.item.catalog_id = ic.accelerator->id;
  return s;
}

// Classifies and keeps the determination for its reasons and errors.
struct Outcome {
  Classification c;
  Determination d;
};

Outcome ClassifyOn(const Shipment& s, Mode mode = Mode::kAsWritten) {
  Outcome r;
  r.d.Clear();
  std::string date = s.date.ToString();
  r.c = Classify(s, LawOn(date.c_str(), mode), &r.d);
  return r;
}

std::string AllReasons(const Determination& d) {
  std::string out;
  for (const Reason& r : d.reasons) {
    out += "[" + std::string(r.rule) + "] " + std::string(d.ReasonText(r)) + " (" +
           std::string(r.citation) + ")\n";
  }
  return out;
}

bool HasRule(const Determination& d, std::string_view rule) {
  for (const Reason& r : d.reasons) {
    if (r.rule == rule) return true;
  }
  return false;
}

void ExpectCitations(const Determination& d) {
  for (const Reason& r : d.reasons) EXPECT_FALSE(r.citation.empty()) << r.rule;
}

// --- integrated circuits under the October 2023 test ---------------------------------

TEST(Classify, H100Is3A090aWithTheArithmetic) {
  Outcome r = ClassifyOn(IcShipment("2024-06-01", CatalogIc("nvidia-h100-sxm")));
  EXPECT_EQ(r.c.eccn, Eccn::k3A090a);
  EXPECT_EQ(r.c.tpp, F("15832"));
  EXPECT_EQ(r.c.performance_density, F("19.45"));
  EXPECT_FALSE(r.c.nac_eligible);  // datacenter part
  EXPECT_FALSE(r.c.missing_figure);
  std::string reasons = AllReasons(r.d);
  EXPECT_NE(reasons.find("15832"), std::string::npos) << reasons;
  EXPECT_NE(reasons.find("margin +11032"), std::string::npos) << reasons;
  EXPECT_NE(reasons.find("229.8 %"), std::string::npos) << reasons;
  EXPECT_TRUE(HasRule(r.d, "classify.ic.a1")) << reasons;
  EXPECT_TRUE(r.d.errors.empty());
  ExpectCitations(r.d);
}

TEST(Classify, A30Is3A090b) {
  Outcome r = ClassifyOn(IcShipment("2024-06-01", CatalogIc("nvidia-a30")));
  EXPECT_EQ(r.c.eccn, Eccn::k3A090b) << AllReasons(r.d);
  EXPECT_EQ(r.c.performance_density, F("3.201"));  // 2644 / 826 = 3.2009...
  EXPECT_TRUE(r.c.b_level());
}

TEST(Classify, H20IsNotControlled) {
  Outcome r = ClassifyOn(IcShipment("2025-06-01", CatalogIc("nvidia-h20")));
  EXPECT_EQ(r.c.eccn, Eccn::kNone) << AllReasons(r.d);
  EXPECT_FALSE(r.c.controlled());
  EXPECT_EQ(r.c.tpp, F("2368"));
  EXPECT_TRUE(HasRule(r.d, "classify.ic.none")) << AllReasons(r.d);
}

TEST(Classify, Rtx4090IsNonDatacenter3A090a) {
  Outcome r = ClassifyOn(IcShipment("2024-06-01", CatalogIc("nvidia-rtx-4090")));
  EXPECT_EQ(r.c.eccn, Eccn::k3A090a) << AllReasons(r.d);
  EXPECT_TRUE(r.c.nac_eligible);
  std::string reasons = AllReasons(r.d);
  EXPECT_NE(reasons.find("not designed or marketed for datacenters"), std::string::npos) << reasons;
}

TEST(Classify, Rtx4090DIsOutsideByNote2) {
  Outcome r = ClassifyOn(IcShipment("2024-06-01", CatalogIc("nvidia-rtx-4090d")));
  EXPECT_EQ(r.c.eccn, Eccn::kNone) << AllReasons(r.d);
  EXPECT_TRUE(HasRule(r.d, "classify.ic.note2")) << AllReasons(r.d);
  EXPECT_NE(AllReasons(r.d).find("4706.8"), std::string::npos);
}

TEST(Classify, InlineIcWithoutDieAreaIsMissingFigure) {
  IcSpec ic;
  ic.tpp = F("3000");
  Outcome r = ClassifyOn(IcShipment("2024-06-01", ic));
  EXPECT_TRUE(r.c.missing_figure);
  EXPECT_EQ(r.c.eccn, Eccn::kNone);
  ASSERT_EQ(r.d.errors.size(), 1u);
  EXPECT_EQ(r.d.errors[0].code, "missing_figure");
  EXPECT_EQ(r.d.errors[0].field, "item.die_area_mm2");
  EXPECT_TRUE(HasRule(r.d, "classify.missing_figure"));
}

TEST(Classify, InlineIcAtTheDensityBoundary) {
  // TPP 4736 over 800 mm2 is exactly 5.92: 3A090.a.2. One thousandth less is not.
  IcSpec ic;
  ic.tpp = F("4736");
  ic.die_area_mm2 = F("800");
  EXPECT_EQ(ClassifyOn(IcShipment("2024-06-01", ic)).c.eccn, Eccn::k3A090a);
  ic.tpp = F("4735.999");
  Outcome below = ClassifyOn(IcShipment("2024-06-01", ic));
  EXPECT_NE(below.c.eccn, Eccn::k3A090a) << AllReasons(below.d);
  EXPECT_EQ(below.c.eccn, Eccn::k3A090b) << AllReasons(below.d);
}

TEST(Classify, TppThresholdIsInclusive) {
  IcSpec ic;
  ic.tpp = F("4800");
  EXPECT_EQ(ClassifyOn(IcShipment("2024-06-01", ic)).c.eccn, Eccn::k3A090a);
  ic.tpp = F("4799.999");
  ic.die_area_mm2 = F("100000");  // low density: no .a.2 or .b prong
  EXPECT_EQ(ClassifyOn(IcShipment("2024-06-01", ic)).c.eccn, Eccn::kNone);
}

// --- the October 2022 test -----------------------------------------------------------

TEST(Classify, In2022A800IsNotControlledButA100Is) {
  Outcome a800 = ClassifyOn(IcShipment("2023-01-15", CatalogIc("nvidia-a800-sxm4-80gb")));
  EXPECT_EQ(a800.c.eccn, Eccn::kNone) << AllReasons(a800.d);
  EXPECT_NE(AllReasons(a800.d).find("400"), std::string::npos);
  Outcome a100 = ClassifyOn(IcShipment("2023-01-15", CatalogIc("nvidia-a100-sxm4-80gb")));
  EXPECT_EQ(a100.c.eccn, Eccn::k3A090a) << AllReasons(a100.d);
  EXPECT_TRUE(HasRule(a100.d, "classify.ic.2022"));
}

TEST(Classify, In2022MissingInterconnectIsMissingFigure) {
  IcSpec ic;
  ic.tpp = F("5000");
  Outcome r = ClassifyOn(IcShipment("2023-01-15", ic));
  EXPECT_TRUE(r.c.missing_figure);
  ASSERT_EQ(r.d.errors.size(), 1u);
  EXPECT_EQ(r.d.errors[0].field, "item.interconnect_gbs");
}

TEST(Classify, BeforeOctober2022NothingIsControlled) {
  Outcome r = ClassifyOn(IcShipment("2022-10-06", CatalogIc("nvidia-h100-sxm")));
  EXPECT_EQ(r.c.eccn, Eccn::kNone);
  EXPECT_EQ(r.c.tpp, F("15832"));
  EXPECT_TRUE(HasRule(r.d, "classify.none"));
  EXPECT_EQ(ClassifyOn(IcShipment("2022-10-07", CatalogIc("nvidia-h100-sxm"))).c.eccn,
            Eccn::k3A090a);
}

// --- computers ---------------------------------------------------------------------

TEST(Classify, ComputerOfEightH100Is4A090a) {
  Shipment s = Base("2025-06-01");
  s.item.kind = ItemKind::kComputer;
  s.item.parts.push_back({CatalogIc("nvidia-h100-sxm"), 8});
  Outcome r = ClassifyOn(s);
  EXPECT_EQ(r.c.eccn, Eccn::k4A090a) << AllReasons(r.d);
  EXPECT_EQ(r.c.tpp, F("126656"));
  EXPECT_TRUE(r.c.a_level());
  EXPECT_FALSE(r.c.nac_eligible);
  EXPECT_NE(AllReasons(r.d).find("126656"), std::string::npos);
}

TEST(Classify, ComputerTakesItsHighestPart) {
  Shipment s = Base("2025-06-01");
  s.item.kind = ItemKind::kComputer;
  s.item.parts.push_back({CatalogIc("nvidia-h20"), 4});
  s.item.parts.push_back({CatalogIc("nvidia-a30"), 2});
  Outcome r = ClassifyOn(s);
  EXPECT_EQ(r.c.eccn, Eccn::k4A090b) << AllReasons(r.d);
  EXPECT_EQ(r.c.tpp, F("14760"));  // 4 x 2368 + 2 x 2644
  s.item.parts.pop_back();
  EXPECT_EQ(ClassifyOn(s).c.eccn, Eccn::kNone);
}

// --- high-bandwidth memory ---------------------------------------------------------

Shipment HbmShipment(const char* date, const char* density) {
  Shipment s = Base(date);
  s.item.kind = ItemKind::kHbm;
  s.item.hbm_density_gbs_per_mm2 = F(density);
  return s;
}

TEST(Classify, HbmControlledFrom2December2024) {
  Outcome before = ClassifyOn(HbmShipment("2024-12-01", "3.1"));
  EXPECT_EQ(before.c.eccn, Eccn::kNone) << AllReasons(before.d);
  Outcome after = ClassifyOn(HbmShipment("2024-12-02", "3.1"));
  EXPECT_EQ(after.c.eccn, Eccn::k3A090c) << AllReasons(after.d);
  EXPECT_TRUE(after.c.hbm_exception);  // 3.1 < 3.3
}

TEST(Classify, HbmDensityLimitIsStrict) {
  EXPECT_EQ(ClassifyOn(HbmShipment("2025-02-01", "2")).c.eccn, Eccn::kNone);
  EXPECT_EQ(ClassifyOn(HbmShipment("2025-02-01", "2.001")).c.eccn, Eccn::k3A090c);
  Outcome high = ClassifyOn(HbmShipment("2025-02-01", "3.3"));
  EXPECT_EQ(high.c.eccn, Eccn::k3A090c);
  EXPECT_FALSE(high.c.hbm_exception);
}

// --- model weights -------------------------------------------------------------------

Shipment ModelShipment(const char* date, const char* ops) {
  Shipment s = Base(date);
  s.item.kind = ItemKind::kModelWeights;
  s.item.model.training_ops = *Magnitude::Parse(ops);
  return s;
}

TEST(Classify, ModelWeightsCodifiedFrom13January2025) {
  Outcome before = ClassifyOn(ModelShipment("2025-01-12", "3e26"));
  EXPECT_EQ(before.c.eccn, Eccn::kNone) << AllReasons(before.d);
  Outcome after = ClassifyOn(ModelShipment("2025-01-13", "3e26"));
  EXPECT_EQ(after.c.eccn, Eccn::k4E091) << AllReasons(after.d);
  // Still codified as written after the compliance date.
  EXPECT_EQ(ClassifyOn(ModelShipment("2025-08-01", "3e26")).c.eccn, Eccn::k4E091);
}

TEST(Classify, ModelWeightsThresholdIsInclusive) {
  EXPECT_EQ(ClassifyOn(ModelShipment("2025-06-01", "1e26")).c.eccn, Eccn::k4E091);
  EXPECT_EQ(ClassifyOn(ModelShipment("2025-06-01", "9.99e25")).c.eccn, Eccn::kNone);
}

TEST(Classify, PublishedModelIsNotControlled) {
  Shipment s = ModelShipment("2025-06-01", "3e26");
  s.item.model.published = true;
  Outcome r = ClassifyOn(s);
  EXPECT_EQ(r.c.eccn, Eccn::kNone);
  EXPECT_TRUE(HasRule(r.d, "classify.model.published"));
}

TEST(Classify, DerivedModelComparesWithAQuarterOfTheBase) {
  Shipment s = ModelShipment("2025-06-01", "2e26");
  s.item.model.derived_from_published = true;
  s.item.model.base_training_ops = *Magnitude::Parse("1.6e26");  // 25 % = 4e25
  s.item.model.additional_training_ops = *Magnitude::Parse("4e25");
  EXPECT_EQ(ClassifyOn(s).c.eccn, Eccn::kNone);  // not above 4e25
  s.item.model.additional_training_ops = *Magnitude::Parse("4.1e25");
  EXPECT_EQ(ClassifyOn(s).c.eccn, Eccn::k4E091);
  s.item.model.base_training_ops.reset();
  Outcome r = ClassifyOn(s);
  EXPECT_TRUE(r.c.missing_figure);
  ASSERT_EQ(r.d.errors.size(), 1u);
  EXPECT_EQ(r.d.errors[0].field, "item.base_training_ops");
}

}  // namespace
}  // namespace highfence::classify
