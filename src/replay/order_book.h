// OrderBook: where `highfence replay` reads the orders it re-determines.
//
// Built: a shipments file (JSON Lines, or CSV when the name ends in .csv), the
// same input `highfence check` reads. Designed, not built: a ledger's decision
// log. When the server keeps a log of its decisions (each with the shipment it
// decided), a DecisionLogOrderBook will read the shipments back in log order
// from it and plug in here; the CLI will accept `ledger:PATH` or a postgres://
// URL as FILE. Until then those arguments are refused with that explanation.
//
// Thread safety: one reader, one thread.
#ifndef HIGHFENCE_REPLAY_ORDER_BOOK_H_
#define HIGHFENCE_REPLAY_ORDER_BOOK_H_

#include <memory>
#include <string>

#include "highfence/status.h"
#include "catalog/catalog.h"
#include "highfence/shipment.h"

namespace highfence::replay {

class OrderBook {
 public:
  virtual ~OrderBook() = default;
  // The next order; false at the end or on a read error (see status()). A
  // malformed line is still returned, with its errors on the Shipment.
  virtual bool Next(Shipment* s, int64_t* line) = 0;
  virtual Status status() const = 0;
};

// Opens a shipments file; items are looked up in `catalog`, which must
// outlive the order book.
Result<std::unique_ptr<OrderBook>> OpenShipmentsFile(const std::string& path,
                                                     const catalog::Catalog* catalog);

// True for the FILE arguments that name a ledger's decision log.
bool IsDecisionLog(const std::string& source);

}  // namespace highfence::replay

#endif  // HIGHFENCE_REPLAY_ORDER_BOOK_H_
