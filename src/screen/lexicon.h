// Lexicon: how screening reads the words of a name, from screening/*.toml
// compiled into the binary: the Chinese term table (zh-terms.toml), word
// variants, stopwords, boilerplate phrases and alias markers (words.toml).
//
// Thread safety: immutable once built; Builtin() may be called from any thread.
#ifndef HIGHFENCE_SCREEN_LEXICON_H_
#define HIGHFENCE_SCREEN_LEXICON_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "base/status.h"
#include "names/latin.h"

namespace highfence::screen {

using Words = std::vector<std::string>;

class Lexicon {
 public:
  static const Lexicon& Builtin();
  // Reads the two files; errors name the file and the entry.
  static Result<Lexicon> Parse(std::string_view words_toml, std::string_view zh_terms_toml);

  // Han terms, with the numbers one to ninety-nine (十四 -> 14) added.
  const names::HanTerms& han_terms() const { return han_terms_; }
  // Appends the canonical words for one word: its variant ("intl" ->
  // "international", "hk" -> "hong kong"), else its plural folded and its
  // ordinal suffix dropped ("technologies" -> "technology", "14th" -> "14").
  void Canonical(std::string_view word, Words* out) const;
  bool IsStopword(std::string_view word) const { return stopwords_.contains(std::string(word)); }
  // Phrases (as words) removed from the end of list names, and phrases after
  // which a list name names another party.
  const std::vector<Words>& boilerplate() const { return boilerplate_; }
  const std::vector<Words>& markers() const { return markers_; }
  size_t term_count() const { return term_count_; }

 private:
  names::HanTerms han_terms_;
  size_t term_count_ = 0;
  std::unordered_map<std::string, Words> variants_;
  std::unordered_set<std::string> stopwords_;
  std::vector<Words> boilerplate_, markers_;
};

// The plural and ordinal folding Canonical applies, alone (exposed for tests).
std::string FoldWord(std::string_view word);

}  // namespace highfence::screen

#endif  // HIGHFENCE_SCREEN_LEXICON_H_
