// NameIndex: every form of every name of a list snapshot (screen/name_form.h),
// indexed so that a screened name is compared with a few candidates, not the
// whole list.
//
// - A vocabulary of the core words of all forms, each with its weight: its
//   inverse document frequency, ln(forms / forms holding the word), to the
//   power `weight_exponent`. Rare words (Cambricon) weigh much, common ones
//   (technology) little.
// - Postings: for each word, the forms that hold it.
// - A deletion index (each word with one letter deleted) that finds the words
//   within one or two edits of a misspelt word without scanning the vocabulary
//   (the symmetric-deletion method), and a skeleton index for romanisation
//   variants (screen/fuzzy.h).
// - Exact keys (a form's core words sorted) and initialisms ("smi" and "smic"
//   for Semiconductor Manufacturing International Corporation).
//
// Hand-rolled rather than a search library: the whole index is a few flat
// arrays and hash maps, built in well under a second for the 2026 list with
// every alias, and a query touches a few thousand postings.
//
// Thread safety: immutable once built; concurrent reads are safe.
#ifndef HIGHFENCE_SCREEN_NAME_INDEX_H_
#define HIGHFENCE_SCREEN_NAME_INDEX_H_

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "screen/hashed_ranges.h"
#include "screen/list_entry.h"
#include "screen/name_form.h"

namespace highfence::screen {

inline constexpr uint32_t kNoWord = 0xffffffffu;

struct NearWord {
  uint32_t word;
  float similarity;  // 1 exact; see NameIndex::NearWords
};

class NameIndex {
 public:
  struct Form {
    uint32_t entry;        // row of the snapshot
    uint32_t name;         // 0: the primary name; k: alt_names[k - 1]
    uint32_t words_begin;  // into the form-word array
    uint32_t words_count;  // core words
    float weight;          // sum of its words' weights
  };

  // `weight_exponent` shapes word weights (see above); 1.5 by default.
  static NameIndex Build(const ListSnapshot& snapshot, const Readers& readers,
                         double weight_exponent);

  size_t form_count() const { return forms_.size(); }
  size_t word_count() const { return words_.size(); }
  const Form& form(uint32_t f) const { return forms_[f]; }
  std::span<const uint32_t> FormWords(uint32_t f) const {
    return {form_words_.data() + forms_[f].words_begin, forms_[f].words_count};
  }

  uint32_t WordId(std::string_view word) const;
  std::string_view Word(uint32_t id) const { return words_[id]; }
  float Weight(uint32_t id) const { return weights_[id]; }
  // Whether a word says who a party is: not a common word or a place
  // (screening/words.toml), not a number, and not in more than 2 % of the rows
  // (and more than 50).
  bool Distinct(uint32_t id) const { return distinct_[id]; }
  WordClass Class(uint32_t id) const { return classes_[id]; }
  // The weight of a word the list never uses: that of a word one form holds.
  float UnknownWeight() const { return unknown_weight_; }
  std::span<const uint32_t> Postings(uint32_t id) const {
    return {postings_.data() + posting_begin_[id], posting_begin_[id + 1] - posting_begin_[id]};
  }

  // Postings of the word, in forms; its number of forms.
  size_t Frequency(uint32_t id) const { return posting_begin_[id + 1] - posting_begin_[id]; }

  // Vocabulary words close to `word` (not the word itself): the same skeleton
  // (similarity 0.9); one edit away (1 - 1/length, at most 0.9); two edits
  // away for words of eight letters or more (1 - 2/length, at most 0.8); 0.05
  // less when the first letters differ; only those of 0.8 or more. Words of
  // three letters or fewer have no near words.
  void NearWords(std::string_view word, std::vector<NearWord>* out) const;

  // The same for a vocabulary word, computed when the index is built.
  std::span<const NearWord> NearWordsOf(uint32_t id) const {
    return {near_.data() + near_begin_[id], near_begin_[id + 1] - near_begin_[id]};
  }
  // The ways a word is two vocabulary words written together ("sensetime" =
  // "sense" + "time"); for vocabulary words, computed when the index is built.
  void Splits(std::string_view word, std::vector<std::pair<uint32_t, uint32_t>>* out) const;
  std::span<const std::pair<uint32_t, uint32_t>> SplitsOf(uint32_t id) const {
    return {splits_.data() + split_begin_[id], split_begin_[id + 1] - split_begin_[id]};
  }

  // Forms whose sorted core words are `key` (words joined by spaces).
  std::span<const uint32_t> ExactForms(const std::string& key) const;
  // Forms whose initialism is `letters`.
  std::span<const uint32_t> InitialismForms(const std::string& letters) const;

  // A form's key for ExactForms.
  static std::string ExactKey(Words core);

 private:
  uint32_t Intern(const std::string& word);
  void AddForm(uint32_t entry, uint32_t name, const NameForm& form);
  void BuildPostings(double weight_exponent, const Lexicon& lexicon);
  void BuildNearIndexes();
  void BuildWordNeighbours();
  void BuildWordTable();

  std::vector<Form> forms_;
  std::vector<uint32_t> form_words_;
  std::vector<std::string> words_;
  TextMap<uint32_t> word_ids_;  // while building
  HashedRanges words_by_hash_;  // after: word ids by FNV hash of the word
  std::vector<float> weights_;
  std::vector<bool> distinct_;
  std::vector<WordClass> classes_;
  float unknown_weight_ = 1;
  std::vector<uint32_t> posting_begin_, postings_;
  HashedRanges deletions_;                          // words by the hash of each one-letter deletion
  std::vector<uint32_t> near_begin_, split_begin_;  // CSR offsets per word
  std::vector<NearWord> near_;
  std::vector<std::pair<uint32_t, uint32_t>> splits_;
  std::unordered_map<std::string, std::vector<uint32_t>> skeletons_;
  std::unordered_map<std::string, std::vector<uint32_t>> exact_, initialisms_;
};

}  // namespace highfence::screen

#endif  // HIGHFENCE_SCREEN_NAME_INDEX_H_
