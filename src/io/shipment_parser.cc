#include "io/shipment_parser.h"

#include <fmt/format.h>

#include <array>
#include <cstring>
#include <optional>

#include "base/limits.h"
#include "io/shipment_fields.h"

namespace highfence::io {
namespace sj = simdjson;
namespace od = simdjson::ondemand;

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
bool AtEnd(od::document& doc) { return doc.current_location().error() == sj::OUT_OF_BOUNDS; }

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
    impl.Error(kErrTooLong, "",
               fmt::format("the line is {} bytes; at most {} are allowed", line.size(),
                           limits::line_bytes_max));
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

// A CSV `item` cell holding a JSON item object.
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

}  // namespace highfence::io
