// PostgresStore: the quota ledger in a PostgreSQL database, for several
// processes or servers drawing on one ledger (store.h; docs/ledger.md, "Several
// servers on one PostgreSQL ledger").
//
// Every write (Record, Post, Void, Seed, ExpirePending) is one transaction that
// locks the accounts it touches (SELECT ... FOR UPDATE, in id order, so two
// writers never deadlock), then the chain head (one row, so events append in
// one linear hash chain across servers), re-checks every cap under those locks,
// and commits. A serialization failure or deadlock is retried a bounded number
// of times. A connection lost mid-transaction is rolled back by the server; the
// call returns kIOError saying so, and the next call reconnects.
//
// Amounts are BIGINT thousandths (Fixed::milli), never floating point.
//
// Thread safety: one store object per thread; each holds its own connection.
#ifndef HIGHFENCE_LEDGER_POSTGRES_STORE_H_
#define HIGHFENCE_LEDGER_POSTGRES_STORE_H_

#include <memory>
#include <string>

#include "base/status.h"
#include "ledger/store.h"

namespace highfence::ledger {

// Opens the ledger in the database named by `url` (postgres:// or postgresql://,
// any libpq connection URI; `?options=-csearch_path%3DNAME` selects a schema).
// Creates the tables when missing, unless `read_only`; a read-only store on a
// database without them fails with kNotFound. kIOError when the server cannot
// be reached.
Result<std::unique_ptr<LedgerStore>> OpenPostgresStore(const std::string& url, bool read_only);

}  // namespace highfence::ledger

#endif  // HIGHFENCE_LEDGER_POSTGRES_STORE_H_
