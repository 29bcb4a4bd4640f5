// NameForm: a name as screening compares it. The name is put in Latin ASCII
// (names/latin.h, with the Chinese term table), split into words (apostrophes
// joined: Xi'an -> xian), legal-form words marked (names/legal-forms.toml),
// the other words made canonical (screen/lexicon.h: variants, plurals,
// ordinals) and stopwords marked. Only core words identify a party; legal-form
// words and stopwords neither match nor count against a match.
//
// A list name is indexed under several forms (ListNameForms): the whole name;
// the name without its parentheses; an acronym or short name in parentheses
// ("... Corporation (SMIC)": capitals in a name written in mixed case, or
// letters that follow the initials of the name) or a short name whose words
// the name holds ("(Huawei)"); the parts a marker separates ("Huawei ... .
// Affiliated Entity: Nanchang Huawei ...", "X a.k.a. Y"); the parts a spaced
// dash separates, when each holds a word that is not common; the name cut
// after its legal form where an address follows a comma ("Chengdu Huawei
// Technologies Co., Ltd., Chengdu, Sichuan"); without the boilerplate the lists
// append ("and any successor, sub-unit, or subsidiary thereof").
//
// Thread safety: pure functions.
#ifndef HIGHFENCE_SCREEN_NAME_FORM_H_
#define HIGHFENCE_SCREEN_NAME_FORM_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "names/legal_forms.h"
#include "screen/lexicon.h"

namespace highfence::screen {

enum class WordKind : uint8_t { kCore = 0, kLegal = 1, kStop = 2 };

struct NameForm {
  Words words;  // canonical, in the name's order
  std::vector<WordKind> kinds;

  size_t size() const { return words.size(); }
  // The core words, in order.
  Words Core() const;
};

struct Readers {
  const Lexicon& lexicon;
  const names::LegalForms& forms;
};

// How Han characters are read: with every term of the table (华为 -> huawei),
// with only its common words and places (company names stay pinyin: 海光 ->
// hai guang, as some list rows write them), or as pinyin alone.
enum class HanReading { kAllTerms, kWordTerms, kPinyin };

// One name read once.
NameForm ReadName(std::string_view name, const Readers& r, HanReading han = HanReading::kAllTerms);
// The same from text already in Latin ASCII.
NameForm ReadLatin(std::string_view latin, const Readers& r);

// Every form a list name is indexed under (deduplicated by core words; forms
// without a core word are left out).
std::vector<NameForm> ListNameForms(std::string_view name, const Readers& r);

}  // namespace highfence::screen

#endif  // HIGHFENCE_SCREEN_NAME_FORM_H_
