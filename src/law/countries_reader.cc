// countries.toml (law/README.md): every country code with its names.
#include <algorithm>

#include "law/file_readers.h"

namespace highfence::law::reader {
namespace {

std::optional<Country> ParseCountry(std::string_view code, const toml::node& n, const FileCtx& f) {
  const std::string path = Join("countries", code);
  Country c;
  std::optional<CountryCode> parsed = CountryCode::Parse(code);
  bool ok = parsed.has_value();
  if (parsed) {
    c.code = *parsed;
  } else {
    f.Add(path, "unknown country code " + Quoted(code));
  }
  const auto* t = n.as_table();
  if (t == nullptr) {
    WrongType(f, path, "a table {name = \"...\"}", n);
    return std::nullopt;
  }
  ok &= CheckKeys(*t, {"name", "ecfr_name"}, f, path);
  ok &= GetText(*t, "name", Need::kRequired, f, path, &c.name);
  ok &= GetText(*t, "ecfr_name", Need::kOptional, f, path, &c.ecfr_name);
  if (!c.ecfr_name.empty() && c.ecfr_name == c.name) {
    f.Add(Join(path, "ecfr_name"), "same as name: leave it out");
    ok = false;
  }
  if (!ok) return std::nullopt;
  return c;
}

}  // namespace

bool ParseCountriesFile(const toml::table& root, const FileCtx& f, std::vector<Country>* out) {
  bool ok = CheckKeys(root, {"countries"}, f, "");
  const toml::node* n = root.get("countries");
  const toml::table* t = n ? n->as_table() : nullptr;
  if (t == nullptr || t->size() > static_cast<size_t>(CountryCode::kSlots)) {
    f.Add("countries", "expected a [countries] table of CODE = {name = \"...\"}");
    return false;
  }
  for (auto&& [k, v] : *t) {
    std::optional<Country> c = ParseCountry(k.str(), v, f);
    if (c) {
      out->push_back(std::move(*c));
    } else {
      ok = false;
    }
  }
  std::sort(out->begin(), out->end(),
            [](const Country& a, const Country& b) { return a.code < b.code; });
  return ok;
}

}  // namespace highfence::law::reader
