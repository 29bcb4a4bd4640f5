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
#include <optional>
#include <string>
#include <utility>
#include <vector>

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
  // The law files themselves, (file name, TOML text), instead of a folder:
  // for what-if tools and tests that change a copy of the law.
  std::vector<std::pair<std::string, std::string>> law_files;
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
  // what it draws on `ledger` (contract.md sections 4 and 6):
  //   - a shipment whose id drew on `ledger` with other content is
  //     `needs_review` (`id_reused`) and draws nothing; with the same content
  //     it is a retry, determined as the ledger first saw it;
  //   - a Record refused `cap_exceeded` (another writer drew first) is
  //     determined again on fresh balances; any other refusal makes the line
  //     `needs_review` and clears what it would have drawn.
  // Every problem is a `needs_review` determination with `errors`. The Status
  // is not OK only when the ledger could not be read or written (the
  // determination then says `ledger_unavailable`): the caller should stop.
  // A line's id repeating an earlier line's is the caller's to refuse: see
  // Sequence, which does.
  Status Evaluate(const Shipment& s, const RegimeChoice& choice, Ledger* ledger,
                  Determination* out) const;
  // Determines `s` reading `ledger`, recording nothing and asking it nothing
  // about ids (for classification tools and benchmarks).
  void Determine(const Shipment& s, const RegimeChoice& choice, LedgerView* ledger,
                 Determination* out) const;

  const law::Law& law() const;
  const catalog::Catalog& catalog() const;

 private:
  friend class Sequence;
  struct Impl;
  explicit Engine(std::unique_ptr<Impl> impl);
  // Evaluate, asking the ledger for a recorded shipment only when `ask`.
  Status EvaluateOn(const Shipment& s, const RegimeChoice& choice, Ledger* ledger, bool ask,
                    Determination* out) const;
  std::unique_ptr<Impl> impl_;
};

// Sequence: one input evaluated in order as one sequence on one ledger
// (contract.md section 1), every door's way to the engine. It adds the rule of
// contract.md section 6 that one input alone can see: a line whose id an
// earlier line used is `needs_review` (`duplicate_id`) and draws nothing.
//
// Thread safety: one thread; it remembers every id it has seen.
class Sequence {
 public:
  // `engine` and `ledger` must outlive the Sequence.
  Sequence(const Engine& engine, const RegimeChoice& choice, Ledger* ledger);
  ~Sequence();
  Sequence(const Sequence&) = delete;
  Sequence& operator=(const Sequence&) = delete;

  // As Engine::Evaluate, for the next line of the input.
  Status Evaluate(const Shipment& s, Determination* out);

 private:
  struct Ids;
  const Engine& engine_;
  RegimeChoice choice_;
  Ledger* ledger_;
  std::unique_ptr<Ids> ids_;
  // Whether the ledger held shipments when the sequence began (asked on the
  // first line): only then can an id have drawn before this input.
  std::optional<bool> ledger_had_shipments_;
};

}  // namespace highfence

#endif  // HIGHFENCE_ENGINE_H_
