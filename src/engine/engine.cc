#include "highfence/engine.h"

#include <fmt/format.h>

#include <fstream>
#include <sstream>
#include <vector>

#include "base/fingerprint.h"
#include "base/id_set.h"
#include "catalog/catalog.h"
#include "classify/cache.h"
#include "determine/determine.h"
#include "law/law_data.h"
#include "law/snapshot.h"

namespace highfence {
namespace {

// Determinations of one shipment when other writers keep taking the room on
// its accounts first; each attempt reads every balance again.
constexpr int kRecordAttemptsMax = 16;

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError(fmt::format("cannot read `{}`", path));
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

Result<std::vector<law::LawSource>> LawSources(const EngineOptions& options) {
  if (!options.law_files.empty()) {
    std::vector<law::LawSource> sources;
    for (const auto& [name, text] : options.law_files) sources.push_back({name, text});
    return sources;
  }
  if (options.law_dir.empty()) return law::EmbeddedLawSources();
  return law::ReadLawDir(options.law_dir);
}

// Makes `out` needs_review with one error, and nothing else decided or drawn.
void NeedsReview(Determination* out, std::string_view code, std::string_view field,
                 std::string message) {
  out->decision = Decision::kNeedsReview;
  out->authorization = Authorization::kNone;
  out->license_policy = LicensePolicy::kNone;
  out->debits.clear();
  out->errors.push_back({std::string(code), std::string(field), std::move(message)});
}

bool LedgerUnavailable(const Determination& d) {
  for (const DeterminationError& e : d.errors) {
    if (e.code == "ledger_unavailable") return true;
  }
  return false;
}

std::vector<TransferRequest> TransfersOf(const Shipment& s, const Determination& d,
                                         const std::string& fingerprint) {
  std::vector<TransferRequest> transfers;
  transfers.reserve(d.debits.size());
  for (const Debit& debit : d.debits) {
    TransferRequest t;
    t.id = fmt::format("{}/{}", s.id, debit.account);
    t.account = debit.account;
    t.amount = debit.tpp;
    t.state = debit.state;
    t.cap = debit.cap;
    t.shipment_id = s.id;
    t.shipment_hash = fingerprint;
    t.on = s.date;
    transfers.push_back(std::move(t));
  }
  return transfers;
}

// D27: from the non-enforcement on, a determination says what the other mode
// decides when that differs. Determined on the same balances, before this
// shipment's draws are recorded; the other mode never draws.
void AddOtherMode(const law::Law& law, const Shipment& s, const RegimeChoice& choice,
                  LedgerView* ledger, const determine::DetermineOptions& options,
                  Determination* out) {
  if (choice.forced || !s.errors.empty() || !out->errors.empty()) return;
  const law::Snapshot& snapshot = law.At(s.date, choice);
  if (s.date < snapshot.non_enforcement_on.value) return;
  RegimeChoice other = choice;
  other.mode = choice.mode == Mode::kAsWritten ? Mode::kAsEnforced : Mode::kAsWritten;
  // One scratch determination per thread keeps its buffers from line to line.
  thread_local Determination scratch;
  scratch.Clear();
  scratch.outcome_only = true;
  determine::Determine(s, law.At(s.date, other), ledger, &scratch, options);
  if (LedgerUnavailable(scratch)) return;
  if (scratch.decision == out->decision && scratch.authorization == out->authorization &&
      scratch.license_policy == out->license_policy) {
    return;
  }
  out->other_mode = OtherMode{other.mode, scratch.decision, scratch.authorization,
                              scratch.license_policy};
  out->AddNotice("modes_differ");
  std::string_view how = scratch.authorization != Authorization::kNone
                             ? WireName(scratch.authorization)
                             : WireName(scratch.license_policy);
  out->AddReason("mode.other", snapshot.ai_diffusion_enforced.citation(),
                 fmt::format("{} the decision would be {}{}{} (D27)", WireName(other.mode),
                             WireName(scratch.decision), how.empty() ? "" : ", ", how));
}

}  // namespace

struct Engine::Impl {
  std::unique_ptr<law::Law> law;
  catalog::Catalog catalog;
  std::unique_ptr<classify::ClassificationCache> cache;
};

Engine::Engine(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Engine::~Engine() = default;
const law::Law& Engine::law() const { return *impl_->law; }
const catalog::Catalog& Engine::catalog() const { return impl_->catalog; }

Result<std::unique_ptr<Engine>> Engine::Create(const EngineOptions& options) {
  Result<std::vector<law::LawSource>> sources = LawSources(options);
  if (!sources.ok()) return sources.status();
  Result<law::LawData> data = law::ParseLaw(*sources);
  if (!data.ok()) return data.status();
  Result<std::unique_ptr<law::Law>> law = law::Law::Create(std::move(data).value());
  if (!law.ok()) return law.status();
  Result<catalog::Catalog> catalog = catalog::Catalog::Embedded();
  if (!options.catalog_path.empty()) {
    Result<std::string> text = ReadFile(options.catalog_path);
    if (!text.ok()) return text.status();
    catalog = catalog::Catalog::Parse(*text, options.catalog_path);
  }
  if (!catalog.ok()) return catalog.status();
  auto impl = std::make_unique<Impl>();
  impl->law = std::move(law).value();
  impl->catalog = std::move(catalog).value();
  impl->cache =
      std::make_unique<classify::ClassificationCache>(impl->catalog, impl->law->snapshot_count());
  return std::unique_ptr<Engine>(new Engine(std::move(impl)));
}

void Engine::Determine(const Shipment& s, const RegimeChoice& choice, LedgerView* ledger,
                       Determination* out) const {
  out->Clear();
  determine::DetermineOptions options{.cache = impl_->cache.get()};
  determine::Determine(s, impl_->law->At(s.date, choice), ledger, out, options);
  AddOtherMode(*impl_->law, s, choice, ledger, options, out);
}

Status Engine::Evaluate(const Shipment& s, const RegimeChoice& choice, Ledger* ledger,
                        Determination* out) const {
  return EvaluateOn(s, choice, ledger, /*ask=*/true, out);
}

Status Engine::EvaluateOn(const Shipment& s, const RegimeChoice& choice, Ledger* ledger, bool ask,
                          Determination* out) const {
  const law::Snapshot& snapshot = impl_->law->At(s.date, choice);
  determine::DetermineOptions options{.cache = impl_->cache.get()};
  std::string fingerprint;
  if (ask && s.errors.empty()) {
    Result<std::optional<std::string>> recorded = ledger->RecordedShipment(s.id);
    if (!recorded.ok()) {
      Determine(s, choice, ledger, out);
      NeedsReview(out, "ledger_unavailable", "",
                  fmt::format("the ledger could not be read: {}", recorded.status().ToString()));
      return recorded.status();
    }
    if (recorded->has_value()) {
      fingerprint = ShipmentFingerprint(s);
      options.retry = **recorded == fingerprint;
      if (!options.retry) {
        out->Clear();
        out->id = s.id;
        out->mode = snapshot.mode;
        out->regime = WireName(snapshot.regime);
        NeedsReview(out, "id_reused", "id",
                    fmt::format("shipment `{}` already drew on this ledger with other content; a "
                                "changed shipment needs a new id (a retry must repeat it exactly)",
                                s.id));
        return Status::Ok();
      }
    }
  }
  for (int attempt = 0; attempt < kRecordAttemptsMax; ++attempt) {
    out->Clear();
    determine::Determine(s, snapshot, ledger, out, options);
    if (LedgerUnavailable(*out)) return Status::IOError(out->errors.back().message);
    AddOtherMode(*impl_->law, s, choice, ledger, options, out);
    if (out->debits.empty()) return Status::Ok();
    if (fingerprint.empty()) fingerprint = ShipmentFingerprint(s);
    RecordResult recorded = ledger->Record(TransfersOf(s, *out, fingerprint));
    switch (recorded.outcome()) {
      case RecordOutcome::kOk:
      case RecordOutcome::kExists:
        return Status::Ok();
      case RecordOutcome::kCapExceeded:
        continue;  // someone drew first: determine again on fresh balances
      case RecordOutcome::kIdMismatch:
        NeedsReview(out, "id_reused", "id",
                    fmt::format("shipment `{}` drew on this ledger before with other draws: {}",
                                s.id, recorded.status().message()));
        return Status::Ok();
      case RecordOutcome::kOverflow:
        NeedsReview(
            out, "ledger_overflow", "",
            fmt::format("the ledger cannot record the draws: {}", recorded.status().message()));
        return Status::Ok();
      case RecordOutcome::kInvalid:
        HF_ASSERT(false && "the engine builds only valid transfers");
        return Status::Internal(recorded.ToString());
      case RecordOutcome::kUnavailable:
        NeedsReview(
            out, "ledger_unavailable", "",
            fmt::format("the ledger could not record the draws: {}", recorded.status().ToString()));
        return recorded.status();
    }
  }
  NeedsReview(out, "ledger_contention", "",
              "other writers kept taking the room on this shipment's accounts; evaluate it again");
  return Status::Ok();
}

// --- Sequence -------------------------------------------------------------------

struct Sequence::Ids {
  IdSet seen;
};

Sequence::Sequence(const Engine& engine, const RegimeChoice& choice, Ledger* ledger)
    : engine_(engine), choice_(choice), ledger_(ledger), ids_(std::make_unique<Ids>()) {}

Sequence::~Sequence() = default;

Status Sequence::Evaluate(const Shipment& s, Determination* out) {
  if (s.errors.empty() && !ids_->seen.Insert(s.id)) {
    out->Clear();
    out->id = s.id;
    const law::Snapshot& snapshot = engine_.law().At(s.date, choice_);
    out->mode = snapshot.mode;
    out->regime = WireName(snapshot.regime);
    NeedsReview(
        out, "duplicate_id", "id",
        fmt::format("id `{}` was used by an earlier line of this input; it draws nothing", s.id));
    return Status::Ok();
  }
  if (!ledger_had_shipments_) {
    Result<bool> holds = ledger_->HoldsShipments();
    if (!holds.ok()) {
      engine_.Determine(s, choice_, ledger_, out);
      NeedsReview(out, "ledger_unavailable", "",
                  fmt::format("the ledger could not be read: {}", holds.status().ToString()));
      return holds.status();
    }
    ledger_had_shipments_ = *holds;
  }
  return engine_.EvaluateOn(s, choice_, ledger_, *ledger_had_shipments_, out);
}

}  // namespace highfence
