// `highfence explain FILE --id ID [--ledger L]`: the full derivation of one
// shipment, with the law values each step read and the ledger balances the
// line saw. The lines before it are evaluated first, as one sequence, so the
// balances are those `check` would have seen; with --ledger they are read from
// that ledger (which is never written) as the shipment first saw them there.
#include <fmt/format.h>

#include <cstdio>
#include <memory>
#include <utility>
#include <vector>

#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/input.h"
#include "cli/screen_commands.h"
#include "io/determination_writer.h"
#include "ledger/memory_ledger.h"
#include "ledger/store.h"

namespace highfence::cli {
namespace {

// Forwards to another ledger and notes every balance the engine reads.
class ReadNotingLedger : public Ledger {
 public:
  explicit ReadNotingLedger(Ledger* inner) : inner_(inner) {}

  Result<AccountBalance> Balance(std::string_view account, std::string_view shipment_id) override {
    Result<AccountBalance> b = inner_->Balance(account, shipment_id);
    if (b.ok()) balances_.emplace_back(std::string(account), *b);
    return b;
  }
  Result<std::optional<std::vector<BaseAccount>>> DeclaredBase(std::string_view prefix) override {
    Result<std::optional<std::vector<BaseAccount>>> base = inner_->DeclaredBase(prefix);
    if (base.ok() && base->has_value()) {
      for (const BaseAccount& a : **base)
        balances_.emplace_back(a.account, AccountBalance{a.drawn, Fixed()});
    }
    return base;
  }
  Result<std::optional<std::string>> RecordedShipment(std::string_view id) override {
    return inner_->RecordedShipment(id);
  }
  Result<bool> HoldsShipments() override { return inner_->HoldsShipments(); }
  RecordResult Record(std::span<const TransferRequest> transfers) override {
    return inner_->Record(transfers);
  }

  void Forget() { balances_.clear(); }
  const std::vector<std::pair<std::string, AccountBalance>>& balances() const { return balances_; }

 private:
  Ledger* inner_;
  std::vector<std::pair<std::string, AccountBalance>> balances_;
};

std::string Header(const Determination& d, int64_t line, const std::string& input) {
  std::string out = fmt::format("Shipment {} (line {} of {})\n", d.id, line, input);
  out += fmt::format("  regime {}, mode {}\n", d.regime, WireName(d.mode));
  out += fmt::format("  decision: {}", WireName(d.decision));
  if (d.authorization != Authorization::kNone) {
    out += fmt::format(" under {}", WireName(d.authorization));
  }
  if (d.license_policy != LicensePolicy::kNone) {
    out += fmt::format(", {}", WireName(d.license_policy));
  }
  out += fmt::format("\n  ECCN {}, TPP per unit {}, TPP total {}, tier {}\n",
                     d.eccn == Eccn::kNone ? "none" : WireName(d.eccn),
                     d.tpp ? d.tpp->ToString() : "-", d.tpp_total ? d.tpp_total->ToString() : "-",
                     d.tier ? std::to_string(d.tier) : "-");
  if (d.other_mode) {
    const OtherMode& o = *d.other_mode;
    out += fmt::format("  {} would decide: {}", WireName(o.mode), WireName(o.decision));
    if (o.authorization != Authorization::kNone) {
      out += fmt::format(" under {}", WireName(o.authorization));
    }
    if (o.license_policy != LicensePolicy::kNone) {
      out += fmt::format(", {}", WireName(o.license_policy));
    }
    out += "\n";
  }
  for (const Assumption& a : d.assumed) {
    out += fmt::format("  assumed {} = {}\n", a.field, a.value);
  }
  if (d.screening) {
    out += fmt::format("  screened against list snapshot {}: {} hit{}\n", d.screening->snapshot,
                       d.screening->hits.size(), d.screening->hits.size() == 1 ? "" : "s");
    for (const PartyListHit& h : d.screening->hits) {
      out += fmt::format("    - {} ~ {} [{}{}{}] score {} ({}){}{}\n", WireName(h.role), h.name,
                         h.list, h.entity_number.empty() ? "" : " ", h.entity_number,
                         h.score.ToString(), h.match ? "match" : "review",
                         h.federal_register_notice.empty() ? "" : ", ", h.federal_register_notice);
    }
  }
  return out;
}

std::string Derivation(const Determination& d) {
  std::string out = "\nDerivation:\n";
  for (size_t i = 0; i < d.reasons.size(); ++i) {
    const Reason& r = d.reasons[i];
    out += fmt::format("{:>3}. [{}] {}\n     ({})\n", i + 1, r.rule, d.ReasonText(r), r.citation);
    for (const ParamRead* p : d.ReasonParams(r)) {
      out += fmt::format("     reads {} = {}", p->name, p->value);
      if (p->effective_on) out += fmt::format(", in force from {}", p->effective_on->ToString());
      out += fmt::format("{}{}: {}\n", p->decision.empty() ? "" : ", decision ", p->decision,
                         p->citation);
    }
  }
  return out;
}

std::string Balances(const ReadNotingLedger& ledger, const std::string& where) {
  if (ledger.balances().empty()) return "";
  std::string out = fmt::format("\nLedger balances read ({}):\n", where);
  for (const auto& [account, b] : ledger.balances()) {
    out += fmt::format("  - {}: posted {}, pending {}\n", account, b.posted.ToString(),
                       b.pending.ToString());
  }
  return out;
}

std::string Outcome(const Determination& d) {
  std::string out;
  if (!d.notices.empty()) {
    out += "\nNotices owed:\n";
    for (std::string_view n : d.notices) out += fmt::format("  - {}\n", n);
  }
  if (!d.debits.empty()) {
    out += "\nLedger draws:\n";
    for (const Debit& debit : d.debits) {
      out += fmt::format("  - {} {} ({})\n", debit.account, debit.tpp.ToString(),
                         WireName(debit.state));
    }
  }
  if (!d.errors.empty()) {
    out += "\nErrors:\n";
    for (const DeterminationError& e : d.errors) {
      out += fmt::format("  - [{}] {}: {}\n", e.code, e.field, e.message);
    }
  }
  return out;
}

}  // namespace

namespace {

// The explanation as one JSON object: the determination (contract.md section
// 3) with the input line, and the ledger balances the line read.
std::string ExplainJson(const Determination& d, int64_t line, const ReadNotingLedger& ledger,
                        const std::string& where) {
  std::string det;
  io::AppendJson(d, 0, &det);
  det.pop_back();  // the newline
  std::string out = fmt::format("{{\"line\":{},\"determination\":{},\"balances_from\":", line, det);
  io::AppendJsonString(where, &out);
  out += ",\"balances\":[";
  for (size_t i = 0; i < ledger.balances().size(); ++i) {
    const auto& [account, b] = ledger.balances()[i];
    out += i ? ",{\"account\":" : "{\"account\":";
    io::AppendJsonString(account, &out);
    out +=
        fmt::format(",\"posted\":{},\"pending\":{}}}", b.posted.ToString(), b.pending.ToString());
  }
  out += "]}\n";
  return out;
}

}  // namespace

int RunExplain(const CommonOptions& common, ExplainOptions o) {
  const bool by_flags = o.flags.any();
  if (by_flags && !o.file.empty()) {
    std::fprintf(stderr, "highfence: give either a shipments file or shipment flags, not both\n");
    return kExitFailed;
  }
  if (!by_flags && (o.file.empty() || o.id.empty())) {
    std::fprintf(stderr,
                 "highfence: explain needs a shipments file and --id ID, or one shipment by "
                 "flags (--item, --units, --to, --date); see `highfence explain --help`\n");
    return kExitFailed;
  }
  if (by_flags && !CompleteShipmentFlags(&o.flags)) return kExitFailed;
  if (by_flags && !o.id.empty()) o.flags.id = o.id;
  if (by_flags) o.id = o.flags.id;
  std::optional<RegimeChoice> choice = ParseChoice(common);
  if (!choice) return kExitFailed;
  std::unique_ptr<Engine> engine = LoadEngine(common);
  if (!engine) return kExitFailed;
  std::unique_ptr<screen::PartyScreener> parties;
  if (!o.lists.empty() && !(parties = LoadPartyScreener(o.lists))) return kExitFailed;
  std::unique_ptr<ledger::LedgerStore> store;
  if (!o.ledger.empty()) {
    Result<std::unique_ptr<ledger::LedgerStore>> opened = ledger::LedgerStore::Open(o.ledger, true);
    if (!opened.ok()) {
      std::fprintf(stderr, "highfence: %s\n", opened.status().ToString().c_str());
      return kExitFailed;
    }
    store = std::move(opened).value();
  }
  CheckOptions input;
  input.input = o.file;
  input.input_format = o.input_format;
  input.delimiter = o.delimiter;
  input.flags = o.flags;
  Input in;
  std::string flags_json;
  if (!OpenInput(input, &in, &flags_json)) return kExitFailed;
  ledger::MemoryLedger memory(store.get());  // never writes the store
  ReadNotingLedger noting(&memory);
  Sequence sequence(*engine, *choice, &noting);
  ShipmentStream stream(in, &engine->catalog());
  Shipment shipment;
  Determination d;
  int64_t line = 0;
  std::vector<std::string> header_errors;
  const std::string where = o.ledger.empty() ? "this run, in memory" : o.ledger;
  while (stream.Next(&shipment, &line, &header_errors)) {
    noting.Forget();
    if (parties) parties->Screen(&shipment);
    Status st = sequence.Evaluate(shipment, &d);
    if (!st.ok()) {
      std::fprintf(stderr, "highfence: %s\n", st.ToString().c_str());
      return kExitFailed;
    }
    if (d.id != o.id) continue;
    std::string out = o.format == "json" ? ExplainJson(d, line, noting, where)
                                         : Header(d, line, in.name) + Derivation(d) +
                                               Balances(noting, where) + Outcome(d);
    std::fwrite(out.data(), 1, out.size(), stdout);
    return kExitOk;
  }
  for (const std::string& e : header_errors) std::fprintf(stderr, "highfence: %s\n", e.c_str());
  std::fprintf(stderr, "highfence: no shipment with id `%s` in %s\n", o.id.c_str(),
               in.name.c_str());
  return kExitFailed;
}

}  // namespace highfence::cli
