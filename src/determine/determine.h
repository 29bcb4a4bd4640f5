// Determine: the decision procedure. Takes a parsed shipment, the law in force
// (a Snapshot) and a view of the ledger; fills a Determination whose `reasons`
// list every step in order with its citation, and whose `debits` are the
// transfers the shipment draws. Writing those transfers is the caller's job
// (Engine), so a concurrent conflict can be retried on fresh balances.
#ifndef HIGHFENCE_DETERMINE_DETERMINE_H_
#define HIGHFENCE_DETERMINE_DETERMINE_H_

#include "classify/cache.h"
#include "highfence/determination.h"
#include "highfence/ledger.h"
#include "highfence/shipment.h"
#include "law/snapshot.h"

namespace highfence::determine {

// REQUIRES: d is cleared. Never fails: problems become `needs_review`.
// `cache` (optional) holds the classifications of catalog chips.
void Determine(const Shipment& s, const law::Snapshot& law, LedgerView* ledger, Determination* d,
               const classify::ClassificationCache* cache = nullptr);

}  // namespace highfence::determine

#endif  // HIGHFENCE_DETERMINE_DETERMINE_H_
