// The toml++ adapter and the typed getters of law files (toml_reader.h).
#include "law/toml_reader.h"

#include <cstdio>
#include <exception>

#include "base/limits.h"
#include "highfence/assert.h"

namespace highfence::law::reader {

void Errors::Add(std::string line) {
  if (lines_.size() < kErrorsMax) {
    lines_.push_back(std::move(line));
  } else {
    ++dropped_;
  }
}

Status Errors::ToStatus() const {
  HF_ASSERT(!lines_.empty());
  std::string msg;
  for (const std::string& line : lines_) {
    if (!msg.empty()) msg += '\n';
    msg += line;
  }
  if (dropped_ > 0) msg += "\n(" + std::to_string(dropped_) + " more errors not shown)";
  return Status::InvalidArgument(msg);
}

void FileCtx::Add(std::string_view key, std::string_view what) const {
  std::string line(file);
  line += ": ";
  if (!key.empty()) {
    line += key;
    line += ": ";
  }
  line += what;
  errors->Add(std::move(line));
}

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

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

namespace {

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

}  // namespace

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

}  // namespace highfence::law::reader
