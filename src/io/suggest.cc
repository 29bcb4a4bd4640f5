#include "io/suggest.h"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "highfence/country.h"

namespace highfence::io {
namespace {

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
char Upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

// Codes people write that ISO 3166-1 alpha-2 does not assign, or assigns to
// another country: the EU's and the UK's own usage.
struct Alias {
  std::string_view written, iso;
};
constexpr Alias kCountryAliases[] = {{"UK", "GB"}, {"EL", "GR"}, {"EN", "GB"}};

// ISO 3166-1 alpha-3 codes of the destinations order books name most, and of
// every country the embargo and D:5 rules name, for a hint only: the contract
// takes alpha-2.
constexpr Alias kAlpha3[] = {
    {"USA", "US"}, {"GBR", "GB"}, {"DEU", "DE"}, {"FRA", "FR"}, {"NLD", "NL"}, {"BEL", "BE"},
    {"ITA", "IT"}, {"ESP", "ES"}, {"CHE", "CH"}, {"SWE", "SE"}, {"IRL", "IE"}, {"POL", "PL"},
    {"AUT", "AT"}, {"DNK", "DK"}, {"FIN", "FI"}, {"NOR", "NO"}, {"PRT", "PT"}, {"GRC", "GR"},
    {"CZE", "CZ"}, {"HUN", "HU"}, {"ROU", "RO"}, {"ISR", "IL"}, {"TUR", "TR"}, {"CAN", "CA"},
    {"MEX", "MX"}, {"BRA", "BR"}, {"ARG", "AR"}, {"CHL", "CL"}, {"AUS", "AU"}, {"NZL", "NZ"},
    {"JPN", "JP"}, {"KOR", "KR"}, {"TWN", "TW"}, {"CHN", "CN"}, {"HKG", "HK"}, {"MAC", "MO"},
    {"SGP", "SG"}, {"MYS", "MY"}, {"THA", "TH"}, {"VNM", "VN"}, {"IDN", "ID"}, {"PHL", "PH"},
    {"IND", "IN"}, {"PAK", "PK"}, {"ARE", "AE"}, {"SAU", "SA"}, {"QAT", "QA"}, {"KWT", "KW"},
    {"BHR", "BH"}, {"OMN", "OM"}, {"EGY", "EG"}, {"ZAF", "ZA"}, {"RUS", "RU"}, {"BLR", "BY"},
    {"UKR", "UA"}, {"IRN", "IR"}, {"IRQ", "IQ"}, {"SYR", "SY"}, {"PRK", "KP"}, {"CUB", "CU"},
    {"VEN", "VE"}, {"MMR", "MM"}, {"AFG", "AF"}, {"LBY", "LY"}, {"SDN", "SD"}, {"KAZ", "KZ"},
};

}  // namespace

int EditDistance(std::string_view a, std::string_view b) {
  // Optimal string alignment distance over three rows.
  const size_t n = b.size();
  std::vector<int> prev2(n + 1), prev(n + 1), cur(n + 1);
  for (size_t j = 0; j <= n; ++j) prev[j] = static_cast<int>(j);
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = static_cast<int>(i);
    for (size_t j = 1; j <= n; ++j) {
      int cost = Lower(a[i - 1]) == Lower(b[j - 1]) ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && Lower(a[i - 1]) == Lower(b[j - 2]) &&
          Lower(a[i - 2]) == Lower(b[j - 1])) {
        cur[j] = std::min(cur[j], prev2[j - 2] + 1);
      }
    }
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return prev[n];
}

std::string_view Nearest(std::string_view word, std::span<const std::string_view> candidates) {
  std::string_view best;
  int best_distance = 3;
  // A word that is the start of one name (`die_area` for `die_area_mm2`).
  std::string_view prefixed;
  int prefixes = 0;
  for (std::string_view c : candidates) {
    if (word.size() >= 3 && c.size() > word.size() &&
        EditDistance(c.substr(0, word.size()), word) == 0) {
      prefixed = c;
      ++prefixes;
    }
  }
  if (prefixes == 1) return prefixed;
  for (std::string_view c : candidates) {
    int d = EditDistance(word, c);
    if (d < best_distance && 2 * d < static_cast<int>(word.size())) {
      best = c;
      best_distance = d;
    }
  }
  return best;
}

std::string DidYouMean(std::string_view word, std::span<const std::string_view> candidates) {
  std::string_view near = Nearest(word, candidates);
  return near.empty() ? std::string() : fmt::format(" (did you mean `{}`?)", near);
}

std::string CountryHint(std::string_view text) {
  std::string up;
  for (char c : text) up.push_back(Upper(c));
  for (const Alias& a : kCountryAliases) {
    if (up == a.written) return fmt::format(" (did you mean `{}`?)", a.iso);
  }
  for (const Alias& a : kAlpha3) {
    if (up == a.written) {
      return fmt::format(" (did you mean `{}`? codes are ISO 3166-1 alpha-2)", a.iso);
    }
  }
  if (up != text && CountryCode::Parse(up)) return fmt::format(" (did you mean `{}`?)", up);
  return "";
}

std::string CatalogHint(std::string_view id, const catalog::Catalog& catalog) {
  std::string needle;
  for (char c : id) {
    if (c != ' ' && c != '_' && c != '-') needle.push_back(Lower(c));
  }
  std::vector<std::string_view> containing;
  std::vector<std::string_view> ids;
  for (const catalog::Accelerator& a : catalog.all()) {
    ids.push_back(a.id);
    std::string flat;
    for (char c : a.id) {
      if (c != '-') flat.push_back(c);
    }
    if (needle.size() >= 2 && flat.find(needle) != std::string::npos) containing.push_back(a.id);
  }
  constexpr size_t kShown = 6;
  if (!containing.empty()) {
    std::string list;
    for (size_t i = 0; i < containing.size() && i < kShown; ++i) {
      list += fmt::format("{}`{}`", i ? ", " : "", containing[i]);
    }
    if (containing.size() > kShown) list += fmt::format(" and {} more", containing.size() - kShown);
    return fmt::format(" (did you mean {}?)", list);
  }
  return DidYouMean(id, ids);
}

}  // namespace highfence::io
