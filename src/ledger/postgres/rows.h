// Row readers shared by the PostgreSQL store's files: one place knows the
// column order of ledger/postgres/sql.h's transfer and account columns.
#ifndef HIGHFENCE_LEDGER_POSTGRES_ROWS_H_
#define HIGHFENCE_LEDGER_POSTGRES_ROWS_H_

#include "ledger/postgres/db.h"
#include "ledger/store.h"

namespace highfence::ledger {

// The transfer in row `row`, columns `first` .. `first` + 9 in the order id,
// account, amount_milli, state, shipment_id, on_date, created_ns, settled_ns,
// note, shipment_hash. kCorruption when a state or date is not one highfence writes.
Result<TransferRecord> PgTransferFromRow(const PgRows& rows, int row, int first);
// The account in row `row`, columns `first` .. `first` + 3 in the order id,
// cap_milli, posted_milli, pending_milli.
AccountState PgAccountFromRow(const PgRows& rows, int row, int first);

}  // namespace highfence::ledger

#endif  // HIGHFENCE_LEDGER_POSTGRES_ROWS_H_
