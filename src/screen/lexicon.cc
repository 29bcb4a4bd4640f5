// toml++ throws toml::parse_error; ParseTable is the one place that catches it.
#include "screen/lexicon.h"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <optional>

#include "highfence/assert.h"
#include "names/words.h"

namespace highfence::screen {
namespace detail {
// Generated from screening/*.toml by cmake/embed.cmake: (file name, contents).
std::vector<std::pair<std::string, std::string>> EmbeddedScreeningFiles();
}  // namespace detail

namespace {

constexpr size_t kEntriesMax = 10'000;  // terms, variants or phrases in one file

Result<toml::table> ParseTable(std::string_view text, std::string_view file_name) {
  try {
    return toml::parse(text, file_name);
  } catch (const toml::parse_error& e) {
    return Status::InvalidArgument(fmt::format("{}:{}:{}: {}", file_name, e.source().begin.line,
                                               e.source().begin.column, e.description()));
  }
}

Words AsWords(std::string_view text) { return names::SplitWords(names::ToLatinAscii(text)); }

Status ReadPhrases(const toml::table& root, std::string_view table, std::string_view key,
                   std::vector<Words>* out) {
  const toml::array* a = root[table][key].as_array();
  if (a == nullptr || a->size() > kEntriesMax) {
    return Status::InvalidArgument(
        fmt::format("words.toml: [{}] needs `{}`, an array", table, key));
  }
  for (const toml::node& n : *a) {
    if (!n.is_string()) {
      return Status::InvalidArgument(
          fmt::format("words.toml: [{}] {} holds a non-string", table, key));
    }
    Words w = AsWords(n.as_string()->get());
    if (!w.empty()) out->push_back(std::move(w));
  }
  return Status::Ok();
}

// 第一 .. 第九十九 (first .. ninety-ninth) -> "1" .. "99", as the lists write the
// numbered institutes (第十四研究所, 14th Research Institute). Only after 第:
// a numeral alone is also part of place names (四川 Sichuan, 九江 Jiujiang).
std::vector<std::pair<std::string, std::string>> Numerals() {
  static const char* kDigits[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  std::vector<std::pair<std::string, std::string>> out;
  for (int n = 1; n < 100; ++n) {
    const int tens = n / 10, ones = n % 10;
    std::string han = tens == 0 ? "" : (tens == 1 ? "十" : std::string(kDigits[tens]) + "十");
    han += kDigits[ones];
    out.emplace_back("第" + han, std::to_string(n));
  }
  return out;
}

struct Term {
  std::string zh, en, kind;
  bool pinyin = true;
};

Status ReadTerms(const toml::table& root, std::vector<Term>* out) {
  const toml::array* terms = root["term"].as_array();
  if (terms == nullptr || terms->empty() || terms->size() > kEntriesMax) {
    return Status::InvalidArgument("zh-terms.toml: needs [[term]] tables");
  }
  for (size_t i = 0; i < terms->size(); ++i) {
    const toml::table* t = (*terms)[i].as_table();
    const std::string where = fmt::format("zh-terms.toml: term {}", i + 1);
    if (t == nullptr || !(*t)["zh"].is_string() || !(*t)["en"].is_string() ||
        !(*t)["note"].is_string() || !(*t)["kind"].is_string()) {
      return Status::InvalidArgument(where + ": needs strings `zh`, `en`, `kind` and `note`");
    }
    const std::string& kind = (*t)["kind"].as_string()->get();
    if (kind != "name" && kind != "word" && kind != "place") {
      return Status::InvalidArgument(where + ": `kind` is name, word or place");
    }
    if ((*t)["note"].as_string()->get().empty()) {
      return Status::InvalidArgument(where + ": empty note");
    }
    for (const auto& [key, value] : *t) {
      const std::string_view k = key.str();
      if (k != "zh" && k != "en" && k != "kind" && k != "note" && k != "pinyin") {
        return Status::InvalidArgument(fmt::format("{}: unknown key `{}`", where, k));
      }
    }
    if (t->contains("pinyin") && !(*t)["pinyin"].is_boolean()) {
      return Status::InvalidArgument(where + ": `pinyin` is true or false");
    }
    out->push_back(Term{(*t)["zh"].as_string()->get(), (*t)["en"].as_string()->get(), kind,
                        (*t)["pinyin"].value_or(true)});
  }
  return Status::Ok();
}

Status ReadClass(const toml::table& root, std::string_view table, TextSet* words, double* factor) {
  const toml::table* t = root[table].as_table();
  const toml::array* a = t == nullptr ? nullptr : (*t)["words"].as_array();
  const std::optional<double> f =
      t == nullptr ? std::nullopt : (*t)["weight_factor"].value<double>();
  if (a == nullptr || !f || !(*f > 0 && *f <= 1) || a->size() > kEntriesMax) {
    return Status::InvalidArgument(
        fmt::format("words.toml: [{}] needs `words` and a `weight_factor` in (0, 1]", table));
  }
  *factor = *f;
  for (const toml::node& n : *a) {
    if (!n.is_string())
      return Status::InvalidArgument(fmt::format("words.toml: [{}] holds a non-string", table));
    for (const std::string& w : AsWords(n.as_string()->get())) words->insert(w);
  }
  return Status::Ok();
}

Status ReadVariants(const toml::table& root, TextMap<Words>* out) {
  const toml::table* v = root["variants"].as_table();
  if (v == nullptr || v->size() > kEntriesMax) {
    return Status::InvalidArgument("words.toml: needs a [variants] table");
  }
  for (const auto& [key, value] : *v) {
    if (!value.is_string()) {
      return Status::InvalidArgument(
          fmt::format("words.toml: variant `{}` is not a string", key.str()));
    }
    Words to = AsWords(value.as_string()->get());
    if (to.empty())
      return Status::InvalidArgument(fmt::format("words.toml: variant `{}` is empty", key.str()));
    out->emplace(std::string(key.str()), std::move(to));
  }
  return Status::Ok();
}

}  // namespace

std::string FoldWord(std::string_view w) {
  // Ordinals: 1st, 2nd, 3rd, 14th -> the number.
  if (w.size() >= 3 && w[0] >= '0' && w[0] <= '9') {
    std::string_view tail = w.substr(w.size() - 2);
    const bool digits =
        w.substr(0, w.size() - 2).find_first_not_of("0123456789") == std::string_view::npos;
    if (digits && (tail == "st" || tail == "nd" || tail == "rd" || tail == "th")) {
      return std::string(w.substr(0, w.size() - 2));
    }
  }
  if (w.size() >= 6 && w.ends_with("ies")) return std::string(w.substr(0, w.size() - 3)) + "y";
  if (w.size() >= 5 && w.back() == 's') {
    const char before = w[w.size() - 2];
    if (before != 's' && before != 'u' && before != 'i' && before != 'o') {
      return std::string(w.substr(0, w.size() - 1));
    }
  }
  return std::string(w);
}

void Lexicon::Canonical(std::string_view word, Words* out) const {
  auto it = variants_.find(word);
  if (it == variants_.end()) {
    std::string folded = FoldWord(word);
    it = variants_.find(folded);
    if (it == variants_.end()) {
      out->push_back(std::move(folded));
      return;
    }
  }
  out->insert(out->end(), it->second.begin(), it->second.end());
}

WordClass Lexicon::Class(std::string_view word) const {
  if (places_.contains(word)) return WordClass::kPlace;
  if (common_.contains(word)) return WordClass::kCommon;
  return WordClass::kOther;
}

double Lexicon::WeightFactor(WordClass c) const {
  switch (c) {
    case WordClass::kCommon:
      return common_factor_;
    case WordClass::kPlace:
      return place_factor_;
    case WordClass::kOther:
      break;
  }
  return 1;
}

size_t Lexicon::PinyinNameAt(const Words& words, size_t at, Words* out) const {
  constexpr size_t kWordsMax = 4;
  std::string joined;
  size_t found = 0;
  const Words* english = nullptr;
  for (size_t k = 1; k <= kWordsMax && at + k <= words.size(); ++k) {
    joined += words[at + k - 1];
    if (!pinyin_prefixes_.contains(joined)) break;  // most words: no key starts so
    auto it = pinyin_names_.find(joined);
    if (it != pinyin_names_.end()) {
      found = k;
      english = &it->second;
    }
  }
  if (found > 0) out->insert(out->end(), english->begin(), english->end());
  return found;
}

Result<Lexicon> Lexicon::Parse(std::string_view words_toml, std::string_view zh_terms_toml) {
  Result<toml::table> words = ParseTable(words_toml, "words.toml");
  if (!words.ok()) return words.status();
  Result<toml::table> zh = ParseTable(zh_terms_toml, "zh-terms.toml");
  if (!zh.ok()) return zh.status();
  Lexicon out;
  HF_RETURN_IF_ERROR(ReadVariants(*words, &out.variants_));
  std::vector<Words> stop;
  HF_RETURN_IF_ERROR(ReadPhrases(*words, "stopwords", "words", &stop));
  for (const Words& w : stop) out.stopwords_.insert(w.begin(), w.end());
  HF_RETURN_IF_ERROR(ReadPhrases(*words, "boilerplate", "phrases", &out.boilerplate_));
  HF_RETURN_IF_ERROR(ReadPhrases(*words, "markers", "phrases", &out.markers_));
  HF_RETURN_IF_ERROR(ReadClass(*words, "common", &out.common_, &out.common_factor_));
  HF_RETURN_IF_ERROR(ReadClass(*words, "places", &out.places_, &out.place_factor_));
  // Classes hold canonical words, as names are read ("logistics" -> "logistic").
  for (TextSet* set : {&out.common_, &out.places_}) {
    TextSet canonical;
    for (const std::string& w : *set) {
      Words c;
      out.Canonical(w, &c);
      canonical.insert(c.begin(), c.end());
    }
    *set = std::move(canonical);
  }
  std::vector<Term> terms;
  HF_RETURN_IF_ERROR(ReadTerms(*zh, &terms));
  std::vector<std::pair<std::string, std::string>> all = Numerals(), words_only = Numerals();
  for (const Term& t : terms) {
    all.emplace_back(t.zh, t.en);
    if (t.kind != "name") words_only.emplace_back(t.zh, t.en);
    if (t.kind == "word" || !t.pinyin) continue;
    std::string key;
    for (const std::string& w : AsWords(t.zh)) key += w;
    Words en = AsWords(t.en);
    std::string joined;
    for (const std::string& w : en) joined += w;
    if (key.empty() || key == joined) continue;
    for (size_t n = 1; n <= key.size(); ++n) out.pinyin_prefixes_.insert(key.substr(0, n));
    out.pinyin_names_.emplace(std::move(key), std::move(en));
  }
  out.term_count_ = all.size();
  std::vector<std::string> rejected;
  out.han_terms_ = names::HanTerms::Build(all, &rejected);
  out.han_word_terms_ = names::HanTerms::Build(words_only, &rejected);
  if (!rejected.empty()) {
    return Status::InvalidArgument(
        fmt::format("zh-terms.toml: `{}` holds no Han character, or "
                    "its English is not ASCII",
                    rejected.front()));
  }
  return out;
}

const Lexicon& Lexicon::Builtin() {
  static const Lexicon lexicon = [] {
    std::string words, zh;
    for (auto& [name, text] : detail::EmbeddedScreeningFiles()) {
      if (name == "words.toml") words = std::move(text);
      if (name == "zh-terms.toml") zh = std::move(text);
    }
    Result<Lexicon> parsed = Parse(words, zh);
    // Compiled in and checked by lexicon_test: a failure is a build defect.
    HF_ASSERT(parsed.ok());
    return std::move(parsed).value();
  }();
  return lexicon;
}

}  // namespace highfence::screen
