#include "determine/context.h"

#include <fmt/format.h>

#include "names/party_key.h"

namespace highfence::determine {
namespace {

// Distinct parent names whose keys are kept (a few hundred bytes each): more
// parents than any exporter ships to; past it, keys are computed each time.
constexpr size_t kPartyNamesMax = 200'000;

CountryCode HongKongAsChina(CountryCode c) {
  static const CountryCode kHk = *CountryCode::Parse("HK");  // constants: always parse
  static const CountryCode kCn = *CountryCode::Parse("CN");
  return c == kHk ? kCn : c;
}

// The ultimate parent's party key (contract.md section 4, rules.md D25): the
// caller's stable id when given (`parent_id`, or `id` for a consignee that is
// its own parent), else the parent's name normalised. Normalising a name in
// another script goes through ICU (microseconds), so each distinct name is
// normalised once per process; the memo is bounded and shared by threads.
std::string PartyKeyOf(const Consignee& c, const std::string& parent) {
  if (!c.parent_id.empty()) return names::PartyKeyFromId(c.parent_id);
  bool own_parent = c.parent.empty() || c.parent == c.name;
  if (!c.id.empty() && own_parent) return names::PartyKeyFromId(c.id);
  static names::PartyKeyMemo memo(kPartyNamesMax);
  return memo.Key(parent);
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
    party_ = PartyKeyOf(s.consignee, s.Parent());
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
