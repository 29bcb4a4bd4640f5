// LedgerStore: the durable quota ledger (contract.md section 4; design.md,
// "The ledger"). One interface, three stores: memory (tests), SQLite (the
// embedded default) and PostgreSQL (several processes or servers on one
// ledger). The storage contract suite (src/ledger/store_contract_test.cc) runs
// unchanged against all three.
//
// Model
// - An account is named by its id (allocation:CC, lpp:PARTY:YYYY, nveu:PARTY:CC,
//   uveu:PARTY:CC, aia:PARTY). Its cap arrives with each transfer (the law
//   snapshot knows it; the NVEU cap rises by quarter); counters have none.
// - A transfer draws an amount on one account and is `pending` or `posted`;
//   a pending transfer is later posted (licence granted) or voided (denied,
//   withdrawn, expired). Transfers are never edited or deleted: a state change
//   is a new event, and balances are sums over transfers in their final state.
//   A posted draw given back (an order cancelled, goods returned) is reversed
//   by a compensating posted transfer `reversal:ID` of minus its amount.
// - Invariant, checked on every write and again by Verify: for every capped
//   account, posted + pending <= cap.
// - Every change appends an event whose SHA-256 hash chains to the previous
//   event's, so editing or deleting a row by hand breaks Verify.
//
// Thread safety: a store object may be used by one thread at a time; several
// store objects (threads, processes) may share one SQLite file or PostgreSQL
// database, and the database serialises their writes.
#ifndef HIGHFENCE_LEDGER_STORE_H_
#define HIGHFENCE_LEDGER_STORE_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "highfence/date.h"
#include "highfence/fixed.h"
#include "highfence/ledger.h"
#include "highfence/status.h"

namespace highfence::ledger {

struct AccountState {
  std::string account;
  std::optional<Fixed> cap;  // the cap last recorded with a transfer; none for counters
  Fixed posted;
  Fixed pending;
  // cap - posted - pending; nullopt for a counter or when it does not fit.
  std::optional<Fixed> available() const {
    if (!cap) return std::nullopt;
    std::optional<Fixed> after_posted = Fixed::Sub(*cap, posted);
    return after_posted ? Fixed::Sub(*after_posted, pending) : std::nullopt;
  }
};

struct TransferRecord {
  std::string id;
  std::string account;
  Fixed amount;
  TransferState state = TransferState::kPending;
  std::string shipment_id;
  std::string shipment_hash;  // the shipment's content fingerprint; empty for seeds
  Date on;                    // the shipment's date
  int64_t created_ns = 0;     // when recorded (Unix epoch nanoseconds)
  int64_t settled_ns = 0;     // when posted or voided, 0 while pending
  std::string note;           // why voided ("denied", "expired", ...), the licence posted,
                              // or why reversed
};

// How a Post, Void or Reverse ended: it changed the ledger, or the transfer was
// already so and nothing was written.
enum class Settled : uint8_t { kDone, kAlready };

// A licence granted for a pending reservation (`ledger post`).
struct Grant {
  std::string licence;          // the licence number; may be empty
  std::optional<Date> granted;  // the day it was granted; none: today
  std::string note;
  // The settlement's time: the granted day's midnight UTC (a licence's
  // validity counts from it, 15 CFR 750.7(g)), or `now_ns` without one.
  int64_t SettledNs(int64_t now_ns) const;
  // The note recorded on the posted transfer: "licence NUMBER; NOTE".
  std::string Note() const;
};

struct Event {
  int64_t seq = 0;        // 1, 2, 3, ...
  std::string kind;       // "transfer", "post", "void", "seed", "reversal"
  std::string payload;    // canonical JSON of what changed
  std::string prev_hash;  // hex; 64 zeros for the first event
  std::string hash;       // hex SHA-256(prev_hash || payload)
};

// Outcome of Verify: ok, or the first broken entry.
struct VerifyReport {
  bool ok = true;
  int64_t events = 0;
  int64_t transfers = 0;
  int64_t accounts = 0;
  std::string problem;    // names the first broken entry when !ok
  std::string head_hash;  // the newest event's hash (64 zeros when none): note it to
                          // detect later truncation of the log's tail
};

class LedgerStore : public Ledger {
 public:
  // Opens `target`: "memory:", a file path (SQLite; created on first use), or a
  // postgres:// URL. `read_only` for --dry-run.
  static Result<std::unique_ptr<LedgerStore>> Open(const std::string& target, bool read_only);

  // Ledger (the engine's view): Balance is the account as the shipment first
  // saw it (highfence/ledger.h); Record is all-or-none, idempotent on transfer
  // id, refused past a cap (rules in ledger/record_plan.h); RecordedShipment
  // is the content fingerprint stored with a shipment's transfers.

  // The licence lifecycle. Post settles a pending transfer as posted (licence
  // granted), Void as voided (denied, withdrawn). kNotFound for an unknown id;
  // kConflict when the transfer is settled the other way (a posted draw is
  // given back with Reverse, never voided). Posting a posted transfer or
  // voiding a voided one changes nothing and ends kAlready.
  virtual Result<Settled> Post(std::string_view transfer_id, const Grant& grant) = 0;
  virtual Result<Settled> Void(std::string_view transfer_id, std::string_view note) = 0;
  // Gives back posted transfer `transfer_id` (a cancelled order, a returned
  // shipment): a compensating posted transfer `reversal:ID` on the same account
  // of minus its amount, with `reason` as its note, appended like any other
  // (the original stays, so history shows both). kAlready when it was reversed
  // before; kConflict for a pending (void it instead), voided or reversal
  // transfer; kNotFound for an unknown id.
  virtual Result<Settled> Reverse(std::string_view transfer_id, std::string_view reason) = 0;
  // Voids every pending transfer created before `cutoff_ns`; returns how many.
  virtual Result<int64_t> ExpirePending(int64_t cutoff_ns) = 0;

  // kNotFound for an account no transfer has drawn on.
  virtual Result<AccountState> Show(std::string_view account) = 0;
  // The transfer with id `id`, or nullopt.
  virtual Result<std::optional<TransferRecord>> FindTransfer(std::string_view id) = 0;
  // Accounts whose id starts with `prefix` ("" for all), by id.
  virtual Result<std::vector<AccountState>> List(std::string_view prefix) = 0;
  virtual Result<std::vector<TransferRecord>> History(std::string_view account) = 0;
  // Every transfer in creation order, for export.
  virtual Result<std::vector<TransferRecord>> Transfers() = 0;
  // A party's declared installed base in one country (for UVEU share limits
  // and NVEU): recorded as an event and a posted transfer on uveu:/nveu:.
  // Each call adds to the base (transfer id "seed:ACCOUNT:SEQ"); the
  // account's recorded cap, if any, still holds (kConflict past it).
  virtual Status Seed(std::string_view account, Fixed amount, std::string_view note) = 0;
  // True when some transfer's id starts with `prefix` (e.g. "seed:uveu:acme:").
  virtual Result<bool> HasTransferWithPrefix(std::string_view prefix) = 0;
  // LedgerView: the party's declared installed base, when a seed was recorded
  // for one of its accounts under `prefix` ("uveu:PARTY:").
  Result<std::optional<std::vector<BaseAccount>>> DeclaredBase(std::string_view prefix) override;
  // Whether any transfer has a shipment id (seeds have none).
  Result<bool> HoldsShipments() override = 0;

  // Recomputes every balance from the transfers and checks the hash chain.
  virtual Result<VerifyReport> Verify() = 0;

  // Writes a consistent copy of the whole ledger to the new file `dest` (one
  // SQLite file, no WAL beside it), verifies the copy and reports it; `dest`
  // appears only once verified. kConflict when `dest` exists. The SQLite store
  // only: a PostgreSQL ledger is copied with pg_dump (docs/ledger.md).
  virtual Result<VerifyReport> Backup(const std::string& dest) {
    (void)dest;
    return Status::InvalidArgument("an in-memory ledger has no file to back up");
  }

  // Batches: between BeginBatch and CommitBatch every write joins one
  // transaction, so `check --ledger` pays one durable commit for many
  // shipments. Reads inside the batch see its writes, so Record checks caps
  // against them too. A Record that fails inside a batch undoes only itself;
  // an I/O error may abandon the whole batch, and then every later call and
  // CommitBatch return that error. Nothing in a batch is durable before
  // CommitBatch returns OK; destroying the store abandons an open batch.
  // Defaults: no batching (each write commits on its own).
  virtual Status BeginBatch() { return Status::Ok(); }
  virtual Status CommitBatch() { return Status::Ok(); }
};

}  // namespace highfence::ledger

#endif  // HIGHFENCE_LEDGER_STORE_H_
