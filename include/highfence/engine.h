// Engine: the one entry point every front end (CLI, HTTP API, tests) uses to
// classify and determine shipments, so an answer never depends on the door.
//
// An Engine owns the law (resolved into snapshots) and the catalog; both are
// immutable, so one Engine may be shared by threads. Each thread needs its own
// ShipmentParser and Determination; a Ledger is shared only if it says so.
//
// The law and catalog are internal types: law() and catalog() hand them to
// the project's own layers (src/), which include their headers. A consumer of
// this header needs neither.
#ifndef HIGHFENCE_ENGINE_H_
#define HIGHFENCE_ENGINE_H_

#include <memory>
#include <string>

#include "highfence/determination.h"
#include "highfence/ledger.h"
#include "highfence/mode.h"
#include "highfence/shipment.h"
#include "highfence/status.h"

namespace highfence {

namespace law {
class Law;
}
namespace catalog {
class Catalog;
}

struct EngineOptions {
  // A folder of law/*.toml files; empty: the law compiled into the binary.
  std::string law_dir;
  // A catalog TOML file; empty: the catalog compiled into the binary.
  std::string catalog_path;
};

class Engine {
 public:
  static Result<std::unique_ptr<Engine>> Create(const EngineOptions& options);
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  // Determines `s` under the law `choice` selects for its date and records
  // what it draws on `ledger`. A concurrent writer that took the room first
  // makes it determine again on fresh balances. Never fails: every problem is
  // a `needs_review` determination with `errors`.
  void Evaluate(const Shipment& s, const RegimeChoice& choice, Ledger* ledger,
                Determination* out) const;
  // The same, reading the ledger but writing nothing (--dry-run).
  void EvaluateDry(const Shipment& s, const RegimeChoice& choice, LedgerView* ledger,
                   Determination* out) const;

  const law::Law& law() const;
  const catalog::Catalog& catalog() const;

 private:
  struct Impl;
  explicit Engine(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace highfence

#endif  // HIGHFENCE_ENGINE_H_
