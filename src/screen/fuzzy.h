// Word similarity for screening: edit distance and a transliteration skeleton.
//
// Thread safety: pure functions.
#ifndef HIGHFENCE_SCREEN_FUZZY_H_
#define HIGHFENCE_SCREEN_FUZZY_H_

#include <string>
#include <string_view>

namespace highfence::screen {

// Optimal-string-alignment distance (insertions, deletions, substitutions and
// swaps of neighbours each cost 1) when it is at most `bound`; bound + 1
// otherwise. Words longer than 64 characters compare equal or not at all.
int EditDistance(std::string_view a, std::string_view b, int bound);

// A word with the differences between romanisations of one sound removed, so
// that Rostekh and Rostec, Yuriy and Iouri, Mohammed and Mohamed, Djibril and
// Jibril share a skeleton: kh -> k, c (not before h) -> k, ck -> k, q -> k,
// ts/tz -> z, c before e or i -> z, ph -> f, w -> v, y -> i, ou -> u, dzh/dj ->
// j, gh -> g, th -> t, x -> ks; then doubled letters once.
std::string Skeleton(std::string_view word);

}  // namespace highfence::screen

#endif  // HIGHFENCE_SCREEN_FUZZY_H_
