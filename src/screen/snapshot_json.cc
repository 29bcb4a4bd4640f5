// The CSL's JSON download ({"results": [...]}) and its compact projection
// ({"tables": {...}, "entries": [...]}), read with simdjson's DOM parser through
// its error-code interface (nothing here throws).
#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>

#include "screen/limits.h"
#include "screen/snapshot.h"

namespace highfence::screen::detail {
namespace {

namespace dom = simdjson::dom;

// Errors name the row (1-based) and the field.
Status FieldError(std::string_view what, size_t row, std::string_view field) {
  return Status::InvalidArgument(fmt::format("{} {}: `{}` has the wrong type", what, row, field));
}

// A string, or a number written as text; null and absent read as "".
Status OptionalText(dom::object o, std::string_view key, std::string* out) {
  dom::element v;
  if (o[key].get(v) != simdjson::SUCCESS || v.is_null()) return Status::Ok();
  std::string_view s;
  int64_t n = 0;
  if (v.get_string().get(s) == simdjson::SUCCESS) {
    *out = CollapseSpace(s);
  } else if (v.get_int64().get(n) == simdjson::SUCCESS) {
    *out = std::to_string(n);
  } else {
    return Status::InvalidArgument(std::string(key));
  }
  return Status::Ok();
}

// An array of strings, or one "; "-joined string; null and absent read as {}.
Status OptionalStrings(dom::object o, std::string_view key, std::vector<std::string>* out) {
  dom::element v;
  if (o[key].get(v) != simdjson::SUCCESS || v.is_null()) return Status::Ok();
  std::string_view s;
  if (v.get_string().get(s) == simdjson::SUCCESS) {
    *out = SplitList(s);
    return Status::Ok();
  }
  dom::array a;
  if (v.get_array().get(a) != simdjson::SUCCESS || a.size() > limits::alt_names_max) {
    return Status::InvalidArgument(std::string(key));
  }
  for (dom::element item : a) {
    if (item.get_string().get(s) != simdjson::SUCCESS)
      return Status::InvalidArgument(std::string(key));
    std::string text = CollapseSpace(s);
    if (!text.empty()) out->push_back(std::move(text));
  }
  return Status::Ok();
}

// addresses: [{"country": "CN", ...}, ...] -> distinct country codes.
Status AddressCountries(dom::object row, std::vector<std::string>* out) {
  dom::element v;
  if (row["addresses"].get(v) != simdjson::SUCCESS || v.is_null()) return Status::Ok();
  dom::array a;
  if (v.get_array().get(a) != simdjson::SUCCESS) return Status::InvalidArgument("addresses");
  for (dom::element item : a) {
    dom::object address;
    if (item.get_object().get(address) != simdjson::SUCCESS) {
      return Status::InvalidArgument("addresses");
    }
    std::string code;
    if (!OptionalText(address, "country", &code).ok()) return Status::InvalidArgument("addresses");
    if (code.size() == 2 && std::find(out->begin(), out->end(), code) == out->end()) {
      out->push_back(code);
    }
  }
  return Status::Ok();
}

Status ReadResultRow(dom::object o, ListEntry* e) {
  struct Text {
    std::string_view key;
    std::string* field;
  };
  for (const Text& t :
       {Text{"id", &e->id}, Text{"source", &e->source}, Text{"entity_number", &e->entity_number},
        Text{"type", &e->type}, Text{"name", &e->name},
        Text{"federal_register_notice", &e->federal_register_notice},
        Text{"start_date", &e->start_date}, Text{"license_requirement", &e->license_requirement},
        Text{"license_policy", &e->license_policy}, Text{"source_list_url", &e->source_list_url}}) {
    HF_RETURN_IF_ERROR(OptionalText(o, t.key, t.field));
  }
  HF_RETURN_IF_ERROR(OptionalStrings(o, "alt_names", &e->alt_names));
  std::vector<std::string> programs;
  HF_RETURN_IF_ERROR(OptionalStrings(o, "programs", &programs));
  for (const std::string& p : programs) e->programs += (e->programs.empty() ? "" : "; ") + p;
  HF_RETURN_IF_ERROR(AddressCountries(o, &e->countries));
  e->list = ListCode(e->source);
  return Status::Ok();
}

Status ParseResults(dom::object root, dom::array results, ListSnapshot* out) {
  out->info.format = "json";
  std::string generated;
  (void)OptionalText(root, "search_performed_at", &generated);
  out->info.generated_at = generated;
  size_t row = 0;
  for (dom::element item : results) {
    ++row;
    dom::object o;
    if (item.get_object().get(o) != simdjson::SUCCESS) {
      return Status::InvalidArgument(fmt::format("result {}: not an object", row));
    }
    ListEntry e;
    Status s = ReadResultRow(o, &e);
    if (!s.ok()) return FieldError("result", row, s.message());
    if (e.name.empty() || e.source.empty()) {
      return Status::InvalidArgument(
          fmt::format("result {}: `name` and `source` are required", row));
    }
    out->entries.push_back(std::move(e));
  }
  return Status::Ok();
}

// --- the compact projection ----------------------------------------------------

struct Tables {
  std::vector<std::string> sources, requirements, policies, programmes, urls;
};

Status ReadTable(dom::object tables, std::string_view key, std::vector<std::string>* out) {
  dom::array a;
  if (tables[key].get_array().get(a) != simdjson::SUCCESS) {
    return Status::InvalidArgument(fmt::format("tables.{} must be an array of strings", key));
  }
  for (dom::element item : a) {
    std::string_view s;
    if (item.get_string().get(s) != simdjson::SUCCESS) {
      return Status::InvalidArgument(fmt::format("tables.{} must be an array of strings", key));
    }
    out->push_back(CollapseSpace(s));
  }
  return Status::Ok();
}

// An optional index into `table`; absent reads as "".
Status Interned(dom::object o, std::string_view key, const std::vector<std::string>& table,
                std::string* out) {
  dom::element v;
  if (o[key].get(v) != simdjson::SUCCESS) return Status::Ok();
  uint64_t index = 0;
  if (v.get_uint64().get(index) != simdjson::SUCCESS || index >= table.size()) {
    return Status::InvalidArgument(std::string(key));
  }
  *out = table[index];
  return Status::Ok();
}

Status ReadCompactRow(dom::object o, const Tables& t, ListEntry* e) {
  HF_RETURN_IF_ERROR(OptionalText(o, "n", &e->name));
  HF_RETURN_IF_ERROR(OptionalStrings(o, "a", &e->alt_names));
  HF_RETURN_IF_ERROR(OptionalStrings(o, "c", &e->countries));
  HF_RETURN_IF_ERROR(OptionalText(o, "t", &e->type));
  HF_RETURN_IF_ERROR(OptionalText(o, "e", &e->entity_number));
  HF_RETURN_IF_ERROR(OptionalText(o, "fr", &e->federal_register_notice));
  HF_RETURN_IF_ERROR(Interned(o, "s", t.sources, &e->source));
  HF_RETURN_IF_ERROR(Interned(o, "lr", t.requirements, &e->license_requirement));
  HF_RETURN_IF_ERROR(Interned(o, "lp", t.policies, &e->license_policy));
  HF_RETURN_IF_ERROR(Interned(o, "pg", t.programmes, &e->programs));
  HF_RETURN_IF_ERROR(Interned(o, "u", t.urls, &e->source_list_url));
  e->list = ListCode(e->source);
  return Status::Ok();
}

Status ParseCompact(dom::object root, dom::array entries, ListSnapshot* out) {
  out->info.format = "compact-json";
  (void)OptionalText(root, "sourceGeneratedAt", &out->info.generated_at);
  dom::object tables;
  if (root["tables"].get_object().get(tables) != simdjson::SUCCESS) {
    return Status::InvalidArgument("a compact list needs a `tables` object");
  }
  Tables t;
  HF_RETURN_IF_ERROR(ReadTable(tables, "sources", &t.sources));
  HF_RETURN_IF_ERROR(ReadTable(tables, "licenceRequirements", &t.requirements));
  HF_RETURN_IF_ERROR(ReadTable(tables, "licencePolicies", &t.policies));
  HF_RETURN_IF_ERROR(ReadTable(tables, "programmes", &t.programmes));
  HF_RETURN_IF_ERROR(ReadTable(tables, "urls", &t.urls));
  size_t row = 0;
  for (dom::element item : entries) {
    ++row;
    dom::object o;
    if (item.get_object().get(o) != simdjson::SUCCESS) {
      return Status::InvalidArgument(fmt::format("entry {}: not an object", row));
    }
    ListEntry e;
    Status s = ReadCompactRow(o, t, &e);
    if (!s.ok()) return FieldError("entry", row, s.message());
    if (e.name.empty() || e.source.empty()) {
      return Status::InvalidArgument(fmt::format("entry {}: `n` and `s` are required", row));
    }
    out->entries.push_back(std::move(e));
  }
  return Status::Ok();
}

}  // namespace

Status ParseJson(std::string_view bytes, ListSnapshot* out) {
  dom::parser parser;
  dom::element doc;
  simdjson::padded_string padded(bytes);
  if (simdjson::error_code e = parser.parse(padded).get(doc); e != simdjson::SUCCESS) {
    return Status::InvalidArgument(fmt::format("not valid JSON: {}", simdjson::error_message(e)));
  }
  dom::object root;
  if (doc.get_object().get(root) != simdjson::SUCCESS) {
    return Status::InvalidArgument("a JSON list must be an object");
  }
  dom::array rows;
  const bool compact = root["entries"].get_array().get(rows) == simdjson::SUCCESS;
  if (!compact && root["results"].get_array().get(rows) != simdjson::SUCCESS) {
    return Status::InvalidArgument(
        "a JSON list holds `results` (the CSL download) or `entries` "
        "(the compact form)");
  }
  if (rows.size() > limits::entries_max) {
    return Status::LimitExceeded(fmt::format("more than {} rows", limits::entries_max));
  }
  return compact ? ParseCompact(root, rows, out) : ParseResults(root, rows, out);
}

}  // namespace highfence::screen::detail
