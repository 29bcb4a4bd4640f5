#include "screen/screener.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "highfence/assert.h"
#include "names/latin.h"
#include "screen/alignment.h"
#include "screen/limits.h"

namespace highfence::screen {
namespace {

// Postings read per screened name, rarest words first: bounds the time a name
// made of common words can take (docs/screening.md, "Candidates").
constexpr size_t kPostingsBudget = 40'000;
constexpr size_t kCandidatesMaxLimit = 10'000;
// Three common words linked in order of a name identify it as a combination
// ("Semiconductor Manufacturing International"); two do not ("Global Logistics").
constexpr uint32_t kLinkedWordsIdentify = 3;

struct Probe {
  uint32_t word;
  float gain;
  size_t postings;
  uint32_t query_begin, query_count;  // the query words it may link
};

const Readers& DefaultReaders() {
  static const Readers readers{Lexicon::Builtin(), names::LegalForms::Builtin()};
  return readers;
}

std::string Join(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : ", ") + w;
  return out.empty() ? "none" : out;
}

// The scratch one screening call uses, kept per thread so calls allocate little.
struct Scratch {
  std::vector<float> gain;  // per form
  std::vector<uint32_t> touched;
  std::vector<Probe> probes;
  std::vector<std::pair<float, uint32_t>> ranked;  // (rank, form)
  std::vector<uint32_t> pending;                   // probes left per query word
};

Scratch& ThreadScratch(size_t forms) {
  thread_local Scratch s;
  if (s.gain.size() < forms) s.gain.assign(forms, 0);
  return s;
}

// The postings a query reads: its words, their near words, joins and splits,
// each with the query words it may link.
void CollectProbes(const NameIndex& index, const Query& q, Scratch* s) {
  s->probes.clear();
  s->pending.assign(q.words.size(), 0);
  // A probe gains at most the weight of the query words it may link: a near
  // word rarer than the word screened must not outrank the word itself.
  auto probe = [&](uint32_t word, float similarity, uint32_t begin, uint32_t count) {
    float query_weight = 0;
    for (uint32_t k = begin; k < begin + count; ++k) {
      query_weight += q.words[k].weight;
      ++s->pending[k];
    }
    const float gain = similarity * std::min(index.Weight(word), query_weight);
    s->probes.push_back({word, gain, index.Frequency(word), begin, count});
  };
  for (uint32_t i = 0; i < q.words.size(); ++i) {
    const QueryWord& w = q.words[i];
    if (w.word != kNoWord) probe(w.word, 1, i, 1);
    for (const NearWord& n : w.near) probe(n.word, n.similarity, i, 1);
  }
  for (const QueryJoin& j : q.joins) probe(j.word, j.similarity, j.begin, j.count);
  for (const QuerySplit& sp : q.splits) {
    probe(sp.first, 1, sp.index, 1);
    probe(sp.second, 1, sp.index, 1);
  }
}

}  // namespace

std::string_view BandName(Band b) { return b == Band::kMatch ? "match" : "review"; }

std::string ScreenOptions::Check() const {
  if (!(match_threshold > 0 && match_threshold <= 1)) return "match_threshold must be in (0, 1]";
  if (!(review_threshold > 0 && review_threshold <= match_threshold)) {
    return "review_threshold must be in (0, match_threshold]";
  }
  if (!(query_weight >= 0 && name_weight >= 0 && std::abs(query_weight + name_weight - 1) < 1e-9)) {
    return "query_weight and name_weight must be non-negative and sum to 1";
  }
  if (!(country_penalty >= 0 && 1 - country_penalty >= match_threshold)) {
    return "country_penalty must be in [0, 1 - match_threshold]: it may not hide an exact name";
  }
  if (!(initialism_score >= 0 && initialism_score < 1)) return "initialism_score must be in [0, 1)";
  if (!(common_words_cap >= review_threshold && common_words_cap < match_threshold)) {
    return "common_words_cap must be in [review_threshold, match_threshold)";
  }
  if (!(weight_exponent > 0 && weight_exponent <= 4)) return "weight_exponent must be in (0, 4]";
  if (candidates_max < 1 || candidates_max > kCandidatesMaxLimit) {
    return fmt::format("candidates_max must be in [1, {}]", kCandidatesMaxLimit);
  }
  if (hits_max < 1) return "hits_max must be at least 1";
  return "";
}

Screener::Screener(ListSnapshot snapshot, ScreenOptions options)
    : snapshot_(std::move(snapshot)),
      options_(options),
      index_(NameIndex::Build(snapshot_, DefaultReaders(), options.weight_exponent)) {}

Result<std::unique_ptr<Screener>> Screener::Build(ListSnapshot snapshot, ScreenOptions options) {
  if (std::string why = options.Check(); !why.empty()) {
    return Status::InvalidArgument("screening options: " + why);
  }
  if (snapshot.entries.size() > limits::entries_max) {
    return Status::LimitExceeded(fmt::format("more than {} list rows", limits::entries_max));
  }
  return std::unique_ptr<Screener>(new Screener(std::move(snapshot), options));
}

// The forms most like the query: those holding its rarest words, ranked by
// gain^2 / (query weight x form weight), a cosine of the weighted words.
void Screener::Candidates(const Query& q, std::vector<uint32_t>* out) const {
  Scratch& s = ThreadScratch(index_.form_count());
  CollectProbes(index_, q, &s);
  std::sort(s.probes.begin(), s.probes.end(),
            [](const Probe& a, const Probe& b) { return a.postings < b.postings; });
  // A form that none of the probes read so far reaches can gain at most the
  // weight of the query words still unread; once that is below what a review
  // needs (query_coverage (review - name_weight) / query_weight), no new
  // candidate can matter and the common words' long postings are left unread.
  const double cover_min =
      std::max(0.0, (options_.review_threshold - options_.name_weight) / options_.query_weight);
  float unread = q.weight;
  size_t read = 0;
  for (const Probe& p : s.probes) {
    if (read > 0 && (read + p.postings > kPostingsBudget || unread < cover_min * q.weight)) break;
    read += p.postings;
    for (uint32_t f : index_.Postings(p.word)) {
      if (s.gain[f] == 0) s.touched.push_back(f);
      s.gain[f] += p.gain;
    }
    for (uint32_t k = p.query_begin; k < p.query_begin + p.query_count; ++k) {
      if (--s.pending[k] == 0) unread -= q.words[k].weight;
    }
  }
  // Ranks computed once; the best `candidates_max` selected in linear time. A
  // form whose gain and the words left unread together cannot reach the
  // query coverage of a review is not a candidate (gains may count a word
  // twice, through its near words: this bound is never too low).
  s.ranked.clear();
  // A word the list does not use weighs like its nearest words, which differ:
  // the bound is then not sure, and every touched form stays a candidate.
  const bool sure =
      std::all_of(q.words.begin(), q.words.end(),
                  [](const QueryWord& w) { return w.word != kNoWord || w.near.empty(); }) &&
      std::all_of(q.joins.begin(), q.joins.end(),
                  [](const QueryJoin& j) { return j.similarity == 1.0f; });
  const float gain_min = sure ? static_cast<float>(cover_min) * q.weight - unread : 0.0f;
  for (uint32_t f : s.touched) {
    if (s.gain[f] >= gain_min) {
      s.ranked.emplace_back(s.gain[f] * s.gain[f] / std::max(1e-6f, index_.form(f).weight), f);
    }
    s.gain[f] = 0;
  }
  s.touched.clear();
  const size_t keep = std::min(options_.candidates_max, s.ranked.size());
  std::nth_element(s.ranked.begin(), s.ranked.begin() + static_cast<ptrdiff_t>(keep),
                   s.ranked.end(), std::greater<>());
  out->clear();
  for (size_t i = 0; i < keep; ++i) out->push_back(s.ranked[i].second);
  for (uint32_t f : index_.ExactForms(q.exact_key)) out->push_back(f);
}

// A name of two words or more that holds a word that is not a place, and a
// word that is a place or says who: "Sichuan University", "Dubai Trading"; not
// "Digital Technology", "Hong Kong".
bool Screener::SaysWho(uint32_t form) const {
  std::span<const uint32_t> words = index_.FormWords(form);
  bool place_or_who = false, not_place = false;
  for (uint32_t w : words) {
    place_or_who |= index_.Distinct(w) || index_.Class(w) == WordClass::kPlace;
    not_place |= index_.Class(w) != WordClass::kPlace;
  }
  return words.size() >= 2 && place_or_who && not_place;
}

double Screener::Score(const Alignment& a, uint32_t form, double* common_cut) const {
  const double score =
      options_.query_weight * a.query_coverage + options_.name_weight * a.name_coverage;
  const bool same_names = a.exact && SaysWho(form);
  const bool identified = a.distinct || a.name_words_linked >= kLinkedWordsIdentify || same_names;
  *common_cut = identified ? 0 : std::max(0.0, score - options_.common_words_cap);
  return score - *common_cut;
}

double Screener::CountryPenalty(const ListEntry& e, std::string_view country) const {
  if (country.empty() || e.countries.empty()) return 0;
  const bool elsewhere =
      std::find(e.countries.begin(), e.countries.end(), country) == e.countries.end();
  return elsewhere ? options_.country_penalty : 0;
}

Hit Screener::MakeHit(const Query& q, uint32_t form, std::string_view country,
                      bool initialism) const {
  const NameIndex::Form& f = index_.form(form);
  const ListEntry& e = snapshot_.entries[f.entry];
  Hit hit;
  hit.entry_index = f.entry;
  hit.entry = &e;
  hit.matched_name = f.name == 0 ? e.name : e.alt_names[f.name - 1];
  const Alignment a = Align(q, index_, form, /*explain=*/true);
  double common_cut = 0;
  const double coverage_score = Score(a, form, &common_cut);
  std::string near = a.near_pairs.empty() ? "" : "; near: " + Join(a.near_pairs);
  if (initialism && options_.initialism_score > coverage_score) {
    hit.features.push_back(
        {"initialism", 1, options_.initialism_score, options_.initialism_score,
         fmt::format("`{}` is the initialism of `{}`", q.initials, hit.matched_name)});
  } else {
    hit.exact = a.exact;
    hit.features.push_back({"query_coverage", a.query_coverage, options_.query_weight,
                            options_.query_weight * a.query_coverage,
                            "unmatched in the screened name: " + Join(a.unmatched_query) + near});
    hit.features.push_back({"name_coverage", a.name_coverage, options_.name_weight,
                            options_.name_weight * a.name_coverage,
                            "unmatched in the listed name: " + Join(a.unmatched_name)});
    if (common_cut > 0) {
      hit.features.push_back(
          {"common_words", 1, -common_cut, -common_cut, "only common words or places match"});
    }
  }
  if (const double penalty = CountryPenalty(e, country); penalty > 0) {
    std::string listed;
    for (const std::string& c : e.countries) listed += (listed.empty() ? "" : ", ") + c;
    hit.features.push_back(
        {"country", 1, -penalty, -penalty,
         fmt::format("screened {}; the row's addresses are in {}", country, listed)});
  }
  for (const Feature& feature : hit.features) hit.score += feature.contribution;
  hit.score = std::clamp(hit.score, 0.0, 1.0);
  hit.band = hit.score >= options_.match_threshold ? Band::kMatch : Band::kReview;
  return hit;
}

std::vector<Hit> Screener::Screen(std::string_view name, std::string_view country) const {
  if (name.size() > limits::name_bytes_max) name = name.substr(0, limits::name_bytes_max);
  const bool ascii = names::IsAscii(name);
  std::vector<NameForm> forms{ReadName(name, DefaultReaders(), HanReading::kAllTerms)};
  if (!ascii) {
    for (HanReading h : {HanReading::kWordTerms, HanReading::kPinyin}) {
      NameForm f = ReadName(name, DefaultReaders(), h);
      const bool seen = std::any_of(forms.begin(), forms.end(),
                                    [&](const NameForm& g) { return g.words == f.words; });
      if (!seen) forms.push_back(std::move(f));
    }
  }
  struct Best {
    double score;
    uint32_t form;
    size_t query;
    bool initialism;
  };
  std::unordered_map<uint32_t, Best> best;  // by entry
  std::vector<Query> queries;
  std::vector<uint32_t> candidates;
  for (const NameForm& form : forms) {
    Query q = PrepareQuery(form, index_, DefaultReaders().lexicon,
                           {.near_joins = !ascii, .full_weight_common = ascii});
    if (q.words.empty()) continue;
    const size_t qi = queries.size();
    auto consider = [&](uint32_t f, double score, bool initialism) {
      score -= CountryPenalty(snapshot_.entries[index_.form(f).entry], country);
      auto [it, added] = best.try_emplace(index_.form(f).entry, Best{score, f, qi, initialism});
      if (!added && score > it->second.score) it->second = Best{score, f, qi, initialism};
    };
    Candidates(q, &candidates);
    for (uint32_t f : candidates) {
      double common_cut = 0;
      consider(f, Score(Align(q, index_, f, false), f, &common_cut), false);
    }
    if (q.initials.size() >= 3 && q.initials.size() <= 8) {
      for (uint32_t f : index_.InitialismForms(q.initials))
        consider(f, options_.initialism_score, true);
    }
    queries.push_back(std::move(q));
  }
  std::vector<Best> kept;
  for (const auto& [entry, b] : best) {
    if (b.score >= options_.review_threshold - 1e-9) kept.push_back(b);
  }
  std::sort(kept.begin(), kept.end(), [&](const Best& a, const Best& b) {
    if (a.score != b.score) return a.score > b.score;
    return index_.form(a.form).entry < index_.form(b.form).entry;
  });
  if (kept.size() > options_.hits_max) kept.resize(options_.hits_max);
  std::vector<Hit> hits;
  for (const Best& b : kept)
    hits.push_back(MakeHit(queries[b.query], b.form, country, b.initialism));
  return hits;
}

}  // namespace highfence::screen
