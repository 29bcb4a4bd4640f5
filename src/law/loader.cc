// The strict loader of law/*.toml (schema: law/README.md).
//
// toml++ is the one third-party library here and it throws toml::parse_error:
// ParseToml below is the only place that catches, and turns the exception into
// an error line naming the file, line, column and nearest key. Everything after
// that works on the parsed tree and reports problems as values.
#include <toml++/toml.h>

#include <algorithm>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <iterator>
#include <string>
#include <system_error>
#include <utility>

#include "base/limits.h"
#include "base/sha256.h"
#include "highfence/assert.h"
#include "law/law_data.h"
#include "law/membership.h"

namespace highfence::law {
namespace detail {
// Generated from law/*.toml by cmake/embed.cmake: (file name, contents) pairs.
std::vector<std::pair<std::string, std::string>> EmbeddedLawFiles();
}  // namespace detail

namespace {

// Bounds on law input. The law is a dozen small files; these catch a runaway or
// wrong file before it costs memory, and keep every loop over input bounded.
constexpr size_t kSourcesMax = 64;           // files in one law set
constexpr size_t kSourceBytesMax = 1 << 20;  // one file (the largest is ~10 KiB)
constexpr size_t kParamsMax = 256;           // parameters in one rule file
constexpr size_t kDatedValuesMax = 64;       // dated values of one parameter
constexpr size_t kListMax = 512;             // entries in one list or group
constexpr size_t kGroupsMax = 64;            // groups in country-groups.toml
constexpr size_t kTextBytesMax = 4096;       // one string value
constexpr size_t kErrorsMax = 100;           // error lines reported at once

// Collects error lines "FILE: KEY: WHAT", up to kErrorsMax.
class Errors {
 public:
  void Add(std::string line) {
    if (lines_.size() < kErrorsMax) {
      lines_.push_back(std::move(line));
    } else {
      ++dropped_;
    }
  }
  bool empty() const { return lines_.empty(); }
  size_t size() const { return lines_.size() + dropped_; }
  Status ToStatus() const {
    HF_ASSERT(!lines_.empty());
    std::string msg;
    for (const std::string& line : lines_) {
      if (!msg.empty()) msg += '\n';
      msg += line;
    }
    if (dropped_ > 0) msg += "\n(" + std::to_string(dropped_) + " more errors not shown)";
    return Status::InvalidArgument(msg);
  }

 private:
  std::vector<std::string> lines_;
  size_t dropped_ = 0;
};

// The file being read: every error names it.
struct FileCtx {
  std::string_view file;
  Errors* errors;
  void Add(std::string_view key, std::string_view what) const {
    std::string line(file);
    line += ": ";
    if (!key.empty()) {
      line += key;
      line += ": ";
    }
    line += what;
    errors->Add(std::move(line));
  }
};

std::string Join(std::string_view path, std::string_view key) {
  if (path.empty()) return std::string(key);
  std::string out(path);
  out += '.';
  out += key;
  return out;
}

std::string Indexed(std::string_view path, size_t index) {
  return std::string(path) + "[" + std::to_string(index) + "]";
}

std::string Quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

// --- the toml++ adapter -----------------------------------------------------

// The text of 1-based line `line_no` of `text`.
std::string_view LineOf(std::string_view text, size_t line_no) {
  size_t start = 0;
  for (size_t n = 1; n < line_no; ++n) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) return text.substr(text.size());  // past the end
    start = nl + 1;
  }
  size_t end = text.find('\n', start);
  return text.substr(start, end == std::string_view::npos ? text.size() - start : end - start);
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

// The key nearest before `column` on `line` ("from" in "{from = 2025-02-30"), or "".
std::string_view KeyBefore(std::string_view line, size_t column) {
  size_t limit = std::min(line.size(), column > 0 ? column - 1 : 0);
  size_t eq = line.substr(0, limit).rfind('=');
  if (eq == std::string_view::npos) return {};
  std::string_view before = Trim(line.substr(0, eq));
  size_t start = before.size();
  while (start > 0) {
    char c = before[start - 1];
    bool key_char = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '_' || c == '-' || c == '.' || c == '"';
    if (!key_char) break;
    --start;
  }
  return before.substr(start);
}

// The nearest table header ("[params.x]", "[[group]]") at or above `line_no`.
std::string_view HeaderAbove(std::string_view text, size_t line_no) {
  // Walk back line by line from the end of line `line_no` (one pass over text).
  std::string_view line = LineOf(text, line_no);
  size_t end = static_cast<size_t>(line.data() - text.data()) + line.size();
  while (true) {
    size_t start = end == 0 ? 0 : text.rfind('\n', end - 1);
    start = start == std::string_view::npos ? 0 : (end == 0 ? 0 : start + 1);
    std::string_view candidate = Trim(text.substr(start, end - start));
    if (!candidate.empty() && candidate.front() == '[') {
      size_t close = candidate.rfind(']');
      return close == std::string_view::npos ? candidate : candidate.substr(0, close + 1);
    }
    if (start == 0) return {};
    end = start - 1;  // the '\n' ending the previous line
  }
}

std::string DescribeParseError(const LawSource& src, const toml::parse_error& e) {
  const size_t line_no = e.source().begin.line;
  const size_t column = e.source().begin.column;
  std::string where = std::to_string(line_no) + ":" + std::to_string(column);
  std::string near;
  std::string_view key = KeyBefore(LineOf(src.text, line_no), column);
  if (!key.empty()) near += "key " + Quoted(key);
  std::string_view header = HeaderAbove(src.text, line_no);
  if (!header.empty()) near += (near.empty() ? "in " : " in ") + std::string(header);
  std::string out = src.name + ":" + where + ": ";
  if (!near.empty()) out += near + ": ";
  out += "TOML syntax error: ";
  out += e.description();
  return out;
}

// Parses TOML text; on failure adds one error line and returns nullopt. The only
// place toml++ exceptions are caught.
std::optional<toml::table> ParseToml(const LawSource& src, Errors* errors) {
  try {
    return toml::parse(std::string_view(src.text), std::string_view(src.name));
  } catch (const toml::parse_error& e) {
    errors->Add(DescribeParseError(src, e));
  } catch (const std::exception& e) {
    errors->Add(src.name + ": cannot parse: " + e.what());
  }
  return std::nullopt;
}

// --- typed getters ------------------------------------------------------------

std::string_view TypeName(const toml::node& n) {
  switch (n.type()) {
    case toml::node_type::table:
      return "a table";
    case toml::node_type::array:
      return "an array";
    case toml::node_type::string:
      return "a string";
    case toml::node_type::integer:
      return "an integer";
    case toml::node_type::floating_point:
      return "a float";
    case toml::node_type::boolean:
      return "a boolean";
    case toml::node_type::date:
      return "a date";
    case toml::node_type::time:
      return "a time";
    case toml::node_type::date_time:
      return "a date-time";
    case toml::node_type::none:
      break;
  }
  return "nothing";
}

void WrongType(const FileCtx& f, std::string_view key, std::string_view wanted,
               const toml::node& n) {
  f.Add(key, "expected " + std::string(wanted) + ", got " + std::string(TypeName(n)));
}

// Reports every key of `t` not in `allowed`. True when there is none.
bool CheckKeys(const toml::table& t, std::initializer_list<std::string_view> allowed,
               const FileCtx& f, std::string_view path) {
  bool ok = true;
  for (auto&& [k, v] : t) {
    (void)v;
    if (std::find(allowed.begin(), allowed.end(), k.str()) != allowed.end()) continue;
    std::string list;
    for (std::string_view a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
    f.Add(Join(path, k.str()), "unknown key (allowed here: " + list + ")");
    ok = false;
  }
  return ok;
}

enum class Need { kOptional, kRequired };

// A non-empty string of at most kTextBytesMax bytes. False on error; `out`
// stays empty when the key is absent and optional.
bool GetText(const toml::table& t, std::string_view key, Need need, const FileCtx& f,
             std::string_view path, std::string* out) {
  const toml::node* n = t.get(key);
  std::string full = Join(path, key);
  if (n == nullptr) {
    if (need == Need::kOptional) return true;
    f.Add(full, "missing (required)");
    return false;
  }
  const auto* s = n->as_string();
  if (s == nullptr) {
    WrongType(f, full, "a string", *n);
    return false;
  }
  const std::string& text = s->get();
  if (Trim(text).empty()) {
    f.Add(full, "must not be empty");
    return false;
  }
  if (text.size() > kTextBytesMax) {
    f.Add(full, "longer than " + std::to_string(kTextBytesMax) + " bytes");
    return false;
  }
  *out = text;
  return true;
}

// A TOML local date (unquoted YYYY-MM-DD) that is a valid civil date in 1900..2199.
std::optional<Date> NodeDate(const toml::node& n, const FileCtx& f, std::string_view key) {
  const auto* d = n.as_date();
  if (d == nullptr) {
    std::string got(TypeName(n));
    if (n.is_string()) got += " (write dates unquoted: 2025-01-13)";
    f.Add(key, "expected a date (YYYY-MM-DD), got " + got);
    return std::nullopt;
  }
  const toml::date& v = d->get();
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", static_cast<int>(v.year),
                static_cast<int>(v.month), static_cast<int>(v.day));
  std::optional<Date> date = Date::Parse(buf);
  if (!date) f.Add(key, std::string("bad date ") + buf + " (valid dates 1900-01-01..2199-12-31)");
  return date;
}

bool GetDate(const toml::table& t, std::string_view key, Need need, const FileCtx& f,
             std::string_view path, std::optional<Date>* out) {
  const toml::node* n = t.get(key);
  if (n == nullptr) {
    if (need == Need::kRequired) f.Add(Join(path, key), "missing (required)");
    return need == Need::kOptional;
  }
  *out = NodeDate(*n, f, Join(path, key));
  return out->has_value();
}

// --- parameter values -----------------------------------------------------------

constexpr std::string_view kPolicies[] = {"presumption_of_approval", "case_by_case",
                                          "presumption_of_denial", "policy_of_denial", "none"};
// End-use tags of contract.md section 2.
constexpr std::string_view kEndUses[] = {"military",    "wmd",        "frontier_training",
                                         "development", "production", "storage"};

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

// Lowercase a-z, 0-9 and single inner '-': rule ids and party slugs (contract.md
// section 4).
bool IsSlug(std::string_view s) {
  if (s.empty() || s.size() > static_cast<size_t>(limits::party_name_bytes_max)) return false;
  if (s.front() == '-' || s.back() == '-') return false;
  char prev = 0;
  for (char c : s) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok || (c == '-' && prev == '-')) return false;
    prev = c;
  }
  return true;
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
template <typename Valid>
std::optional<std::vector<std::string>> NodeStringList(const toml::node& n, const FileCtx& f,
                                                       const std::string& key, Valid valid,
                                                       std::string_view what) {
  const auto* arr = n.as_array();
  if (arr == nullptr) {
    WrongType(f, key, "an array of strings", n);
    return std::nullopt;
  }
  if (arr->size() > kListMax) {
    f.Add(key, "more than " + std::to_string(kListMax) + " entries");
    return std::nullopt;
  }
  std::vector<std::string> out;
  bool ok = true;
  for (size_t i = 0; i < arr->size(); ++i) {
    const auto* s = (*arr)[i].as_string();
    if (s == nullptr || !valid(s->get())) {
      std::string got = s ? Quoted(s->get()) : std::string(TypeName((*arr)[i]));
      f.Add(Indexed(key, i), "expected " + std::string(what) + ", got " + got);
      ok = false;
      continue;
    }
    if (std::find(out.begin(), out.end(), s->get()) != out.end()) {
      f.Add(Indexed(key, i), "duplicate entry " + Quoted(s->get()));
      ok = false;
      continue;
    }
    out.push_back(s->get());
  }
  if (!ok) return std::nullopt;
  std::sort(out.begin(), out.end());
  return out;
}

std::optional<std::vector<CountryCode>> NodeCountries(const toml::node& n, const FileCtx& f,
                                                      const std::string& key) {
  auto valid = [](const std::string& s) { return CountryCode::Parse(s).has_value(); };
  auto codes = NodeStringList(n, f, key, valid, "an assigned ISO 3166-1 alpha-2 country code");
  if (!codes) return std::nullopt;
  std::vector<CountryCode> out;
  out.reserve(codes->size());
  for (const std::string& c : *codes) out.push_back(*CountryCode::Parse(c));
  std::sort(out.begin(), out.end());
  return out;
}

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
      auto valid = [](const std::string& s) { return OneOf(kEndUses, s); };
      std::string what = "an end use (" + ListOf(kEndUses) + ")";
      if (auto v = NodeStringList(n, f, key, valid, what)) return Value(std::move(*v));
      return std::nullopt;
    }
    case Unit::kText:
      if (auto v = NodeString(n, f, key)) return Value(std::move(*v));
      return std::nullopt;
  }
  HF_ASSERT(false && "every unit is handled");
  return std::nullopt;
}

// --- parameters -------------------------------------------------------------------

bool IsParamName(std::string_view s) {
  if (s.empty() || s.size() > 64 || s.front() < 'a' || s.front() > 'z') return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

// "D1".."D20": the project decisions of rules.md section 15.
bool IsDecision(std::string_view s) {
  if (s.size() < 2 || s.size() > 3 || s[0] != 'D' || s[1] == '0') return false;
  int n = 0;
  for (char c : s.substr(1)) {
    if (c < '0' || c > '9') return false;
    n = n * 10 + (c - '0');
  }
  return n >= 1 && n <= 20;
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
    f.Add(Join(path, "decision"), "expected a decision id D1..D20, got " + Quoted(p.decision));
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

// --- rule files -------------------------------------------------------------------

std::string_view Stem(std::string_view file) {
  constexpr std::string_view kExt = ".toml";
  if (file.size() > kExt.size() && file.substr(file.size() - kExt.size()) == kExt) {
    file.remove_suffix(kExt.size());
  }
  return file;
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
  if (!r->kind.empty() && !dated_kind && r->kind != "defaults") {
    f.Add("rule.kind", "unknown kind " + Quoted(r->kind) + " (regime, change or defaults)");
    ok = false;
  }
  ok &= GetText(t, "title", Need::kRequired, f, path, &r->title);
  ok &= GetText(t, "citation", Need::kRequired, f, path, &r->citation);
  ok &= GetText(t, "url", dated_kind ? Need::kRequired : Need::kOptional, f, path, &r->url);
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

std::optional<RuleFile> ParseRuleFile(const toml::table& root, const FileCtx& f) {
  bool ok = CheckKeys(root, {"rule", "params"}, f, "");
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
  if (!ok) return std::nullopt;
  return r;
}

// --- country-groups.toml ----------------------------------------------------------

constexpr std::string_view kGroupsFile = "country-groups.toml";
constexpr std::string_view kCountriesFile = "countries.toml";

std::optional<Membership> ParseDatedMember(const toml::node& n, const FileCtx& f,
                                           const std::string& path) {
  const auto* t = n.as_table();
  if (t == nullptr) {
    WrongType(f, path, "a table {code, from, until, citation, change}", n);
    return std::nullopt;
  }
  bool ok = CheckKeys(*t, {"code", "from", "until", "citation", "change"}, f, path);
  Membership m;
  std::string code;
  ok &= GetText(*t, "code", Need::kRequired, f, path, &code);
  if (!code.empty()) {
    std::optional<CountryCode> c = CountryCode::Parse(code);
    if (c) {
      m.code = *c;
    } else {
      f.Add(Join(path, "code"), "unknown country code " + Quoted(code));
      ok = false;
    }
  }
  ok &= GetDate(*t, "from", Need::kOptional, f, path, &m.from);
  ok &= GetDate(*t, "until", Need::kOptional, f, path, &m.until);
  ok &= GetText(*t, "citation", Need::kRequired, f, path, &m.citation);
  ok &= GetText(*t, "change", Need::kOptional, f, path, &m.change);
  if (ok && !m.from && !m.until) {
    f.Add(path, "a dated member needs `from` or `until` (list it in `members` otherwise)");
    ok = false;
  }
  if (ok && m.from && m.until && *m.until < *m.from) {
    f.Add(Join(path, "until"), "is before `from`");
    ok = false;
  }
  if (!ok) return std::nullopt;
  return m;
}

bool ParseDatedMembers(const toml::node& n, const FileCtx& f, const std::string& path,
                       std::vector<Membership>* out) {
  const auto* arr = n.as_array();
  if (arr == nullptr || arr->size() > kListMax) {
    f.Add(path, "expected an array of at most " + std::to_string(kListMax) + " tables");
    return false;
  }
  bool ok = true;
  for (size_t i = 0; i < arr->size(); ++i) {
    std::optional<Membership> m = ParseDatedMember((*arr)[i], f, Indexed(path, i));
    if (m) {
      out->push_back(std::move(*m));
    } else {
      ok = false;
    }
  }
  return ok;
}

// Sorts `g.members` by (code, start) and reports any two intervals of one
// country that share a day.
bool CheckOverlaps(CountryGroup* g, const FileCtx& f, const std::string& path) {
  std::sort(g->members.begin(), g->members.end(), [](const Membership& a, const Membership& b) {
    if (a.code != b.code) return a.code < b.code;
    if (!a.from || !b.from) return !a.from && b.from.has_value();
    return *a.from < *b.from;
  });
  bool ok = true;
  for (size_t i = 1; i < g->members.size(); ++i) {
    const Membership& a = g->members[i - 1];
    const Membership& b = g->members[i];
    if (a.code != b.code || !Overlaps(a, b)) continue;
    f.Add(path + " (" + std::string(b.code.str()) + ")", "membership " + DescribeInterval(b) +
                                                             " overlaps " + DescribeInterval(a) +
                                                             " for the same country");
    ok = false;
  }
  return ok;
}

std::optional<CountryGroup> ParseGroup(const toml::table& t, const FileCtx& f, std::string path) {
  bool ok = CheckKeys(t, {"id", "name", "citation", "members", "dated"}, f, path);
  CountryGroup g;
  ok &= GetText(t, "id", Need::kRequired, f, path, &g.id);
  if (!g.id.empty()) path = "group " + Quoted(g.id);
  ok &= GetText(t, "name", Need::kRequired, f, path, &g.name);
  ok &= GetText(t, "citation", Need::kRequired, f, path, &g.citation);
  if (const toml::node* members = t.get("members")) {
    std::optional<std::vector<CountryCode>> codes =
        NodeCountries(*members, f, Join(path, "members"));
    if (codes) {
      for (CountryCode c : *codes) g.members.push_back(Membership{c, {}, {}, "", ""});
    } else {
      ok = false;
    }
  }
  if (const toml::node* dated = t.get("dated")) {
    ok &= ParseDatedMembers(*dated, f, Join(path, "dated"), &g.members);
  }
  if (!ok || !CheckOverlaps(&g, f, path)) return std::nullopt;
  return g;
}

bool ParseGroupsFile(const toml::table& root, const FileCtx& f, std::vector<CountryGroup>* out) {
  bool ok = CheckKeys(root, {"group"}, f, "");
  const toml::node* n = root.get("group");
  const toml::array* arr = n ? n->as_array() : nullptr;
  if (arr == nullptr || arr->size() > kGroupsMax) {
    f.Add("group", "expected [[group]] tables (at most " + std::to_string(kGroupsMax) + ")");
    return false;
  }
  for (size_t i = 0; i < arr->size(); ++i) {
    const std::string path = Indexed("group", i);
    const auto* t = (*arr)[i].as_table();
    if (t == nullptr) {
      WrongType(f, path, "a table", (*arr)[i]);
      ok = false;
      continue;
    }
    std::optional<CountryGroup> g = ParseGroup(*t, f, path);
    if (g) {
      out->push_back(std::move(*g));
    } else {
      ok = false;
    }
  }
  std::sort(out->begin(), out->end(),
            [](const CountryGroup& a, const CountryGroup& b) { return a.id < b.id; });
  for (size_t i = 1; i < out->size(); ++i) {
    if ((*out)[i].id != (*out)[i - 1].id) continue;
    f.Add("group " + Quoted((*out)[i].id) + ".id", "duplicate group id");
    ok = false;
  }
  return ok;
}

// --- countries.toml ---------------------------------------------------------------

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

// --- the law set ------------------------------------------------------------------

struct SetState {
  LawData law;
  int groups_files = 0;
  int countries_files = 0;
};

void ParseSource(const LawSource& src, Errors* errors, SetState* state) {
  const FileCtx f{src.name, errors};
  if (src.name.size() <= 5 || Stem(src.name) == src.name ||
      src.name.find_first_of("/\\") != std::string::npos) {
    f.Add("", "a law file name is NAME.toml, without a folder");
    return;
  }
  if (src.text.size() > kSourceBytesMax) {
    f.Add("", "larger than " + std::to_string(kSourceBytesMax) + " bytes");
    return;
  }
  std::optional<toml::table> root = ParseToml(src, errors);
  if (!root) return;
  if (src.name == kGroupsFile) {
    if (++state->groups_files == 1) ParseGroupsFile(*root, f, &state->law.groups);
  } else if (src.name == kCountriesFile) {
    if (++state->countries_files == 1) ParseCountriesFile(*root, f, &state->law.countries);
  } else if (std::optional<RuleFile> r = ParseRuleFile(*root, f)) {
    state->law.rules.push_back(std::move(*r));
  }
  if (state->groups_files > 1 || state->countries_files > 1) f.Add("", "duplicate file");
}

// Rule ids are unique; every membership's `change` names a kind-"change" rule.
void CheckCrossFile(LawData* law, Errors* errors) {
  std::stable_sort(law->rules.begin(), law->rules.end(),
                   [](const RuleFile& a, const RuleFile& b) { return a.id < b.id; });
  for (size_t i = 1; i < law->rules.size(); ++i) {
    if (law->rules[i].id != law->rules[i - 1].id) continue;
    const FileCtx f{law->rules[i].source, errors};
    f.Add("rule.id", "duplicate rule id " + Quoted(law->rules[i].id) + " (also in " +
                         law->rules[i - 1].source + ")");
  }
  const FileCtx groups{kGroupsFile, errors};
  for (const CountryGroup& g : law->groups) {
    for (const Membership& m : g.members) {
      if (m.change.empty()) continue;
      const std::string key =
          "group " + Quoted(g.id) + " (" + std::string(m.code.str()) + ").change";
      const RuleFile* r = law->FindRule(m.change);
      if (r == nullptr) {
        groups.Add(key, Quoted(m.change) + " names no rule file");
      } else if (r->kind != "change") {
        groups.Add(key, Quoted(m.change) + " is a " + r->kind + ", not a change");
      }
    }
  }
}

std::string ContentHash(const std::vector<const LawSource*>& sorted) {
  Sha256 h;
  const std::string_view nul("\0", 1);
  for (const LawSource* src : sorted) {
    h.Update(src->name);
    h.Update(nul);
    h.Update(src->text);
    h.Update(nul);
  }
  return h.FinishHex();
}

}  // namespace

Result<LawData> ParseLaw(const std::vector<LawSource>& sources) {
  if (sources.size() > kSourcesMax) {
    return Status::LimitExceeded("more than " + std::to_string(kSourcesMax) + " law files");
  }
  std::vector<const LawSource*> sorted;
  sorted.reserve(sources.size());
  for (const LawSource& src : sources) sorted.push_back(&src);
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const LawSource* a, const LawSource* b) { return a->name < b->name; });
  Errors errors;
  SetState state;
  for (const LawSource* src : sorted) ParseSource(*src, &errors, &state);
  CheckCrossFile(&state.law, &errors);
  if (!errors.empty()) return errors.ToStatus();
  state.law.content_hash = ContentHash(sorted);
  return std::move(state.law);
}

std::vector<LawSource> EmbeddedLawSources() {
  std::vector<LawSource> out;
  for (auto& [name, text] : detail::EmbeddedLawFiles()) {
    out.push_back(LawSource{std::move(name), std::move(text)});
  }
  return out;
}

Result<std::vector<LawSource>> ReadLawDir(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (ec) return Status::IOError("cannot read law folder " + dir + ": " + ec.message());
  std::vector<fs::path> paths;
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) return Status::IOError("cannot list " + dir + ": " + ec.message());
    const fs::path& p = it->path();
    if (p.extension() != ".toml" || !it->is_regular_file(ec)) continue;
    if (paths.size() == kSourcesMax) {
      return Status::LimitExceeded(dir + ": more than " + std::to_string(kSourcesMax) +
                                   " law files");
    }
    paths.push_back(p);
  }
  if (ec) return Status::IOError("cannot list " + dir + ": " + ec.message());
  std::sort(paths.begin(), paths.end());
  std::vector<LawSource> out;
  for (const fs::path& p : paths) {
    std::ifstream in(p, std::ios::binary);
    std::string text;
    text.resize(kSourceBytesMax + 1);
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    if (in.bad() || (!in.eof() && !in)) return Status::IOError("cannot read " + p.string());
    text.resize(static_cast<size_t>(in.gcount()));
    if (text.size() > kSourceBytesMax) {
      return Status::LimitExceeded(p.string() + ": larger than " + std::to_string(kSourceBytesMax) +
                                   " bytes");
    }
    out.push_back(LawSource{p.filename().string(), std::move(text)});
  }
  return out;
}

}  // namespace highfence::law
