// TEMPORARY: a weak LedgerStore::Open until src/ledger/store.cc lands.
#include "ledger/store.h"

namespace highfence::ledger {
__attribute__((weak)) Result<std::unique_ptr<LedgerStore>> LedgerStore::Open(const std::string&,
                                                                             bool) {
  return Status::Internal("no durable ledger store in this build");
}
}  // namespace highfence::ledger
