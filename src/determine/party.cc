#include "determine/party.h"

#include "names/party_key.h"

namespace highfence::determine {
namespace {

// Distinct parent names whose keys are kept (a few hundred bytes each): more
// parents than any exporter ships to; past it, keys are computed each time.
constexpr size_t kPartyNamesMax = 200'000;

}  // namespace

std::string PartyKeyOfName(std::string_view name) { return names::PartyKey(name); }

std::string PartyKeyOfId(std::string_view id) { return names::PartyKeyFromId(id); }

std::string PartyKey(std::string_view name, std::string_view id) {
  return id.empty() ? PartyKeyOfName(name) : PartyKeyOfId(id);
}

std::string PartyKeyOf(const Shipment& s) {
  const Consignee& c = s.consignee;
  if (!c.parent_id.empty()) return PartyKeyOfId(c.parent_id);
  bool own_parent = c.parent.empty() || c.parent == c.name;
  if (!c.id.empty() && own_parent) return PartyKeyOfId(c.id);
  static names::PartyKeyMemo memo(kPartyNamesMax);
  return memo.Key(s.Parent());
}

}  // namespace highfence::determine
