// ClassificationCache: the classification of each catalog chip under each
// snapshot, computed once. A catalog chip's class and its reasons depend only
// on the chip and the law in force, and most lines of an order book name a
// catalog chip, so this saves most of the classification work of a batch.
//
// Thread safety: Classify may be called from many threads at once. Slots are
// filled lazily with a compare-and-swap; a thread that loses the race discards
// its copy. Entries live as long as the cache.
#ifndef HIGHFENCE_CLASSIFY_CACHE_H_
#define HIGHFENCE_CLASSIFY_CACHE_H_

#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "classify/classify.h"

namespace highfence::classify {

class ClassificationCache {
 public:
  ClassificationCache(const catalog::Catalog& catalog, size_t snapshot_count);
  ~ClassificationCache();
  ClassificationCache(const ClassificationCache&) = delete;
  ClassificationCache& operator=(const ClassificationCache&) = delete;

  // Same result and reasons as classify::Classify.
  Classification Classify(const Shipment& s, const law::Snapshot& law, Determination* d) const;

 private:
  struct Entry {
    Classification c;
    Determination reasons;  // only reasons, errors and text_arena are used
  };
  const catalog::Catalog& catalog_;
  size_t snapshot_count_;
  mutable std::vector<std::atomic<Entry*>> slots_;  // [snapshot][accelerator]
};

}  // namespace highfence::classify

#endif  // HIGHFENCE_CLASSIFY_CACHE_H_
