#include "ledger/sqlite/rows.h"

#include <fmt/format.h>

#include "ledger/event_log.h"

namespace highfence::ledger {

Result<TransferRecord> TransferFromRow(const Stmt& row) {
  TransferRecord t;
  t.id = row.Text(0);
  t.account = row.Text(1);
  t.amount = Fixed::FromMilli(row.Int(2));
  std::optional<TransferState> state = ParseState(row.Text(3));
  std::optional<Date> on = Date::Parse(row.Text(5));
  if (!state || !on) {
    return Status::Corruption(
        fmt::format("transfer `{}`: bad state `{}` or date `{}`", t.id, row.Text(3), row.Text(5)));
  }
  t.state = *state;
  t.shipment_id = row.Text(4);
  t.on = *on;
  t.created_ns = row.Int(6);
  t.settled_ns = row.Int(7);
  t.note = row.Text(8);
  t.shipment_hash = row.Text(9);
  return t;
}

AccountState AccountFromRow(const Stmt& row) {
  AccountState a;
  a.account = row.Text(0);
  a.cap = row.OptionalMilli(1);
  a.posted = Fixed::FromMilli(row.Int(2));
  a.pending = Fixed::FromMilli(row.Int(3));
  return a;
}

}  // namespace highfence::ledger
