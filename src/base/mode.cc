#include "highfence/mode.h"

#include "highfence/assert.h"

namespace highfence {

std::string_view WireName(Mode m) { return m == Mode::kAsWritten ? "as_written" : "as_enforced"; }

std::string_view WireName(RegimeId r) {
  switch (r) {
    case RegimeId::kNone:
      return "none";
    case RegimeId::kUs2022:
      return "us-2022-10";
    case RegimeId::kUs2023:
      return "us-2023-11";
    case RegimeId::kUs2025:
      return "us-2025-01";
  }
  HF_ASSERT(false);
}

std::optional<RegimeId> ParseRegime(std::string_view id) {
  for (RegimeId r : {RegimeId::kNone, RegimeId::kUs2022, RegimeId::kUs2023, RegimeId::kUs2025}) {
    if (WireName(r) == id) return r;
  }
  return std::nullopt;
}

std::optional<Mode> ParseMode(std::string_view name) {
  if (name == "as-written" || name == "as_written") return Mode::kAsWritten;
  if (name == "as-enforced" || name == "as_enforced") return Mode::kAsEnforced;
  return std::nullopt;
}

}  // namespace highfence
