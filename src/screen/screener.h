// Screener: restricted-party screening of names against one list snapshot.
//
//   Result<std::unique_ptr<Screener>> s = Screener::Build(std::move(snapshot));
//   std::vector<Hit> hits = (*s)->Screen("华为技术有限公司", "CN");
//
// Each hit is a list row whose names match the screened name well enough:
// score >= match_threshold is a match, review_threshold <= score <
// match_threshold is a candidate for review. The score is a sum of documented
// features, each reported with its value, weight and contribution
// (docs/screening.md):
//
//   query_coverage x query_weight   how much of the screened name the row's name holds
// + name_coverage  x name_weight    how much of the row's name the screened name holds
// - country_penalty                 when the caller names a country and the row's
//                                   addresses are all elsewhere
//
// - common_words                   down to common_words_cap when no linked word
//                                   says who the party is (only words such as
//                                   technology, trading, Beijing link) and fewer
//                                   than three words link, unless the names are
//                                   the same, of two words or more, one not a
//                                   place and one a place ("Sichuan University")
//
// An initialism the list does not write itself ("SMI" for Semiconductor
// Manufacturing International) scores `initialism_score`, in the review band.
// The country penalty never takes a name that matches exactly below the match
// threshold: Build refuses options that would let it.
//
// Cost: Build reads every name of the snapshot once (well under a second for
// the 2026 list with every alias, docs/benchmarks.md); Screen compares a name
// with at most `candidates_max` list names found through the index.
//
// Thread safety: a built Screener is immutable; Screen may be called from any
// number of threads at once.
#ifndef HIGHFENCE_SCREEN_SCREENER_H_
#define HIGHFENCE_SCREEN_SCREENER_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "highfence/status.h"
#include "screen/list_entry.h"
#include "screen/name_index.h"

namespace highfence::screen {

struct Query;  // screen/alignment.h

struct ScreenOptions {
  double match_threshold = 0.86;   // at or above: a match
  double review_threshold = 0.72;  // at or above and below a match: review
  double query_weight = 0.6;       // weights of the two coverages; they sum to 1
  double name_weight = 0.4;
  double country_penalty = 0.10;   // subtracted on a country mismatch
  double initialism_score = 0.78;  // a formed initialism alone
  double common_words_cap = 0.80;  // the most a hit on common words alone scores
  double weight_exponent = 1.5;    // word weight = idf ^ exponent
  size_t candidates_max = 64;      // list names scored per screened name
  size_t hits_max = 25;            // hits returned per screened name, best first

  // Empty when consistent; else what is wrong.
  std::string Check() const;
};

enum class Band { kMatch, kReview };
std::string_view BandName(Band b);  // "match" | "review"

struct Feature {
  std::string name;  // query_coverage, name_coverage, country, common_words, initialism
  double value = 0;  // the feature's own value (coverage 0..1; 1 for a flag)
  double weight = 0;
  double contribution = 0;  // value x weight, or the penalty; they sum to the score
  std::string detail;       // what matched and what did not, in words
};

struct Hit {
  size_t entry_index = 0;  // row of the snapshot
  const ListEntry* entry = nullptr;
  std::string matched_name;  // the row's name (primary or alternative) that matched, as written
  double score = 0;
  Band band = Band::kReview;
  bool exact = false;  // the names' words are the same
  std::vector<Feature> features;
};

class Screener {
 public:
  static Result<std::unique_ptr<Screener>> Build(ListSnapshot snapshot, ScreenOptions options = {});

  // Hits for one name, best first; `country` is an ISO alpha-2 code or empty.
  // A name with no word to compare (empty, only legal forms) has no hits.
  std::vector<Hit> Screen(std::string_view name, std::string_view country = {}) const;

  const ListSnapshot& snapshot() const { return snapshot_; }
  const ScreenOptions& options() const { return options_; }
  const NameIndex& index() const { return index_; }

 private:
  Screener(ListSnapshot snapshot, ScreenOptions options);
  void Candidates(const Query& q, std::vector<uint32_t>* out) const;
  double CountryPenalty(const ListEntry& e, std::string_view country) const;
  Hit MakeHit(const Query& q, uint32_t form, std::string_view country, bool initialism) const;
  bool SaysWho(uint32_t form) const;
  // The score of an alignment before the country, and the common-words cut.
  double Score(const struct Alignment& a, uint32_t form, double* common_cut) const;

  ListSnapshot snapshot_;
  ScreenOptions options_;
  NameIndex index_;
};

}  // namespace highfence::screen

#endif  // HIGHFENCE_SCREEN_SCREENER_H_
