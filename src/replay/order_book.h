// OrderBook: where `highfence replay` reads the orders it re-determines.
//
// Two sources: a shipments file (JSON Lines, or CSV when the name ends in
// .csv), the same input `highfence check` reads; or a ledger's decision log
// (`ledger:PATH` for a SQLite ledger, or a postgres:// URL), whose shipments
// are read back in log order, each once as first decided, dry runs left out.
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

// Opens the decision log of the ledger `source` names (see IsDecisionLog).
Result<std::unique_ptr<OrderBook>> OpenDecisionLog(const std::string& source,
                                                   const catalog::Catalog* catalog);

// True for the FILE arguments that name a ledger's decision log.
bool IsDecisionLog(const std::string& source);

}  // namespace highfence::replay

#endif  // HIGHFENCE_REPLAY_ORDER_BOOK_H_
