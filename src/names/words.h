// Words of a name already in Latin ASCII (names/latin.h): runs of a-z and 0-9.
// `&` and `+` are read as the word `and`. Everything else separates words.
//
// Thread safety: pure functions.
#ifndef HIGHFENCE_NAMES_WORDS_H_
#define HIGHFENCE_NAMES_WORDS_H_

#include <string>
#include <string_view>
#include <vector>

namespace highfence::names {

struct WordOptions {
  // Drop apostrophes instead of splitting at them: Xi'an -> xian, Int'l -> intl.
  // Party keys split (contract.md section 4); screening joins.
  bool join_apostrophes = false;
};

// Example: SplitWords("big parent co., ltd.") == {"big", "parent", "co", "ltd"}
std::vector<std::string> SplitWords(std::string_view latin_ascii, WordOptions options = {});

}  // namespace highfence::names

#endif  // HIGHFENCE_NAMES_WORDS_H_
