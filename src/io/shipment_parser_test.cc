#include "io/shipment_parser.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "base/limits.h"
#include "catalog/catalog.h"

namespace highfence::io {
namespace {

// --- helpers ---------------------------------------------------------------------

const catalog::Catalog& Cat() {
  static const catalog::Catalog* const kCatalog = [] {
    Result<catalog::Catalog> c = catalog::Catalog::Embedded();
    HF_ASSERT(c.ok());
    return new catalog::Catalog(std::move(c).value());
  }();
  return *kCatalog;
}

CountryCode C(const char* code) { return *CountryCode::Parse(code); }
Date D(const char* text) { return *Date::Parse(text); }
Fixed F(const char* text) { return *Fixed::Parse(text); }

Shipment ParseLine(std::string_view line) {
  ShipmentParser parser(&Cat());
  Shipment s;
  parser.ParseJson(line, &s);
  return s;
}

std::string ErrorList(const Shipment& s) {
  std::string out;
  for (const FieldError& e : s.errors) {
    out += "\n  [" + e.code + "] `" + e.field + "`: " + e.message;
  }
  return out.empty() ? " (no errors)" : out;
}

::testing::AssertionResult HasError(const Shipment& s, std::string_view field,
                                    std::string_view code) {
  for (const FieldError& e : s.errors) {
    if (e.field == field && e.code == code) {
      if (e.message.empty()) return ::testing::AssertionFailure() << "empty message";
      return ::testing::AssertionSuccess();
    }
  }
  return ::testing::AssertionFailure()
         << "no error [" << code << "] on `" << field << "`; errors:" << ErrorList(s);
}

// The fields of a valid base line, in order; tests replace or drop one.
struct Field {
  std::string key, json;
};

std::vector<Field> BaseFields() {
  return {{"id", R"("S-1")"},
          {"date", R"("2025-06-01")"},
          {"destination", R"("DE")"},
          {"item", R"("nvidia-h100-sxm")"},
          {"units", "8"},
          {"consignee", R"({"name":"TU Munich"})"}};
}

// The base line with `key` set to `json` (appended when absent), or without
// `key` when `json` is empty.
std::string LineWith(std::string_view key, std::string_view json) {
  std::vector<Field> fields = BaseFields();
  bool found = false;
  for (Field& f : fields) {
    if (f.key == key) {
      f.json = json;
      found = true;
    }
  }
  if (!found) fields.push_back({std::string(key), std::string(json)});
  std::string line = "{";
  for (const Field& f : fields) {
    if (f.json.empty()) continue;
    if (line.size() > 1) line += ",";
    line += "\"" + f.key + "\":" + f.json;
  }
  return line + "}";
}

// Every base field other than `except` came through.
void ExpectBaseFieldsParsed(const Shipment& s, std::string_view except) {
  if (except != "id") {
    EXPECT_EQ(s.id, "S-1");
  }
  if (except != "date") {
    EXPECT_EQ(s.date, D("2025-06-01"));
  }
  if (except != "destination") {
    EXPECT_EQ(s.destination, C("DE"));
  }
  if (except != "item") {
    EXPECT_EQ(s.item.catalog_id, "nvidia-h100-sxm");
    EXPECT_EQ(s.item.ic.tpp, F("15832"));
  }
  if (except != "units") {
    EXPECT_EQ(s.units, 8);
  }
  if (except != "consignee") {
    EXPECT_EQ(s.consignee.name, "TU Munich");
  }
}

// --- valid lines -------------------------------------------------------------------

TEST(ShipmentParserValid, CatalogIcWithDefaults) {
  Shipment s = ParseLine(LineWith("consignee", ""));
  ASSERT_TRUE(s.errors.empty()) << ErrorList(s);
  ExpectBaseFieldsParsed(s, "consignee");
  EXPECT_EQ(s.type, ShipmentType::kExport);
  EXPECT_EQ(s.from, C("US"));
  EXPECT_EQ(s.item.kind, ItemKind::kIc);
  ASSERT_NE(s.item.ic.accelerator, nullptr);
  EXPECT_EQ(s.item.ic.accelerator->id, "nvidia-h100-sxm");
  EXPECT_EQ(s.item.ic.die_area_mm2, F("814"));
  EXPECT_TRUE(s.item.ic.datacenter);
  EXPECT_EQ(s.end_use, 0);
  EXPECT_EQ(s.consignee.veu, Veu::kNone);
  EXPECT_EQ(s.Parent(), "");
  EXPECT_EQ(s.Hq(), C("DE"));
  EXPECT_EQ(s.ParentHq(), C("DE"));
}

TEST(ShipmentParserValid, ConsumerCatalogIcIsNotDatacenter) {
  Shipment s = ParseLine(LineWith("item", R"("nvidia-rtx-4090")"));
  ASSERT_TRUE(s.errors.empty()) << ErrorList(s);
  EXPECT_FALSE(s.item.ic.datacenter);
  EXPECT_EQ(s.item.ic.tpp, F("5284.8"));
}

TEST(ShipmentParserValid, EveryTopLevelField) {
  Shipment s = ParseLine(
      R"({"id":"S-2","date":"2024-02-29","type":"reexport","from":"SG","destination":"MY",)"
      R"("item":"nvidia-a30","units":1000000000,"consignee":{"name":"Acme Sdn Bhd",)"
      R"("parent":"Acme Corp.","hq":"MY","parent_hq":"CN","veu":"NVEU"},)"
      R"("end_use":["military","storage","wmd"]})");
  ASSERT_TRUE(s.errors.empty()) << ErrorList(s);
  EXPECT_EQ(s.id, "S-2");
  EXPECT_EQ(s.date, D("2024-02-29"));
  EXPECT_EQ(s.type, ShipmentType::kReexport);
  EXPECT_EQ(s.from, C("SG"));
  EXPECT_EQ(s.destination, C("MY"));
  EXPECT_EQ(s.units, limits::units_max);
  EXPECT_EQ(s.Parent(), "Acme Corp.");
  EXPECT_EQ(s.Hq(), C("MY"));
  EXPECT_EQ(s.ParentHq(), C("CN"));
  EXPECT_EQ(s.consignee.veu, Veu::kNational);
  EXPECT_EQ(s.end_use, kEndUseMilitary | kEndUseStorage | kEndUseWmd);
}

TEST(ShipmentParserValid, ConsigneeDefaultsChain) {
  Shipment a = ParseLine(LineWith("consignee", R"({"name":"X Ltd","hq":"CN"})"));
  ASSERT_TRUE(a.errors.empty()) << ErrorList(a);
  EXPECT_EQ(a.Parent(), "X Ltd");
  EXPECT_EQ(a.Hq(), C("CN"));
  EXPECT_EQ(a.ParentHq(), C("CN"));  // parent_hq -> hq
  Shipment b = ParseLine(
      LineWith("consignee", R"({"name":"X Ltd","parent":"P","parent_hq":"US","veu":null})"));
  ASSERT_TRUE(b.errors.empty()) << ErrorList(b);
  EXPECT_EQ(b.Parent(), "P");
  EXPECT_EQ(b.Hq(), C("DE"));  // hq -> destination
  EXPECT_EQ(b.ParentHq(), C("US"));
  EXPECT_EQ(b.consignee.veu, Veu::kNone);
  Shipment c = ParseLine(LineWith("consignee", R"({"veu":"UVEU","hq":null})"));
  ASSERT_TRUE(c.errors.empty()) << ErrorList(c);
  EXPECT_EQ(c.consignee.veu, Veu::kUniversal);
  EXPECT_EQ(c.Hq(), C("DE"));
}

TEST(ShipmentParserValid, ConsigneeIds) {
  Shipment a = ParseLine(
      LineWith("consignee", R"({"name":"X Ltd","id":"LEI 5493001","parent_id":"CUST/7"})"));
  ASSERT_TRUE(a.errors.empty()) << ErrorList(a);
  EXPECT_EQ(a.consignee.id, "LEI 5493001");
  EXPECT_EQ(a.consignee.parent_id, "CUST/7");
  Shipment b = ParseLine(LineWith("consignee", R"({"name":"X Ltd","id":null})"));
  ASSERT_TRUE(b.errors.empty()) << ErrorList(b);
  EXPECT_TRUE(b.consignee.id.empty());
}

TEST(ShipmentParserValid, InlineIc) {
  Shipment s = ParseLine(LineWith(
      "item",
      R"({"tpp":4800.5,"die_area_mm2":600,"interconnect_gbs":900,"dram_bandwidth_gbs":3350})"));
  ASSERT_TRUE(s.errors.empty()) << ErrorList(s);
  EXPECT_EQ(s.item.kind, ItemKind::kIc);
  EXPECT_TRUE(s.item.catalog_id.empty());
  EXPECT_EQ(s.item.ic.accelerator, nullptr);
  EXPECT_EQ(s.item.ic.tpp, F("4800.5"));
  EXPECT_EQ(s.item.ic.die_area_mm2, F("600"));
  EXPECT_EQ(s.item.ic.interconnect_gbs, F("900"));
  EXPECT_EQ(s.item.ic.dram_bandwidth_gbs, F("3350"));
  EXPECT_TRUE(s.item.ic.datacenter);  // default
}

TEST(ShipmentParserValid, InlineConsumerIcWithoutOptionalFigures) {
  Shipment s = ParseLine(LineWith("item", R"({"kind":"ic","tpp":1.5e3,"datacenter":false})"));
  ASSERT_TRUE(s.errors.empty()) << ErrorList(s);
  EXPECT_EQ(s.item.ic.tpp, F("1500"));
  EXPECT_FALSE(s.item.ic.datacenter);
  EXPECT_FALSE(s.item.ic.die_area_mm2.has_value());
  EXPECT_FALSE(s.item.ic.interconnect_gbs.has_value());
}

TEST(ShipmentParserValid, Hbm) {
  Shipment s = ParseLine(LineWith("item", R"({"kind":"hbm","memory_bandwidth_density":3.1})"));
  ASSERT_TRUE(s.errors.empty()) << ErrorList(s);
  EXPECT_EQ(s.item.kind, ItemKind::kHbm);
  EXPECT_EQ(s.item.hbm_density_gbs_per_mm2, F("3.1"));
}

TEST(ShipmentParserValid, ComputerWithCatalogAndInlineParts) {
  Shipment s = ParseLine(
      LineWith("item", R"({"kind":"computer","contains":[{"item":"nvidia-h100-sxm","count":8},)"
                       R"({"count":2,"item":{"tpp":4992,"die_area_mm2":826}}]})"));
  ASSERT_TRUE(s.errors.empty()) << ErrorList(s);
  EXPECT_EQ(s.item.kind, ItemKind::kComputer);
  ASSERT_EQ(s.item.parts.size(), 2u);
  EXPECT_EQ(s.item.parts[0].count, 8);
  EXPECT_EQ(s.item.parts[0].ic.tpp, F("15832"));
  ASSERT_NE(s.item.parts[0].ic.accelerator, nullptr);
  EXPECT_EQ(s.item.parts[1].count, 2);
  EXPECT_EQ(s.item.parts[1].ic.tpp, F("4992"));
  EXPECT_EQ(s.item.parts[1].ic.die_area_mm2, F("826"));
  EXPECT_EQ(s.item.parts[1].ic.accelerator, nullptr);
}

TEST(ShipmentParserValid, ModelWeights) {
  std::string line = LineWith("item", R"({"kind":"model_weights","training_ops":3e26})");
  Shipment s = ParseLine(line.replace(line.find("\"units\":8"), 9, "\"units\":1"));
  ASSERT_TRUE(s.errors.empty()) << ErrorList(s);
  EXPECT_EQ(s.item.kind, ItemKind::kModelWeights);
  EXPECT_EQ(s.item.model.training_ops, *Magnitude::Parse("3e26"));
  EXPECT_FALSE(s.item.model.published);
  EXPECT_FALSE(s.item.model.derived_from_published);
}

TEST(ShipmentParserValid, DerivedModelWeights) {
  Shipment s = ParseLine(
      R"({"id":"m","date":"2025-06-01","destination":"DE","units":1,"item":{"kind":)"
      R"("model_weights","training_ops":1.2e26,"published":false,"derived_from_published":true,)"
      R"("base_training_ops":1e26,"additional_training_ops":2e25}})");
  ASSERT_TRUE(s.errors.empty()) << ErrorList(s);
  EXPECT_TRUE(s.item.model.derived_from_published);
  EXPECT_EQ(s.item.model.base_training_ops, *Magnitude::Parse("1e26"));
  EXPECT_EQ(s.item.model.additional_training_ops, *Magnitude::Parse("2e25"));
}

TEST(ShipmentParserValid, EscapedKeysAndWhitespace) {
  Shipment s = ParseLine(
      " { \"i\\u0064\" : \"S-1\" , \"date\":\"2025-06-01\",\"destination\":\"DE\",\n"
      "\"item\":\"nvidia-h100-sxm\",\"units\":8,\"consignee\":{\"name\":\"TU Munich\"} }  ");
  ASSERT_TRUE(s.errors.empty()) << ErrorList(s);
  ExpectBaseFieldsParsed(s, "");
}

TEST(ShipmentParserValid, IdOf128BytesIsAccepted) {
  std::string id(128, 'a');
  Shipment s = ParseLine(LineWith("id", "\"" + id + "\""));
  ASSERT_TRUE(s.errors.empty()) << ErrorList(s);
  EXPECT_EQ(s.id, id);
}

TEST(ShipmentParserValid, ParserIsReusableLineAfterLine) {
  ShipmentParser parser(&Cat());
  Shipment s;
  parser.ParseJson(LineWith("units", "0"), &s);
  EXPECT_FALSE(s.errors.empty());
  parser.ParseJson(LineWith("end_use", R"(["development"])"), &s);
  EXPECT_TRUE(s.errors.empty()) << ErrorList(s);
  EXPECT_EQ(s.end_use, kEndUseDevelopment);
  parser.ParseJson(LineWith("consignee", R"({"name":"B","hq":"CN"})"), &s);
  EXPECT_EQ(s.end_use, 0);  // nothing carried over
  EXPECT_EQ(s.Hq(), C("CN"));
}

// --- malformed fields: the error, and the rest of the line still parsed -----------

struct BadField {
  const char* name;
  const char* key;   // the base field replaced (or added)
  const char* json;  // its value; "" removes it
  const char* field;
  std::string_view code;
};

void PrintTo(const BadField& c, std::ostream* os) { *os << c.name; }

std::string CaseName(const ::testing::TestParamInfo<BadField>& p) { return p.param.name; }

class ShipmentParserBadField : public ::testing::TestWithParam<BadField> {};

TEST_P(ShipmentParserBadField, ReportsFieldAndCodeAndParsesTheRest) {
  const BadField& c = GetParam();
  Shipment s = ParseLine(LineWith(c.key, c.json));
  EXPECT_TRUE(HasError(s, c.field, c.code)) << LineWith(c.key, c.json);
  for (const FieldError& e : s.errors) EXPECT_NE(e.code, kErrInvalidJson) << ErrorList(s);
  ExpectBaseFieldsParsed(s, c.key);
}

const std::string kLongId = "\"" + std::string(129, 'x') + "\"";
const std::string kLongName = "{\"name\":\"" + std::string(257, 'n') + "\"}";
const std::string kLongItemId = "\"" + std::string(65, 'a') + "\"";

const BadField kBadTopLevel[] = {
    {"units_zero", "units", "0", "units", kErrOutOfRange},
    {"units_negative", "units", "-1", "units", kErrOutOfRange},
    {"units_fraction", "units", "1.5", "units", kErrInvalidValue},
    {"units_exponent", "units", "1e3", "units", kErrInvalidValue},
    {"units_over_limit", "units", "1000000001", "units", kErrOutOfRange},
    {"units_string", "units", R"("8")", "units", kErrWrongType},
    {"units_nan_string", "units", R"("NaN")", "units", kErrWrongType},
    {"units_null", "units", "null", "units", kErrWrongType},
    {"units_bool", "units", "true", "units", kErrWrongType},
    {"units_array", "units", "[8]", "units", kErrWrongType},
    {"destination_unassigned", "destination", R"("XX")", "destination", kErrInvalidValue},
    {"destination_lowercase", "destination", R"("de")", "destination", kErrInvalidValue},
    {"destination_alpha3", "destination", R"("DEU")", "destination", kErrInvalidValue},
    {"destination_number", "destination", "49", "destination", kErrWrongType},
    {"from_unassigned", "from", R"("ZZ")", "from", kErrInvalidValue},
    {"date_not_leap", "date", R"("2025-02-29")", "date", kErrInvalidValue},
    {"date_month_13", "date", R"("2025-13-01")", "date", kErrInvalidValue},
    {"date_short_month", "date", R"("2025-6-01")", "date", kErrInvalidValue},
    {"date_with_time", "date", R"("2025-06-01T00:00")", "date", kErrInvalidValue},
    {"date_number", "date", "20250601", "date", kErrWrongType},
    {"type_unknown", "type", R"("import")", "type", kErrInvalidValue},
    {"id_too_long", "id", kLongId.c_str(), "id", kErrTooLong},
    {"id_empty", "id", R"("")", "id", kErrInvalidValue},
    {"id_number", "id", "7", "id", kErrWrongType},
    {"item_unknown", "item", R"("nvidia-h999")", "item", kErrUnknownItem},
    {"item_uppercase", "item", R"("NVIDIA-H100-SXM")", "item", kErrUnknownItem},
    {"item_id_too_long", "item", kLongItemId.c_str(), "item", kErrTooLong},
    {"item_number", "item", "5", "item", kErrWrongType},
    {"item_array", "item", "[]", "item", kErrWrongType},
    {"end_use_bad_tag", "end_use", R"(["mining"])", "end_use", kErrInvalidValue},
    {"end_use_string", "end_use", R"("military")", "end_use", kErrWrongType},
    {"end_use_number_tag", "end_use", "[1]", "end_use", kErrWrongType},
    {"end_use_too_many", "end_use",
     R"(["wmd","wmd","wmd","wmd","wmd","wmd","wmd","wmd","wmd","wmd","wmd","wmd","wmd","wmd",)"
     R"("wmd","wmd","wmd"])",
     "end_use", kErrOutOfRange},
    {"unknown_top_field", "colour", R"("red")", "colour", kErrUnknownField},
    {"misspelt_end_uses", "end_uses", R"(["military"])", "end_uses", kErrUnknownField},
};
INSTANTIATE_TEST_SUITE_P(TopLevel, ShipmentParserBadField, ::testing::ValuesIn(kBadTopLevel),
                         CaseName);

const BadField kBadConsignee[] = {
    {"unknown_field", "consignee", R"({"name":"A","colour":1})", "consignee.colour",
     kErrUnknownField},
    {"duplicate_name", "consignee", R"({"name":"A","name":"B"})", "consignee.name",
     kErrDuplicateField},
    {"bad_hq", "consignee", R"({"hq":"XX"})", "consignee.hq", kErrInvalidValue},
    {"bad_parent_hq", "consignee", R"({"parent_hq":"cn"})", "consignee.parent_hq",
     kErrInvalidValue},
    {"bad_veu", "consignee", R"({"veu":"GVEU"})", "consignee.veu", kErrInvalidValue},
    {"veu_bool", "consignee", R"({"veu":true})", "consignee.veu", kErrWrongType},
    {"id_number", "consignee", R"({"id":42})", "consignee.id", kErrWrongType},
    {"id_no_alnum", "consignee", R"({"id":"--/--"})", "consignee.id", kErrInvalidValue},
    {"parent_id_no_alnum", "consignee", R"({"parent_id":" . "})", "consignee.parent_id",
     kErrInvalidValue},
    {"parent_id_too_long", "consignee",
     R"({"parent_id":")"
     "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
     "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
     R"("})",
     "consignee.parent_id", kErrTooLong},
    {"name_number", "consignee", R"({"name":5})", "consignee.name", kErrWrongType},
    {"name_too_long", "consignee", kLongName.c_str(), "consignee.name", kErrTooLong},
    {"not_object", "consignee", R"(["A"])", "consignee", kErrWrongType},
};
INSTANTIATE_TEST_SUITE_P(Consignee, ShipmentParserBadField, ::testing::ValuesIn(kBadConsignee),
                         CaseName);

const BadField kBadItem[] = {
    {"tpp_nan_string", "item", R"({"tpp":"NaN"})", "item.tpp", kErrWrongType},
    {"tpp_negative", "item", R"({"tpp":-1})", "item.tpp", kErrOutOfRange},
    {"tpp_four_decimals", "item", R"({"tpp":4800.0001})", "item.tpp", kErrInvalidValue},
    {"tpp_over_limit", "item", R"({"tpp":10000001})", "item.tpp", kErrOutOfRange},
    {"tpp_huge", "item", R"({"tpp":1e400})", "item.tpp", kErrInvalidValue},
    {"tpp_missing", "item", R"({"die_area_mm2":800})", "item.tpp", kErrMissingField},
    {"die_area_zero", "item", R"({"tpp":100,"die_area_mm2":0})", "item.die_area_mm2",
     kErrOutOfRange},
    {"datacenter_string", "item", R"({"tpp":100,"datacenter":"yes"})", "item.datacenter",
     kErrWrongType},
    {"unknown_field", "item", R"({"tpp":100,"colour":"red"})", "item.colour", kErrUnknownField},
    {"duplicate_tpp", "item", R"({"tpp":100,"tpp":200})", "item.tpp", kErrDuplicateField},
    {"unknown_kind", "item", R"({"kind":"gpu","tpp":1})", "item.kind", kErrInvalidValue},
    {"hbm_missing_density", "item", R"({"kind":"hbm"})", "item.memory_bandwidth_density",
     kErrMissingField},
    {"hbm_with_tpp", "item", R"({"kind":"hbm","tpp":5,"memory_bandwidth_density":3})", "item.tpp",
     kErrUnknownField},
    {"ic_with_hbm_density", "item", R"({"tpp":5,"memory_bandwidth_density":3})",
     "item.memory_bandwidth_density", kErrUnknownField},
    {"computer_missing_contains", "item", R"({"kind":"computer"})", "item.contains",
     kErrMissingField},
    {"contains_not_array", "item", R"({"kind":"computer","contains":{}})", "item.contains",
     kErrWrongType},
    {"contains_element_number", "item", R"({"kind":"computer","contains":[5]})", "item.contains[0]",
     kErrWrongType},
    {"part_missing_count", "item", R"({"kind":"computer","contains":[{"item":"nvidia-a30"}]})",
     "item.contains[0].count", kErrMissingField},
    {"part_missing_item", "item", R"({"kind":"computer","contains":[{"count":8}]})",
     "item.contains[0].item", kErrMissingField},
    {"part_count_zero", "item",
     R"({"kind":"computer","contains":[{"item":"nvidia-a30","count":0}]})",
     "item.contains[0].count", kErrOutOfRange},
    {"part_unknown_field", "item",
     R"({"kind":"computer","contains":[{"item":"nvidia-a30","count":8,"colour":1}]})",
     "item.contains[0].colour", kErrUnknownField},
    {"part_duplicate_count", "item",
     R"({"kind":"computer","contains":[{"item":"nvidia-a30","count":8,"count":9}]})",
     "item.contains[0].count", kErrDuplicateField},
    {"part_unknown_item", "item",
     R"({"kind":"computer","contains":[{"item":"nvidia-a30","count":1},{"item":"x-y","count":1}]})",
     "item.contains[1].item", kErrUnknownItem},
    {"part_inline_unknown_field", "item",
     R"({"kind":"computer","contains":[{"item":{"tpp":100,"colour":1},"count":1}]})",
     "item.contains[0].item.colour", kErrUnknownField},
    {"part_inline_missing_tpp", "item",
     R"({"kind":"computer","contains":[{"item":{"die_area_mm2":100},"count":1}]})",
     "item.contains[0].item.tpp", kErrMissingField},
    {"nested_computer_contains", "item",
     R"({"kind":"computer","contains":[{"count":1,"item":{"kind":"computer",)"
     R"("contains":[{"item":"nvidia-a30","count":1}]}}]})",
     "item.contains[0].item.contains", kErrUnknownField},
    {"nested_computer_kind", "item",
     R"({"kind":"computer","contains":[{"count":1,"item":{"kind":"computer",)"
     R"("contains":[{"item":"nvidia-a30","count":1}]}}]})",
     "item.contains[0].item.kind", kErrInvalidValue},
    {"model_missing_training_ops", "item", R"({"kind":"model_weights","published":false})",
     "item.training_ops", kErrMissingField},
    {"model_negative_ops", "item", R"({"kind":"model_weights","training_ops":-3e26})",
     "item.training_ops", kErrInvalidValue},
    {"model_ops_string", "item", R"({"kind":"model_weights","training_ops":"3e26"})",
     "item.training_ops", kErrWrongType},
    {"model_derived_missing_additional", "item",
     R"({"kind":"model_weights","training_ops":3e26,"derived_from_published":true})",
     "item.additional_training_ops", kErrMissingField},
    {"model_with_tpp", "item", R"({"kind":"model_weights","training_ops":3e26,"tpp":1})",
     "item.tpp", kErrUnknownField},
};
INSTANTIATE_TEST_SUITE_P(Item, ShipmentParserBadField, ::testing::ValuesIn(kBadItem), CaseName);

const BadField kMissing[] = {
    {"id", "id", "", "id", kErrMissingField},
    {"date", "date", "", "date", kErrMissingField},
    {"destination", "destination", "", "destination", kErrMissingField},
    {"item", "item", "", "item", kErrMissingField},
    {"units", "units", "", "units", kErrMissingField},
};
INSTANTIATE_TEST_SUITE_P(Missing, ShipmentParserBadField, ::testing::ValuesIn(kMissing), CaseName);

// --- whole-line and multi-error cases -------------------------------------------------

TEST(ShipmentParserErrors, NotJson) {
  for (const char* line :
       {"", "hello", "{", "[1,2]", "\"S-1\"", "null", "{\"id\":}", "{\"id\":\"a\",}", "{'id':'a'}",
        "{\"units\":NaN}", "{\"id\":\"S-1\",\"units\":8"}) {
    Shipment s = ParseLine(line);
    EXPECT_TRUE(HasError(s, "", kErrInvalidJson)) << '`' << line << '`';
  }
}

TEST(ShipmentParserErrors, TrailingContent) {
  std::string line = LineWith("units", "8") + " {\"id\":\"S-2\"}";
  Shipment s = ParseLine(line);
  EXPECT_TRUE(HasError(s, "", kErrInvalidJson));
  EXPECT_TRUE(HasError(ParseLine(LineWith("units", "8") + " x"), "", kErrInvalidJson));
  EXPECT_TRUE(ParseLine(LineWith("units", "8") + " \t ").errors.empty());
}

TEST(ShipmentParserErrors, DuplicateTopLevelKeyKeepsTheFirst) {
  Shipment s = ParseLine(LineWith("units", "8,\"units\":9"));
  EXPECT_TRUE(HasError(s, "units", kErrDuplicateField));
  EXPECT_EQ(s.units, 8);
  ExpectBaseFieldsParsed(s, "");
}

TEST(ShipmentParserErrors, ModelWeightsNeedOneUnit) {
  std::string line = LineWith("item", R"({"kind":"model_weights","training_ops":3e26})");
  Shipment s = ParseLine(line.replace(line.find("\"units\":8"), 9, "\"units\":2"));
  EXPECT_TRUE(HasError(s, "units", kErrOutOfRange));
  EXPECT_EQ(s.item.kind, ItemKind::kModelWeights);
  EXPECT_EQ(s.errors.size(), 1u) << ErrorList(s);
}

TEST(ShipmentParserErrors, SeveralErrorsOnOneLineAreAllReported) {
  Shipment s =
      ParseLine(R"({"id":"S-9","date":"2025-02-30","destination":"XX","item":"nope","units":0,)"
                R"("consignee":{"name":"A","hq":"zz"},"end_use":["mining"],"colour":1})");
  EXPECT_TRUE(HasError(s, "date", kErrInvalidValue));
  EXPECT_TRUE(HasError(s, "destination", kErrInvalidValue));
  EXPECT_TRUE(HasError(s, "item", kErrUnknownItem));
  EXPECT_TRUE(HasError(s, "units", kErrOutOfRange));
  EXPECT_TRUE(HasError(s, "consignee.hq", kErrInvalidValue));
  EXPECT_TRUE(HasError(s, "end_use", kErrInvalidValue));
  EXPECT_TRUE(HasError(s, "colour", kErrUnknownField));
  EXPECT_EQ(s.errors.size(), 7u) << ErrorList(s);  // no duplicate "missing" errors
  EXPECT_EQ(s.id, "S-9");
  EXPECT_EQ(s.consignee.name, "A");
}

TEST(ShipmentParserErrors, EmptyObjectListsEveryRequiredField) {
  Shipment s = ParseLine("{}");
  for (const char* field : {"id", "date", "destination", "item", "units"}) {
    EXPECT_TRUE(HasError(s, field, kErrMissingField)) << field;
  }
  EXPECT_EQ(s.errors.size(), 5u) << ErrorList(s);
}

TEST(ShipmentParserErrors, ErrorCountIsBounded) {
  std::string line = "{";
  for (int i = 0; i < 200; ++i) line += "\"k" + std::to_string(i) + "\":1,";
  line += "\"id\":\"x\"}";
  Shipment s = ParseLine(line);
  EXPECT_EQ(s.errors.size(), static_cast<size_t>(limits::reasons_max));
  EXPECT_EQ(s.id, "x");
}

TEST(ShipmentParserErrors, OverlongLineIsTooLong) {
  std::string line =
      LineWith("consignee", "{\"name\":\"" + std::string(limits::line_bytes_max, 'n') + "\"}");
  Shipment s = ParseLine(line);
  EXPECT_TRUE(HasError(s, "", kErrTooLong));
}

// --- CSV ---------------------------------------------------------------------------

std::vector<std::string_view> Split(std::string_view line, std::string* buffer) {
  std::vector<std::string_view> cells;
  EXPECT_TRUE(SplitCsv(line, &cells, buffer)) << line;
  return cells;
}

class CsvTest : public ::testing::Test {
 protected:
  void Header(std::string_view line) {
    std::string buffer;
    std::vector<std::string> problems = parser_.SetCsvHeader(Split(line, &buffer));
    EXPECT_TRUE(problems.empty()) << problems.front();
  }
  Shipment Row(std::string_view line) {
    std::string buffer;
    Shipment s;
    parser_.ParseCsvRow(Split(line, &buffer), &s);
    return s;
  }
  ShipmentParser parser_{&Cat()};
};

TEST_F(CsvTest, HeaderRejectsUnknownAndDuplicateColumns) {
  std::string buffer;
  std::vector<std::string> p = parser_.SetCsvHeader(Split("id,colour,units,id", &buffer));
  ASSERT_EQ(p.size(), 3u);
  EXPECT_NE(p[0].find("colour"), std::string::npos) << p[0];
  EXPECT_NE(p[1].find("id"), std::string::npos) << p[1];
  EXPECT_NE(p[1].find("twice"), std::string::npos) << p[1];
  // An unknown column lists the valid ones.
  EXPECT_NE(p[2].find("valid CSV columns: id, date,"), std::string::npos) << p[2];
  EXPECT_TRUE(parser_.SetCsvHeader(Split("id,date ,\"units\"", &buffer)).empty());
}

TEST_F(CsvTest, HeaderIgnoresCaseAndSurroundingSpaces) {
  std::string buffer;
  EXPECT_TRUE(parser_.SetCsvHeader(Split(" ID ,Date,  Consignee.Name", &buffer)).empty());
  std::vector<std::string> p = parser_.SetCsvHeader(Split("id,Destinaton", &buffer));
  ASSERT_FALSE(p.empty());
  EXPECT_NE(p[0].find("did you mean `destination`"), std::string::npos) << p[0];
}

TEST(SplitCsvTest, TrimsCellsAndHonoursTheDelimiter) {
  std::vector<std::string_view> cells;
  std::string buffer;
  ASSERT_TRUE(SplitCsv(" a ; \" b; \" ;c ", &cells, &buffer, ';'));
  ASSERT_EQ(cells.size(), 3u);
  EXPECT_EQ(cells[0], "a");
  EXPECT_EQ(cells[1], " b; ");  // inside quotes, text is kept as it is
  EXPECT_EQ(cells[2], "c");
  ASSERT_TRUE(SplitCsv("x\t\ty", &cells, &buffer, '\t'));
  ASSERT_EQ(cells.size(), 3u);
  EXPECT_EQ(cells[1], "");
  EXPECT_FALSE(SplitCsv("\"a\" b,c", &cells, &buffer, ','));
}

TEST(SplitCsvTest, SniffsTheDelimiterOutsideQuotes) {
  EXPECT_EQ(SniffCsvDelimiter("id,date,units"), ',');
  EXPECT_EQ(SniffCsvDelimiter("id;date;units"), ';');
  EXPECT_EQ(SniffCsvDelimiter("id\tdate\tunits"), '\t');
  EXPECT_EQ(SniffCsvDelimiter("\"a,b,c\";d;e"), ';');
  EXPECT_EQ(SniffCsvDelimiter("id"), ',');
}

TEST_F(CsvTest, ContainsCellListsIdsWithCounts) {
  Header("id,date,destination,units,item.contains");
  Shipment s = Row("K,2025-06-01,CN,1,nvidia-h100-sxm*8; nvidia-h20 * 2");
  ASSERT_TRUE(s.errors.empty()) << ErrorList(s);
  EXPECT_EQ(s.item.kind, ItemKind::kComputer);
  ASSERT_EQ(s.item.parts.size(), 2u);
  EXPECT_EQ(s.item.parts[0].count, 8);
  EXPECT_EQ(s.item.parts[1].count, 2);
  Shipment bad = Row("K,2025-06-01,CN,1,nvidia-h100-sxm*x;nvidia-h100-sxm");
  EXPECT_NE(ErrorList(bad).find("item.contains[0].count"), std::string::npos) << ErrorList(bad);
  EXPECT_NE(ErrorList(bad).find("item.contains[1]"), std::string::npos) << ErrorList(bad);
}

TEST_F(CsvTest, RowWithCatalogItem) {
  Header("id,date,type,from,destination,item,units,end_use,consignee.name,consignee.hq");
  Shipment s =
      Row("C-1,2025-06-01,reexport,SG,MY,nvidia-h100-sxm,8,development;storage,\"Acme, Inc.\",CN");
  ASSERT_TRUE(s.errors.empty()) << ErrorList(s);
  EXPECT_EQ(s.id, "C-1");
  EXPECT_EQ(s.date, D("2025-06-01"));
  EXPECT_EQ(s.type, ShipmentType::kReexport);
  EXPECT_EQ(s.from, C("SG"));
  EXPECT_EQ(s.destination, C("MY"));
  EXPECT_EQ(s.item.catalog_id, "nvidia-h100-sxm");
  EXPECT_EQ(s.units, 8);
  EXPECT_EQ(s.end_use, kEndUseDevelopment | kEndUseStorage);
  EXPECT_EQ(s.consignee.name, "Acme, Inc.");
  EXPECT_EQ(s.Hq(), C("CN"));
}

TEST_F(CsvTest, RowWithConsigneeIds) {
  Header("id,date,destination,item,units,consignee.name,consignee.id,consignee.parent_id");
  Shipment s = Row("C-3,2025-06-01,IN,nvidia-h100-sxm,1,Acme India,C-9,LEI 5493001");
  ASSERT_TRUE(s.errors.empty()) << ErrorList(s);
  EXPECT_EQ(s.consignee.id, "C-9");
  EXPECT_EQ(s.consignee.parent_id, "LEI 5493001");
  Shipment t = Row("C-4,2025-06-01,IN,nvidia-h100-sxm,1,Acme India,,");
  ASSERT_TRUE(t.errors.empty()) << ErrorList(t);
  EXPECT_TRUE(t.consignee.id.empty());
  EXPECT_TRUE(t.consignee.parent_id.empty());
}

TEST_F(CsvTest, RowWithItemColumns) {
  Header("id,date,destination,units,item.tpp,item.die_area_mm2,item.datacenter,consignee.veu");
  Shipment s = Row("C-2,2025-06-01,DE,1,3000.5,500,false,");
  ASSERT_TRUE(s.errors.empty()) << ErrorList(s);
  EXPECT_EQ(s.item.kind, ItemKind::kIc);
  EXPECT_EQ(s.item.ic.tpp, F("3000.5"));
  EXPECT_EQ(s.item.ic.die_area_mm2, F("500"));
  EXPECT_FALSE(s.item.ic.datacenter);
  EXPECT_EQ(s.consignee.veu, Veu::kNone);
}

TEST_F(CsvTest, RowWithHbmAndModelColumns) {
  Header("id,date,destination,units,item.kind,item.memory_bandwidth_density,item.training_ops");
  Shipment hbm = Row("C-3,2025-06-01,DE,5,hbm,3.1,");
  ASSERT_TRUE(hbm.errors.empty()) << ErrorList(hbm);
  EXPECT_EQ(hbm.item.kind, ItemKind::kHbm);
  EXPECT_EQ(hbm.item.hbm_density_gbs_per_mm2, F("3.1"));
  Shipment model = Row("C-4,2025-06-01,DE,1,model_weights,,3e26");
  ASSERT_TRUE(model.errors.empty()) << ErrorList(model);
  EXPECT_EQ(model.item.model.training_ops, *Magnitude::Parse("3e26"));
}

TEST_F(CsvTest, RowWithJsonItemCell) {
  Header("id,date,destination,item,units");
  Shipment s =
      Row("C-5,2025-06-01,DE,\"{\"\"kind\"\":\"\"computer\"\",\"\"contains\"\":"
          "[{\"\"item\"\":\"\"nvidia-h100-sxm\"\",\"\"count\"\":8}]}\",2");
  ASSERT_TRUE(s.errors.empty()) << ErrorList(s);
  EXPECT_EQ(s.item.kind, ItemKind::kComputer);
  ASSERT_EQ(s.item.parts.size(), 1u);
  EXPECT_EQ(s.item.parts[0].count, 8);
  EXPECT_EQ(s.units, 2);
}

TEST_F(CsvTest, BadJsonItemCell) {
  Header("id,date,destination,item,units");
  Shipment s = Row("C-6,2025-06-01,DE,\"{\"\"tpp\"\":}\",2");
  EXPECT_TRUE(HasError(s, "item", kErrInvalidJson));
  EXPECT_EQ(s.units, 2);
  EXPECT_EQ(s.id, "C-6");
}

TEST_F(CsvTest, CellErrorsNameTheirColumns) {
  Header("id,date,destination,item,units,item.datacenter,consignee.hq");
  Shipment s = Row("C-7,2025-02-29,de,nvidia-h100-sxm,abc,yes,XX");
  EXPECT_TRUE(HasError(s, "date", kErrInvalidValue));
  EXPECT_TRUE(HasError(s, "destination", kErrInvalidValue));
  EXPECT_TRUE(HasError(s, "units", kErrInvalidValue));
  EXPECT_TRUE(HasError(s, "item.datacenter", kErrWrongType));
  EXPECT_TRUE(HasError(s, "consignee.hq", kErrInvalidValue));
  EXPECT_TRUE(HasError(s, "item", kErrInvalidValue));  // both `item` and `item.*`
  EXPECT_EQ(s.id, "C-7");
}

TEST_F(CsvTest, EmptyCellsAreAbsentFields) {
  Header("id,date,destination,item,units");
  Shipment s = Row("C-8,2025-06-01,DE,nvidia-a30,");
  EXPECT_TRUE(HasError(s, "units", kErrMissingField));
  EXPECT_EQ(s.errors.size(), 1u) << ErrorList(s);
}

TEST_F(CsvTest, CellCountMustMatchHeader) {
  Header("id,date,destination,item,units");
  Shipment s = Row("C-9,2025-06-01,DE,nvidia-a30,1,extra");
  EXPECT_TRUE(HasError(s, "", kErrInvalidValue));
  EXPECT_EQ(s.units, 1);
  Shipment t = Row("C-9,2025-06-01,DE");
  EXPECT_TRUE(HasError(t, "", kErrInvalidValue));
  EXPECT_TRUE(HasError(t, "units", kErrMissingField));
}

// --- SplitCsv ------------------------------------------------------------------------

std::vector<std::string> SplitToStrings(std::string_view line, bool* ok) {
  std::vector<std::string_view> cells;
  std::string buffer;
  *ok = SplitCsv(line, &cells, &buffer);
  return std::vector<std::string>(cells.begin(), cells.end());
}

using Cells = std::vector<std::string>;

TEST(SplitCsv, PlainAndEmptyCells) {
  bool ok = false;
  EXPECT_EQ(SplitToStrings("a,b,c", &ok), (Cells{"a", "b", "c"}));
  EXPECT_TRUE(ok);
  EXPECT_EQ(SplitToStrings("a,,b", &ok), (Cells{"a", "", "b"}));
  EXPECT_EQ(SplitToStrings("a,b,", &ok), (Cells{"a", "b", ""}));
  EXPECT_EQ(SplitToStrings(",", &ok), (Cells{"", ""}));
  EXPECT_EQ(SplitToStrings("", &ok), (Cells{""}));
  EXPECT_EQ(SplitToStrings("a ,b\t", &ok), (Cells{"a", "b"}));  // trailing blanks trimmed
  EXPECT_TRUE(ok);
}

TEST(SplitCsv, QuotedCells) {
  bool ok = false;
  EXPECT_EQ(SplitToStrings("\"a,b\",c", &ok), (Cells{"a,b", "c"}));
  EXPECT_TRUE(ok);
  EXPECT_EQ(SplitToStrings("\"say \"\"hi\"\"\",x", &ok), (Cells{"say \"hi\"", "x"}));
  EXPECT_EQ(SplitToStrings("\"\",x", &ok), (Cells{"", "x"}));
  EXPECT_EQ(SplitToStrings("\"a\",", &ok), (Cells{"a", ""}));
  EXPECT_EQ(SplitToStrings("x,\"\"\"\"", &ok), (Cells{"x", "\""}));
  EXPECT_TRUE(ok);
}

TEST(SplitCsv, ManyQuotedCellsStayValid) {
  // Quoted cells live in the buffer; it must not reallocate under earlier views.
  std::string line;
  Cells want;
  for (int i = 0; i < 100; ++i) {
    std::string cell = "cell, " + std::to_string(i);
    line += (i ? "," : "") + ("\"" + cell + "\"");
    want.push_back(cell);
  }
  bool ok = false;
  EXPECT_EQ(SplitToStrings(line, &ok), want);
  EXPECT_TRUE(ok);
}

TEST(SplitCsv, RejectsUnterminatedOrTrailingQuote) {
  bool ok = true;
  SplitToStrings("\"abc", &ok);
  EXPECT_FALSE(ok);
  SplitToStrings("a,\"b,c", &ok);
  EXPECT_FALSE(ok);
  SplitToStrings("\"a\"b,c", &ok);
  EXPECT_FALSE(ok);
  SplitToStrings("\"a\"\"", &ok);
  EXPECT_FALSE(ok);
}

}  // namespace
}  // namespace highfence::io

// --- contract version 2 fields ----------------------------------------------------------

namespace highfence::io {
namespace {

TEST(ShipmentParserV2, TransferTakesItsDestinationAsFrom) {
  Shipment s = ParseLine(
      R"({"id":"T","date":"2024-06-01","type":"transfer","destination":"MY",)"
      R"("item":"nvidia-a30","units":1})");
  ASSERT_TRUE(s.errors.empty()) << ErrorList(s);
  EXPECT_EQ(s.from, C("MY"));
  EXPECT_FALSE(s.from_stated);
}

TEST(ShipmentParserV2, TransferFromAnotherCountryIsContradictory) {
  Shipment s = ParseLine(
      R"({"id":"T","date":"2024-06-01","type":"transfer","from":"SG","destination":"MY",)"
      R"("item":"nvidia-a30","units":1})");
  EXPECT_TRUE(HasError(s, "from", kErrInvalidValue));
}

TEST(ShipmentParserV2, ExportKeepsTheUnitedStatesAsFrom) {
  Shipment s = ParseLine(
      R"({"id":"E","date":"2024-06-01","destination":"MY","item":"nvidia-a30","units":1})");
  ASSERT_TRUE(s.errors.empty()) << ErrorList(s);
  EXPECT_EQ(s.from, C("US"));
}

TEST(ShipmentParserV2, RegionNamesAndIsoCodes) {
  for (auto [text, want] : {std::pair<const char*, Region>{"crimea", Region::kCrimea},
                            {"UA-40", Region::kCrimea},
                            {"UA-14", Region::kDonetsk},
                            {"luhansk", Region::kLuhansk},
                            {"UA-23", Region::kZaporizhzhia},
                            {"kherson", Region::kKherson}}) {
    Shipment s = ParseLine(fmt::format(
        R"({{"id":"R","date":"2024-06-01","destination":"UA","region":"{}",)"
        R"("item":"nvidia-a30","units":1}})",
        text));
    ASSERT_TRUE(s.errors.empty()) << text << ": " << ErrorList(s);
    EXPECT_EQ(s.region, want) << text;
  }
  Shipment bad = ParseLine(
      R"({"id":"R","date":"2024-06-01","destination":"UA","region":"odesa",)"
      R"("item":"nvidia-a30","units":1})");
  EXPECT_TRUE(HasError(bad, "region", kErrInvalidValue));
  Shipment elsewhere = ParseLine(
      R"({"id":"R","date":"2024-06-01","destination":"DE","region":"crimea",)"
      R"("item":"nvidia-a30","units":1})");
  EXPECT_TRUE(HasError(elsewhere, "region", "region_not_applicable"));
}

TEST(ShipmentParserV2, StatedEccnAndHts) {
  Shipment s = ParseLine(
      R"({"id":"X","date":"2024-06-01","destination":"RU","units":1,)"
      R"("item":{"tpp":10,"eccn":"5A992.c","hts":"8542.31"}})");
  ASSERT_TRUE(s.errors.empty()) << ErrorList(s);
  EXPECT_EQ(s.item.eccn, "5A992.c");
  EXPECT_EQ(s.item.hts, "854231");
  EXPECT_FALSE(s.item.ic.datacenter_stated);
  Shipment bad = ParseLine(
      R"({"id":"X","date":"2024-06-01","destination":"RU","units":1,)"
      R"("item":{"tpp":10,"eccn":"EAR 99","hts":"85423"}})");
  EXPECT_TRUE(HasError(bad, "item.eccn", kErrInvalidValue));
  EXPECT_TRUE(HasError(bad, "item.hts", kErrInvalidValue));
}

TEST(ShipmentParserV2, ComputerWithAnEmptyContainsNeedsItsIcs) {
  Shipment s = ParseLine(
      R"({"id":"X","date":"2024-06-01","destination":"DE","units":1,)"
      R"("item":{"kind":"computer","contains":[]}})");
  EXPECT_TRUE(HasError(s, "item.contains", kErrMissingField));
}

TEST(ShipmentParserV2, ConsigneeIds) {
  Shipment s = ParseLine(
      R"({"id":"X","date":"2024-06-01","destination":"DE","item":"nvidia-a30","units":1,)"
      R"("consignee":{"name":"Acme","id":"LEI-1","parent_id":"LEI-0"}})");
  ASSERT_TRUE(s.errors.empty()) << ErrorList(s);
  EXPECT_EQ(s.consignee.id, "LEI-1");
  EXPECT_EQ(s.consignee.parent_id, "LEI-0");
}

}  // namespace
}  // namespace highfence::io
