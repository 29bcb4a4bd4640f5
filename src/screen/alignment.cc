#include "screen/alignment.h"

#include <algorithm>
#include <cstdlib>

#include "screen/limits.h"

namespace highfence::screen {
namespace {

constexpr uint32_t kJoinWordsMax = 4;  // pinyin syllables of one romanised word

struct Link {
  uint32_t query_begin, query_count, name_begin, name_count;
  float similarity;
};

bool Better(const Link& a, const Link& b) {
  if (a.similarity != b.similarity) return a.similarity > b.similarity;
  const uint32_t a_words = a.query_count + a.name_count, b_words = b.query_count + b.name_count;
  if (a_words != b_words) return a_words > b_words;
  return std::abs(static_cast<int>(a.query_begin) - static_cast<int>(a.name_begin)) <
         std::abs(static_cast<int>(b.query_begin) - static_cast<int>(b.name_begin));
}

void CollectLinks(const Query& q, std::span<const uint32_t> name, std::vector<Link>* links) {
  const uint32_t m = static_cast<uint32_t>(name.size());
  for (uint32_t i = 0; i < q.words.size(); ++i) {
    const QueryWord& w = q.words[i];
    for (uint32_t j = 0; j < m; ++j) {
      if (name[j] == w.word) {
        links->push_back({i, 1, j, 1, 1.0f});
        continue;
      }
      for (const NearWord& n : w.near) {
        if (n.word == name[j]) links->push_back({i, 1, j, 1, n.similarity});
      }
    }
  }
  for (const QueryJoin& join : q.joins) {
    for (uint32_t j = 0; j < m; ++j) {
      if (name[j] == join.word) links->push_back({join.begin, join.count, j, 1, join.similarity});
    }
  }
  for (const QuerySplit& split : q.splits) {
    for (uint32_t j = 0; j + 1 < m; ++j) {
      if (name[j] == split.first && name[j + 1] == split.second) {
        links->push_back({split.index, 1, j, 2, 1.0f});
      }
    }
  }
}

bool Free(const std::vector<bool>& used, uint32_t begin, uint32_t count) {
  for (uint32_t k = begin; k < begin + count; ++k) {
    if (used[k]) return false;
  }
  return true;
}

// One word of the screened name: its vocabulary id, near words and weight.
QueryWord PrepareWord(const std::string& text, const NameIndex& index, const Lexicon& lexicon,
                      const QueryOptions& options) {
  QueryWord w;
  w.text = text;
  w.word = index.WordId(text);
  if (w.word == kNoWord) {
    index.NearWords(text, &w.near);
  } else {
    const std::span<const NearWord> known = index.NearWordsOf(w.word);
    w.near.assign(known.begin(), known.end());
  }
  if (w.word != kNoWord) {
    w.weight = index.Weight(w.word);
  } else if (!w.near.empty()) {
    const auto best = std::max_element(
        w.near.begin(), w.near.end(), [](auto& a, auto& b) { return a.similarity < b.similarity; });
    w.weight = index.Weight(best->word);
  } else {
    w.weight = index.UnknownWeight();
  }
  const WordClass c = lexicon.Class(text);
  if (options.full_weight_common && c == WordClass::kCommon) {
    w.weight /= static_cast<float>(lexicon.WeightFactor(c));
  }
  return w;
}

// Neighbouring words written together that the vocabulary holds (or, from
// Chinese, is near).
void AddJoins(const NameIndex& index, bool near_joins, Query* q) {
  const uint32_t n = static_cast<uint32_t>(q->words.size());
  std::vector<NearWord> near;
  for (uint32_t begin = 0; begin < n; ++begin) {
    std::string joined = q->words[begin].text;
    for (uint32_t count = 2; count <= kJoinWordsMax && begin + count <= n; ++count) {
      joined += q->words[begin + count - 1].text;
      const uint32_t id = index.WordId(joined);
      if (id != kNoWord) q->joins.push_back({begin, count, id, 1.0f});
      if (!near_joins) continue;
      near.clear();
      index.NearWords(joined, &near);
      for (const NearWord& w : near) q->joins.push_back({begin, count, w.word, w.similarity});
    }
  }
  // Words that spell a vocabulary word together ("bei jing", the pinyin of a
  // Chinese name; "sense time") weigh at most what that word weighs, shared
  // among them: as rare or unknown words each would weigh like the rarest one.
  for (const QueryJoin& j : q->joins) {
    if (j.similarity < 1.0f) continue;
    const float share = index.Weight(j.word) / static_cast<float>(j.count);
    for (uint32_t k = j.begin; k < j.begin + j.count; ++k) {
      QueryWord& w = q->words[k];
      if (share >= w.weight) continue;
      q->weight += share - w.weight;
      w.weight = share;
    }
  }
}

void AddSplits(const NameIndex& index, Query* q) {
  std::vector<std::pair<uint32_t, uint32_t>> splits;
  for (uint32_t i = 0; i < q->words.size(); ++i) {
    splits.clear();
    if (q->words[i].word == kNoWord) {
      index.Splits(q->words[i].text, &splits);
    } else {
      const auto known = index.SplitsOf(q->words[i].word);
      splits.assign(known.begin(), known.end());
    }
    for (const auto& [first, second] : splits) q->splits.push_back({i, first, second});
  }
}

}  // namespace

Query PrepareQuery(const NameForm& form, const NameIndex& index, const Lexicon& lexicon,
                   QueryOptions options) {
  Query q;
  const Words core = form.Core();
  for (const std::string& text : core) {
    q.words.push_back(PrepareWord(text, index, lexicon, options));
    q.weight += q.words.back().weight;
  }
  AddJoins(index, options.near_joins, &q);
  AddSplits(index, &q);
  q.exact_key = NameIndex::ExactKey(core);
  if (core.size() == 1) q.initials = core[0];
  return q;
}

Alignment Align(const Query& q, const NameIndex& index, uint32_t form, bool explain) {
  const std::span<const uint32_t> name = index.FormWords(form);
  thread_local std::vector<Link> links;
  links.clear();
  CollectLinks(q, name, &links);
  std::sort(links.begin(), links.end(), Better);
  thread_local std::vector<bool> query_used, name_used;
  query_used.assign(q.words.size(), false);
  name_used.assign(name.size(), false);
  float query_matched = 0, name_matched = 0;
  bool all_exact = true;
  Alignment a;
  for (const Link& l : links) {
    if (!Free(query_used, l.query_begin, l.query_count) ||
        !Free(name_used, l.name_begin, l.name_count)) {
      continue;
    }
    for (uint32_t k = l.query_begin; k < l.query_begin + l.query_count; ++k) {
      query_used[k] = true;
      query_matched += l.similarity * q.words[k].weight;
    }
    for (uint32_t k = l.name_begin; k < l.name_begin + l.name_count; ++k) {
      name_used[k] = true;
      name_matched += l.similarity * index.Weight(name[k]);
      a.distinct |= index.Distinct(name[k]);
      ++a.name_words_linked;
    }
    if (l.similarity < 1.0f) {
      all_exact = false;
      if (explain) {
        a.near_pairs.push_back(q.words[l.query_begin].text + "~" +
                               std::string(index.Word(name[l.name_begin])));
      }
    }
  }
  const float name_weight = index.form(form).weight;
  a.query_coverage = q.weight > 0 ? std::min(1.0f, query_matched / q.weight) : 0;
  a.name_coverage = name_weight > 0 ? std::min(1.0f, name_matched / name_weight) : 0;
  const bool all_query =
      std::all_of(query_used.begin(), query_used.end(), [](bool b) { return b; });
  const bool all_name = std::all_of(name_used.begin(), name_used.end(), [](bool b) { return b; });
  a.exact = all_exact && all_query && all_name && !q.words.empty();
  if (explain) {
    for (size_t i = 0; i < q.words.size(); ++i) {
      if (!query_used[i]) a.unmatched_query.push_back(q.words[i].text);
    }
    for (size_t j = 0; j < name.size(); ++j) {
      if (!name_used[j]) a.unmatched_name.emplace_back(index.Word(name[j]));
    }
  }
  return a;
}

}  // namespace highfence::screen
