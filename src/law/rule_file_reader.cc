// Rule files (law/README.md, "Rule files"): the [rule] header and one
// [params.NAME] table per parameter, each value typed by its unit and cited.
#include <algorithm>
#include <iterator>

#include "base/end_use.h"
#include "highfence/assert.h"
#include "law/file_readers.h"

namespace highfence::law::reader {
namespace {

constexpr size_t kParamsMax = 256;      // parameters in one rule file
constexpr size_t kDatedValuesMax = 64;  // dated values of one parameter

constexpr std::string_view kPolicies[] = {"presumption_of_approval", "case_by_case",
                                          "presumption_of_denial", "policy_of_denial", "none"};

constexpr std::string_view kFloatHint =
    "TOML floats are not allowed (binary floating point is inexact): write an integer or a "
    "decimal string such as \"5.92\"";

template <size_t N>
bool OneOf(const std::string_view (&list)[N], std::string_view s) {
  return std::find(std::begin(list), std::end(list), s) != std::end(list);
}

template <size_t N>
std::string ListOf(const std::string_view (&list)[N]) {
  std::string out;
  for (std::string_view s : list) out += (out.empty() ? "" : ", ") + std::string(s);
  return out;
}

// An amount: a non-negative TOML integer or an exact decimal string.
std::optional<Fixed> NodeAmount(const toml::node& n, const FileCtx& f, const std::string& key) {
  std::optional<Fixed> v;
  if (const auto* i = n.as_integer()) {
    const int64_t units = i->get();
    if (units >= 0 && units <= Fixed::kUnitsMax) v = Fixed::FromUnits(units);
  } else if (const auto* s = n.as_string()) {
    v = Fixed::Parse(s->get());
    if (!v) {
      f.Add(key, "not an exact decimal (at most 3 fractional digits): " + Quoted(s->get()));
      return std::nullopt;
    }
  } else if (n.is_floating_point()) {
    f.Add(key, kFloatHint);
    return std::nullopt;
  } else {
    WrongType(f, key, "an integer or a decimal string", n);
    return std::nullopt;
  }
  if (!v || v->is_negative()) {
    f.Add(key, "amount out of range (0 to 10^15)");
    return std::nullopt;
  }
  return v;
}

// A whole number >= 0 (count, percent).
std::optional<int64_t> NodeWhole(const toml::node& n, const FileCtx& f, const std::string& key) {
  if (n.is_floating_point()) {
    f.Add(key, kFloatHint);
    return std::nullopt;
  }
  const auto* i = n.as_integer();
  if (i == nullptr) {
    WrongType(f, key, "an integer", n);
    return std::nullopt;
  }
  if (i->get() < 0) {
    f.Add(key, "must not be negative");
    return std::nullopt;
  }
  return i->get();
}

std::optional<Magnitude> NodeOps(const toml::node& n, const FileCtx& f, const std::string& key) {
  const auto* s = n.as_string();
  if (s == nullptr) {
    if (n.is_floating_point()) {
      f.Add(key, std::string(kFloatHint) + " (operations: \"1e26\")");
    } else {
      WrongType(f, key, "a string such as \"1e26\"", n);
    }
    return std::nullopt;
  }
  std::optional<Magnitude> m = Magnitude::Parse(s->get());
  if (!m) f.Add(key, "not a count of operations such as \"2.5e25\": " + Quoted(s->get()));
  return m;
}

std::optional<std::string> NodeString(const toml::node& n, const FileCtx& f,
                                      const std::string& key) {
  const auto* s = n.as_string();
  if (s == nullptr) {
    WrongType(f, key, "a string", n);
    return std::nullopt;
  }
  if (Trim(s->get()).empty() || s->get().size() > kTextBytesMax) {
    f.Add(key, "must be a non-empty string of at most " + std::to_string(kTextBytesMax) + " bytes");
    return std::nullopt;
  }
  return s->get();
}

// An array of strings, each accepted by `valid` (described by `what`), without
// duplicates; returned sorted.

// The value of a parameter of unit `unit`, or nullopt after adding an error.
std::optional<Value> NodeValue(const toml::node& n, Unit unit, const FileCtx& f,
                               const std::string& key) {
  switch (unit) {
    case Unit::kTpp:
    case Unit::kTppPerMm2:
    case Unit::kGbs:
    case Unit::kGbsPerMm2:
      if (auto v = NodeAmount(n, f, key)) return Value(*v);
      return std::nullopt;
    case Unit::kOps:
      if (auto v = NodeOps(n, f, key)) return Value(*v);
      return std::nullopt;
    case Unit::kDate:
      if (auto v = NodeDate(n, f, key)) return Value(*v);
      return std::nullopt;
    case Unit::kBool:
      if (const auto* b = n.as_boolean()) return Value(b->get());
      WrongType(f, key, "true or false", n);
      return std::nullopt;
    case Unit::kCount:
    case Unit::kPercent:
      if (auto v = NodeWhole(n, f, key)) return Value(*v);
      return std::nullopt;
    case Unit::kPolicy:
      if (auto v = NodeString(n, f, key)) {
        if (OneOf(kPolicies, *v)) return Value(*v);
        f.Add(key, "unknown policy " + Quoted(*v) + " (one of: " + ListOf(kPolicies) + ")");
      }
      return std::nullopt;
    case Unit::kCountries:
      if (auto v = NodeCountries(n, f, key)) return Value(std::move(*v));
      return std::nullopt;
    case Unit::kParties:
      if (auto v = NodeStringList(n, f, key, IsSlug, "a party slug (a-z, 0-9, inner '-')")) {
        return Value(std::move(*v));
      }
      return std::nullopt;
    case Unit::kEndUses: {
      auto valid = [](const std::string& s) { return EndUseBit(s).has_value(); };
      std::string what;
      for (const auto& [tag, bit] : kEndUseTags)
        what += (what.empty() ? "" : ", ") + std::string(tag);
      what = "an end use (" + what + ")";
      if (auto v = NodeStringList(n, f, key, valid, what)) return Value(std::move(*v));
      return std::nullopt;
    }
    case Unit::kEccns: {
      auto valid = [](const std::string& s) {
        if (s.size() < 5 || s[0] < '0' || s[0] > '9' || s[1] < 'A' || s[1] > 'E') return false;
        return std::all_of(s.begin() + 2, s.end(), [](char c) {
          return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c == '.';
        });
      };
      if (auto v = NodeStringList(n, f, key, valid, "an ECCN such as 5A992.c")) {
        return Value(std::move(*v));
      }
      return std::nullopt;
    }
    case Unit::kText:
      if (auto v = NodeString(n, f, key)) return Value(std::move(*v));
      return std::nullopt;
  }
  HF_ASSERT(false && "every unit is handled");
  return std::nullopt;
}

bool IsParamName(std::string_view s) {
  if (s.empty() || s.size() > 64 || s.front() < 'a' || s.front() > 'z') return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

// The highest project decision id (rules.md sections 15 and 16: D1..D44).
constexpr int kDecisionMax = 44;

// "D1".."D44": the project decisions of rules.md sections 15 and 16.
bool IsDecision(std::string_view s) {
  if (s.size() < 2 || s.size() > 3 || s[0] != 'D' || s[1] == '0') return false;
  int n = 0;
  for (char c : s.substr(1)) {
    if (c < '0' || c > '9') return false;
    n = n * 10 + (c - '0');
  }
  return n >= 1 && n <= kDecisionMax;
}

bool ParseSingleValue(const toml::node& n, const std::string& citation, const FileCtx& f,
                      const std::string& path, Param* p) {
  if (citation.empty()) {
    f.Add(Join(path, "citation"), "missing citation (every value needs one)");
    return false;
  }
  std::optional<Value> v = NodeValue(n, p->unit, f, Join(path, "value"));
  if (!v) return false;
  p->values.push_back(DatedValue{kBeginning, std::move(*v), citation});
  return true;
}

bool ParseDatedValue(const toml::node& n, const std::string& citation, const FileCtx& f,
                     const std::string& path, Param* p) {
  const auto* t = n.as_table();
  if (t == nullptr) {
    WrongType(f, path, "a table {from = DATE, value = ..., citation = \"...\"}", n);
    return false;
  }
  bool ok = CheckKeys(*t, {"from", "value", "citation"}, f, path);
  std::optional<Date> from;
  ok &= GetDate(*t, "from", Need::kRequired, f, path, &from);
  std::string own;
  ok &= GetText(*t, "citation", Need::kOptional, f, path, &own);
  if (own.empty() && citation.empty()) {
    f.Add(Join(path, "citation"), "missing citation (give one here or on the parameter)");
    ok = false;
  }
  const toml::node* value = t->get("value");
  if (value == nullptr) {
    f.Add(Join(path, "value"), "missing (required)");
    return false;
  }
  std::optional<Value> v = NodeValue(*value, p->unit, f, Join(path, "value"));
  if (!ok || !v) return false;
  if (!p->values.empty() && !(p->values.back().from < *from)) {
    f.Add(Join(path, "from"), "dated values must be strictly ascending by `from` (" +
                                  from->ToString() + " is not after " +
                                  p->values.back().from.ToString() + ")");
    return false;
  }
  p->values.push_back(DatedValue{*from, std::move(*v), own.empty() ? citation : own});
  return true;
}

bool ParseDatedValues(const toml::node& n, const std::string& citation, const FileCtx& f,
                      const std::string& path, Param* p) {
  const std::string key = Join(path, "values");
  const auto* arr = n.as_array();
  if (arr == nullptr) {
    WrongType(f, key, "an array of {from, value, citation} tables", n);
    return false;
  }
  if (arr->empty() || arr->size() > kDatedValuesMax) {
    f.Add(key, "needs 1 to " + std::to_string(kDatedValuesMax) + " dated values");
    return false;
  }
  bool ok = true;
  for (size_t i = 0; i < arr->size() && ok; ++i) {
    ok = ParseDatedValue((*arr)[i], citation, f, Indexed(key, i), p);
  }
  return ok;
}

std::optional<Param> ParseParam(std::string_view name, const toml::node& node, const FileCtx& f) {
  const std::string path = Join("params", name);
  const auto* t = node.as_table();
  if (t == nullptr) {
    WrongType(f, path, "a table", node);
    return std::nullopt;
  }
  bool ok =
      CheckKeys(*t, {"description", "unit", "citation", "decision", "value", "values"}, f, path);
  if (!IsParamName(name)) {
    f.Add(path, "parameter names are lowercase snake_case, at most 64 bytes");
    ok = false;
  }
  Param p;
  p.name = std::string(name);
  std::string unit_name, citation;
  ok &= GetText(*t, "description", Need::kRequired, f, path, &p.description);
  ok &= GetText(*t, "citation", Need::kOptional, f, path, &citation);
  ok &= GetText(*t, "decision", Need::kOptional, f, path, &p.decision);
  if (!p.decision.empty() && !IsDecision(p.decision)) {
    f.Add(Join(path, "decision"), "expected a decision id D1..D" + std::to_string(kDecisionMax) +
                                      ", got " + Quoted(p.decision));
    ok = false;
  }
  bool unit_ok = GetText(*t, "unit", Need::kRequired, f, path, &unit_name);
  if (unit_ok) {
    std::optional<Unit> unit = ParseUnit(unit_name);
    if (!unit) {
      f.Add(Join(path, "unit"), "unknown unit " + Quoted(unit_name));
      unit_ok = false;
    } else {
      p.unit = *unit;
    }
  }
  const toml::node* value = t->get("value");
  const toml::node* values = t->get("values");
  if ((value != nullptr) == (values != nullptr)) {
    f.Add(path, value ? "give `value` or `values`, not both" : "missing `value` or `values`");
    return std::nullopt;
  }
  if (!unit_ok) return std::nullopt;
  ok &= value ? ParseSingleValue(*value, citation, f, path, &p)
              : ParseDatedValues(*values, citation, f, path, &p);
  if (!ok) return std::nullopt;
  return p;
}

bool ParseRuleDates(const toml::table& t, bool dated_kind, const FileCtx& f, RuleFile* r) {
  bool ok = GetDate(t, "published_on", Need::kOptional, f, "rule", &r->published_on);
  if (dated_kind && !t.contains("effective_on")) {
    f.Add("rule.effective_on", "missing (a " + r->kind + " needs the date it takes effect)");
    ok = false;
  } else {
    ok &= GetDate(t, "effective_on", Need::kOptional, f, "rule", &r->effective_on);
  }
  std::optional<Date> reviewed;
  ok &= GetDate(t, "last_reviewed_on", Need::kRequired, f, "rule", &reviewed);
  if (reviewed) r->last_reviewed_on = *reviewed;
  return ok;
}

bool ParseRuleHeader(const toml::table& t, const FileCtx& f, RuleFile* r) {
  constexpr std::string_view path = "rule";
  bool ok = CheckKeys(t,
                      {"id", "kind", "title", "citation", "url", "published_on", "effective_on",
                       "last_reviewed_on"},
                      f, path);
  ok &= GetText(t, "id", Need::kRequired, f, path, &r->id);
  if (!r->id.empty() && (!IsSlug(r->id) || r->id != Stem(f.file))) {
    f.Add("rule.id", Quoted(r->id) + " must be the file name without .toml (" +
                         Quoted(Stem(f.file)) + "), lowercase a-z, 0-9 and '-'");
    ok = false;
  }
  ok &= GetText(t, "kind", Need::kRequired, f, path, &r->kind);
  const bool dated_kind = r->kind == "regime" || r->kind == "change";
  // A program (part 746) is standing law whose values carry their own dates.
  const bool program = r->kind == "program";
  if (!r->kind.empty() && !dated_kind && !program && r->kind != "defaults") {
    f.Add("rule.kind", "unknown kind " + Quoted(r->kind) + " (regime, change, program or defaults)");
    ok = false;
  }
  ok &= GetText(t, "title", Need::kRequired, f, path, &r->title);
  ok &= GetText(t, "citation", Need::kRequired, f, path, &r->citation);
  ok &= GetText(t, "url", dated_kind || program ? Need::kRequired : Need::kOptional, f, path,
                &r->url);
  if (!r->url.empty() && r->url.rfind("https://", 0) != 0 && r->url.rfind("http://", 0) != 0) {
    f.Add("rule.url", "expected an http(s) URL, got " + Quoted(r->url));
    ok = false;
  }
  ok &= ParseRuleDates(t, dated_kind, f, r);
  return ok;
}

bool ParseParams(const toml::node* n, const FileCtx& f, RuleFile* r) {
  if (n == nullptr) return true;  // a file may hold no parameters
  const auto* t = n->as_table();
  if (t == nullptr) {
    WrongType(f, "params", "a table of [params.NAME] tables", *n);
    return false;
  }
  if (t->size() > kParamsMax) {
    f.Add("params", "more than " + std::to_string(kParamsMax) + " parameters");
    return false;
  }
  bool ok = true;
  for (auto&& [k, v] : *t) {
    std::optional<Param> p = ParseParam(k.str(), v, f);
    if (p) {
      r->params.push_back(std::move(*p));
    } else {
      ok = false;
    }
  }
  std::sort(r->params.begin(), r->params.end(),
            [](const Param& a, const Param& b) { return a.name < b.name; });
  return ok;
}

}  // namespace

std::string_view Stem(std::string_view file) {
  constexpr std::string_view kExt = ".toml";
  if (file.size() > kExt.size() && file.substr(file.size() - kExt.size()) == kExt) {
    file.remove_suffix(kExt.size());
  }
  return file;
}

// [citations]: name = "text", one per step citation the file gives.
bool ParseCitations(const toml::node* n, const FileCtx& f, RuleFile* r) {
  if (n == nullptr) return true;
  const auto* t = n->as_table();
  if (t == nullptr) {
    WrongType(f, "citations", "a table of name = \"citation\"", *n);
    return false;
  }
  if (t->size() > kParamsMax) {
    f.Add("citations", "more than " + std::to_string(kParamsMax) + " citations");
    return false;
  }
  bool ok = true;
  for (auto&& [k, v] : *t) {
    const std::string key = Join("citations", k.str());
    if (!IsParamName(k.str())) {
      f.Add(key, "citation names are lowercase snake_case, at most 64 bytes");
      ok = false;
      continue;
    }
    const auto* text = v.as_string();
    if (text == nullptr || Trim(text->get()).empty() || text->get().size() > kTextBytesMax) {
      f.Add(key, "expected a non-empty citation string");
      ok = false;
      continue;
    }
    r->citations.push_back(StepCitation{std::string(k.str()), text->get()});
  }
  std::sort(r->citations.begin(), r->citations.end(),
            [](const StepCitation& a, const StepCitation& b) { return a.name < b.name; });
  return ok;
}

std::optional<RuleFile> ParseRuleFile(const toml::table& root, const FileCtx& f) {
  bool ok = CheckKeys(root, {"rule", "params", "citations"}, f, "");
  const toml::node* header = root.get("rule");
  if (header == nullptr || !header->is_table()) {
    if (header == nullptr) {
      f.Add("rule", "missing [rule] table");
    } else {
      WrongType(f, "rule", "a table", *header);
    }
    return std::nullopt;
  }
  RuleFile r;
  r.source = std::string(f.file);
  ok &= ParseRuleHeader(*header->as_table(), f, &r);
  ok &= ParseParams(root.get("params"), f, &r);
  ok &= ParseCitations(root.get("citations"), f, &r);
  if (!ok) return std::nullopt;
  return r;
}

}  // namespace highfence::law::reader
