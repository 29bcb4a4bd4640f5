#include "classify/cache.h"

#include "base/reason.h"
#include "highfence/assert.h"

namespace highfence::classify {

ClassificationCache::ClassificationCache(const catalog::Catalog& catalog, size_t snapshot_count)
    : catalog_(catalog),
      snapshot_count_(snapshot_count),
      slots_(snapshot_count * catalog.all().size()) {
  for (auto& slot : slots_) slot.store(nullptr, std::memory_order_relaxed);
}

ClassificationCache::~ClassificationCache() {
  for (auto& slot : slots_) delete slot.load(std::memory_order_relaxed);
}

Classification ClassificationCache::Classify(const Shipment& s, const law::Snapshot& law,
                                             Determination* d) const {
  const catalog::Accelerator* a = s.item.ic.accelerator;
  const std::vector<catalog::Accelerator>& all = catalog_.all();
  bool cacheable = s.item.kind == ItemKind::kIc && a != nullptr && !all.empty() &&
                   a >= all.data() && a < all.data() + all.size() && law.index < snapshot_count_;
  if (!cacheable) return classify::Classify(s, law, d);
  size_t slot = law.index * all.size() + static_cast<size_t>(a - all.data());
  const Entry* entry = slots_[slot].load(std::memory_order_acquire);
  if (entry == nullptr) {
    auto fresh = std::make_unique<Entry>();
    fresh->reasons.Clear();
    fresh->c = classify::Classify(s, law, &fresh->reasons);
    Entry* expected = nullptr;
    if (slots_[slot].compare_exchange_strong(expected, fresh.get(), std::memory_order_acq_rel)) {
      entry = fresh.release();
    } else {
      entry = expected;  // another thread filled it first
    }
  }
  // Copy the cached reasons, rebasing their text and reads into this
  // determination. A cached entry holds a few reasons and reads, so the reads'
  // 16-bit offsets cannot pass their bound here before the rest of the line's.
  uint32_t base = static_cast<uint32_t>(d->text_arena.size());
  size_t params_base = d->params.size();
  d->text_arena.append(entry->reasons.text_arena);
  d->params.insert(d->params.end(), entry->reasons.params.begin(), entry->reasons.params.end());
  HF_ASSERT(d->params.size() <= detail::kParamReadsMax);
  for (Reason r : entry->reasons.reasons) {
    r.text_offset += base;
    r.params_offset = static_cast<uint16_t>(r.params_offset + params_base);
    d->reasons.push_back(r);
  }
  for (const DeterminationError& e : entry->reasons.errors) d->errors.push_back(e);
  return entry->c;
}

}  // namespace highfence::classify
