// The adapter: the ONE place the server calls the engine, the law, the catalog
// and the ledger. Everything above it (routes, group commit, decision log)
// sees JSON text, wire names and Status, never an engine type, so a change of
// the engine's or the ledger's API is an edit here only.
//
// Threads. The reference calls (catalog, regimes, countries, classify, party
// key) and the ledger reads may run on any thread: the engine is immutable and
// reads take a read-only ledger connection from a small pool. LedgerWriter is
// the ledger's one writer, used by the group committer's thread alone.
#ifndef HIGHFENCE_SERVER_ADAPTER_H_
#define HIGHFENCE_SERVER_ADAPTER_H_

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "highfence/fixed.h"
#include "highfence/status.h"

namespace highfence::server {

// Which law applies, as the API names it (query `mode`, `regime`).
struct LawChoice {
  std::string mode;    // as_written | as_enforced; "" for the default
  std::string regime;  // a regime id, "" for "by date"
};

// A licence granted for a pending transfer, as the API receives it.
struct LicenceGrant {
  std::string licence;
  std::string granted;  // YYYY-MM-DD, or "" for today
  std::string note;
};

enum class ReasonsDetail : uint8_t { kFull, kCodes, kNone };

// One shipment determined, as the API answers and logs it.
struct Determined {
  std::string full_json;  // with every reason (the log's copy): one object, no newline
  std::string json;       // as answered when reasons are not kFull (else empty: full_json)
  const std::string& answer() const { return json.empty() ? full_json : json; }
  std::string shipment_id, party, decision, mode, regime;
  std::vector<std::string> accounts;  // accounts it draws on, in order
};

struct LawInfo {
  std::string hash;         // the law data's content hash
  std::string reviewed_on;  // the newest last_reviewed_on of the law files
  std::string default_mode;
};

class EngineAdapter;
class ScreeningLists;

// The ledger's writer. One object; one thread at a time (the committer's).
class LedgerWriter {
 public:
  virtual ~LedgerWriter() = default;
  // A group: every Determine between Begin and Commit is one transaction.
  virtual Status Begin() = 0;
  virtual Status Commit() = 0;
  // One input (a request's shipments) is one sequence (contract section 6: an
  // id repeated within it is `duplicate_id`): StartInput before its first
  // shipment, EndInput after its last. A dry run, or a forced regime (a
  // what-if, contract section 5), reads the ledger and never writes it.
  virtual void StartInput(const LawChoice& choice, bool dry_run) = 0;
  virtual void EndInput() = 0;
  // Parses and determines one JSON shipment of the open input (`line_no`
  // names it in errors). When the ledger cannot be read or written the line is
  // `needs_review` (`ledger_unavailable`) and the group's Commit fails.
  virtual void Determine(std::string_view json, int64_t line_no, ReasonsDetail reasons,
                         Determined* out) = 0;
  // For the last Determine: `"derivation":[...],"balances":[...]`, the reasons
  // as steps and each debited account's balance as the shipment saw it.
  virtual Result<std::string> ExplainJson() = 0;
  // Settles a pending transfer; the transfer's JSON after the change.
  // `granted` is YYYY-MM-DD or empty (today); kInvalidArgument naming it
  // otherwise. Settling a transfer that is already so changes nothing and
  // answers it with `"changed":false`.
  virtual Result<std::string> Post(std::string_view transfer_id, const LicenceGrant& grant) = 0;
  virtual Result<std::string> Void(std::string_view transfer_id, std::string_view note) = 0;
  // Gives back a posted transfer with a compensating one (`reversal:ID`); the
  // compensating transfer's JSON.
  virtual Result<std::string> Reverse(std::string_view transfer_id, std::string_view reason) = 0;
};

class EngineAdapter {
 public:
  // Loads the embedded law and catalog and opens the ledger at `ledger_target`
  // (a SQLite file, created on first use, or a postgres:// URL). With `lists`
  // (which must outlive the adapter), each input's shipments have their
  // consignee and parent screened against the snapshot loaded when the input
  // starts, if any (docs/screening.md, "In determinations").
  static Result<std::unique_ptr<EngineAdapter>> Open(const std::string& ledger_target,
                                                     const ScreeningLists* lists = nullptr);
  virtual ~EngineAdapter() = default;

  virtual const LawInfo& law() const = 0;
  virtual std::string_view ledger_kind() const = 0;  // "sqlite" | "postgres" | "memory"
  // kInvalidArgument naming `mode` or `regime` when the choice is not valid.
  virtual Status CheckChoice(const LawChoice& choice) const = 0;

  // Reference data, as JSON (docs/api.md).
  virtual std::string CatalogJson() const = 0;
  virtual std::string RegimesJson() const = 0;
  // `date` YYYY-MM-DD ("" for today); kInvalidArgument naming the field.
  virtual Result<std::string> CountriesJson(std::string_view date, std::string_view mode) const = 0;
  // `item_json`: a catalog id as a JSON string, or an item object.
  virtual Result<std::string> ClassifyJson(std::string_view item_json,
                                           std::string_view date) const = 0;
  virtual std::string PartyKey(std::string_view name) const = 0;

  // Ledger reads (any thread).
  virtual Result<std::string> AccountsJson(std::string_view kind, std::string_view prefix) = 0;
  virtual Result<std::string> AccountJson(std::string_view account) = 0;
  virtual Result<std::string> HistoryJson(std::string_view account) = 0;
  // Each allocation account's remaining TPP, for the metrics.
  virtual Result<std::vector<std::pair<std::string, Fixed>>> AllocationsAvailable() = 0;

  // The writer (the committer's thread only).
  virtual LedgerWriter* writer() = 0;
};

}  // namespace highfence::server

#endif  // HIGHFENCE_SERVER_ADAPTER_H_
