// Reform files and their application to the law's TOML files. The toml++
// adapter: the only place in src/replay its exceptions are caught.
#include "replay/reform.h"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <fstream>
#include <sstream>

namespace highfence::replay {
namespace {

constexpr size_t kPatchesMax = 256;  // a reform is a handful of patches, not a new law

Result<toml::table> Parse(std::string_view text, std::string_view name) {
#if TOML_EXCEPTIONS
  try {
    return toml::parse(text, name);
  } catch (const toml::parse_error& e) {
    return Status::InvalidArgument(fmt::format("{}:{}:{}: invalid TOML: {}", name,
                                               e.source().begin.line, e.source().begin.column,
                                               e.description()));
  }
#else
  toml::parse_result r = toml::parse(text, name);
  if (!r) {
    return Status::InvalidArgument(
        fmt::format("{}:{}:{}: invalid TOML: {}", name, r.error().source().begin.line,
                    r.error().source().begin.column, r.error().description()));
  }
  return std::move(r).table();
#endif
}

std::string Serialize(const toml::table& t) {
  std::ostringstream out;
  out << toml::toml_formatter(t) << "\n";
  return out.str();
}

toml::date ToToml(Date d) {
  return toml::date{d.year(), static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day())};
}

std::optional<Date> FromToml(const toml::node* n) {
  if (n == nullptr || !n->is_date()) return std::nullopt;
  const toml::date d = n->as_date()->get();
  return Date::Parse(fmt::format("{:04}-{:02}-{:02}", d.year, unsigned(d.month), unsigned(d.day)));
}

// The citation a patch puts on its value.
Result<std::string> CitationOf(const Reform& r, const toml::table& patch, std::string_view where) {
  if (auto c = patch["citation"].value<std::string>(); c && !c->empty()) return *c;
  if (auto why = patch["rationale"].value<std::string>(); why && !why->empty()) {
    return fmt::format("reform {}: {}", r.id, *why);
  }
  return Status::InvalidArgument(
      fmt::format("{}: needs a `citation` or a `rationale` (e.g. \"hypothetical\")", where));
}

toml::table* FindParam(toml::table& law, std::string_view name) {
  toml::table* params = law["params"].as_table();
  return params ? (*params)[name].as_table() : nullptr;
}

// Replaces a parameter's value on every date, or from `from` on.
void Patch(toml::table* param, const toml::node& value, std::optional<Date> from,
           const std::string& citation) {
  if (!from) {
    param->erase("values");
    param->insert_or_assign("value", value);
    param->insert_or_assign("citation", citation);
    return;
  }
  toml::array values;
  if (toml::array* old = (*param)["values"].as_array()) {
    for (toml::node& v : *old) {
      const toml::table* entry = v.as_table();
      std::optional<Date> at = entry ? FromToml(entry->get("from")) : std::nullopt;
      if (at && *at < *from) values.push_back(v);
    }
  } else if (const toml::node* single = param->get("value")) {
    // A single value holds on every date: keep it from the first date the
    // loader accepts, up to the patch.
    toml::table first{{"from", ToToml(Date::FromCivil(1900, 1, 1))}};
    first.insert("value", *single);
    values.push_back(std::move(first));
  }
  toml::table entry{{"from", ToToml(*from)}, {"citation", citation}};
  entry.insert("value", value);
  values.push_back(std::move(entry));
  param->erase("value");
  param->insert_or_assign("values", std::move(values));
}

}  // namespace

namespace {

class Applier {
 public:
  Applier(const Reform& reform, std::vector<law::LawSource> sources)
      : reform_(reform), sources_(std::move(sources)) {
    tables_.resize(sources_.size());
  }

  Status Patch(const toml::table& patch, size_t i) {
    const std::string where = fmt::format("{}: patch[{}]", reform_.source, i);
    const std::string rule = patch["rule"].value<std::string>().value_or("");
    const std::string name = patch["parameter"].value<std::string>().value_or("");
    const toml::node* value = patch.get("value");
    if (rule.empty() || name.empty() || value == nullptr) {
      return Status::InvalidArgument(where + ": needs `rule`, `parameter` and `value`");
    }
    Result<toml::table*> file = File(rule + ".toml", where);
    if (!file.ok()) return file.status();
    toml::table* param = FindParam(**file, name);
    if (param == nullptr) {
      return Status::InvalidArgument(
          fmt::format("{}: law file `{}` has no parameter `{}`", where, rule, name));
    }
    std::optional<Date> from;
    if (const toml::node* on = patch.get("effective_on")) {
      from = FromToml(on);
      if (!from) return Status::InvalidArgument(where + ".effective_on: must be a date");
    }
    Result<std::string> citation = CitationOf(reform_, patch, where);
    if (!citation.ok()) return citation.status();
    replay::Patch(param, *value, from, *citation);
    return Status::Ok();
  }

  Status Membership(const toml::table& m, size_t i) {
    const std::string where = fmt::format("{}: membership[{}]", reform_.source, i);
    const std::string id = m["group"].value<std::string>().value_or("");
    const std::string code = m["country"].value<std::string>().value_or("");
    const std::string action = m["action"].value<std::string>().value_or("");
    if (id.empty() || code.empty() || (action != "add" && action != "remove")) {
      return Status::InvalidArgument(where + ": needs `group`, `country` and `action` add|remove");
    }
    Result<toml::table*> file = File("country-groups.toml", where);
    if (!file.ok()) return file.status();
    toml::table* group = nullptr;
    if (toml::array* groups = (**file)["group"].as_array()) {
      for (toml::node& g : *groups) {
        if (g.as_table() && (*g.as_table())["id"].value<std::string>() == id) group = g.as_table();
      }
    }
    if (group == nullptr)
      return Status::InvalidArgument(fmt::format("{}: no group `{}`", where, id));
    Result<std::string> citation = CitationOf(reform_, m, where);
    if (!citation.ok()) return citation.status();
    return action == "add" ? Add(group, code, m, *citation)
                           : Remove(group, code, m, *citation, where);
  }

  Result<std::vector<law::LawSource>> Finish() {
    for (size_t i = 0; i < sources_.size(); ++i) {
      if (tables_[i]) sources_[i].text = Serialize(*tables_[i]);
    }
    return std::move(sources_);
  }

 private:
  Result<toml::table*> File(const std::string& file, const std::string& where) {
    for (size_t i = 0; i < sources_.size(); ++i) {
      if (sources_[i].name != file) continue;
      if (!tables_[i]) {
        Result<toml::table> t = Parse(sources_[i].text, sources_[i].name);
        if (!t.ok()) return t.status();
        tables_[i] = std::move(t).value();
      }
      return &*tables_[i];
    }
    return Status::InvalidArgument(fmt::format("{}: the law has no file `{}`", where, file));
  }

  static Status Add(toml::table* group, const std::string& code, const toml::table& m,
                    const std::string& citation) {
    toml::table entry{{"code", code}, {"citation", citation}};
    if (const toml::node* from = m.get("from")) entry.insert("from", *from);
    if (const toml::node* until = m.get("until")) entry.insert("until", *until);
    if (!entry.contains("from") && !entry.contains("until")) {
      // An undated member.
      if (toml::array* members = (*group)["members"].as_array()) members->push_back(code);
      return Status::Ok();
    }
    if (!group->contains("dated")) group->insert("dated", toml::array{});
    (*group)["dated"].as_array()->push_back(std::move(entry));
    return Status::Ok();
  }

  static Status Remove(toml::table* group, const std::string& code, const toml::table& m,
                       const std::string& citation, const std::string& where) {
    toml::array* members = (*group)["members"].as_array();
    bool found = false;
    if (members != nullptr) {
      for (size_t i = 0; i < members->size(); ++i) {
        if ((*members)[i].value<std::string>() != code) continue;
        members->erase(members->begin() + static_cast<ptrdiff_t>(i));
        found = true;
        break;
      }
    }
    if (!found) {
      return Status::InvalidArgument(
          fmt::format("{}: `{}` is not an undated member of the group", where, code));
    }
    // Removed from a date on: a member until the day before.
    if (std::optional<Date> from = FromToml(m.get("from"))) {
      toml::table entry{
          {"code", code}, {"until", ToToml(from->AddDays(-1))}, {"citation", citation}};
      if (!group->contains("dated")) group->insert("dated", toml::array{});
      (*group)["dated"].as_array()->push_back(std::move(entry));
    }
    return Status::Ok();
  }

  const Reform& reform_;
  std::vector<law::LawSource> sources_;
  std::vector<std::optional<toml::table>> tables_;
};

}  // namespace

Result<Reform> ParseReform(std::string_view text, std::string_view name) {
  Result<toml::table> doc = Parse(text, name);
  if (!doc.ok()) return doc.status();
  Reform r;
  r.source = std::string(name);
  r.text = std::string(text);
  for (const auto& [key, node] : *doc) {
    (void)node;
    if (key.str() != "reform" && key.str() != "patch" && key.str() != "membership") {
      return Status::InvalidArgument(fmt::format("{}: unknown key `{}`", name, key.str()));
    }
  }
  const toml::table* head = (*doc)["reform"].as_table();
  if (head == nullptr)
    return Status::InvalidArgument(fmt::format("{}: needs a [reform] table", name));
  r.id = (*head)["id"].value<std::string>().value_or("");
  r.title = (*head)["title"].value<std::string>().value_or(r.id);
  r.rationale = (*head)["rationale"].value<std::string>().value_or("");
  if (r.id.empty() || r.rationale.empty()) {
    return Status::InvalidArgument(fmt::format("{}: [reform] needs `id` and `rationale`", name));
  }
  const toml::array* patches = (*doc)["patch"].as_array();
  const toml::array* members = (*doc)["membership"].as_array();
  const size_t count = (patches ? patches->size() : 0) + (members ? members->size() : 0);
  if (count == 0)
    return Status::InvalidArgument(fmt::format("{}: no [[patch]] or [[membership]]", name));
  if (count > kPatchesMax) {
    return Status::LimitExceeded(fmt::format("{}: more than {} patches", name, kPatchesMax));
  }
  return r;
}

Result<Reform> LoadReform(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError(fmt::format("cannot read the reform file `{}`", path));
  std::ostringstream text;
  text << in.rdbuf();
  return ParseReform(text.str(), path);
}

Result<std::vector<law::LawSource>> ApplyReform(const Reform& reform,
                                                std::vector<law::LawSource> sources) {
  Result<toml::table> doc = Parse(reform.text, reform.source);
  if (!doc.ok()) return doc.status();
  Applier applier(reform, std::move(sources));
  if (const toml::array* patches = (*doc)["patch"].as_array()) {
    for (size_t i = 0; i < patches->size(); ++i) {
      const toml::table* p = (*patches)[i].as_table();
      if (p == nullptr) return Status::InvalidArgument(reform.source + ": patch must be tables");
      HF_RETURN_IF_ERROR(applier.Patch(*p, i));
    }
  }
  if (const toml::array* members = (*doc)["membership"].as_array()) {
    for (size_t i = 0; i < members->size(); ++i) {
      const toml::table* m = (*members)[i].as_table();
      if (m == nullptr)
        return Status::InvalidArgument(reform.source + ": membership must be tables");
      HF_RETURN_IF_ERROR(applier.Membership(*m, i));
    }
  }
  return applier.Finish();
}

}  // namespace highfence::replay
