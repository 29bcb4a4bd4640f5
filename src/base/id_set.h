// IdSet: the ids seen so far in one input, to refuse a repeated one
// (contract.md section 6, duplicate_id). Exact: the ids themselves are kept,
// back to back in one arena, and an open-addressing table of their hashes
// points into it, so a set of a million ids costs two allocations that double,
// not a million. Written here rather than taken from a library because the
// standard sets allocate a node per id, which a run pays on every line.
//
// Thread safety: one thread.
#ifndef HIGHFENCE_BASE_ID_SET_H_
#define HIGHFENCE_BASE_ID_SET_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace highfence {

class IdSet {
 public:
  IdSet();
  // Adds `id`. False when it was there already (nothing changes then).
  bool Insert(std::string_view id);
  bool Contains(std::string_view id) const;
  size_t size() const { return size_; }

 private:
  struct Slot {
    uint64_t hash = 0;
    uint64_t offset = 0;  // into arena_; 0 marks an empty slot
  };
  // The slot holding `id`, or the empty slot where it would go.
  size_t Find(std::string_view id, uint64_t hash) const;
  std::string_view At(uint64_t offset) const;
  void Grow();

  std::vector<Slot> slots_;  // a power of two, at most 3/4 full
  std::string arena_;        // a 4-byte length, then the bytes, per id
  size_t size_ = 0;
};

}  // namespace highfence

#endif  // HIGHFENCE_BASE_ID_SET_H_
