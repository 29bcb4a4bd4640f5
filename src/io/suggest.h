// "Did you mean" hints for input errors: a misspelt field name, a country code
// people write but ISO does not assign (UK), a partial catalog id (h100). Only
// error paths call these, so they favour clarity over speed.
#ifndef HIGHFENCE_IO_SUGGEST_H_
#define HIGHFENCE_IO_SUGGEST_H_

#include <span>
#include <string>
#include <string_view>

#include "catalog/catalog.h"

namespace highfence::io {

// Edit distance (insertions, deletions, substitutions and adjacent swaps),
// case-insensitive for ASCII letters.
int EditDistance(std::string_view a, std::string_view b);

// The candidate nearest to `word` when it is close enough to be a typo (at most
// 2 edits, and fewer than half the word's length), else empty.
std::string_view Nearest(std::string_view word, std::span<const std::string_view> candidates);

// " (did you mean `x`?)" for Nearest, or empty.
std::string DidYouMean(std::string_view word, std::span<const std::string_view> candidates);

// A hint for a text that is not an assigned ISO 3166-1 alpha-2 code:
// " (did you mean `GB`?)" for `UK`, `gb` or `GBR`; empty when there is none.
std::string CountryHint(std::string_view text);

// A hint for an id that is not in the catalog: the ids that contain it (`h100`
// lists nvidia-h100-sxm and its kin), else the nearest id; empty when none.
std::string CatalogHint(std::string_view id, const catalog::Catalog& catalog);

}  // namespace highfence::io

#endif  // HIGHFENCE_IO_SUGGEST_H_
