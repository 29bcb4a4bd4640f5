// End-use tags (contract.md section 2): their wire names and their bits in
// Shipment::end_use. One table, read by the shipment parser and the law loader.
#ifndef HIGHFENCE_BASE_END_USE_H_
#define HIGHFENCE_BASE_END_USE_H_

#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>

#include "highfence/shipment.h"

namespace highfence {

// DO NOT CHANGE the names: inputs and law files use them.
inline constexpr std::pair<std::string_view, uint8_t> kEndUseTags[] = {
    {"military", kEndUseMilitary},
    {"wmd", kEndUseWmd},
    {"frontier_training", kEndUseFrontierTraining},
    {"development", kEndUseDevelopment},
    {"production", kEndUseProduction},
    {"storage", kEndUseStorage}};

// The bit of end-use tag `name`; nullopt for any other text.
inline std::optional<uint8_t> EndUseBit(std::string_view name) {
  for (const auto& [tag, bit] : kEndUseTags) {
    if (tag == name) return bit;
  }
  return std::nullopt;
}

}  // namespace highfence

#endif  // HIGHFENCE_BASE_END_USE_H_
