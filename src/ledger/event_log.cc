#include "ledger/event_log.h"

#include <fmt/format.h>
#include <simdjson.h>

#include "base/sha256.h"

namespace highfence::ledger {
namespace {

// JSON string escaping for ids, accounts and notes. Written here rather than
// pulled from a JSON library because the payload must be byte-for-byte stable:
// its hash is the tamper evidence.
void AppendJsonString(std::string* out, std::string_view s) {
  out->push_back('"');
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c == '"' || c == '\\') {
      out->push_back('\\');
      out->push_back(ch);
    } else if (c < 0x20) {
      *out += fmt::format("\\u{:04x}", c);
    } else {
      out->push_back(ch);
    }
  }
  out->push_back('"');
}

void AppendKey(std::string* out, std::string_view key) {
  if (out->back() != '{') out->push_back(',');
  AppendJsonString(out, key);
  out->push_back(':');
}

void AppendStringField(std::string* out, std::string_view key, std::string_view value) {
  AppendKey(out, key);
  AppendJsonString(out, value);
}

void AppendIntField(std::string* out, std::string_view key, int64_t value) {
  AppendKey(out, key);
  *out += fmt::format("{}", value);
}

Status Bad(std::string_view what) {
  return Status::Corruption(fmt::format("event payload: {}", what));
}

// Reads the fields of a create event into `f`.
Status ParseCreate(simdjson::dom::object o, EventFact* f) {
  std::string_view account, state, shipment, shipment_hash, on, note;
  int64_t amount = 0, created = 0;
  if (o["account"].get(account) || o["amount_milli"].get(amount) || o["state"].get(state) ||
      o["shipment_id"].get(shipment) || o["shipment_hash"].get(shipment_hash) || o["on"].get(on) ||
      o["created_ns"].get(created) || o["note"].get(note)) {
    return Bad("a transfer field is missing or has the wrong type");
  }
  std::optional<TransferState> s = ParseState(state);
  std::optional<Date> date = Date::Parse(on);
  if (!s || !date) return Bad("bad state or date");
  simdjson::dom::element cap;
  if (o["cap_milli"].get(cap)) return Bad("cap_milli is missing");
  if (!cap.is_null()) {
    int64_t cap_milli = 0;
    if (cap.get(cap_milli)) return Bad("cap_milli is not an integer");
    f->cap = Fixed::FromMilli(cap_milli);
  }
  f->transfer.id = f->id;
  f->transfer.account = account;
  f->transfer.amount = Fixed::FromMilli(amount);
  f->transfer.state = *s;
  f->transfer.shipment_id = shipment;
  f->transfer.shipment_hash = shipment_hash;
  f->transfer.on = *date;
  f->transfer.created_ns = created;
  f->transfer.note = note;
  return Status::Ok();
}

}  // namespace

std::optional<TransferState> ParseState(std::string_view name) {
  if (name == "pending") return TransferState::kPending;
  if (name == "posted") return TransferState::kPosted;
  if (name == "voided") return TransferState::kVoided;
  return std::nullopt;
}

bool CreatesTransfer(std::string_view kind) {
  return kind == kEventTransfer || kind == kEventSeed || kind == kEventReversal;
}

std::string CreatePayload(std::string_view kind, const TransferRecord& t,
                          std::optional<Fixed> cap) {
  HF_ASSERT(CreatesTransfer(kind));
  HF_ASSERT(t.state != TransferState::kVoided);
  std::string out = "{";
  AppendStringField(&out, "kind", kind);
  AppendStringField(&out, "id", t.id);
  AppendStringField(&out, "account", t.account);
  AppendIntField(&out, "amount_milli", t.amount.milli());
  AppendStringField(&out, "state", WireName(t.state));
  AppendKey(&out, "cap_milli");
  out += cap ? fmt::format("{}", cap->milli()) : std::string("null");
  AppendStringField(&out, "shipment_id", t.shipment_id);
  AppendStringField(&out, "shipment_hash", t.shipment_hash);
  AppendStringField(&out, "on", t.on.ToString());
  AppendIntField(&out, "created_ns", t.created_ns);
  AppendStringField(&out, "note", t.note);
  out.push_back('}');
  return out;
}

std::string SettlePayload(std::string_view kind, std::string_view id, int64_t settled_ns,
                          std::string_view note) {
  HF_ASSERT(kind == kEventPost || kind == kEventVoid);
  HF_ASSERT(!id.empty());
  std::string out = "{";
  AppendStringField(&out, "kind", kind);
  AppendStringField(&out, "id", id);
  AppendIntField(&out, "settled_ns", settled_ns);
  AppendStringField(&out, "note", note);
  out.push_back('}');
  return out;
}

std::string ChainHash(std::string_view prev_hash, std::string_view payload) {
  Sha256 h;
  h.Update(prev_hash);
  h.Update(payload);
  return h.FinishHex();
}

Event ChainEvent(int64_t seq, std::string_view kind, std::string payload,
                 std::string_view prev_hash) {
  HF_ASSERT(seq >= 1);
  HF_ASSERT(prev_hash.size() == kGenesisHash.size());
  Event e;
  e.seq = seq;
  e.kind = kind;
  e.hash = ChainHash(prev_hash, payload);
  e.payload = std::move(payload);
  e.prev_hash = prev_hash;
  return e;
}

Result<EventFact> ParsePayload(std::string_view payload) {
  // One parser per thread: Verify parses every event of the ledger.
  thread_local simdjson::dom::parser parser;
  simdjson::dom::object o;
  if (parser.parse(payload.data(), payload.size()).get(o)) return Bad("not a JSON object");
  EventFact f;
  std::string_view kind, id;
  if (o["kind"].get(kind) || o["id"].get(id)) return Bad("kind or id is missing");
  f.kind = kind;
  f.id = id;
  if (CreatesTransfer(kind)) {
    HF_RETURN_IF_ERROR(ParseCreate(o, &f));
    return f;
  }
  if (kind != kEventPost && kind != kEventVoid) return Bad(fmt::format("unknown kind `{}`", kind));
  std::string_view note;
  if (o["settled_ns"].get(f.settled_ns) || o["note"].get(note)) {
    return Bad("settled_ns or note is missing");
  }
  f.note = note;
  return f;
}

}  // namespace highfence::ledger
