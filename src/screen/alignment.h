// Alignment: how much of a screened name and of one list name match, word by
// word, weighted by how much each word identifies (screen/name_index.h).
//
// A word of the screened name is linked to one word of the list name that is
// the same (similarity 1), near (a typo or another romanisation: 0.8 to 0.9),
// or that several of its neighbours spell together ("sense time" and
// "sensetime", the pinyin syllables "zhong ke" and "zhongke"), or it is
// linked to two neighbouring list words it spells together. Links are taken
// best first; a word takes part in one link at most.
//
//   query_coverage = sum over links of similarity x weight of its query words
//                    / weight of all query words
//   name_coverage  = the same over the list name's words
//
// Thread safety: pure functions over immutable inputs.
#ifndef HIGHFENCE_SCREEN_ALIGNMENT_H_
#define HIGHFENCE_SCREEN_ALIGNMENT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "screen/name_index.h"

namespace highfence::screen {

struct QueryWord {
  std::string text;
  uint32_t word = kNoWord;  // in the index's vocabulary, or kNoWord
  float weight = 0;
  std::vector<NearWord> near;
};

// Query words [begin, begin + count) written together are the vocabulary word
// (or near it: pinyin syllables of a Chinese name against a romanisation).
struct QueryJoin {
  uint32_t begin, count, word;
  float similarity;
};

// Query word `index` is the vocabulary words `first` and `second` written together.
struct QuerySplit {
  uint32_t index, first, second;
};

struct Query {
  std::vector<QueryWord> words;  // core words only
  std::vector<QueryJoin> joins;
  std::vector<QuerySplit> splits;
  float weight = 0;       // sum of the words' weights
  std::string exact_key;  // NameIndex::ExactKey of the core words
  std::string initials;   // the word itself when the query is one short word
};

struct QueryOptions {
  // Also join query words into words near a vocabulary word (for names read
  // from Han characters, whose syllables the lists join in words).
  bool near_joins = false;
  // Common words of the query weigh in full: a Latin name that adds
  // "Advanced" or "Technology" to a listed name is likely another company. A
  // name read from Chinese keeps the discount: registered Chinese names always
  // spell out their trade (技术, 科技), which the lists' English often drops.
  bool full_weight_common = true;
};

Query PrepareQuery(const NameForm& form, const NameIndex& index, const Lexicon& lexicon,
                   QueryOptions options);

struct Alignment {
  float query_coverage = 0;
  float name_coverage = 0;
  bool exact = false;     // every word of both names linked with similarity 1
  bool distinct = false;  // a link holds a word that says who (NameIndex::Distinct)
  uint32_t name_words_linked = 0;
  // For explanations (filled when asked): the query words that found no match,
  // the list words left over, and the near pairs ("huawie~huawei").
  std::vector<std::string> unmatched_query, unmatched_name, near_pairs;
};

Alignment Align(const Query& query, const NameIndex& index, uint32_t form, bool explain);

}  // namespace highfence::screen

#endif  // HIGHFENCE_SCREEN_ALIGNMENT_H_
