// Which law applies to a shipment: the mode (as written or as enforced) and,
// for what-if runs, one regime forced whatever the date (contract.md section 5).
//
// Plain values; safe to copy and share between threads.
#ifndef HIGHFENCE_MODE_H_
#define HIGHFENCE_MODE_H_

#include <cstdint>
#include <optional>
#include <string_view>

namespace highfence {

// DO NOT CHANGE the wire names (contract.md section 3, `mode` and `regime`).
enum class Mode : uint8_t { kAsWritten, kAsEnforced };
enum class RegimeId : uint8_t { kNone, kUs2022, kUs2023, kUs2025 };

std::string_view WireName(Mode m);      // "as_written", "as_enforced"
std::string_view WireName(RegimeId r);  // "none", "us-2022-10", "us-2023-11", "us-2025-01"
// The regime with wire name `id`; nullopt for any other text.
std::optional<RegimeId> ParseRegime(std::string_view id);
// "as-written"/"as_written" or "as-enforced"/"as_enforced"; nullopt otherwise.
std::optional<Mode> ParseMode(std::string_view name);

// Which regime to apply: by date and mode (the default), or one forced.
// The default mode is as enforced (contract.md section 5, rules.md D27).
struct RegimeChoice {
  Mode mode = Mode::kAsEnforced;
  std::optional<RegimeId> forced;
};

}  // namespace highfence

#endif  // HIGHFENCE_MODE_H_
