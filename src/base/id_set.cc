#include "base/id_set.h"

#include <cstring>

#include "base/xxhash.h"
#include "highfence/assert.h"

namespace highfence {
namespace {

constexpr size_t kSlotsInitial = 1024;

uint64_t HashOf(std::string_view id) { return XXH3_64bits(id.data(), id.size()); }

}  // namespace

IdSet::IdSet() : slots_(kSlotsInitial) {
  arena_.push_back('\0');  // offset 0 is the empty mark: no id lives there
}

std::string_view IdSet::At(uint64_t offset) const {
  uint32_t size = 0;
  std::memcpy(&size, arena_.data() + offset, sizeof size);
  return std::string_view(arena_).substr(offset + sizeof size, size);
}

size_t IdSet::Find(std::string_view id, uint64_t hash) const {
  const size_t mask = slots_.size() - 1;
  // The table is never full (at most 3/4), so the probe ends at an empty slot.
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (s.offset == 0 || (s.hash == hash && At(s.offset) == id)) return i;
  }
}

void IdSet::Grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.size() * 2, Slot{});
  const size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.offset == 0) continue;
    size_t i = s.hash & mask;
    while (slots_[i].offset != 0) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

bool IdSet::Insert(std::string_view id) {
  HF_ASSERT(id.size() <= UINT32_MAX);
  uint64_t hash = HashOf(id);
  size_t i = Find(id, hash);
  if (slots_[i].offset != 0) return false;
  uint64_t offset = arena_.size();
  uint32_t size = static_cast<uint32_t>(id.size());
  arena_.append(reinterpret_cast<const char*>(&size), sizeof size);
  arena_.append(id);
  slots_[i] = Slot{hash, offset};
  if (++size_ * 4 > slots_.size() * 3) Grow();
  return true;
}

bool IdSet::Contains(std::string_view id) const { return slots_[Find(id, HashOf(id))].offset != 0; }

}  // namespace highfence
