// The TOML side of the law loader: the one adapter over toml++ (which throws;
// ParseToml is the only place that catches) and typed getters that report each
// problem as an error line naming the file and key. Internal to src/law: the
// readers of each kind of law file (file_readers.h) are built on it.
#ifndef HIGHFENCE_LAW_TOML_READER_H_
#define HIGHFENCE_LAW_TOML_READER_H_

#include <toml++/toml.h>

#include <algorithm>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "highfence/country.h"
#include "highfence/date.h"
#include "highfence/status.h"
#include "law/law_data.h"

namespace highfence::law::reader {

// Bounds on law input. The law is a dozen small files; these catch a runaway or
// wrong file before it costs memory, and keep every loop over input bounded.
constexpr size_t kListMax = 512;        // entries in one list or group
constexpr size_t kTextBytesMax = 4096;  // one string value
constexpr size_t kErrorsMax = 100;      // error lines reported at once

// Collects error lines "FILE: KEY: WHAT", up to kErrorsMax.
class Errors {
 public:
  void Add(std::string line);
  bool empty() const { return lines_.empty(); }
  size_t size() const { return lines_.size() + dropped_; }
  // Every line, one per line of the message. REQUIRES: !empty().
  Status ToStatus() const;

 private:
  std::vector<std::string> lines_;
  size_t dropped_ = 0;
};

// The file being read: every error names it.
struct FileCtx {
  std::string_view file;
  Errors* errors;
  void Add(std::string_view key, std::string_view what) const;
};

// Key paths for messages: Join("params", "x") is "params.x", Indexed("v", 2) "v[2]".
std::string Join(std::string_view path, std::string_view key);
std::string Indexed(std::string_view path, size_t index);
std::string Quoted(std::string_view s);
std::string_view Trim(std::string_view s);

// Parses TOML text; on failure adds one error line (file:line:column, the
// nearest key and table) and returns nullopt.
std::optional<toml::table> ParseToml(const LawSource& src, Errors* errors);

std::string_view TypeName(const toml::node& n);  // "a string", "an array", ...
void WrongType(const FileCtx& f, std::string_view key, std::string_view wanted,
               const toml::node& n);
// Reports every key of `t` not in `allowed`. True when there is none.
bool CheckKeys(const toml::table& t, std::initializer_list<std::string_view> allowed,
               const FileCtx& f, std::string_view path);

enum class Need { kOptional, kRequired };

// A non-empty string of at most kTextBytesMax bytes. False on error; `out`
// stays empty when the key is absent and optional.
bool GetText(const toml::table& t, std::string_view key, Need need, const FileCtx& f,
             std::string_view path, std::string* out);
// A TOML local date (unquoted YYYY-MM-DD) that is a valid civil date in 1900..2199.
std::optional<Date> NodeDate(const toml::node& n, const FileCtx& f, std::string_view key);
bool GetDate(const toml::table& t, std::string_view key, Need need, const FileCtx& f,
             std::string_view path, std::optional<Date>* out);

// Lowercase a-z, 0-9 and single inner '-': rule ids and party slugs (contract.md
// section 4).
bool IsSlug(std::string_view s);

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

// An array of assigned country codes, sorted.
std::optional<std::vector<CountryCode>> NodeCountries(const toml::node& n, const FileCtx& f,
                                                      const std::string& key);

}  // namespace highfence::law::reader

#endif  // HIGHFENCE_LAW_TOML_READER_H_
