#include "io/shipment_parser.h"

#include <array>
#include <cstring>
#include <optional>

#include <fmt/format.h>

#include "base/limits.h"

namespace highfence::io {
namespace sj = simdjson;
namespace od = simdjson::ondemand;

namespace {

// A scalar from either input format. CSV cells are untyped text (kCsv): the
// setter for the field decides how to read it.
struct Scalar {
  enum Kind { kString, kNumber, kBool, kNull, kCsv, kOther } kind = kOther;
  std::string_view text;
  bool boolean = false;
};

std::string_view TrimRight(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' ||
                        s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

std::string_view KindName(Scalar::Kind k) {
  switch (k) {
    case Scalar::kString: return "a string";
    case Scalar::kNumber: return "a number";
    case Scalar::kBool: return "a boolean";
    case Scalar::kNull: return "null";
    case Scalar::kCsv: return "text";
    case Scalar::kOther: return "an array or object";
  }
  return "a value";
}

// Item fields as read, before the item's kind is known (JSON keys arrive in any
// order). Resolved into an Item by ResolveItem.
struct ItemFields {
  std::optional<std::string> kind;
  std::optional<Fixed> tpp, die_area, interconnect, dram_bandwidth, hbm_density;
  std::optional<bool> datacenter;
  std::optional<Magnitude> training_ops, base_ops, additional_ops;
  std::optional<bool> published, derived;
  bool has_contains = false;
  std::vector<ComputerPart> parts;
  // Keys seen, for the kind checks: views into the document (or CSV header),
  // at most one per known item key.
  std::array<std::string_view, 16> present{};
  size_t present_count = 0;
  void Present(std::string_view key) {
    if (present_count < present.size()) present[present_count++] = key;
  }
};

}  // namespace

// The parsing logic, with access to the parser's state. One instance per line.
class ShipmentParser::Impl {
 public:
  Impl(const catalog::Catalog* catalog, Shipment* out) : catalog_(catalog), out_(out) {}

  void Error(std::string_view code, std::string_view field, std::string message) {
    if (out_->errors.size() >= static_cast<size_t>(limits::reasons_max)) return;
    out_->errors.push_back({std::string(code), std::string(field), std::move(message)});
  }

  // --- scalar setters --------------------------------------------------------
  bool ExpectKind(std::string_view field, const Scalar& s, Scalar::Kind want) {
    if (s.kind == want || s.kind == Scalar::kCsv) return true;
    Error(kErrWrongType, field, fmt::format("`{}` must be {}, not {}", field, KindName(want),
                                            KindName(s.kind)));
    return false;
  }

  bool SetString(std::string_view field, const Scalar& s, int64_t max_bytes, std::string* out) {
    if (!ExpectKind(field, s, Scalar::kString)) return false;
    if (static_cast<int64_t>(s.text.size()) > max_bytes) {
      Error(kErrTooLong, field,
            fmt::format("`{}` is {} bytes long; at most {} are allowed", field, s.text.size(),
                        max_bytes));
      return false;
    }
    out->assign(s.text);
    return true;
  }

  std::optional<Fixed> GetFixed(std::string_view field, const Scalar& s, int64_t max_units,
                                bool allow_zero) {
    if (!ExpectKind(field, s, Scalar::kNumber)) return std::nullopt;
    std::optional<Fixed> v = Fixed::Parse(s.text);
    if (!v) {
      Error(kErrInvalidValue, field,
            fmt::format("`{}` must be a decimal number with at most 3 decimal places, got `{}`",
                        field, Clip(s.text)));
      return std::nullopt;
    }
    if (v->is_negative() || (!allow_zero && v->is_zero()) || *v > Fixed::FromUnits(max_units)) {
      Error(kErrOutOfRange, field,
            fmt::format("`{}` must be {} {} and at most {}, got {}", field,
                        allow_zero ? "at least" : "greater than", 0, max_units, v->ToString()));
      return std::nullopt;
    }
    return v;
  }

  std::optional<int64_t> GetInt(std::string_view field, const Scalar& s, int64_t min,
                                int64_t max) {
    if (!ExpectKind(field, s, Scalar::kNumber)) return std::nullopt;
    std::string_view t = s.text;
    bool digits = !t.empty() && t.size() <= 19;
    for (char c : t) digits = digits && c >= '0' && c <= '9';
    if (!digits) {
      bool negative = !t.empty() && t[0] == '-';
      Error(negative ? kErrOutOfRange : kErrInvalidValue, field,
            fmt::format("`{}` must be a whole number from {} to {}, got `{}`", field, min, max,
                        Clip(t)));
      return std::nullopt;
    }
    int64_t v = 0;
    bool overflow = false;
    for (char c : t) {
      overflow = overflow || __builtin_mul_overflow(v, 10, &v) ||
                 __builtin_add_overflow(v, c - '0', &v);
    }
    if (overflow) {
      Error(kErrOutOfRange, field,
            fmt::format("`{}` must be from {} to {}, got `{}`", field, min, max, Clip(t)));
      return std::nullopt;
    }
    if (v < min || v > max) {
      Error(kErrOutOfRange, field,
            fmt::format("`{}` must be from {} to {}, got {}", field, min, max, v));
      return std::nullopt;
    }
    return v;
  }

  std::optional<bool> GetBool(std::string_view field, const Scalar& s) {
    if (s.kind == Scalar::kBool) return s.boolean;
    if (s.kind == Scalar::kCsv && (s.text == "true" || s.text == "false")) return s.text == "true";
    Error(kErrWrongType, field, fmt::format("`{}` must be true or false", field));
    return std::nullopt;
  }

  std::optional<CountryCode> GetCountry(std::string_view field, const Scalar& s) {
    if (!ExpectKind(field, s, Scalar::kString)) return std::nullopt;
    std::optional<CountryCode> c = CountryCode::Parse(s.text);
    if (!c) {
      Error(kErrInvalidValue, field,
            fmt::format("`{}` must be an ISO 3166-1 alpha-2 code such as `DE`, got `{}`", field,
                        Clip(s.text)));
    }
    return c;
  }

  std::optional<Magnitude> GetMagnitude(std::string_view field, const Scalar& s) {
    if (!ExpectKind(field, s, Scalar::kNumber)) return std::nullopt;
    std::optional<Magnitude> m = Magnitude::Parse(s.text);
    if (!m) {
      Error(kErrInvalidValue, field,
            fmt::format("`{}` must be a non-negative number such as 3e26, got `{}`", field,
                        Clip(s.text)));
    }
    return m;
  }

  static std::string Clip(std::string_view t) {
    if (t.size() <= 40) return std::string(t);
    return std::string(t.substr(0, 40)) + "...";
  }

  // --- top-level fields --------------------------------------------------------
  void SetTop(std::string_view key, const Scalar& s) {
    if (key == "id") {
      // The contract counts characters: a 128-character id of accented letters
      // is up to 4 x 128 bytes.
      if (SetString("id", s, limits::shipment_id_chars_max * 4, &out_->id)) {
        size_t chars = 0;
        for (char c : out_->id) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
        if (out_->id.empty()) {
          Error(kErrInvalidValue, "id", "`id` must not be empty");
        } else if (static_cast<int64_t>(chars) > limits::shipment_id_chars_max) {
          Error(kErrTooLong, "id", fmt::format("`id` has {} characters; at most {} are allowed",
                                               chars, limits::shipment_id_chars_max));
          out_->id.clear();
        }
      }
    } else if (key == "date") {
      if (!ExpectKind("date", s, Scalar::kString)) return;
      if (auto d = Date::Parse(s.text)) {
        out_->date = *d;
        have_date_ = true;
      } else {
        Error(kErrInvalidValue, "date",
              fmt::format("`date` must be a real date written YYYY-MM-DD, got `{}`", Clip(s.text)));
      }
    } else if (key == "type") {
      if (!ExpectKind("type", s, Scalar::kString)) return;
      if (s.text == "export") out_->type = ShipmentType::kExport;
      else if (s.text == "reexport") out_->type = ShipmentType::kReexport;
      else if (s.text == "transfer") out_->type = ShipmentType::kTransfer;
      else Error(kErrInvalidValue, "type", fmt::format(
          "`type` must be `export`, `reexport` or `transfer`, got `{}`", Clip(s.text)));
    } else if (key == "from") {
      if (auto c = GetCountry("from", s)) out_->from = *c;
    } else if (key == "destination") {
      if (auto c = GetCountry("destination", s)) {
        out_->destination = *c;
        have_destination_ = true;
      }
    } else if (key == "units") {
      if (auto u = GetInt("units", s, 1, limits::units_max)) {
        out_->units = *u;
        have_units_ = true;
      }
    } else if (key == "item") {
      SetItemId("item", s, &out_->item);
      have_item_ = true;
    } else if (key == "end_use") {
      if (!ExpectKind("end_use", s, Scalar::kString)) return;
      SetEndUses(s.text);
    } else {
      Error(kErrUnknownField, key, fmt::format("unknown field `{}`", Clip(key)));
    }
  }

  void SetItemId(std::string_view field, const Scalar& s, Item* item) {
    if (!ExpectKind(field, s, Scalar::kString)) return;
    if (static_cast<int64_t>(s.text.size()) > limits::catalog_id_bytes_max) {
      Error(kErrTooLong, field, fmt::format("`{}` is longer than {} bytes", field,
                                            limits::catalog_id_bytes_max));
      return;
    }
    const catalog::Accelerator* a = catalog_->Find(s.text);
    if (a == nullptr) {
      Error(kErrUnknownItem, field,
            fmt::format("`{}` is not in the catalog (see `highfence classify --list`)", Clip(s.text)));
      return;
    }
    item->kind = ItemKind::kIc;
    item->catalog_id.assign(s.text);
    item->ic = IcFromCatalog(a);
  }

  static IcSpec IcFromCatalog(const catalog::Accelerator* a) {
    IcSpec ic;
    ic.tpp = a->tpp;
    ic.die_area_mm2 = a->die_area_mm2;
    ic.datacenter = a->datacenter;
    ic.interconnect_gbs = a->interconnect_gbs;
    ic.dram_bandwidth_gbs = a->dram_bandwidth_gbs;
    ic.accelerator = a;
    return ic;
  }

  // end_use: a JSON array of tags, or in CSV one cell with tags separated by ';'.
  void AddEndUse(std::string_view tag) {
    static constexpr std::pair<std::string_view, uint8_t> kTags[] = {
        {"military", kEndUseMilitary},       {"wmd", kEndUseWmd},
        {"frontier_training", kEndUseFrontierTraining}, {"development", kEndUseDevelopment},
        {"production", kEndUseProduction},   {"storage", kEndUseStorage}};
    for (const auto& [name, bit] : kTags) {
      if (tag == name) {
        out_->end_use |= bit;
        return;
      }
    }
    Error(kErrInvalidValue, "end_use",
          fmt::format("unknown end use `{}`; known: military, wmd, frontier_training, "
                      "development, production, storage", Clip(tag)));
  }

  void SetEndUses(std::string_view cell) {
    size_t start = 0;
    while (start <= cell.size()) {
      size_t end = cell.find_first_of(";|", start);
      if (end == std::string_view::npos) end = cell.size();
      std::string_view tag = cell.substr(start, end - start);
      if (!tag.empty()) AddEndUse(tag);
      start = end + 1;
    }
  }

  void SetConsignee(std::string_view key, const Scalar& s) {
    Consignee& c = out_->consignee;
    if (key == "name") {
      SetString("consignee.name", s, limits::party_name_bytes_max, &c.name);
    } else if (key == "parent") {
      SetString("consignee.parent", s, limits::party_name_bytes_max, &c.parent);
    } else if (key == "hq") {
      if (s.kind != Scalar::kNull) c.hq = GetCountry("consignee.hq", s);
    } else if (key == "parent_hq") {
      if (s.kind != Scalar::kNull) c.parent_hq = GetCountry("consignee.parent_hq", s);
    } else if (key == "veu") {
      if (s.kind == Scalar::kNull || (s.kind == Scalar::kCsv && s.text.empty())) {
        c.veu = Veu::kNone;
      } else if (ExpectKind("consignee.veu", s, Scalar::kString)) {
        if (s.text == "UVEU") c.veu = Veu::kUniversal;
        else if (s.text == "NVEU") c.veu = Veu::kNational;
        else Error(kErrInvalidValue, "consignee.veu",
                   fmt::format("`consignee.veu` must be null, `UVEU` or `NVEU`, got `{}`",
                               Clip(s.text)));
      }
    } else {
      Error(kErrUnknownField, fmt::format("consignee.{}", Clip(key)),
            fmt::format("unknown field `consignee.{}`", Clip(key)));
    }
  }

  // One field of an item object (or of an IC inside a computer's `contains`).
  void SetItemField(std::string_view prefix, std::string_view key, const Scalar& s,
                    ItemFields* f) {
    std::string field = fmt::format("{}.{}", prefix, Clip(key));
    f->Present(key);
    if (key == "kind") {
      std::string kind;
      if (SetString(field, s, 32, &kind)) f->kind = std::move(kind);
    } else if (key == "tpp") {
      f->tpp = GetFixed(field, s, limits::ic_tpp_max, /*allow_zero=*/true);
    } else if (key == "die_area_mm2") {
      f->die_area = GetFixed(field, s, limits::die_area_mm2_max, false);
    } else if (key == "datacenter") {
      f->datacenter = GetBool(field, s);
    } else if (key == "interconnect_gbs") {
      f->interconnect = GetFixed(field, s, limits::bandwidth_gbs_max, true);
    } else if (key == "dram_bandwidth_gbs") {
      f->dram_bandwidth = GetFixed(field, s, limits::bandwidth_gbs_max, true);
    } else if (key == "memory_bandwidth_density") {
      f->hbm_density = GetFixed(field, s, limits::hbm_density_max, true);
    } else if (key == "training_ops") {
      f->training_ops = GetMagnitude(field, s);
    } else if (key == "base_training_ops") {
      f->base_ops = GetMagnitude(field, s);
    } else if (key == "additional_training_ops") {
      f->additional_ops = GetMagnitude(field, s);
    } else if (key == "published") {
      f->published = GetBool(field, s);
    } else if (key == "derived_from_published") {
      f->derived = GetBool(field, s);
    } else {
      --f->present_count;
      Error(kErrUnknownField, field, fmt::format("unknown field `{}`", field));
    }
  }

  // Turns the fields of an item object into an Item of its kind.
  void ResolveItem(std::string_view prefix, ItemFields* f, Item* item, bool nested) {
    std::string_view kind = f->kind ? std::string_view(*f->kind) : "ic";
    static constexpr std::string_view kIcKeys[] = {"kind", "tpp", "die_area_mm2", "datacenter",
                                                   "interconnect_gbs", "dram_bandwidth_gbs"};
    static constexpr std::string_view kHbmKeys[] = {"kind", "memory_bandwidth_density"};
    static constexpr std::string_view kComputerKeys[] = {"kind", "contains"};
    static constexpr std::string_view kModelKeys[] = {
        "kind", "training_ops", "published", "derived_from_published", "base_training_ops",
        "additional_training_ops"};
    auto allow = [&](auto& keys) {
      for (size_t i = 0; i < f->present_count; ++i) {
        std::string_view k = f->present[i];
        bool ok = false;
        for (std::string_view a : keys) ok = ok || k == a;
        if (!ok) {
          Error(kErrUnknownField, fmt::format("{}.{}", prefix, k),
                fmt::format("`{}.{}` does not apply to an item of kind `{}`", prefix, k, kind));
        }
      }
    };
    std::string field_kind = fmt::format("{}.kind", prefix);
    if (kind == "ic") {
      allow(kIcKeys);
      item->kind = ItemKind::kIc;
      if (!f->tpp) {
        if (!HasError(fmt::format("{}.tpp", prefix))) {
          Error(kErrMissingField, fmt::format("{}.tpp", prefix),
                fmt::format("an integrated circuit needs `{}.tpp`", prefix));
        }
        return;
      }
      item->ic.tpp = *f->tpp;
      item->ic.die_area_mm2 = f->die_area;
      item->ic.datacenter = f->datacenter.value_or(true);
      item->ic.interconnect_gbs = f->interconnect;
      item->ic.dram_bandwidth_gbs = f->dram_bandwidth;
    } else if (nested) {
      Error(kErrInvalidValue, field_kind,
            fmt::format("`{}` inside `contains` must be an integrated circuit", field_kind));
    } else if (kind == "hbm") {
      allow(kHbmKeys);
      item->kind = ItemKind::kHbm;
      if (f->hbm_density) item->hbm_density_gbs_per_mm2 = *f->hbm_density;
      else RequireOnce(fmt::format("{}.memory_bandwidth_density", prefix), "high-bandwidth memory");
    } else if (kind == "computer") {
      allow(kComputerKeys);
      item->kind = ItemKind::kComputer;
      item->parts = std::move(f->parts);
      if (!f->has_contains) RequireOnce(fmt::format("{}.contains", prefix), "a computer");
    } else if (kind == "model_weights") {
      allow(kModelKeys);
      ResolveModel(prefix, *f, item);
    } else {
      Error(kErrInvalidValue, field_kind,
            fmt::format("`{}` must be `ic`, `hbm`, `computer` or `model_weights`, got `{}`",
                        field_kind, Clip(kind)));
    }
  }

  void ResolveModel(std::string_view prefix, const ItemFields& f, Item* item) {
    item->kind = ItemKind::kModelWeights;
    ModelSpec& m = item->model;
    if (f.training_ops) m.training_ops = *f.training_ops;
    else RequireOnce(fmt::format("{}.training_ops", prefix), "model weights");
    m.published = f.published.value_or(false);
    m.derived_from_published = f.derived.value_or(false);
    m.base_training_ops = f.base_ops;
    m.additional_training_ops = f.additional_ops;
    if (m.derived_from_published && !m.additional_training_ops) {
      RequireOnce(fmt::format("{}.additional_training_ops", prefix),
                  "a model derived from a published model");
    }
  }

  void RequireOnce(const std::string& field, std::string_view what) {
    if (HasError(field)) return;
    Error(kErrMissingField, field, fmt::format("{} needs `{}`", what, field));
  }

  bool HasError(std::string_view field) const {
    for (const FieldError& e : out_->errors) {
      if (e.field == field) return true;
    }
    return false;
  }

  // Checks required fields and the limits that span fields.
  void Finish() {
    if (out_->id.empty() && !HasError("id")) Error(kErrMissingField, "id", "`id` is required");
    if (!have_date_ && !HasError("date")) Error(kErrMissingField, "date", "`date` is required");
    if (!have_destination_ && !HasError("destination")) {
      Error(kErrMissingField, "destination", "`destination` is required");
    }
    if (!have_item_ && !HasError("item")) Error(kErrMissingField, "item", "`item` is required");
    if (!have_units_ && !HasError("units")) Error(kErrMissingField, "units", "`units` is required");
    if (out_->item.kind == ItemKind::kModelWeights && have_units_ && out_->units != 1) {
      Error(kErrOutOfRange, "units", "`units` must be 1 for model weights");
    }
  }

  size_t error_count() const { return out_->errors.size(); }
  Item* item() { return &out_->item; }
  void MarkItem() { have_item_ = true; }

  bool have_date_ = false, have_destination_ = false, have_item_ = false, have_units_ = false;
  const catalog::Catalog* catalog_;
  Shipment* out_;
};

// --- JSON ----------------------------------------------------------------------

namespace {

// Reads an ondemand value as a Scalar. Objects and arrays become kOther.
sj::error_code ReadScalar(od::value v, Scalar* s) {
  od::json_type t;
  if (auto e = v.type().get(t)) return e;
  switch (t) {
    case od::json_type::string:
      s->kind = Scalar::kString;
      return v.get_string().get(s->text);
    case od::json_type::number: {
      s->kind = Scalar::kNumber;
      s->text = TrimRight(v.raw_json_token());
      return sj::SUCCESS;
    }
    case od::json_type::boolean:
      s->kind = Scalar::kBool;
      return v.get_bool().get(s->boolean);
    case od::json_type::null:
      s->kind = Scalar::kNull;
      return sj::SUCCESS;
    default:
      s->kind = Scalar::kOther;
      return sj::SUCCESS;
  }
}

// True when nothing but whitespace follows the document's root value.
bool AtEnd(od::document& doc) {
  return doc.current_location().error() == sj::OUT_OF_BOUNDS;
}

// Tracks keys seen in one object so duplicates are errors. Keys are views into
// the parser's string buffer, valid for the whole document. No object of the
// contract has more than kKeysMax keys, so an object with more already has
// unknown-field errors; keys past that many are not tracked.
class SeenKeys {
 public:
  static constexpr size_t kKeysMax = 16;
  // False when `key` was seen before.
  bool Insert(std::string_view key) {
    for (size_t i = 0; i < count_; ++i) {
      if (keys_[i] == key) return false;
    }
    if (count_ < kKeysMax) keys_[count_++] = key;
    return true;
  }

 private:
  std::array<std::string_view, kKeysMax> keys_;
  size_t count_ = 0;
};

}  // namespace

// JSON walking lives in free functions taking the Impl, so the ondemand types stay
// out of the header. Each returns a simdjson error only for malformed JSON.
namespace {

using Impl = ShipmentParser::Impl;

sj::error_code ParseIcObject(Impl* p, od::object obj, std::string_view prefix, ItemFields* f,
                             bool nested);

sj::error_code ParseContains(Impl* p, od::value v, std::string_view prefix, ItemFields* f) {
  std::string field = fmt::format("{}.contains", prefix);
  od::array arr;
  if (v.get_array().get(arr)) {
    p->Error(kErrWrongType, field, fmt::format("`{}` must be an array", field));
    return sj::SUCCESS;
  }
  f->has_contains = true;
  size_t index = 0;
  for (auto element : arr) {
    od::object part;
    std::string at = fmt::format("{}[{}]", field, index);
    if (auto e = element.get_object().get(part)) {
      if (e != sj::INCORRECT_TYPE) return e;
      p->Error(kErrWrongType, at, fmt::format("`{}` must be an object", at));
      ++index;
      continue;
    }
    if (static_cast<int64_t>(index) >= limits::computer_parts_max) {
      p->Error(kErrOutOfRange, field,
               fmt::format("`{}` may list at most {} parts", field, limits::computer_parts_max));
      return sj::SUCCESS;
    }
    ComputerPart cp;
    bool have_item = false, have_count = false, item_seen = false;
    SeenKeys seen;
    for (auto member : part) {
      std::string_view key;
      if (auto e = member.unescaped_key().get(key)) return e;
      od::value mv;
      if (auto e = member.value().get(mv)) return e;
      std::string sub = fmt::format("{}.{}", at, Impl::Clip(key));
      if (!seen.Insert(key)) {
        p->Error(kErrDuplicateField, sub, fmt::format("`{}` appears twice", sub));
        continue;
      }
      if (key == "count") {
        Scalar s;
        if (auto e = ReadScalar(mv, &s)) return e;
        if (auto c = p->GetInt(sub, s, 1, limits::part_count_max)) {
          cp.count = *c;
          have_count = true;
        }
      } else if (key == "item") {
        item_seen = true;
        size_t errors_before = p->error_count();
        od::json_type t;
        if (auto e = mv.type().get(t)) return e;
        Item nested;
        if (t == od::json_type::object) {
          od::object io;
          if (auto e = mv.get_object().get(io)) return e;
          ItemFields nf;
          if (auto e = ParseIcObject(p, io, sub, &nf, /*nested=*/true)) return e;
          p->ResolveItem(sub, &nf, &nested, /*nested=*/true);
        } else {
          Scalar s;
          if (auto e = ReadScalar(mv, &s)) return e;
          p->SetItemId(sub, s, &nested);
        }
        if (p->error_count() == errors_before) {
          cp.ic = nested.ic;
          have_item = true;
        }
      } else {
        p->Error(kErrUnknownField, sub, fmt::format("unknown field `{}`", sub));
      }
    }
    if (!have_count && !p->HasError(fmt::format("{}.count", at))) {
      p->Error(kErrMissingField, fmt::format("{}.count", at),
               fmt::format("`{}.count` is required", at));
    }
    if (!item_seen) {
      p->Error(kErrMissingField, fmt::format("{}.item", at),
               fmt::format("`{}.item` is required", at));
    }
    if (have_item && have_count) f->parts.push_back(cp);
    ++index;
  }
  return sj::SUCCESS;
}

// Parses an item object's members. `nested` (an IC inside `contains`) forbids a
// further `contains`, which bounds the depth at two: no unbounded recursion.
sj::error_code ParseIcObject(Impl* p, od::object obj, std::string_view prefix, ItemFields* f,
                             bool nested) {
  SeenKeys seen;
  for (auto member : obj) {
    std::string_view key;
    if (auto e = member.unescaped_key().get(key)) return e;
    od::value v;
    if (auto e = member.value().get(v)) return e;
    if (!seen.Insert(key)) {
      std::string field = fmt::format("{}.{}", prefix, Impl::Clip(key));
      p->Error(kErrDuplicateField, field, fmt::format("`{}` appears twice", field));
      continue;
    }
    if (key == "contains") {
      if (nested) {
        std::string field = fmt::format("{}.contains", prefix);
        p->Error(kErrUnknownField, field,
                 fmt::format("`{}`: a part of a computer cannot contain parts", field));
        continue;
      }
      f->Present(key);
      if (auto e = ParseContains(p, v, prefix, f)) return e;
      continue;
    }
    Scalar s;
    if (auto e = ReadScalar(v, &s)) return e;
    p->SetItemField(prefix, key, s, f);
  }
  return sj::SUCCESS;
}

sj::error_code ParseTopItem(Impl* p, od::value v, Item* item, bool* handled) {
  od::json_type t;
  if (auto e = v.type().get(t)) return e;
  if (t != od::json_type::object) return sj::SUCCESS;  // handled as a scalar id
  *handled = true;
  od::object obj;
  if (auto e = v.get_object().get(obj)) return e;
  ItemFields f;
  if (auto e = ParseIcObject(p, obj, "item", &f, /*nested=*/false)) return e;
  p->ResolveItem("item", &f, item, /*nested=*/false);
  return sj::SUCCESS;
}

sj::error_code ParseEndUseArray(Impl* p, od::value v) {
  od::array arr;
  if (v.get_array().get(arr)) {
    p->Error(kErrWrongType, "end_use", "`end_use` must be an array of tags");
    return sj::SUCCESS;
  }
  int64_t count = 0;
  for (auto element : arr) {
    std::string_view tag;
    if (auto e = element.get_string().get(tag)) {
      if (e != sj::INCORRECT_TYPE) return e;
      p->Error(kErrWrongType, "end_use", "`end_use` must hold strings");
      continue;
    }
    if (++count > limits::end_use_tags_max) {
      p->Error(kErrOutOfRange, "end_use", "`end_use` has too many tags");
      return sj::SUCCESS;
    }
    p->AddEndUse(tag);
  }
  return sj::SUCCESS;
}

sj::error_code ParseConsigneeObject(Impl* p, od::value v) {
  od::object obj;
  if (v.get_object().get(obj)) {
    p->Error(kErrWrongType, "consignee", "`consignee` must be an object");
    return sj::SUCCESS;
  }
  SeenKeys seen;
  for (auto member : obj) {
    std::string_view key;
    if (auto e = member.unescaped_key().get(key)) return e;
    od::value mv;
    if (auto e = member.value().get(mv)) return e;
    if (!seen.Insert(key)) {
      std::string field = fmt::format("consignee.{}", Impl::Clip(key));
      p->Error(kErrDuplicateField, field, fmt::format("`{}` appears twice", field));
      continue;
    }
    Scalar s;
    if (auto e = ReadScalar(mv, &s)) return e;
    p->SetConsignee(key, s);
  }
  return sj::SUCCESS;
}

sj::error_code ParseDocument(Impl* p, od::document& doc) {
  od::object obj;
  if (auto e = doc.get_object().get(obj)) return e;
  SeenKeys seen;
  for (auto member : obj) {
    std::string_view key;
    if (auto e = member.unescaped_key().get(key)) return e;
    od::value v;
    if (auto e = member.value().get(v)) return e;
    if (!seen.Insert(key)) {
      p->Error(kErrDuplicateField, key, fmt::format("`{}` appears twice", Impl::Clip(key)));
      continue;
    }
    if (key == "consignee") {
      if (auto e = ParseConsigneeObject(p, v)) return e;
      continue;
    }
    if (key == "end_use") {
      if (auto e = ParseEndUseArray(p, v)) return e;
      continue;
    }
    if (key == "item") {
      bool handled = false;
      if (auto e = ParseTopItem(p, v, p->item(), &handled)) return e;
      if (handled) {
        p->MarkItem();
        continue;
      }
    }
    Scalar s;
    if (auto e = ReadScalar(v, &s)) return e;
    p->SetTop(key, s);
  }
  return AtEnd(doc) ? sj::SUCCESS : sj::TRAILING_CONTENT;
}

}  // namespace

ShipmentParser::ShipmentParser(const catalog::Catalog* catalog) : catalog_(catalog) {}

void ShipmentParser::ParseJson(std::string_view line, Shipment* out) {
  out->Clear();
  Impl impl(catalog_, out);
  if (static_cast<int64_t>(line.size()) > limits::line_bytes_max) {
    impl.Error(kErrTooLong, "", fmt::format("the line is {} bytes; at most {} are allowed",
                                            line.size(), limits::line_bytes_max));
    return;
  }
  padded_.resize(line.size() + sj::SIMDJSON_PADDING);
  std::memcpy(padded_.data(), line.data(), line.size());
  std::memset(padded_.data() + line.size(), 0, sj::SIMDJSON_PADDING);
  od::document doc;
  sj::error_code e = parser_.iterate(padded_.data(), line.size(), padded_.size()).get(doc);
  if (!e) e = ParseDocument(&impl, doc);
  if (e) {
    impl.Error(kErrInvalidJson, "",
               fmt::format("the line is not a valid JSON object: {}", sj::error_message(e)));
    return;
  }
  impl.Finish();
}

// --- CSV -----------------------------------------------------------------------

namespace {

// CSV columns: the contract's field names, flattened with dots.
constexpr std::string_view kCsvColumns[] = {
    "id", "date", "type", "from", "destination", "item", "units", "end_use",
    "consignee.name", "consignee.parent", "consignee.hq", "consignee.parent_hq", "consignee.veu",
    "item.kind", "item.tpp", "item.die_area_mm2", "item.datacenter", "item.interconnect_gbs",
    "item.dram_bandwidth_gbs", "item.memory_bandwidth_density", "item.training_ops",
    "item.published", "item.derived_from_published", "item.base_training_ops",
    "item.additional_training_ops"};

}  // namespace

std::vector<std::string> ShipmentParser::SetCsvHeader(const std::vector<std::string_view>& cells) {
  std::vector<std::string> problems;
  csv_columns_.assign(cells.size(), -1);
  std::vector<bool> seen(std::size(kCsvColumns), false);
  for (size_t i = 0; i < cells.size(); ++i) {
    std::string_view name = TrimRight(cells[i]);
    for (size_t c = 0; c < std::size(kCsvColumns); ++c) {
      if (kCsvColumns[c] == name) csv_columns_[i] = static_cast<int>(c);
    }
    if (csv_columns_[i] < 0) {
      problems.push_back(fmt::format("unknown CSV column `{}`", Impl::Clip(name)));
    } else if (seen[static_cast<size_t>(csv_columns_[i])]) {
      problems.push_back(fmt::format("CSV column `{}` appears twice", name));
    } else {
      seen[static_cast<size_t>(csv_columns_[i])] = true;
    }
  }
  return problems;
}

void ShipmentParser::ParseCsvRow(const std::vector<std::string_view>& cells, Shipment* out) {
  out->Clear();
  Impl impl(catalog_, out);
  // JSON input is validated by simdjson; CSV cells must be checked here, or a
  // stray byte would reach the JSON output.
  for (std::string_view cell : cells) {
    if (!sj::validate_utf8(cell.data(), cell.size())) {
      impl.Error(kErrInvalidValue, "", "the row is not valid UTF-8");
      return;
    }
  }
  if (cells.size() != csv_columns_.size()) {
    impl.Error(kErrInvalidValue, "",
               fmt::format("the row has {} cells; the header has {}", cells.size(),
                           csv_columns_.size()));
  }
  ItemFields f;
  bool item_fields = false;
  for (size_t i = 0; i < cells.size() && i < csv_columns_.size(); ++i) {
    if (cells[i].empty() || csv_columns_[i] < 0) continue;
    std::string_view column = kCsvColumns[csv_columns_[i]];
    Scalar s{Scalar::kCsv, cells[i], false};
    if (column.rfind("consignee.", 0) == 0) {
      impl.SetConsignee(column.substr(10), s);
    } else if (column.rfind("item.", 0) == 0) {
      item_fields = true;
      impl.SetItemField("item", column.substr(5), s, &f);
    } else if (column == "item" && cells[i].front() == '{') {
      ParseCsvItemJson(&impl, cells[i], out);
    } else {
      impl.SetTop(column, s);
    }
  }
  if (item_fields) {
    if (impl.have_item_) {
      impl.Error(kErrInvalidValue, "item", "give either `item` or `item.*` columns, not both");
    } else {
      impl.ResolveItem("item", &f, &out->item, /*nested=*/false);
      impl.MarkItem();
    }
  }
  impl.Finish();
}

void ShipmentParser::ParseCsvItemJson(Impl* impl, std::string_view text, Shipment* out) {
  impl->MarkItem();
  padded_.resize(text.size() + sj::SIMDJSON_PADDING);
  std::memcpy(padded_.data(), text.data(), text.size());
  std::memset(padded_.data() + text.size(), 0, sj::SIMDJSON_PADDING);
  od::document doc;
  od::object obj;
  ItemFields f;
  sj::error_code e = parser_.iterate(padded_.data(), text.size(), padded_.size()).get(doc);
  if (!e) e = doc.get_object().get(obj);
  if (!e) e = ParseIcObject(impl, obj, "item", &f, /*nested=*/false);
  if (!e && !AtEnd(doc)) e = sj::TRAILING_CONTENT;
  if (e) {
    impl->Error(kErrInvalidJson, "item",
                fmt::format("`item` is not a valid JSON object: {}", sj::error_message(e)));
    return;
  }
  impl->ResolveItem("item", &f, &out->item, /*nested=*/false);
}

bool SplitCsv(std::string_view line, std::vector<std::string_view>* cells, std::string* buffer) {
  cells->clear();
  buffer->clear();
  buffer->reserve(line.size());
  // Unquoted cells are views into `line`; quoted ones are unescaped into
  // `buffer`, which is reserved up front so its views stay valid.
  size_t i = 0;
  while (true) {
    if (i < line.size() && line[i] == '"') {
      size_t start = buffer->size();
      ++i;
      while (true) {
        if (i >= line.size()) return false;
        if (line[i] == '"') {
          if (i + 1 < line.size() && line[i + 1] == '"') {
            buffer->push_back('"');
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        buffer->push_back(line[i++]);
      }
      cells->emplace_back(buffer->data() + start, buffer->size() - start);
      if (i < line.size() && line[i] != ',') return false;
    } else {
      size_t end = line.find(',', i);
      if (end == std::string_view::npos) end = line.size();
      cells->push_back(TrimRight(line.substr(i, end - i)));
      i = end;
    }
    if (i >= line.size()) return true;
    ++i;  // the comma
    if (i == line.size()) {
      cells->emplace_back();
      return true;
    }
  }
}

}  // namespace highfence::io
