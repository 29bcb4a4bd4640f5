// HashedRanges: a read-only map from 64-bit hashes to runs of 32-bit values,
// held in two flat arrays probed linearly. The deletion index of screening
// (screen/name_index.h) holds some 300,000 hashes and is read a dozen times
// per screened word; a node-based std::unordered_map costs a cache miss per
// node there, this costs about one per lookup.
//
// Thread safety: immutable once built.
#ifndef HIGHFENCE_SCREEN_HASHED_RANGES_H_
#define HIGHFENCE_SCREEN_HASHED_RANGES_H_

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace highfence::screen {

class HashedRanges {
 public:
  // REQUIRES: `pairs` sorted by hash, without duplicates.
  void Build(const std::vector<std::pair<uint64_t, uint32_t>>& pairs);
  // The values stored under `hash`; empty when none.
  std::span<const uint32_t> Find(uint64_t hash) const;
  bool empty() const { return slots_.empty(); }

 private:
  struct Slot {
    uint64_t hash = 0;
    uint32_t begin = 0, count = 0;  // count 0: an empty slot
  };
  std::vector<Slot> slots_;
  std::vector<uint32_t> values_;
  size_t mask_ = 0;
};

}  // namespace highfence::screen

#endif  // HIGHFENCE_SCREEN_HASHED_RANGES_H_
