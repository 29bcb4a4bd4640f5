#include "highfence/ledger.h"

namespace highfence {

std::string PartySlug(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  bool dash = false;
  for (char ch : name) {
    char c = ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch;
    bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (keep) {
      if (dash && !out.empty()) out.push_back('-');
      out.push_back(c);
      dash = false;
    } else {
      dash = true;
    }
  }
  return out;
}

}  // namespace highfence
