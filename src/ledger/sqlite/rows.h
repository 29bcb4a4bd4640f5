// Row readers shared by the SQLite store's files: one place knows the column
// order of ledger/sqlite/sql.h's HF_TRANSFER_COLUMNS and HF_ACCOUNT_COLUMNS.
#ifndef HIGHFENCE_LEDGER_SQLITE_ROWS_H_
#define HIGHFENCE_LEDGER_SQLITE_ROWS_H_

#include "ledger/sqlite/db.h"
#include "ledger/store.h"

namespace highfence::ledger {

// kCorruption when a state or date in the row is not one highfence writes.
Result<TransferRecord> TransferFromRow(const Stmt& row);
AccountState AccountFromRow(const Stmt& row);

}  // namespace highfence::ledger

#endif  // HIGHFENCE_LEDGER_SQLITE_ROWS_H_
