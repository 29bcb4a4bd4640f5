#include "screen/name_form.h"

#include <algorithm>
#include <set>

#include "names/words.h"
#include "screen/limits.h"

namespace highfence::screen {
namespace {

constexpr size_t kTailWordsMax = 4;  // words after a legal form cut as an address
constexpr size_t kAcronymCharsMax = 10;

bool StartsAt(const Words& words, size_t at, const Words& phrase) {
  if (at + phrase.size() > words.size()) return false;
  return std::equal(phrase.begin(), phrase.end(), words.begin() + static_cast<ptrdiff_t>(at));
}

NameForm Slice(const NameForm& f, size_t begin, size_t end) {
  NameForm out;
  out.words.assign(f.words.begin() + static_cast<ptrdiff_t>(begin),
                   f.words.begin() + static_cast<ptrdiff_t>(end));
  out.kinds.assign(f.kinds.begin() + static_cast<ptrdiff_t>(begin),
                   f.kinds.begin() + static_cast<ptrdiff_t>(end));
  return out;
}

bool HasCore(const NameForm& f) {
  return std::find(f.kinds.begin(), f.kinds.end(), WordKind::kCore) != f.kinds.end();
}

// Without a trailing boilerplate phrase, if it has one.
NameForm WithoutBoilerplate(NameForm f, const Lexicon& lex) {
  for (const Words& phrase : lex.boilerplate()) {
    if (f.size() >= phrase.size() && StartsAt(f.words, f.size() - phrase.size(), phrase)) {
      return Slice(f, 0, f.size() - phrase.size());
    }
  }
  return f;
}

// The parts around each alias marker ("a k a", "affiliated entity", ...).
void SplitAtMarkers(const NameForm& f, const Lexicon& lex, std::vector<NameForm>* out) {
  size_t begin = 0;
  for (size_t i = 0; i < f.size(); ++i) {
    for (const Words& marker : lex.markers()) {
      if (!StartsAt(f.words, i, marker)) continue;
      if (i > begin) out->push_back(Slice(f, begin, i));
      begin = i + marker.size();
      i = begin - 1;
      break;
    }
  }
  if (begin > 0 && begin < f.size()) out->push_back(Slice(f, begin, f.size()));
}

// The name cut after a legal form that ends a comma-separated part, when an
// address of one to four words follows ("..., Co., Ltd., Chengdu, Sichuan").
void CutAtAddress(std::string_view latin, const Readers& r, std::vector<NameForm>* out) {
  size_t comma = latin.find(',');
  while (comma != std::string_view::npos) {
    // Cheap tests first: most commas are "SURNAME, Given", not an address.
    const Words before = names::SplitWords(latin.substr(0, comma), {.join_apostrophes = true});
    const Words after = names::SplitWords(latin.substr(comma + 1), {.join_apostrophes = true});
    if (!before.empty() && r.forms.TrailingWords(before) > 0 && !after.empty() &&
        after.size() <= kTailWordsMax) {
      out->push_back(ReadLatin(latin.substr(0, comma), r));
      return;
    }
    comma = latin.find(',', comma + 1);
  }
}

struct Parenthetical {
  size_t begin, end;  // of the text inside, in the Latin string
};

std::vector<Parenthetical> FindParentheticals(std::string_view latin) {
  std::vector<Parenthetical> out;
  int depth = 0;
  size_t open = 0;
  for (size_t i = 0; i < latin.size(); ++i) {
    const char ch = latin[i];
    if (ch == '(' || ch == '[') {
      if (depth++ == 0) open = i + 1;
    } else if ((ch == ')' || ch == ']') && depth > 0) {
      if (--depth == 0) out.push_back({open, i});
    }
  }
  return out;
}

std::string WithoutParentheticals(std::string_view latin, const std::vector<Parenthetical>& ps) {
  std::string out;
  size_t at = 0;
  for (const Parenthetical& p : ps) {
    out.append(latin.substr(at, p.begin - 1 - at));
    out.push_back(' ');
    at = p.end + 1;
  }
  if (at < latin.size()) out.append(latin.substr(at));
  return out;
}

// Whether `letters` can be read off `words` in order, starting with the first
// letter of the first word and never taking more than the rest of a word:
// "aopc" from "atlas ocean and petrochemical", "nscctj" from "national
// supercomputing center tianjin".
bool FollowsInitials(std::string_view letters, const Words& words) {
  if (letters.empty() || words.empty() || words[0][0] != letters[0]) return false;
  size_t at = 0;
  for (const std::string& w : words) {
    for (size_t i = 0; i < w.size() && at < letters.size(); ++i) {
      if (w[i] == letters[at]) {
        ++at;
      } else if (i == 0) {
        break;  // a word that does not give its first letter gives none
      }
    }
  }
  return at == letters.size();
}

// "(SMIC)", "(NSCC-TJ)": an acronym of the name in parentheses.
bool IsAcronym(std::string_view name, std::string_view latin, const Parenthetical& p,
               const Words& outer) {
  const std::string_view inner = latin.substr(p.begin, p.end - p.begin);
  if (inner.empty() || inner.size() > kAcronymCharsMax) return false;
  if (inner.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789 -") != std::string_view::npos) {
    return false;
  }
  std::string letters;
  for (char c : inner) {
    if (c >= 'a' && c <= 'z') letters.push_back(c);
  }
  if (letters.size() >= 2 && FollowsInitials(letters, outer)) return true;
  // In a name written in mixed case, capitals in parentheses are an acronym.
  if (name.size() != latin.size()) return false;  // not ASCII: the case is lost
  const bool mixed =
      std::any_of(name.begin(), name.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  const std::string_view written = name.substr(p.begin, p.end - p.begin);
  return mixed && letters.size() >= 2 &&
         std::none_of(written.begin(), written.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// The forms a parenthetical adds: the name without it, and the text inside
// when it is an acronym, a short name whose words the name holds ("(Huawei)"),
// or an alias after a marker ("(a.k.a. FETCO, Inc.)").
void ParentheticalForms(std::string_view name, std::string_view latin, const Readers& r,
                        std::vector<NameForm>* out) {
  const std::vector<Parenthetical> ps = FindParentheticals(latin);
  if (ps.empty()) return;
  const NameForm outer = ReadLatin(WithoutParentheticals(latin, ps), r);
  out->push_back(outer);
  const Words outer_core = outer.Core();
  const std::set<std::string> outer_words(outer_core.begin(), outer_core.end());
  for (const Parenthetical& p : ps) {
    const NameForm inner = ReadLatin(latin.substr(p.begin, p.end - p.begin), r);
    const Words core = inner.Core();
    const bool short_name =
        !core.empty() && std::all_of(core.begin(), core.end(),
                                     [&](const std::string& w) { return outer_words.contains(w); });
    const bool says_who = std::any_of(core.begin(), core.end(), [&](const std::string& w) {
      return r.lexicon.Class(w) == WordClass::kOther;
    });
    if ((IsAcronym(name, latin, p, outer.words) && says_who) || short_name) {
      out->push_back(inner);
    } else {
      SplitAtMarkers(inner, r.lexicon, out);
    }
  }
}

// The parts a spaced dash separates, when each names something: two core
// words, one of them not common.
void DashParts(std::string_view latin, const Readers& r, std::vector<NameForm>* out) {
  size_t at = 0;
  std::vector<NameForm> parts;
  while (true) {
    const size_t dash = latin.find(" - ", at);
    parts.push_back(
        ReadLatin(latin.substr(at, dash == std::string_view::npos ? dash : dash - at), r));
    if (dash == std::string_view::npos) break;
    at = dash + 3;
  }
  if (parts.size() < 2) return;
  for (NameForm& part : parts) {
    const Words core = part.Core();
    const bool distinct = std::any_of(core.begin(), core.end(), [&](const std::string& w) {
      return r.lexicon.Class(w) == WordClass::kOther;
    });
    if (core.size() >= 2 && distinct) out->push_back(std::move(part));
  }
}

}  // namespace

Words NameForm::Core() const {
  Words out;
  for (size_t i = 0; i < words.size(); ++i) {
    if (kinds[i] == WordKind::kCore) out.push_back(words[i]);
  }
  return out;
}

NameForm ReadLatin(std::string_view latin, const Readers& r) {
  const Words raw = names::SplitWords(latin, {.join_apostrophes = true});
  NameForm out;
  Words canonical;
  for (size_t i = 0; i < raw.size() && out.size() < limits::name_words_max;) {
    const size_t legal = r.forms.FormAt(raw, i);
    if (legal > 0) {
      for (size_t k = 0; k < legal; ++k) {
        out.words.push_back(raw[i + k]);
        out.kinds.push_back(WordKind::kLegal);
      }
      i += legal;
      continue;
    }
    canonical.clear();
    Words named;
    const size_t taken = r.lexicon.PinyinNameAt(raw, i, &named);
    if (taken > 0) {
      for (const std::string& w : named) r.lexicon.Canonical(w, &canonical);
    } else {
      r.lexicon.Canonical(raw[i], &canonical);
    }
    for (std::string& w : canonical) {
      out.kinds.push_back(r.lexicon.IsStopword(w) ? WordKind::kStop : WordKind::kCore);
      out.words.push_back(std::move(w));
    }
    i += std::max<size_t>(taken, 1);
  }
  out.words.resize(std::min(out.words.size(), limits::name_words_max));
  out.kinds.resize(out.words.size());
  return out;
}

NameForm ReadName(std::string_view name, const Readers& r, HanReading han) {
  const names::HanTerms* terms = han == HanReading::kAllTerms    ? &r.lexicon.han_terms()
                                 : han == HanReading::kWordTerms ? &r.lexicon.han_word_terms()
                                                                 : nullptr;
  return ReadLatin(names::ToLatinAscii(name, terms), r);
}

std::vector<NameForm> ListNameForms(std::string_view name, const Readers& r) {
  const std::string latin = names::ToLatinAscii(name, &r.lexicon.han_terms());
  std::vector<NameForm> forms;
  forms.push_back(WithoutBoilerplate(ReadLatin(latin, r), r.lexicon));
  ParentheticalForms(name, latin, r, &forms);
  DashParts(latin, r, &forms);
  CutAtAddress(latin, r, &forms);
  const size_t before_markers = forms.size();
  for (size_t i = 0; i < before_markers; ++i) {
    const NameForm whole = forms[i];  // a copy: the calls below grow `forms`
    SplitAtMarkers(whole, r.lexicon, &forms);
  }
  for (NameForm& f : forms) f = WithoutBoilerplate(std::move(f), r.lexicon);
  std::vector<NameForm> out;
  std::set<Words> seen;
  for (NameForm& f : forms) {
    if (HasCore(f) && seen.insert(f.Core()).second) out.push_back(std::move(f));
  }
  return out;
}

}  // namespace highfence::screen
