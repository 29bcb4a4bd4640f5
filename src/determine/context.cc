#include "determine/context.h"

#include <fmt/format.h>

#include "determine/party.h"

namespace highfence::determine {
namespace {

CountryCode HongKongAsChina(CountryCode c) {
  static const CountryCode kHk = *CountryCode::Parse("HK");  // constants: always parse
  static const CountryCode kCn = *CountryCode::Parse("CN");
  return c == kHk ? kCn : c;
}

}  // namespace

Context::Context(const Shipment& shipment, const law::Snapshot& snapshot, LedgerView* view,
                 Determination* out, bool retry)
    : s(shipment),
      law(snapshot),
      ledger(view),
      d(out),
      dest(HongKongAsChina(shipment.destination)),
      hq(HongKongAsChina(shipment.Hq())),
      parent_hq(HongKongAsChina(shipment.ParentHq())),
      seen_as_(retry ? std::string_view(shipment.id) : std::string_view()) {}

const std::string& Context::party() {
  if (!party_done_) {
    party_ = PartyKeyOf(s);
    party_done_ = true;
  }
  return party_;
}

std::optional<AccountBalance> Context::Balance(std::string_view account) {
  Result<AccountBalance> b = ledger->Balance(account, seen_as_);
  if (b.ok()) return *b;
  failed = true;
  NeedsReview("ledger_unavailable", "",
              fmt::format("the ledger could not be read: {}", b.status().ToString()));
  return std::nullopt;
}

std::optional<Fixed> Context::LedgerSum(Fixed a, Fixed b, std::string_view account) {
  std::optional<Fixed> sum = Fixed::Add(a, b);
  if (sum) return sum;
  failed = true;
  NeedsReview("ledger_overflow", "",
              fmt::format("account `{}`: {} + {} does not fit an exact amount", account, a, b));
  return std::nullopt;
}

std::optional<Fixed> Context::LedgerDifference(Fixed a, Fixed b, std::string_view account) {
  std::optional<Fixed> difference = Fixed::Sub(a, b);
  if (difference) return difference;
  failed = true;
  NeedsReview("ledger_overflow", "",
              fmt::format("account `{}`: {} - {} does not fit an exact amount", account, a, b));
  return std::nullopt;
}

void Context::NeedsReview(std::string_view code, std::string_view field, std::string message) {
  d->decision = Decision::kNeedsReview;
  d->authorization = Authorization::kNone;
  d->license_policy = LicensePolicy::kNone;
  d->debits.clear();
  d->errors.push_back({std::string(code), std::string(field), std::move(message)});
}

std::string AllocationAccount(CountryCode c) { return fmt::format("allocation:{}", c.str()); }
std::string LppAccount(std::string_view party, int year) {
  return fmt::format("lpp:{}:{}", party, year);
}
std::string NveuAccount(std::string_view party, CountryCode c) {
  return fmt::format("nveu:{}:{}", party, c.str());
}
std::string UveuAccount(std::string_view party, CountryCode c) {
  return fmt::format("uveu:{}:{}", party, c.str());
}
std::string AiaAccount(std::string_view party) { return fmt::format("aia:{}", party); }

}  // namespace highfence::determine
