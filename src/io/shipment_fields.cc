// ShipmentParser::Impl: the field setters shared by JSON and CSV input, with
// every check and error message. A problem is a FieldError naming the field.
#include "io/shipment_fields.h"

#include <fmt/format.h>

#include <algorithm>

#include "base/end_use.h"
#include "base/limits.h"
#include "catalog/catalog.h"
#include "io/suggest.h"

namespace highfence::io {
namespace {

// Field names by object, for "did you mean" hints on an unknown field.
constexpr std::string_view kTopFields[] = {"id",   "date",  "type",      "from",    "destination",
                                           "item", "units", "consignee", "end_use", "region"};
constexpr std::string_view kConsigneeFields[] = {"name", "parent", "hq",       "parent_hq",
                                                 "veu",  "id",     "parent_id"};
constexpr std::string_view kItemFields[] = {"kind",
                                            "tpp",
                                            "die_area_mm2",
                                            "datacenter",
                                            "interconnect_gbs",
                                            "dram_bandwidth_gbs",
                                            "memory_bandwidth_density",
                                            "contains",
                                            "training_ops",
                                            "published",
                                            "derived_from_published",
                                            "base_training_ops",
                                            "additional_training_ops",
                                            "eccn",
                                            "hts"};

std::string_view KindName(Scalar::Kind k) {
  switch (k) {
    case Scalar::kString:
      return "a string";
    case Scalar::kNumber:
      return "a number";
    case Scalar::kBool:
      return "a boolean";
    case Scalar::kNull:
      return "null";
    case Scalar::kCsv:
      return "text";
    case Scalar::kOther:
      return "an array or object";
  }
  return "a value";
}

}  // namespace

std::string_view TrimRight(std::string_view s) {
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

void ShipmentParser::Impl::Error(std::string_view code, std::string_view field,
                                 std::string message) {
  if (out_->errors.size() >= static_cast<size_t>(limits::reasons_max)) return;
  out_->errors.push_back({std::string(code), std::string(field), std::move(message)});
}

bool ShipmentParser::Impl::ExpectKind(std::string_view field, const Scalar& s, Scalar::Kind want) {
  if (s.kind == want || s.kind == Scalar::kCsv) return true;
  Error(kErrWrongType, field,
        fmt::format("`{}` must be {}, not {}", field, KindName(want), KindName(s.kind)));
  return false;
}

bool ShipmentParser::Impl::SetString(std::string_view field, const Scalar& s, int64_t max_bytes,
                                     std::string* out) {
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

std::optional<Fixed> ShipmentParser::Impl::GetFixed(std::string_view field, const Scalar& s,
                                                    int64_t max_units, bool allow_zero) {
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

std::optional<int64_t> ShipmentParser::Impl::GetInt(std::string_view field, const Scalar& s,
                                                    int64_t min, int64_t max) {
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
    overflow =
        overflow || __builtin_mul_overflow(v, 10, &v) || __builtin_add_overflow(v, c - '0', &v);
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

std::optional<bool> ShipmentParser::Impl::GetBool(std::string_view field, const Scalar& s) {
  if (s.kind == Scalar::kBool) return s.boolean;
  if (s.kind == Scalar::kCsv && (s.text == "true" || s.text == "false")) return s.text == "true";
  Error(kErrWrongType, field, fmt::format("`{}` must be true or false", field));
  return std::nullopt;
}

std::optional<CountryCode> ShipmentParser::Impl::GetCountry(std::string_view field,
                                                            const Scalar& s) {
  if (!ExpectKind(field, s, Scalar::kString)) return std::nullopt;
  std::optional<CountryCode> c = CountryCode::Parse(s.text);
  if (!c) {
    Error(kErrInvalidValue, field,
          fmt::format("`{}` must be an ISO 3166-1 alpha-2 code such as `DE`, got `{}`{}", field,
                      Clip(s.text), CountryHint(s.text)));
  }
  return c;
}

std::optional<Magnitude> ShipmentParser::Impl::GetMagnitude(std::string_view field,
                                                            const Scalar& s) {
  if (!ExpectKind(field, s, Scalar::kNumber)) return std::nullopt;
  std::optional<Magnitude> m = Magnitude::Parse(s.text);
  if (!m) {
    Error(kErrInvalidValue, field,
          fmt::format("`{}` must be a non-negative number such as 3e26, got `{}`", field,
                      Clip(s.text)));
  }
  return m;
}

std::string ShipmentParser::Impl::Clip(std::string_view t) {
  if (t.size() <= 40) return std::string(t);
  return std::string(t.substr(0, 40)) + "...";
}

void ShipmentParser::Impl::SetTop(std::string_view key, const Scalar& s) {
  if (key == "id") {
    // The contract counts characters: a 128-character id of accented letters
    // is up to 4 x 128 bytes.
    if (SetString("id", s, limits::shipment_id_chars_max * 4, &out_->id)) {
      size_t chars = 0;
      for (char c : out_->id) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
      if (out_->id.empty()) {
        Error(kErrInvalidValue, "id", "`id` must not be empty");
      } else if (static_cast<int64_t>(chars) > limits::shipment_id_chars_max) {
        Error(kErrTooLong, "id",
              fmt::format("`id` has {} characters; at most {} are allowed", chars,
                          limits::shipment_id_chars_max));
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
    if (s.text == "export")
      out_->type = ShipmentType::kExport;
    else if (s.text == "reexport")
      out_->type = ShipmentType::kReexport;
    else if (s.text == "transfer")
      out_->type = ShipmentType::kTransfer;
    else
      Error(
          kErrInvalidValue, "type",
          fmt::format("`type` must be `export`, `reexport` or `transfer`, got `{}`", Clip(s.text)));
  } else if (key == "from") {
    if (auto c = GetCountry("from", s)) {
      out_->from = *c;
      out_->from_stated = true;
    }
  } else if (key == "region") {
    SetRegion(s);
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
    Error(kErrUnknownField, key,
          fmt::format("unknown field `{}`{}", Clip(key), DidYouMean(key, kTopFields)));
  }
}

void ShipmentParser::Impl::SetRegion(const Scalar& s) {
  if (s.kind == Scalar::kNull || (s.kind == Scalar::kCsv && s.text.empty())) return;
  if (!ExpectKind("region", s, Scalar::kString)) return;
  // The contract's names, and the ISO 3166-2 codes of the same regions
  // (rules.md section 16.5).
  static constexpr std::pair<std::string_view, Region> kNames[] = {
      {"crimea", Region::kCrimea},   {"sevastopol", Region::kCrimea},
      {"UA-43", Region::kCrimea},    {"UA-40", Region::kCrimea},
      {"donetsk", Region::kDonetsk}, {"UA-14", Region::kDonetsk},
      {"luhansk", Region::kLuhansk}, {"UA-09", Region::kLuhansk},
      {"zaporizhzhia", Region::kZaporizhzhia}, {"UA-23", Region::kZaporizhzhia},
      {"kherson", Region::kKherson}, {"UA-65", Region::kKherson}};
  for (const auto& [name, region] : kNames) {
    if (s.text == name) {
      out_->region = region;
      return;
    }
  }
  Error(kErrInvalidValue, "region",
        fmt::format("`region` must be `crimea`, `donetsk`, `luhansk`, `zaporizhzhia` or "
                    "`kherson` (or its ISO 3166-2 code), got `{}`",
                    Clip(s.text)));
}

void ShipmentParser::Impl::SetItemId(std::string_view field, const Scalar& s, Item* item) {
  if (!ExpectKind(field, s, Scalar::kString)) return;
  if (static_cast<int64_t>(s.text.size()) > limits::catalog_id_bytes_max) {
    Error(kErrTooLong, field,
          fmt::format("`{}` is longer than {} bytes", field, limits::catalog_id_bytes_max));
    return;
  }
  const catalog::Accelerator* a = catalog_->Find(s.text);
  if (a == nullptr) {
    Error(kErrUnknownItem, field,
          fmt::format("`{}` is not in the catalog{} (see `highfence classify --list`)",
                      Clip(s.text), CatalogHint(s.text, *catalog_)));
    return;
  }
  item->kind = ItemKind::kIc;
  item->catalog_id.assign(s.text);
  item->ic = IcFromCatalog(a);
}

IcSpec ShipmentParser::Impl::IcFromCatalog(const catalog::Accelerator* a) {
  IcSpec ic;
  ic.tpp = a->tpp;
  ic.die_area_mm2 = a->die_area_mm2;
  ic.datacenter = a->datacenter;
  ic.interconnect_gbs = a->interconnect_gbs;
  ic.dram_bandwidth_gbs = a->dram_bandwidth_gbs;
  ic.accelerator = a;
  return ic;
}

void ShipmentParser::Impl::AddEndUse(std::string_view tag) {
  if (std::optional<uint8_t> bit = EndUseBit(tag)) {
    out_->end_use |= *bit;
    return;
  }
  Error(kErrInvalidValue, "end_use",
        fmt::format("unknown end use `{}`; known: military, wmd, frontier_training, "
                    "development, production, storage",
                    Clip(tag)));
}

void ShipmentParser::Impl::SetEndUses(std::string_view cell) {
  size_t start = 0;
  while (start <= cell.size()) {
    size_t end = cell.find_first_of(";|", start);
    if (end == std::string_view::npos) end = cell.size();
    std::string_view tag = cell.substr(start, end - start);
    if (!tag.empty()) AddEndUse(tag);
    start = end + 1;
  }
}

// consignee.id or consignee.parent_id: absent when null or an empty CSV cell;
// otherwise it must hold a letter or digit, which its party key keeps.
void ShipmentParser::Impl::SetPartyId(std::string_view key, const Scalar& s, std::string* out) {
  if (s.kind == Scalar::kNull || (s.kind == Scalar::kCsv && s.text.empty())) return;
  std::string field = fmt::format("consignee.{}", key);
  if (!SetString(field, s, limits::party_id_bytes_max, out)) return;
  auto alnum = [](char ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
  };
  if (std::none_of(out->begin(), out->end(), alnum)) {
    Error(kErrInvalidValue, field,
          fmt::format("`{}` must hold a letter a-z or a digit, got `{}`", field, Clip(*out)));
    out->clear();
  }
}

void ShipmentParser::Impl::SetConsignee(std::string_view key, const Scalar& s) {
  Consignee& c = out_->consignee;
  if (key == "name") {
    SetString("consignee.name", s, limits::party_name_bytes_max, &c.name);
  } else if (key == "parent") {
    SetString("consignee.parent", s, limits::party_name_bytes_max, &c.parent);
  } else if (key == "id" || key == "parent_id") {
    SetPartyId(key, s, key == "id" ? &c.id : &c.parent_id);
  } else if (key == "hq") {
    if (s.kind != Scalar::kNull) c.hq = GetCountry("consignee.hq", s);
  } else if (key == "parent_hq") {
    if (s.kind != Scalar::kNull) c.parent_hq = GetCountry("consignee.parent_hq", s);
  } else if (key == "veu") {
    if (s.kind == Scalar::kNull || (s.kind == Scalar::kCsv && s.text.empty())) {
      c.veu = Veu::kNone;
    } else if (ExpectKind("consignee.veu", s, Scalar::kString)) {
      if (s.text == "UVEU")
        c.veu = Veu::kUniversal;
      else if (s.text == "NVEU")
        c.veu = Veu::kNational;
      else
        Error(
            kErrInvalidValue, "consignee.veu",
            fmt::format("`consignee.veu` must be null, `UVEU` or `NVEU`, got `{}`", Clip(s.text)));
    }
  } else {
    Error(kErrUnknownField, fmt::format("consignee.{}", Clip(key)),
          fmt::format("unknown field `consignee.{}`{}", Clip(key),
                      DidYouMean(key, kConsigneeFields)));
  }
}

void ShipmentParser::Impl::SetItemField(std::string_view prefix, std::string_view key,
                                        const Scalar& s, ItemFields* f) {
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
  } else if (key == "eccn") {
    SetStatedEccn(field, s, f);
  } else if (key == "hts") {
    SetHts(field, s, f);
  } else {
    --f->present_count;
    Error(kErrUnknownField, field,
          fmt::format("unknown field `{}`{}", field, DidYouMean(key, kItemFields)));
  }
}

void ShipmentParser::Impl::SetCsvContains(std::string_view cell, ItemFields* f) {
  f->has_contains = true;
  size_t index = 0;
  for (size_t start = 0; start <= cell.size(); ++index) {
    size_t end = cell.find(';', start);
    if (end == std::string_view::npos) end = cell.size();
    std::string_view part = cell.substr(start, end - start);
    start = end + 1;
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    part = TrimRight(part);
    std::string at = fmt::format("item.contains[{}]", index);
    if (static_cast<int64_t>(index) >= limits::computer_parts_max) {
      Error(kErrOutOfRange, "item.contains",
            fmt::format("`item.contains` may list at most {} parts", limits::computer_parts_max));
      return;
    }
    size_t star = part.rfind('*');
    if (star == std::string_view::npos) {
      Error(kErrInvalidValue, at,
            fmt::format("`{}` must be `catalog-id*count` (e.g. `nvidia-h100-sxm*8`), got `{}`", at,
                        Clip(part)));
      continue;
    }
    Scalar id{Scalar::kCsv, TrimRight(part.substr(0, star)), false};
    Scalar count{Scalar::kCsv, part.substr(star + 1), false};
    while (!count.text.empty() && count.text.front() == ' ') count.text.remove_prefix(1);
    Item nested;
    size_t errors_before = error_count();
    SetItemId(at + ".item", id, &nested);
    std::optional<int64_t> n = GetInt(at + ".count", count, 1, limits::part_count_max);
    if (n && error_count() == errors_before) f->parts.push_back({nested.ic, *n});
  }
}

// The caller's own ECCN: `EAR99`, or an ECCN such as `3A991`, `5A992.c`.
void ShipmentParser::Impl::SetStatedEccn(const std::string& field, const Scalar& s,
                                         ItemFields* f) {
  std::string eccn;
  if (!SetString(field, s, 24, &eccn)) return;
  auto is_eccn = [](std::string_view e) {
    if (e.size() < 5 || e[0] < '0' || e[0] > '9' || e[1] < 'A' || e[1] > 'E') return false;
    for (size_t i = 2; i < 5; ++i) {
      if (e[i] < '0' || e[i] > '9') return false;
    }
    if (e.size() == 5) return true;
    if (e[5] != '.' || e.size() == 6) return false;
    for (char c : e.substr(6)) {
      bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.';
      if (!ok) return false;
    }
    return true;
  };
  if (eccn != "EAR99" && !is_eccn(eccn)) {
    Error(kErrInvalidValue, field,
          fmt::format("`{}` must be `EAR99` or an ECCN such as `3A991` or `5A992.c`, got `{}`",
                      field, Clip(eccn)));
    return;
  }
  f->eccn = std::move(eccn);
}

// A 6-digit HTS code (dots allowed: `8542.31`).
void ShipmentParser::Impl::SetHts(const std::string& field, const Scalar& s, ItemFields* f) {
  std::string text;
  if (!SetString(field, s, 16, &text)) return;
  std::string digits;
  bool ok = true;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      digits.push_back(c);
    } else if (c != '.') {
      ok = false;
    }
  }
  if (!ok || digits.size() != 6) {
    Error(kErrInvalidValue, field,
          fmt::format("`{}` must be a 6-digit HTS code such as `854231`, got `{}`", field,
                      Clip(text)));
    return;
  }
  f->hts = std::move(digits);
}

void ShipmentParser::Impl::ResolveItem(std::string_view prefix, ItemFields* f, Item* item,
                                       bool nested) {
  std::string_view kind = f->kind ? std::string_view(*f->kind) : "ic";
  static constexpr std::string_view kIcKeys[] = {"kind",         "tpp",
                                                 "die_area_mm2", "datacenter",
                                                 "interconnect_gbs", "dram_bandwidth_gbs",
                                                 "eccn",         "hts"};
  static constexpr std::string_view kHbmKeys[] = {"kind", "memory_bandwidth_density", "eccn",
                                                  "hts"};
  static constexpr std::string_view kComputerKeys[] = {"kind", "contains", "eccn", "hts"};
  static constexpr std::string_view kModelKeys[] = {"kind",
                                                    "eccn",
                                                    "training_ops",
                                                    "published",
                                                    "derived_from_published",
                                                    "base_training_ops",
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
  if (nested && (f->eccn || f->hts)) {
    Error(kErrUnknownField, fmt::format("{}.{}", prefix, f->eccn ? "eccn" : "hts"),
          "`eccn` and `hts` classify the item shipped, not an IC inside it");
  } else {
    if (f->eccn) item->eccn = std::move(*f->eccn);
    if (f->hts) item->hts = std::move(*f->hts);
  }
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
    item->ic.datacenter_stated = f->datacenter.has_value();
    item->ic.interconnect_gbs = f->interconnect;
    item->ic.dram_bandwidth_gbs = f->dram_bandwidth;
  } else if (nested) {
    Error(kErrInvalidValue, field_kind,
          fmt::format("`{}` inside `contains` must be an integrated circuit", field_kind));
  } else if (kind == "hbm") {
    allow(kHbmKeys);
    item->kind = ItemKind::kHbm;
    if (f->hbm_density)
      item->hbm_density_gbs_per_mm2 = *f->hbm_density;
    else
      RequireOnce(fmt::format("{}.memory_bandwidth_density", prefix), "high-bandwidth memory");
  } else if (kind == "computer") {
    allow(kComputerKeys);
    item->kind = ItemKind::kComputer;
    item->parts = std::move(f->parts);
    if (!f->has_contains) {
      RequireOnce(fmt::format("{}.contains", prefix), "a computer");
    } else if (item->parts.empty() && !HasError(fmt::format("{}.contains", prefix))) {
      // An empty list says nothing about the ICs: never read it as TPP 0.
      Error(kErrMissingField, fmt::format("{}.contains", prefix),
            fmt::format("a computer needs at least one IC in `{}.contains`", prefix));
    }
  } else if (kind == "model_weights") {
    allow(kModelKeys);
    ResolveModel(prefix, *f, item);
  } else {
    Error(kErrInvalidValue, field_kind,
          fmt::format("`{}` must be `ic`, `hbm`, `computer` or `model_weights`, got `{}`",
                      field_kind, Clip(kind)));
  }
}

void ShipmentParser::Impl::ResolveModel(std::string_view prefix, const ItemFields& f, Item* item) {
  item->kind = ItemKind::kModelWeights;
  ModelSpec& m = item->model;
  if (f.training_ops)
    m.training_ops = *f.training_ops;
  else
    RequireOnce(fmt::format("{}.training_ops", prefix), "model weights");
  m.published = f.published.value_or(false);
  m.published_stated = f.published.has_value();
  m.derived_from_published = f.derived.value_or(false);
  m.base_training_ops = f.base_ops;
  m.additional_training_ops = f.additional_ops;
  if (m.derived_from_published && !m.additional_training_ops) {
    RequireOnce(fmt::format("{}.additional_training_ops", prefix),
                "a model derived from a published model");
  }
}

void ShipmentParser::Impl::RequireOnce(const std::string& field, std::string_view what) {
  if (HasError(field)) return;
  Error(kErrMissingField, field, fmt::format("{} needs `{}`", what, field));
}

bool ShipmentParser::Impl::HasError(std::string_view field) const {
  for (const FieldError& e : out_->errors) {
    if (e.field == field) return true;
  }
  return false;
}

void ShipmentParser::Impl::Finish() {
  if (out_->id.empty() && !HasError("id")) Error(kErrMissingField, "id", "`id` is required");
  if (!have_date_ && !HasError("date")) Error(kErrMissingField, "date", "`date` is required");
  if (!have_destination_ && !HasError("destination")) {
    Error(kErrMissingField, "destination", "`destination` is required");
  }
  if (!have_item_ && !HasError("item")) Error(kErrMissingField, "item", "`item` is required");
  if (!have_units_ && !HasError("units")) Error(kErrMissingField, "units", "`units` is required");
  if (out_->type == ShipmentType::kTransfer) {
    // rules.md D24: a transfer stays in one country; `from` defaults to it.
    if (!out_->from_stated) {
      out_->from = out_->destination;
    } else if (have_destination_ && out_->from != out_->destination) {
      Error(kErrInvalidValue, "from",
            fmt::format("an in-country transfer stays in one country: `from` ({}) differs from "
                        "`destination` ({})",
                        out_->from.str(), out_->destination.str()));
    }
  }
  if (out_->region != Region::kNone && have_destination_) {
    static const CountryCode kUa = *CountryCode::Parse("UA");  // constants: always parse
    static const CountryCode kRu = *CountryCode::Parse("RU");
    static const CountryCode kBy = *CountryCode::Parse("BY");
    CountryCode d = out_->destination;
    if (d != kUa && d != kRu && d != kBy) {
      Error("region_not_applicable", "region",
            fmt::format("`region` names a region of Ukraine; it applies with `destination` UA "
                        "(or RU or BY), not {}",
                        d.str()));
    }
  }
  if (out_->item.kind == ItemKind::kModelWeights && have_units_ && out_->units != 1) {
    Error(kErrOutOfRange, "units", "`units` must be 1 for model weights");
  }
}

}  // namespace highfence::io
