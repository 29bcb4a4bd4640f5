// LedgerStore::Open: picks the store from the target's form.
#include "ledger/store.h"

#include <fmt/format.h>

#include "base/clock.h"
#include "ledger/memory_store.h"
#include "ledger/postgres/store.h"
#include "ledger/sqlite/store.h"

namespace highfence::ledger {

int64_t Grant::SettledNs(int64_t now_ns) const { return granted ? NsOfDate(*granted) : now_ns; }

std::string Grant::Note() const {
  std::string out = licence.empty() ? std::string() : "licence " + licence;
  if (!out.empty() && !note.empty()) out += "; ";
  return out + note;
}

Result<std::unique_ptr<LedgerStore>> LedgerStore::Open(const std::string& target, bool read_only) {
  if (target.empty()) return Status::InvalidArgument("the ledger target is empty");
  if (target == "memory:") return std::unique_ptr<LedgerStore>(std::make_unique<MemoryStore>());
  if (target.starts_with("postgres://") || target.starts_with("postgresql://")) {
    return OpenPostgresStore(target, read_only);
  }
  SqliteOptions options;
  options.read_only = read_only;
  Result<std::unique_ptr<SqliteStore>> store = SqliteStore::Open(target, options);
  if (!store.ok()) return store.status();
  return std::unique_ptr<LedgerStore>(std::move(*store));
}

Result<std::optional<std::vector<BaseAccount>>> LedgerStore::DeclaredBase(std::string_view prefix) {
  using Base = std::optional<std::vector<BaseAccount>>;
  Result<bool> seeded = HasTransferWithPrefix(std::string("seed:") + std::string(prefix));
  if (!seeded.ok()) return seeded.status();
  if (!*seeded) return Base();
  Result<std::vector<AccountState>> accounts = List(prefix);
  if (!accounts.ok()) return accounts.status();
  std::vector<BaseAccount> base;
  for (const AccountState& a : *accounts) {
    std::optional<Fixed> drawn = Fixed::Add(a.posted, a.pending);
    if (!drawn) {
      return Status::Corruption(fmt::format("account `{}`: posted + pending overflow", a.account));
    }
    base.push_back({a.account, *drawn});
  }
  return Base(std::move(base));
}

}  // namespace highfence::ledger
