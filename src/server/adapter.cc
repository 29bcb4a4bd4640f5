// The adapter's ledger side: opening, determining (the writer), reads.
#include "server/adapter.h"

#include <fmt/format.h>

#include <algorithm>

#include "base/clock.h"
#include "decisions/decision_record.h"
#include "determine/party.h"
#include "io/determination_writer.h"
#include "law/law_data.h"
#include "law/snapshot.h"
#include "names/party_key.h"
#include "server/adapter_impl.h"
#include "server/json_writer.h"

namespace highfence::server {
namespace {

// The NVEU cap schedule: the dated values of `nveu_cap_tpp` in the law (the
// rule that writes it), each from its quarter on.
std::vector<std::pair<Date, Fixed>> NveuSchedule(const law::LawData& data) {
  std::vector<std::pair<Date, Fixed>> out;
  for (const law::RuleFile& r : data.rules) {
    const law::Param* p = r.Find("nveu_cap_tpp");
    if (p == nullptr) continue;
    for (const law::DatedValue& v : p->values) {
      if (const Fixed* cap = std::get_if<Fixed>(&v.value)) out.emplace_back(v.from, *cap);
    }
    break;
  }
  return out;
}

void WriteAccount(const ledger::AccountState& a, const std::vector<std::pair<Date, Fixed>>& nveu,
                  JsonWriter& w) {
  std::string_view kind = std::string_view(a.account).substr(0, a.account.find(':'));
  w.BeginObject().Key("account").String(a.account).Key("kind").String(kind);
  w.Key("cap").OptionalFixed(a.cap).Key("posted").Fixed(a.posted);
  w.Key("pending").Fixed(a.pending).Key("available").OptionalFixed(a.available());
  if (kind == "nveu") {
    w.Key("schedule").BeginArray();
    for (const auto& [from, cap] : nveu) {
      w.BeginObject().Key("from").String(from.ToString()).Key("cap").Fixed(cap).EndObject();
    }
    w.EndArray();
  }
  w.EndObject();
}

void WriteTransfer(const ledger::TransferRecord& t, JsonWriter& w) {
  w.BeginObject().Key("id").String(t.id).Key("account").String(t.account);
  w.Key("amount").Fixed(t.amount).Key("state").String(WireName(t.state));
  w.Key("shipment_id").String(t.shipment_id).Key("on").String(t.on.ToString());
  w.Key("recorded_at").String(decisions::IsoTime(t.created_ns));
  w.Key("settled_at");
  if (t.settled_ns) {
    w.String(decisions::IsoTime(t.settled_ns));
  } else {
    w.Null();
  }
  w.Key("note").StringOrNull(t.note).EndObject();
}

// One law value a derivation step read (the API's `params` entries).
void WriteParamRead(const ParamRead& p, JsonWriter& w) {
  w.BeginObject().Key("name").String(p.name).Key("value").String(p.value);
  w.Key("effective_on").StringOrNull(p.effective_on ? p.effective_on->ToString() : "");
  w.Key("citation").String(p.citation).Key("decision").StringOrNull(p.decision).EndObject();
}

// The account a transfer id names: default ids are "<shipment id>/<account>",
// and account ids hold no '/'.
std::string AccountOfTransfer(std::string_view id) {
  size_t slash = id.rfind('/');
  return std::string(slash == std::string_view::npos ? id : id.substr(slash + 1));
}

}  // namespace

class AdapterImpl::Reader {
 public:
  Reader(AdapterImpl* owner, std::unique_ptr<ledger::LedgerStore> store)
      : owner_(owner), store_(std::move(store)) {}
  Reader(Reader&&) = default;
  ~Reader() {
    if (!store_) return;
    std::lock_guard lock(owner_->readers_mu_);
    owner_->readers_.push_back(std::move(store_));
  }
  ledger::LedgerStore* operator->() { return store_.get(); }

 private:
  AdapterImpl* owner_;
  std::unique_ptr<ledger::LedgerStore> store_;
};

Result<std::unique_ptr<EngineAdapter>> EngineAdapter::Open(const std::string& ledger_target,
                                                           const ScreeningLists* lists) {
  Result<std::unique_ptr<Engine>> engine = Engine::Create({});
  if (!engine.ok()) return engine.status();
  Result<std::unique_ptr<ledger::LedgerStore>> store =
      ledger::LedgerStore::Open(ledger_target, /*read_only=*/false);
  if (!store.ok()) return store.status();
  return std::unique_ptr<EngineAdapter>(
      new AdapterImpl(std::move(*engine), ledger_target, std::move(*store), lists));
}

AdapterImpl::AdapterImpl(std::unique_ptr<Engine> engine, std::string target,
                         std::unique_ptr<ledger::LedgerStore> store, const ScreeningLists* lists)
    : engine_(std::move(engine)),
      target_(std::move(target)),
      store_(std::move(store)),
      lists_(lists),
      parser_(&engine_->catalog()) {
  kind_ = target_ == "memory:" ? "memory" : target_.starts_with("postgres") ? "postgres" : "sqlite";
  law_.hash = engine_->law().data().content_hash;
  law_.reviewed_on = engine_->law().data().LastReviewed().ToString();
  law_.default_mode = WireName(RegimeChoice{}.mode);
  nveu_schedule_ = NveuSchedule(engine_->law().data());
}

Result<AdapterImpl::Reader> AdapterImpl::Borrow() {
  {
    std::lock_guard lock(readers_mu_);
    if (!readers_.empty()) {
      std::unique_ptr<ledger::LedgerStore> s = std::move(readers_.back());
      readers_.pop_back();
      return Reader(this, std::move(s));
    }
  }
  // The in-memory store lives in one object: reads share the writer's.
  if (kind_ == "memory") return Status::Internal("the in-memory ledger has no readers");
  Result<std::unique_ptr<ledger::LedgerStore>> s = ledger::LedgerStore::Open(target_, true);
  if (!s.ok()) return s.status();
  return Reader(this, std::move(*s));
}

RegimeChoice AdapterImpl::Choice(const LawChoice& c) const {
  RegimeChoice choice;
  if (c.mode == "as_enforced") choice.mode = Mode::kAsEnforced;
  if (c.mode == "as_written") choice.mode = Mode::kAsWritten;
  if (!c.regime.empty()) choice.forced = ParseRegime(c.regime);
  return choice;
}

Status AdapterImpl::CheckChoice(const LawChoice& c) const {
  if (!c.mode.empty() && c.mode != "as_written" && c.mode != "as_enforced") {
    return Status::InvalidArgument(
        fmt::format("mode must be as_written or as_enforced, not `{}`", c.mode));
  }
  if (!c.regime.empty() && !ParseRegime(c.regime)) {
    return Status::InvalidArgument(
        fmt::format("regime must be us-2022-10, us-2023-11 or us-2025-01, not `{}`", c.regime));
  }
  return Status::Ok();
}

Status AdapterImpl::Begin() {
  failed_ = Status::Ok();
  return store_->BeginBatch();
}

// A group whose ledger failed answers nothing: its lines are retried whole,
// and the ids rule makes a retry of a line that did commit a no-op.
Status AdapterImpl::Commit() {
  Status committed = store_->CommitBatch();
  return failed_.ok() ? committed : failed_;
}

void AdapterImpl::StartInput(const LawChoice& choice, bool dry_run) {
  RegimeChoice c = Choice(choice);
  if (dry_run || c.forced) dry_ = std::make_unique<ledger::MemoryLedger>(store_.get());
  Ledger* ledger = dry_ ? static_cast<Ledger*>(dry_.get()) : store_.get();
  sequence_ = std::make_unique<Sequence>(*engine_, c, ledger);
  // The snapshot loaded now screens the whole input; its party cache is kept
  // from input to input until another snapshot is loaded.
  std::shared_ptr<const screen::Screener> screener = lists_ ? lists_->screener() : nullptr;
  if (screener == nullptr) {
    parties_.reset();
  } else if (parties_ == nullptr || &parties_->screener() != screener.get()) {
    parties_ = std::make_unique<screen::PartyScreener>(std::move(screener));
  }
}

void AdapterImpl::EndInput() {
  sequence_.reset();
  dry_.reset();
}

void AdapterImpl::Determine(std::string_view json, int64_t line_no, ReasonsDetail reasons,
                            Determined* out) {
  HF_ASSERT(sequence_ != nullptr);  // REQUIRES: StartInput
  parser_.ParseJson(json, &shipment_);
  if (parties_ != nullptr) parties_->Screen(&shipment_);
  Determination& d = determination_;
  Status st = sequence_->Evaluate(shipment_, &d);
  if (!st.ok() && failed_.ok()) failed_ = st;
  out->full_json.clear();
  io::AppendJson(d, line_no, &out->full_json);
  if (!out->full_json.empty() && out->full_json.back() == '\n') out->full_json.pop_back();
  out->json.clear();
  if (reasons != ReasonsDetail::kFull) {
    if (reasons == ReasonsDetail::kNone) d.reasons.clear();
    for (Reason& r : d.reasons) r.text_size = 0;
    io::AppendJson(d, line_no, &out->json);
    if (!out->json.empty() && out->json.back() == '\n') out->json.pop_back();
  }
  out->shipment_id = d.id;
  out->party = shipment_.errors.empty() ? determine::PartyKeyOf(shipment_) : "";
  out->decision = WireName(d.decision);
  out->mode = WireName(d.mode);
  out->regime = d.regime;
  out->accounts.clear();
  for (const Debit& debit : d.debits) out->accounts.push_back(debit.account);
}

Result<std::string> AdapterImpl::ExplainJson() {
  const Determination& d = determination_;
  std::string out = "\"derivation\":";
  JsonWriter w(&out);
  w.BeginArray();
  for (const Reason& r : d.reasons) {
    w.BeginObject().Key("rule").String(r.rule).Key("citation").String(r.citation);
    w.Key("text").String(d.ReasonText(r)).Key("params").BeginArray();
    for (const ParamRead* p : d.ReasonParams(r)) WriteParamRead(*p, w);
    w.EndArray().EndObject();
  }
  w.EndArray();
  out += ",\"balances\":";
  JsonWriter b(&out);
  b.BeginArray();
  // The durable ledger as the shipment saw it (its own draws left out); an
  // explanation never draws, so the dry run's overlay holds only its draw.
  Ledger* ledger = store_.get();
  for (const Debit& debit : d.debits) {
    Result<AccountBalance> bal = ledger->Balance(debit.account, d.id);
    if (!bal.ok()) return bal.status();
    std::optional<Fixed> available;
    if (debit.cap) {
      std::optional<Fixed> room = Fixed::Sub(*debit.cap, bal->posted);
      if (room) available = Fixed::Sub(*room, bal->pending);
    }
    b.BeginObject().Key("account").String(debit.account).Key("cap").OptionalFixed(debit.cap);
    b.Key("posted").Fixed(bal->posted).Key("pending").Fixed(bal->pending);
    b.Key("available").OptionalFixed(available).EndObject();
  }
  b.EndArray();
  return out;
}

Result<std::string> AdapterImpl::TransferJson(std::string_view transfer_id, bool changed) {
  Result<std::vector<ledger::TransferRecord>> h = store_->History(AccountOfTransfer(transfer_id));
  if (!h.ok()) return h.status();
  for (const ledger::TransferRecord& t : *h) {
    if (t.id != transfer_id) continue;
    std::string out;
    JsonWriter w(&out);
    WriteTransfer(t, w);
    out.pop_back();  // the closing brace: one field more
    out += changed ? ",\"changed\":true}" : ",\"changed\":false}";
    return out;
  }
  return Status::NotFound(fmt::format("no transfer with id `{}`", transfer_id));
}

Result<std::string> AdapterImpl::Post(std::string_view transfer_id, const LicenceGrant& grant) {
  ledger::Grant g{grant.licence, std::nullopt, grant.note};
  if (!grant.granted.empty()) {
    std::optional<Date> on = Date::Parse(grant.granted);
    if (!on) {
      return Status::InvalidArgument(
          fmt::format("granted must be a date YYYY-MM-DD, not `{}`", grant.granted));
    }
    g.granted = *on;
  }
  Result<ledger::Settled> settled = store_->Post(transfer_id, g);
  if (!settled.ok()) return settled.status();
  return TransferJson(transfer_id, *settled == ledger::Settled::kDone);
}

Result<std::string> AdapterImpl::Void(std::string_view transfer_id, std::string_view note) {
  Result<ledger::Settled> settled = store_->Void(transfer_id, note);
  if (!settled.ok()) return settled.status();
  return TransferJson(transfer_id, *settled == ledger::Settled::kDone);
}

Result<std::string> AdapterImpl::Reverse(std::string_view transfer_id, std::string_view reason) {
  Result<ledger::Settled> settled = store_->Reverse(transfer_id, reason);
  if (!settled.ok()) return settled.status();
  return TransferJson("reversal:" + std::string(transfer_id), *settled == ledger::Settled::kDone);
}

Result<std::string> AdapterImpl::AccountsJson(std::string_view kind, std::string_view prefix) {
  Result<Reader> r = Borrow();
  if (!r.ok()) return r.status();
  std::string filter = kind.empty() ? std::string(prefix) : std::string(kind) + ":";
  Result<std::vector<ledger::AccountState>> all = (*r)->List(filter);
  if (!all.ok()) return all.status();
  std::string out;
  JsonWriter w(&out);
  w.BeginObject().Key("accounts").BeginArray();
  for (const ledger::AccountState& a : *all) {
    if (!prefix.empty() && !a.account.starts_with(prefix)) continue;
    WriteAccount(a, nveu_schedule_, w);
  }
  w.EndArray().EndObject();
  return out;
}

Result<std::string> AdapterImpl::AccountJson(std::string_view account) {
  Result<Reader> r = Borrow();
  if (!r.ok()) return r.status();
  Result<ledger::AccountState> a = (*r)->Show(account);
  if (!a.ok() && a.status().code() != Status::Code::kNotFound) return a.status();
  ledger::AccountState state;
  if (a.ok()) {
    state = *a;
  } else {
    // An account never drawn on: zero use, and no cap recorded yet.
    state.account = account;
  }
  std::string out;
  JsonWriter w(&out);
  WriteAccount(state, nveu_schedule_, w);
  return out;
}

Result<std::string> AdapterImpl::HistoryJson(std::string_view account) {
  Result<Reader> r = Borrow();
  if (!r.ok()) return r.status();
  Result<std::vector<ledger::TransferRecord>> h = (*r)->History(account);
  if (!h.ok()) return h.status();
  std::string out;
  JsonWriter w(&out);
  w.BeginObject().Key("account").String(account).Key("transfers").BeginArray();
  for (const ledger::TransferRecord& t : *h) WriteTransfer(t, w);
  w.EndArray().EndObject();
  return out;
}

Result<std::vector<std::pair<std::string, Fixed>>> AdapterImpl::AllocationsAvailable() {
  Result<Reader> r = Borrow();
  if (!r.ok()) return r.status();
  Result<std::vector<ledger::AccountState>> all = (*r)->List("allocation:");
  if (!all.ok()) return all.status();
  std::vector<std::pair<std::string, Fixed>> out;
  for (const ledger::AccountState& a : *all) {
    if (a.available()) out.emplace_back(a.account, *a.available());
  }
  return out;
}

std::string AdapterImpl::PartyKey(std::string_view name) const { return names::PartyKey(name); }

}  // namespace highfence::server
