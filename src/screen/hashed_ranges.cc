#include "screen/hashed_ranges.h"

#include "highfence/assert.h"

namespace highfence::screen {

void HashedRanges::Build(const std::vector<std::pair<uint64_t, uint32_t>>& pairs) {
  size_t keys = 0;
  for (size_t i = 0; i < pairs.size(); ++i) keys += i == 0 || pairs[i].first != pairs[i - 1].first;
  size_t size = 16;
  while (size < keys * 2) size *= 2;  // at most half full: short probe runs
  slots_.assign(size, Slot{});
  mask_ = size - 1;
  values_.clear();
  values_.reserve(pairs.size());
  for (size_t i = 0; i < pairs.size();) {
    const uint64_t hash = pairs[i].first;
    const uint32_t begin = static_cast<uint32_t>(values_.size());
    while (i < pairs.size() && pairs[i].first == hash) values_.push_back(pairs[i++].second);
    size_t at = static_cast<size_t>(hash) & mask_;
    while (slots_[at].count != 0) {
      HF_ASSERT(slots_[at].hash != hash);  // REQUIRES: sorted input, so each hash comes once
      at = (at + 1) & mask_;
    }
    slots_[at] = Slot{hash, begin, static_cast<uint32_t>(values_.size()) - begin};
  }
}

std::span<const uint32_t> HashedRanges::Find(uint64_t hash) const {
  if (slots_.empty()) return {};
  for (size_t at = static_cast<size_t>(hash) & mask_;; at = (at + 1) & mask_) {
    const Slot& s = slots_[at];
    if (s.count == 0) return {};
    if (s.hash == hash) return {values_.data() + s.begin, s.count};
  }
}

}  // namespace highfence::screen
