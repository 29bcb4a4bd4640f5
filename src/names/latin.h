// Latin ASCII: the one script every name is compared in.
//
// ToLatinAscii turns a name in any script into lowercase ASCII, in this order:
// Unicode NFKC with case folding; traditional Han characters to simplified
// ones; optionally Han terms replaced by their English (HanTerms, screening's
// term table); every other Han character read as Mandarin pinyin, one syllable
// per character; Cyrillic romanised by BGN/PCGN (as the U.S. lists write Russian
// names: Rostekh, Shchukin); every other script by ICU's Any-Latin; then
// Latin-ASCII, which strips accents (Société -> societe). What ICU leaves
// outside ASCII becomes a space.
//
// Cost: ICU transliterators take milliseconds to create (bench/names_bench.cc),
// so each thread creates its own once, on first use, and keeps it. Pure ASCII
// input never reaches ICU.
//
// Thread safety: every function here may be called from any thread. A HanTerms
// is immutable once built and may be shared.
#ifndef HIGHFENCE_NAMES_LATIN_H_
#define HIGHFENCE_NAMES_LATIN_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace highfence::names {

// Han terms read as words instead of syllables: 华为 -> "huawei", 技术 ->
// "technology". Keys are stored simplified and case-folded, so a table written
// in traditional characters matches both forms. The longest key wins.
class HanTerms {
 public:
  HanTerms() = default;
  // `terms` are (Han text, Latin replacement) pairs; an empty replacement
  // drops the term. A key that holds no Han character, or a replacement that
  // is not ASCII, is returned in `*rejected` and left out.
  static HanTerms Build(const std::vector<std::pair<std::string, std::string>>& terms,
                        std::vector<std::string>* rejected);

  size_t size() const { return terms_.size(); }
  // The replacement for exactly `han` (UTF-16, simplified), or nullptr.
  const std::string* Find(std::u16string_view han) const;
  size_t key_units_max() const { return key_units_max_; }

 private:
  std::unordered_map<std::u16string, std::string> terms_;
  size_t key_units_max_ = 0;
};

// `text` (UTF-8) as lowercase ASCII words. `terms` may be null. Invalid UTF-8
// bytes become U+FFFD and then spaces.
// Example: ToLatinAscii("華為技術有限公司") == "hua wei ji shu you xian gong si"
std::string ToLatinAscii(std::string_view text, const HanTerms* terms = nullptr);

// True when `text` is all ASCII (the fast path: no ICU).
bool IsAscii(std::string_view text);

}  // namespace highfence::names

#endif  // HIGHFENCE_NAMES_LATIN_H_
