#include "names/words.h"

namespace highfence::names {
namespace {

bool IsWordChar(char ch) { return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9'); }

}  // namespace

std::vector<std::string> SplitWords(std::string_view text, WordOptions options) {
  std::vector<std::string> words;
  std::string word;
  auto flush = [&] {
    if (!word.empty()) words.push_back(std::move(word));
    word.clear();
  };
  for (char ch : text) {
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    if (IsWordChar(ch)) {
      word.push_back(ch);
    } else if ((ch == '\'' || ch == '`') && options.join_apostrophes) {
      continue;
    } else {
      flush();
      if (ch == '&' || ch == '+') words.emplace_back("and");
    }
  }
  flush();
  return words;
}

}  // namespace highfence::names
