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

struct DetermineOptions {
  // Holds the classifications of catalog chips (optional).
  const classify::ClassificationCache* cache = nullptr;
  // The shipment drew on this ledger before with the same content (a retry):
  // balances are read as it first saw them. Otherwise they are the current
  // ones, which a shipment that never drew sees anyway.
  bool retry = false;
};

// REQUIRES: d is cleared. Never fails: problems become `needs_review`; a
// ledger that could not be read is the error `ledger_unavailable`.
void Determine(const Shipment& s, const law::Snapshot& law, LedgerView* ledger, Determination* d,
               const DetermineOptions& options = {});

}  // namespace highfence::determine

#endif  // HIGHFENCE_DETERMINE_DETERMINE_H_
