#include "highfence/engine.h"

#include <fmt/format.h>

#include <fstream>
#include <sstream>
#include <vector>

#include "catalog/catalog.h"
#include "classify/cache.h"
#include "determine/determine.h"
#include "law/law_data.h"
#include "law/snapshot.h"

namespace highfence {
namespace {

// Attempts at recording one shipment's draws when concurrent writers keep
// taking the room first; each attempt re-reads every balance.
constexpr int kRecordAttemptsMax = 16;

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError(fmt::format("cannot read `{}`", path));
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
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
  std::vector<law::LawSource> sources;
  if (options.law_dir.empty()) {
    sources = law::EmbeddedLawSources();
  } else {
    Result<std::vector<law::LawSource>> read = law::ReadLawDir(options.law_dir);
    if (!read.ok()) return read.status();
    sources = std::move(read).value();
  }
  Result<law::LawData> data = law::ParseLaw(sources);
  if (!data.ok()) return data.status();
  Status checked = law::CheckLaw(*data);
  if (!checked.ok()) return checked;
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

void Engine::EvaluateDry(const Shipment& s, const RegimeChoice& choice, LedgerView* ledger,
                         Determination* out) const {
  out->Clear();
  determine::Determine(s, impl_->law->At(s.date, choice), ledger, out, impl_->cache.get());
}

void Engine::Evaluate(const Shipment& s, const RegimeChoice& choice, Ledger* ledger,
                      Determination* out) const {
  const law::Snapshot& snapshot = impl_->law->At(s.date, choice);
  std::vector<TransferRequest> transfers;
  for (int attempt = 0; attempt < kRecordAttemptsMax; ++attempt) {
    out->Clear();
    determine::Determine(s, snapshot, ledger, out, impl_->cache.get());
    if (out->debits.empty()) return;
    transfers.clear();
    for (const Debit& d : out->debits) {
      TransferRequest t;
      t.id = fmt::format("{}/{}", s.id, d.account);
      t.account = d.account;
      t.amount = d.tpp;
      t.state = d.state;
      t.cap = d.cap;
      t.shipment_id = s.id;
      t.on = s.date;
      transfers.push_back(std::move(t));
    }
    Status recorded = ledger->Record(transfers);
    if (recorded.ok()) return;
    if (recorded.code() != Status::Code::kConflict) {
      out->decision = Decision::kNeedsReview;
      out->authorization = Authorization::kNone;
      out->license_policy = LicensePolicy::kNone;
      out->debits.clear();
      out->errors.push_back(
          {"ledger_unavailable", "",
           fmt::format("the ledger could not record the draws: {}", recorded.ToString())});
      return;
    }
  }
  out->decision = Decision::kNeedsReview;
  out->debits.clear();
  out->errors.push_back({"ledger_contention", "",
                         "other writers kept taking the room on this shipment's accounts; "
                         "evaluate it again"});
}

}  // namespace highfence
