#include "ledger/postgres/rows.h"

#include <fmt/format.h>

#include "ledger/event_log.h"

namespace highfence::ledger {

Result<TransferRecord> PgTransferFromRow(const PgRows& rows, int row, int first) {
  TransferRecord t;
  t.id = rows.Text(row, first);
  t.account = rows.Text(row, first + 1);
  t.amount = Fixed::FromMilli(rows.Int(row, first + 2));
  std::optional<TransferState> state = ParseState(rows.Text(row, first + 3));
  std::optional<Date> on = Date::Parse(rows.Text(row, first + 5));
  if (!state || !on) {
    return Status::Corruption(fmt::format("transfer `{}`: bad state `{}` or date `{}`", t.id,
                                          rows.Text(row, first + 3), rows.Text(row, first + 5)));
  }
  t.state = *state;
  t.shipment_id = rows.Text(row, first + 4);
  t.on = *on;
  t.created_ns = rows.Int(row, first + 6);
  t.settled_ns = rows.Int(row, first + 7);
  t.note = rows.Text(row, first + 8);
  t.shipment_hash = rows.Text(row, first + 9);
  return t;
}

AccountState PgAccountFromRow(const PgRows& rows, int row, int first) {
  AccountState a;
  a.account = rows.Text(row, first);
  a.cap = rows.OptionalMilli(row, first + 1);
  a.posted = Fixed::FromMilli(rows.Int(row, first + 2));
  a.pending = Fixed::FromMilli(rows.Int(row, first + 3));
  return a;
}

}  // namespace highfence::ledger
