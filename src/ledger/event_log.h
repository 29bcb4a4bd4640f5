// The ledger's event log: the canonical payload of each change and the hash
// chain over them. Every store (memory, SQLite, PostgreSQL) writes the same
// payload text for the same change, so one verifier (ledger/verify.h) serves
// them all and a ledger exported from one store verifies in another.
//
// Payloads are JSON objects with a fixed key order and no whitespace:
//   transfer, seed, reversal:
//                   {"kind","id","account","amount_milli","state","cap_milli",
//                    "shipment_id","shipment_hash","on","created_ns","note"}
//   post, void:     {"kind","id","settled_ns","note"}
// hash = SHA-256(prev_hash || payload) in lowercase hex; the first event's
// prev_hash is kGenesisHash. DO NOT CHANGE the payload layout: old ledgers
// would stop verifying. (Schema 2 added "shipment_hash", contract.md version 2
// section 6; a schema 1 ledger is not carried over, and the stores refuse it.)
//
// Thread safety: free functions over values; safe from any thread.
#ifndef HIGHFENCE_LEDGER_EVENT_LOG_H_
#define HIGHFENCE_LEDGER_EVENT_LOG_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "highfence/status.h"
#include "ledger/store.h"

namespace highfence::ledger {

inline constexpr std::string_view kGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";

// Event kinds (wire names; frozen).
inline constexpr std::string_view kEventTransfer = "transfer";
inline constexpr std::string_view kEventSeed = "seed";
inline constexpr std::string_view kEventPost = "post";
inline constexpr std::string_view kEventVoid = "void";
// A compensating transfer that gives back a posted one (store.h, Reverse): a
// create event whose transfer is `reversal:ID`, posted, of minus ID's amount.
inline constexpr std::string_view kEventReversal = "reversal";
inline constexpr std::string_view kReversalPrefix = "reversal:";

// The payload of a new transfer (`kind` is kEventTransfer, kEventSeed or
// kEventReversal).
std::string CreatePayload(std::string_view kind, const TransferRecord& t, std::optional<Fixed> cap);
// The payload of a settlement (`kind` is kEventPost or kEventVoid).
std::string SettlePayload(std::string_view kind, std::string_view id, int64_t settled_ns,
                          std::string_view note);

// The event at `seq` that chains `payload` to `prev_hash`.
Event ChainEvent(int64_t seq, std::string_view kind, std::string payload,
                 std::string_view prev_hash);
std::string ChainHash(std::string_view prev_hash, std::string_view payload);

// What one event says, parsed back from its payload.
struct EventFact {
  std::string kind;
  TransferRecord transfer;   // create events: every field but settled_ns
  std::optional<Fixed> cap;  // create events
  std::string id;            // every event
  int64_t settled_ns = 0;    // settle events
  std::string note;          // settle events
};
// Whether events of `kind` create a transfer (transfer, seed, reversal).
bool CreatesTransfer(std::string_view kind);
// kCorruption when the payload is not one this module writes.
Result<EventFact> ParsePayload(std::string_view payload);

// Wire name of a state and back; nullopt for an unknown name.
std::optional<TransferState> ParseState(std::string_view name);

}  // namespace highfence::ledger

#endif  // HIGHFENCE_LEDGER_EVENT_LOG_H_
