#include "names/latin.h"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <memory>
#include <mutex>

#include "highfence/assert.h"

namespace highfence::names {
namespace {

// Cyrillic first by BGN/PCGN, which is how the U.S. lists romanise Russian
// names (Any-Latin alone would give ISO 9's h for х and c for ц); then every
// other script to Latin; then accents off.
constexpr char kToLatinId[] = "Russian-Latin/BGN; Any-Latin; Latin-ASCII";
constexpr char kToSimplifiedId[] = "Traditional-Simplified";

struct Transliterators {
  std::unique_ptr<icu::Transliterator> to_simplified;
  std::unique_ptr<icu::Transliterator> to_latin;
};

std::unique_ptr<icu::Transliterator> Create(const char* id) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
      icu::UnicodeString::fromUTF8(id), UTRANS_FORWARD, status));
  // ICU's data ships with libicu: a missing transliterator is a broken
  // installation, not input.
  HF_ASSERT(U_SUCCESS(status));
  HF_ASSERT(t != nullptr);
  return t;
}

// Created once per process (the slow part: ICU compiles the rules), then
// cloned once per thread, because a Transliterator may not be shared.
const Transliterators& Prototypes() {
  static const Transliterators prototypes{Create(kToSimplifiedId), Create(kToLatinId)};
  return prototypes;
}

Transliterators& ForThisThread() {
  thread_local Transliterators mine = [] {
    static std::mutex clone_mutex;  // clone() reads the prototype's shared rule data
    std::lock_guard<std::mutex> lock(clone_mutex);
    const Transliterators& p = Prototypes();
    Transliterators t{std::unique_ptr<icu::Transliterator>(p.to_simplified->clone()),
                      std::unique_ptr<icu::Transliterator>(p.to_latin->clone())};
    HF_ASSERT(t.to_simplified != nullptr);
    HF_ASSERT(t.to_latin != nullptr);
    return t;
  }();
  return mine;
}

bool IsHan(UChar32 c) {
  UErrorCode status = U_ZERO_ERROR;
  return uscript_getScript(c, &status) == USCRIPT_HAN && U_SUCCESS(status);
}

bool HasHan(const icu::UnicodeString& s) {
  for (int32_t i = 0; i < s.length();) {
    UChar32 c = s.char32At(i);
    if (IsHan(c)) return true;
    i += U16_LENGTH(c);
  }
  return false;
}

const icu::Normalizer2& NfkcCasefold() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(status);
  HF_ASSERT(U_SUCCESS(status));  // built into libicu's data
  HF_ASSERT(n != nullptr);
  return *n;
}

icu::UnicodeString Normalize(std::string_view text) {
  icu::UnicodeString in = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString out = NfkcCasefold().normalize(in, status);
  return U_SUCCESS(status) ? out : in;
}

// The longest term of `terms` starting at `at` in `s`: its length in UTF-16
// units, and its replacement; 0 when none.
size_t LongestTerm(const icu::UnicodeString& s, int32_t at, const HanTerms& terms,
                   const std::string** replacement) {
  const size_t left = static_cast<size_t>(s.length() - at);
  const std::u16string_view rest(reinterpret_cast<const char16_t*>(s.getBuffer()) + at, left);
  for (size_t units = std::min(terms.key_units_max(), left); units >= 1; --units) {
    if (units < left && U16_IS_TRAIL(rest[units])) continue;  // would split a pair
    if (const std::string* r = terms.Find(rest.substr(0, units))) {
      *replacement = r;
      return units;
    }
  }
  return 0;
}

// Han characters one syllable each (ICU's Han-Latin otherwise runs some
// syllables together, and differently for simplified and traditional text),
// with known terms replaced by their words first.
icu::UnicodeString SpaceHan(const icu::UnicodeString& s, const HanTerms* terms) {
  icu::UnicodeString out;
  for (int32_t i = 0; i < s.length();) {
    const UChar32 c = s.char32At(i);
    if (!IsHan(c)) {
      out.append(c);
      i += U16_LENGTH(c);
      continue;
    }
    const std::string* replacement = nullptr;
    const size_t units = terms ? LongestTerm(s, i, *terms, &replacement) : 0;
    out.append(u' ');
    if (units > 0) {
      out.append(icu::UnicodeString::fromUTF8(*replacement));
      i += static_cast<int32_t>(units);
    } else {
      out.append(c);
      i += U16_LENGTH(c);
    }
    out.append(u' ');
  }
  return out;
}

// ASCII letters lowercased; anything outside ASCII becomes a space.
std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& ch : out) {
    const unsigned char u = static_cast<unsigned char>(ch);
    if (u >= 0x80) {
      ch = ' ';
    } else if (ch >= 'A' && ch <= 'Z') {
      ch = static_cast<char>(ch - 'A' + 'a');
    }
  }
  return out;
}

}  // namespace

bool IsAscii(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char ch) { return static_cast<unsigned char>(ch) < 0x80; });
}

std::string ToLatinAscii(std::string_view text, const HanTerms* terms) {
  if (IsAscii(text)) return LowerAscii(text);
  Transliterators& t = ForThisThread();
  icu::UnicodeString s = Normalize(text);
  if (HasHan(s)) {
    t.to_simplified->transliterate(s);
    s = SpaceHan(s, terms);
  }
  t.to_latin->transliterate(s);
  std::string utf8;
  s.toUTF8String(utf8);
  return LowerAscii(utf8);
}

HanTerms HanTerms::Build(const std::vector<std::pair<std::string, std::string>>& terms,
                         std::vector<std::string>* rejected) {
  HanTerms out;
  Transliterators& t = ForThisThread();
  for (const auto& [han, latin] : terms) {
    icu::UnicodeString key = Normalize(han);
    if (!HasHan(key) || !IsAscii(latin)) {
      if (rejected != nullptr) rejected->push_back(han);
      continue;
    }
    t.to_simplified->transliterate(key);
    std::u16string k(reinterpret_cast<const char16_t*>(key.getBuffer()),
                     static_cast<size_t>(key.length()));
    out.key_units_max_ = std::max(out.key_units_max_, k.size());
    out.terms_.insert_or_assign(std::move(k), LowerAscii(latin));
  }
  return out;
}

const std::string* HanTerms::Find(std::u16string_view han) const {
  auto it = terms_.find(std::u16string(han));
  return it == terms_.end() ? nullptr : &it->second;
}

}  // namespace highfence::names
