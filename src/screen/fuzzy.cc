#include "screen/fuzzy.h"

#include <algorithm>
#include <array>

namespace highfence::screen {

int EditDistance(std::string_view a, std::string_view b, int bound) {
  constexpr size_t kLengthMax = 64;  // fixed rows on the stack: no allocation per pair
  const int length_gap = static_cast<int>(a.size()) - static_cast<int>(b.size());
  if (std::abs(length_gap) > bound) return bound + 1;
  if (a.size() > kLengthMax || b.size() > kLengthMax) return a == b ? 0 : bound + 1;
  std::array<int, kLengthMax + 1> two_back{}, previous{}, current{};
  for (size_t j = 0; j <= b.size(); ++j) previous[j] = static_cast<int>(j);
  for (size_t i = 1; i <= a.size(); ++i) {
    current[0] = static_cast<int>(i);
    int row_min = current[0];
    for (size_t j = 1; j <= b.size(); ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      int d = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d = std::min(d, two_back[j - 2] + 1);
      }
      current[j] = d;
      row_min = std::min(row_min, d);
    }
    if (row_min > bound) return bound + 1;  // every path already costs more
    two_back = previous;
    previous = current;
  }
  return std::min(previous[b.size()], bound + 1);
}

std::string Skeleton(std::string_view w) {
  std::string s;
  s.reserve(w.size() + 2);
  for (size_t i = 0; i < w.size(); ++i) {
    const char c = w[i];
    const char next = i + 1 < w.size() ? w[i + 1] : '\0';
    const std::string_view rest = w.substr(i);
    if (rest.starts_with("dzh")) {
      s += 'j';
      i += 2;
      continue;
    }
    if (rest.starts_with("dj")) {
      s += 'j';
      i += 1;
      continue;
    }
    if (rest.starts_with("kh") || rest.starts_with("ck")) {
      s += 'k';
      i += 1;
      continue;
    }
    if (rest.starts_with("ts") || rest.starts_with("tz")) {
      s += 'z';
      i += 1;
      continue;
    }
    if (rest.starts_with("ph")) {
      s += 'f';
      i += 1;
      continue;
    }
    if (rest.starts_with("gh")) {
      s += 'g';
      i += 1;
      continue;
    }
    if (rest.starts_with("th")) {
      s += 't';
      i += 1;
      continue;
    }
    if (rest.starts_with("ou")) {
      s += 'u';
      i += 1;
      continue;
    }
    switch (c) {
      case 'c':
        s += next == 'h' ? 'c' : (next == 'e' || next == 'i' ? 'z' : 'k');
        break;
      case 'q':
        s += 'k';
        break;
      case 'w':
        s += 'v';
        break;
      case 'y':
        s += 'i';
        break;
      case 'x':
        s += "ks";
        break;
      default:
        s += c;
    }
  }
  s.erase(std::unique(s.begin(), s.end()), s.end());
  return s;
}

}  // namespace highfence::screen
