// toml++ throws toml::parse_error; ParseTable below is the one place that
// catches it. Everything after works on the parsed tree and returns Status.
#include "names/legal_forms.h"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>

#include "highfence/assert.h"
#include "names/latin.h"
#include "names/words.h"

namespace highfence::names {
namespace detail {
// Generated from names/*.toml by cmake/embed.cmake: (file name, contents) pairs.
std::vector<std::pair<std::string, std::string>> EmbeddedNamesFiles();
}  // namespace detail

namespace {

constexpr size_t kFormsMax = 1024;    // [[form]] tables in one file
constexpr size_t kSpellingsMax = 64;  // names of one form
constexpr size_t kFormWordsMax = 8;   // words in one spelling
constexpr char kFileName[] = "legal-forms.toml";

Result<toml::table> ParseTable(std::string_view text, std::string_view file_name) {
  try {
    return toml::parse(text, file_name);
  } catch (const toml::parse_error& e) {
    return Status::InvalidArgument(fmt::format("{}:{}:{}: {}", file_name, e.source().begin.line,
                                               e.source().begin.column, e.description()));
  }
}

Status CheckKeys(const toml::table& t, std::initializer_list<std::string_view> allowed,
                 std::string_view where) {
  for (const auto& [key, value] : t) {
    if (std::find(allowed.begin(), allowed.end(), key.str()) == allowed.end()) {
      return Status::InvalidArgument(fmt::format("{}: unknown key `{}`", where, key.str()));
    }
  }
  return Status::Ok();
}

// A non-empty array of non-empty strings.
Result<std::vector<std::string>> Strings(const toml::table& t, std::string_view key,
                                         std::string_view where) {
  const toml::array* a = t[key].as_array();
  if (a == nullptr || a->empty() || a->size() > kSpellingsMax) {
    return Status::InvalidArgument(
        fmt::format("{}: `{}` must be an array of 1 to {} strings", where, key, kSpellingsMax));
  }
  std::vector<std::string> out;
  for (const toml::node& n : *a) {
    const std::string* s = n.as_string() ? &n.as_string()->get() : nullptr;
    if (s == nullptr || s->empty()) {
      return Status::InvalidArgument(
          fmt::format("{}: `{}` holds a non-string or empty", where, key));
    }
    out.push_back(*s);
  }
  return out;
}

// One [[form]]: every spelling as words.
Result<std::vector<std::vector<std::string>>> ReadForm(const toml::table& form,
                                                       std::string_view where) {
  HF_RETURN_IF_ERROR(CheckKeys(form, {"names", "meaning", "elf", "source"}, where));
  if (!form["meaning"].is_string()) {
    return Status::InvalidArgument(fmt::format("{}: `meaning` must be a string", where));
  }
  const bool has_source = form["source"].is_string();
  if (form.contains("source") && !has_source) {
    return Status::InvalidArgument(fmt::format("{}: `source` must be a string", where));
  }
  if (form.contains("elf")) {
    Result<std::vector<std::string>> elf = Strings(form, "elf", where);
    if (!elf.ok()) return elf.status();
  } else if (!has_source) {
    return Status::InvalidArgument(
        fmt::format("{}: a form needs `elf` codes or a `source`", where));
  }
  Result<std::vector<std::string>> names = Strings(form, "names", where);
  if (!names.ok()) return names.status();
  std::vector<std::vector<std::string>> out;
  for (const std::string& spelling : *names) {
    std::vector<std::string> words = SplitWords(ToLatinAscii(spelling));
    if (words.empty() || words.size() > kFormWordsMax) {
      return Status::InvalidArgument(
          fmt::format("{}: `{}` has no words, or more than {}", where, spelling, kFormWordsMax));
    }
    out.push_back(std::move(words));
  }
  return out;
}

bool EndsWith(std::span<const std::string> words, size_t end,
              const std::vector<std::string>& form) {
  if (form.size() > end) return false;
  return std::equal(form.begin(), form.end(), words.begin() + (end - form.size()));
}

bool StartsWith(std::span<const std::string> words, size_t at,
                const std::vector<std::string>& form) {
  if (at + form.size() > words.size()) return false;
  return std::equal(form.begin(), form.end(), words.begin() + at);
}

}  // namespace

void LegalForms::Add(std::vector<std::string> words) {
  Sequences& first = by_first_word_[words.front()];
  if (std::find(first.begin(), first.end(), words) != first.end()) return;  // spelled twice
  first.push_back(words);
  by_last_word_[words.back()].push_back(words);
  ++size_;
  auto longest_first = [](const auto& a, const auto& b) { return a.size() > b.size(); };
  std::stable_sort(first.begin(), first.end(), longest_first);
  Sequences& last = by_last_word_[words.back()];
  std::stable_sort(last.begin(), last.end(), longest_first);
}

Result<LegalForms> LegalForms::Parse(std::string_view toml_text, std::string_view file_name) {
  Result<toml::table> parsed = ParseTable(toml_text, file_name);
  if (!parsed.ok()) return parsed.status();
  const toml::table& root = *parsed;
  HF_RETURN_IF_ERROR(CheckKeys(root, {"source", "form"}, file_name));
  LegalForms out;
  const toml::table* source = root["source"].as_table();
  if (source == nullptr || !(*source)["title"].is_string() || !(*source)["url"].is_string()) {
    return Status::InvalidArgument(fmt::format("{}: [source] needs `title` and `url`", file_name));
  }
  HF_RETURN_IF_ERROR(
      CheckKeys(*source, {"title", "url", "note"}, fmt::format("{}: [source]", file_name)));
  out.source_title_ = (*source)["title"].as_string()->get();
  out.source_url_ = (*source)["url"].as_string()->get();
  const toml::array* forms = root["form"].as_array();
  if (forms == nullptr || forms->empty() || forms->size() > kFormsMax) {
    return Status::InvalidArgument(
        fmt::format("{}: needs 1 to {} [[form]] tables", file_name, kFormsMax));
  }
  for (size_t i = 0; i < forms->size(); ++i) {
    const std::string where = fmt::format("{}: form {}", file_name, i + 1);
    const toml::table* form = (*forms)[i].as_table();
    if (form == nullptr) return Status::InvalidArgument(where + ": not a table");
    Result<std::vector<std::vector<std::string>>> spellings = ReadForm(*form, where);
    if (!spellings.ok()) return spellings.status();
    for (std::vector<std::string>& words : *spellings) out.Add(std::move(words));
  }
  return out;
}

const LegalForms& LegalForms::Builtin() {
  static const LegalForms forms = [] {
    for (const auto& [name, text] : detail::EmbeddedNamesFiles()) {
      if (name != kFileName) continue;
      Result<LegalForms> parsed = Parse(text, name);
      // The file is compiled in and checked by legal_forms_test: a failure here
      // is a build defect, not input.
      HF_ASSERT(parsed.ok());
      return std::move(parsed).value();
    }
    HF_ASSERT(false && "names/legal-forms.toml is not embedded");
    return LegalForms();
  }();
  return forms;
}

size_t LegalForms::TrailingWords(std::span<const std::string> words) const {
  size_t end = words.size();
  while (end > 0) {
    auto it = by_last_word_.find(words[end - 1]);
    if (it == by_last_word_.end()) break;
    size_t matched = 0;
    for (const std::vector<std::string>& form : it->second) {
      if (EndsWith(words, end, form)) {
        matched = form.size();
        break;
      }
    }
    if (matched == 0) break;
    end -= matched;
  }
  return words.size() - end;
}

size_t LegalForms::FormAt(std::span<const std::string> words, size_t at) const {
  if (at >= words.size()) return 0;
  auto it = by_first_word_.find(words[at]);
  if (it == by_first_word_.end()) return 0;
  for (const std::vector<std::string>& form : it->second) {
    if (StartsWith(words, at, form)) return form.size();
  }
  return 0;
}

}  // namespace highfence::names
