// Lexicon: how screening reads the words of a name, from screening/*.toml
// compiled into the binary: the Chinese term table (zh-terms.toml), word
// variants, stopwords, boilerplate phrases and alias markers (words.toml).
//
// Thread safety: immutable once built; Builtin() may be called from any thread.
#ifndef HIGHFENCE_SCREEN_LEXICON_H_
#define HIGHFENCE_SCREEN_LEXICON_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "highfence/status.h"
#include "names/latin.h"

namespace highfence::screen {

using Words = std::vector<std::string>;

// What a word says of a party: who it is, or only what it does or where.
enum class WordClass : uint8_t { kOther = 0, kCommon = 1, kPlace = 2 };

// Hash and equality that let string-keyed maps be searched with a string_view.
struct TextHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
template <typename V>
using TextMap = std::unordered_map<std::string, V, TextHash, std::equal_to<>>;
using TextSet = std::unordered_set<std::string, TextHash, std::equal_to<>>;

class Lexicon {
 public:
  static const Lexicon& Builtin();
  // Reads the two files; errors name the file and the entry.
  static Result<Lexicon> Parse(std::string_view words_toml, std::string_view zh_terms_toml);

  // Han terms, with the ordinals first to ninety-ninth (第十四 -> 14) added; and the
  // same without the `name` terms (names then read as pinyin).
  const names::HanTerms& han_terms() const { return han_terms_; }
  const names::HanTerms& han_word_terms() const { return han_word_terms_; }
  // When words[at..] written together (one to four words) are the pinyin of a
  // named term ("langchao", "zhongke shuguang"), appends its English and
  // returns how many words it took; else 0.
  size_t PinyinNameAt(const Words& words, size_t at, Words* out) const;
  // Appends the canonical words for one word: its variant ("intl" ->
  // "international", "hk" -> "hong kong"), else its plural folded and its
  // ordinal suffix dropped ("technologies" -> "technology", "14th" -> "14").
  void Canonical(std::string_view word, Words* out) const;
  bool IsStopword(std::string_view word) const { return stopwords_.contains(word); }
  // A canonical word's class, and the factor its weight takes ([common] and
  // [places] in words.toml; 1 for other words).
  WordClass Class(std::string_view word) const;
  double WeightFactor(WordClass c) const;
  // Phrases (as words) removed from the end of list names, and phrases after
  // which a list name names another party.
  const std::vector<Words>& boilerplate() const { return boilerplate_; }
  const std::vector<Words>& markers() const { return markers_; }
  size_t term_count() const { return term_count_; }

 private:
  names::HanTerms han_terms_, han_word_terms_;
  size_t term_count_ = 0;
  TextMap<Words> pinyin_names_;
  TextSet pinyin_prefixes_;  // every prefix of a key of pinyin_names_
  TextSet common_, places_;
  double common_factor_ = 1, place_factor_ = 1;
  TextMap<Words> variants_;
  TextSet stopwords_;
  std::vector<Words> boilerplate_, markers_;
};

// The plural and ordinal folding Canonical applies, alone (exposed for tests).
std::string FoldWord(std::string_view word);

}  // namespace highfence::screen

#endif  // HIGHFENCE_SCREEN_LEXICON_H_
