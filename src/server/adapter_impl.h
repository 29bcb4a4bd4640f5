// The adapter's implementation over today's Engine and LedgerStore (internal
// to src/server/adapter*.cc). See adapter.h.
#ifndef HIGHFENCE_SERVER_ADAPTER_IMPL_H_
#define HIGHFENCE_SERVER_ADAPTER_IMPL_H_

#include <memory>
#include <mutex>
#include <vector>

#include "highfence/engine.h"
#include "io/shipment_parser.h"
#include "ledger/memory_ledger.h"
#include "ledger/store.h"
#include "screen/party_screener.h"
#include "server/adapter.h"
#include "server/screening.h"

namespace highfence::server {

class AdapterImpl : public EngineAdapter, public LedgerWriter {
 public:
  AdapterImpl(std::unique_ptr<Engine> engine, std::string target,
              std::unique_ptr<ledger::LedgerStore> store, const ScreeningLists* lists);

  // EngineAdapter
  const LawInfo& law() const override { return law_; }
  std::string_view ledger_kind() const override { return kind_; }
  Status CheckChoice(const LawChoice& choice) const override;
  std::string CatalogJson() const override;
  std::string RegimesJson() const override;
  Result<std::string> CountriesJson(std::string_view date, std::string_view mode) const override;
  Result<std::string> ClassifyJson(std::string_view item_json,
                                   std::string_view date) const override;
  std::string PartyKey(std::string_view name) const override;
  Result<std::string> AccountsJson(std::string_view kind, std::string_view prefix) override;
  Result<std::string> AccountJson(std::string_view account) override;
  Result<std::string> HistoryJson(std::string_view account) override;
  Result<std::vector<std::pair<std::string, Fixed>>> AllocationsAvailable() override;
  LedgerWriter* writer() override { return this; }

  // LedgerWriter
  Status Begin() override;
  Status Commit() override;
  void StartInput(const LawChoice& choice, bool dry_run) override;
  void EndInput() override;
  void Determine(std::string_view json, int64_t line_no, ReasonsDetail reasons,
                 Determined* out) override;
  Result<std::string> ExplainJson() override;
  Result<std::string> Post(std::string_view transfer_id, const LicenceGrant& grant) override;
  Result<std::string> Void(std::string_view transfer_id, std::string_view note) override;
  Result<std::string> Reverse(std::string_view transfer_id, std::string_view reason) override;

 private:
  // A read-only ledger connection from the pool, returned when destroyed.
  class Reader;
  Result<Reader> Borrow();
  RegimeChoice Choice(const LawChoice& c) const;
  Result<std::string> TransferJson(std::string_view transfer_id, bool changed);

  std::unique_ptr<Engine> engine_;
  std::string target_;
  std::string kind_;
  LawInfo law_;
  std::vector<std::pair<Date, Fixed>> nveu_schedule_;  // an nveu account's cap by quarter
  std::unique_ptr<ledger::LedgerStore> store_;         // the writer's
  std::unique_ptr<ledger::MemoryLedger> dry_;          // the open input's, when it only reads
  std::unique_ptr<Sequence> sequence_;                 // the open input
  Status failed_;                                      // the ledger failed in this group
  const ScreeningLists* lists_;                        // null: parties are not screened
  std::unique_ptr<screen::PartyScreener> parties_;     // the open input's, when lists are loaded
  io::ShipmentParser parser_;
  Shipment shipment_;
  Determination determination_;
  std::mutex readers_mu_;
  std::vector<std::unique_ptr<ledger::LedgerStore>> readers_;  // idle read connections
};

}  // namespace highfence::server

#endif  // HIGHFENCE_SERVER_ADAPTER_IMPL_H_
