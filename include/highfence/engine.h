// Engine: the one entry point every front end (CLI, HTTP API, tests) uses to
// classify and determine shipments, so an answer never depends on the door.
//
// An Engine owns the law (resolved into snapshots) and the catalog; both are
// immutable, so one Engine may be shared by threads. Each thread needs its own
// ShipmentParser and Determination; a Ledger is shared only if it says so.
#ifndef HIGHFENCE_ENGINE_H_
#define HIGHFENCE_ENGINE_H_

#include <memory>
#include <string>

#include "base/status.h"
#include "catalog/catalog.h"
#include "classify/cache.h"
#include "highfence/determination.h"
#include "highfence/ledger.h"
#include "highfence/shipment.h"
#include "law/snapshot.h"

namespace highfence {

struct EngineOptions {
  // A folder of law/*.toml files; empty: the law compiled into the binary.
  std::string law_dir;
  // A catalog TOML file; empty: the catalog compiled into the binary.
  std::string catalog_path;
};

class Engine {
 public:
  static Result<std::unique_ptr<Engine>> Create(const EngineOptions& options);

  // Determines `s` under the law `choice` selects for its date and records
  // what it draws on `ledger`. A concurrent writer that took the room first
  // makes it determine again on fresh balances. Never fails: every problem is
  // a `needs_review` determination with `errors`.
  void Evaluate(const Shipment& s, const law::RegimeChoice& choice, Ledger* ledger,
                Determination* out) const;
  // The same, reading the ledger but writing nothing (--dry-run).
  void EvaluateDry(const Shipment& s, const law::RegimeChoice& choice, LedgerView* ledger,
                   Determination* out) const;

  const law::Law& law() const { return *law_; }
  const catalog::Catalog& catalog() const { return catalog_; }

 private:
  std::unique_ptr<law::Law> law_;
  catalog::Catalog catalog_;
  std::unique_ptr<classify::ClassificationCache> cache_;
};

}  // namespace highfence

#endif  // HIGHFENCE_ENGINE_H_
