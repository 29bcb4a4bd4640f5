#include "screen/name_index.h"

#include <algorithm>
#include <cmath>
#include <functional>

#include "highfence/assert.h"
#include "screen/fuzzy.h"

namespace highfence::screen {
namespace {

constexpr size_t kFuzzyLengthMin = 4;     // shorter words match only exactly
constexpr size_t kTwoEditsLengthMin = 8;  // words this long may be two edits away
constexpr size_t kInitialsMin = 3, kInitialsMax = 8;
constexpr float kOneEditMax = 0.9f, kTwoEditsMax = 0.8f, kSameSkeleton = 0.9f;
constexpr float kOtherFirstLetter = 0.05f;  // typos rarely touch a word's first letter
// Below this a "near" word is as likely another word: one edit in four letters.
constexpr float kNearSimilarityMin = 0.8f;
// A word in more than 2 % of the rows (and more than 50) is too frequent to
// say who: "trading" is in 4 % of the 2026 list, "huawei" in 0.5 %.
constexpr double kDistinctShareMax = 0.02;
constexpr double kDistinctRowsMin = 50;

float EditSimilarity(std::string_view a, std::string_view b, int edits) {
  const float length = static_cast<float>(std::max(a.size(), b.size()));
  float s =
      std::min(edits == 1 ? kOneEditMax : kTwoEditsMax, 1.0f - static_cast<float>(edits) / length);
  if (a[0] != b[0]) s -= kOtherFirstLetter;
  return s;
}

// The first occurrence of ws[i] in ws (a form holding a word twice is posted once).
bool FirstOccurrence(std::span<const uint32_t> ws, size_t i) {
  return std::find(ws.begin(), ws.begin() + static_cast<ptrdiff_t>(i), ws[i]) ==
         ws.begin() + static_cast<ptrdiff_t>(i);
}

// FNV-1a over `word` without its letter at `skip` (npos: the whole word), so
// a deletion is hashed without building it.
uint64_t HashWithout(std::string_view word, size_t skip) {
  uint64_t h = 1469598103934665603ull;
  for (size_t i = 0; i < word.size(); ++i) {
    if (i == skip) continue;
    h = (h ^ static_cast<unsigned char>(word[i])) * 1099511628211ull;
  }
  return h;
}

// Each deletion of one letter from `word`, and the word itself.
template <typename F>
void ForEachDeletion(std::string_view word, F&& f) {
  f(HashWithout(word, std::string_view::npos));
  for (size_t i = 0; i < word.size(); ++i) {
    if (i > 0 && word[i] == word[i - 1]) continue;  // the same deletion as i - 1
    f(HashWithout(word, i));
  }
}

std::string Initials(const NameForm& form, bool with_legal) {
  std::string out;
  for (size_t i = 0; i < form.size(); ++i) {
    const bool take =
        form.kinds[i] == WordKind::kCore || (with_legal && form.kinds[i] == WordKind::kLegal);
    if (take && form.words[i][0] >= 'a' && form.words[i][0] <= 'z') out.push_back(form.words[i][0]);
  }
  return out;
}

}  // namespace

std::string NameIndex::ExactKey(Words core) {
  std::sort(core.begin(), core.end());
  std::string key;
  for (const std::string& w : core) {
    if (!key.empty()) key.push_back(' ');
    key += w;
  }
  return key;
}

uint32_t NameIndex::Intern(const std::string& word) {
  auto [it, added] = word_ids_.try_emplace(word, static_cast<uint32_t>(words_.size()));
  if (added) words_.push_back(word);
  return it->second;
}

uint32_t NameIndex::WordId(std::string_view word) const {
  if (words_by_hash_.empty()) {  // while building
    auto it = word_ids_.find(word);
    return it == word_ids_.end() ? kNoWord : it->second;
  }
  for (uint32_t id : words_by_hash_.Find(HashWithout(word, std::string_view::npos))) {
    if (words_[id] == word) return id;
  }
  return kNoWord;
}

// The vocabulary by FNV hash, for lookups at screening time: a screened name
// looks up a few dozen words and word pairs, and a node-based map costs a
// cache miss per node.
void NameIndex::BuildWordTable() {
  std::vector<std::pair<uint64_t, uint32_t>> pairs;
  pairs.reserve(words_.size());
  for (uint32_t w = 0; w < words_.size(); ++w) {
    pairs.emplace_back(HashWithout(words_[w], std::string_view::npos), w);
  }
  std::sort(pairs.begin(), pairs.end());
  words_by_hash_.Build(pairs);
  word_ids_ = {};  // only the build needs it
}

void NameIndex::AddForm(uint32_t entry, uint32_t name, const NameForm& form) {
  const uint32_t id = static_cast<uint32_t>(forms_.size());
  const Words core = form.Core();
  Form f{entry, name, static_cast<uint32_t>(form_words_.size()), static_cast<uint32_t>(core.size()),
         0};
  for (const std::string& w : core) form_words_.push_back(Intern(w));
  forms_.push_back(f);
  exact_[ExactKey(core)].push_back(id);
  for (bool with_legal : {false, true}) {
    const std::string letters = Initials(form, with_legal);
    if (letters.size() >= kInitialsMin && letters.size() <= kInitialsMax && core.size() >= 2) {
      std::vector<uint32_t>& forms = initialisms_[letters];
      if (forms.empty() || forms.back() != id) forms.push_back(id);
    }
  }
}

void NameIndex::BuildPostings(double weight_exponent, const Lexicon& lexicon) {
  std::vector<uint32_t> df(words_.size(), 0), rows(words_.size(), 0);
  std::vector<uint32_t> last_row(words_.size(), UINT32_MAX);
  uint32_t row_count = 0;
  for (uint32_t f = 0; f < forms_.size(); ++f) {
    if (f == 0 || forms_[f].entry != forms_[f - 1].entry) ++row_count;
    std::span<const uint32_t> ws = FormWords(f);
    for (size_t i = 0; i < ws.size(); ++i) {
      if (FirstOccurrence(ws, i)) ++df[ws[i]];
      if (last_row[ws[i]] != forms_[f].entry) ++rows[ws[i]], last_row[ws[i]] = forms_[f].entry;
    }
  }
  posting_begin_.assign(words_.size() + 1, 0);
  for (size_t w = 0; w < words_.size(); ++w) posting_begin_[w + 1] = posting_begin_[w] + df[w];
  postings_.assign(posting_begin_.back(), 0);
  std::vector<uint32_t> fill(posting_begin_.begin(), posting_begin_.end() - 1);
  for (uint32_t f = 0; f < forms_.size(); ++f) {
    std::span<const uint32_t> ws = FormWords(f);
    for (size_t i = 0; i < ws.size(); ++i) {
      if (FirstOccurrence(ws, i)) postings_[fill[ws[i]]++] = f;
    }
  }
  const double n = static_cast<double>(std::max<size_t>(forms_.size(), 2));
  weights_.resize(words_.size());
  distinct_.resize(words_.size());
  classes_.resize(words_.size());
  for (size_t w = 0; w < words_.size(); ++w) {
    const double idf = std::log(n / static_cast<double>(std::max<uint32_t>(df[w], 1)));
    const WordClass c = lexicon.Class(words_[w]);
    weights_[w] = static_cast<float>(std::pow(std::max(idf, 0.05), weight_exponent) *
                                     lexicon.WeightFactor(c));
    const bool number = words_[w].find_first_not_of("0123456789") == std::string::npos;
    const double too_many = std::max(kDistinctShareMax * row_count, kDistinctRowsMin);
    distinct_[w] = c == WordClass::kOther && !number && rows[w] < too_many;
    classes_[w] = c;
  }
  unknown_weight_ = static_cast<float>(std::pow(std::log(n), weight_exponent));
  for (Form& f : forms_) {
    for (uint32_t w : FormWords(static_cast<uint32_t>(&f - forms_.data()))) f.weight += weights_[w];
  }
}

void NameIndex::BuildNearIndexes() {
  std::vector<std::pair<uint64_t, uint32_t>> pairs;  // (hash of a deletion, word)
  for (uint32_t w = 0; w < words_.size(); ++w) {
    const std::string& word = words_[w];
    if (word.size() < kFuzzyLengthMin) continue;
    ForEachDeletion(word, [&](uint64_t h) { pairs.emplace_back(h, w); });
    skeletons_[Skeleton(word)].push_back(w);
  }
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  deletions_.Build(pairs);
}

NameIndex NameIndex::Build(const ListSnapshot& snapshot, const Readers& readers,
                           double weight_exponent) {
  HF_ASSERT(weight_exponent > 0);
  NameIndex index;
  for (uint32_t e = 0; e < snapshot.entries.size(); ++e) {
    const ListEntry& entry = snapshot.entries[e];
    for (uint32_t n = 0; n <= entry.alt_names.size(); ++n) {
      const std::string& name = n == 0 ? entry.name : entry.alt_names[n - 1];
      for (const NameForm& form : ListNameForms(name, readers)) index.AddForm(e, n, form);
    }
  }
  index.BuildPostings(weight_exponent, readers.lexicon);
  index.BuildNearIndexes();
  index.BuildWordNeighbours();
  index.BuildWordTable();
  return index;
}

void NameIndex::NearWords(std::string_view word, std::vector<NearWord>* out) const {
  if (word.size() < kFuzzyLengthMin) return;
  const uint32_t self = WordId(word);
  const size_t first_new = out->size();
  auto seen = [&](uint32_t w) {
    if (w == self) return true;
    for (size_t i = first_new; i < out->size(); ++i) {
      if ((*out)[i].word == w) return true;
    }
    return false;
  };
  // Skeletons first: a word with the same skeleton and one edit away keeps
  // the skeleton's similarity, and is not compared twice.
  auto it = skeletons_.find(Skeleton(word));
  if (it != skeletons_.end()) {
    for (uint32_t w : it->second) {
      if (!seen(w)) out->push_back({w, kSameSkeleton});
    }
  }
  ForEachDeletion(word, [&](uint64_t h) {
    for (uint32_t w : deletions_.Find(h)) {
      if (seen(w)) continue;
      const std::string_view candidate = words_[w];
      const int bound = std::min(word.size(), candidate.size()) >= kTwoEditsLengthMin ? 2 : 1;
      const int d = EditDistance(word, candidate, bound);
      if (d < 1 || d > bound) continue;
      const float similarity = EditSimilarity(word, candidate, d);
      if (similarity >= kNearSimilarityMin) out->push_back({w, similarity});
    }
  });
}

void NameIndex::Splits(std::string_view word,
                       std::vector<std::pair<uint32_t, uint32_t>>* out) const {
  constexpr size_t kPartMin = 2;
  for (size_t cut = kPartMin; cut + kPartMin <= word.size(); ++cut) {
    const uint32_t first = WordId(word.substr(0, cut));
    if (first == kNoWord) continue;
    const uint32_t second = WordId(word.substr(cut));
    if (second != kNoWord) out->emplace_back(first, second);
  }
}

// Near words and splits of every vocabulary word, once, so that screening a
// name made of words the list uses costs no search.
void NameIndex::BuildWordNeighbours() {
  near_begin_.assign(words_.size() + 1, 0);
  split_begin_.assign(words_.size() + 1, 0);
  std::vector<NearWord> near;
  std::vector<std::pair<uint32_t, uint32_t>> splits;
  for (uint32_t w = 0; w < words_.size(); ++w) {
    near.clear();
    NearWords(words_[w], &near);
    near_.insert(near_.end(), near.begin(), near.end());
    near_begin_[w + 1] = static_cast<uint32_t>(near_.size());
    splits.clear();
    Splits(words_[w], &splits);
    splits_.insert(splits_.end(), splits.begin(), splits.end());
    split_begin_[w + 1] = static_cast<uint32_t>(splits_.size());
  }
}

std::span<const uint32_t> NameIndex::ExactForms(const std::string& key) const {
  auto it = exact_.find(key);
  if (it == exact_.end()) return {};
  return it->second;
}

std::span<const uint32_t> NameIndex::InitialismForms(const std::string& letters) const {
  auto it = initialisms_.find(letters);
  if (it == initialisms_.end()) return {};
  return it->second;
}

}  // namespace highfence::screen
