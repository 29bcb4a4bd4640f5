#include "determine/party.h"

#include "highfence/ledger.h"

namespace highfence::determine {

std::string PartyKeyOfName(std::string_view name) { return PartySlug(name); }

std::string PartyKeyOfId(std::string_view id) {
  std::string slug = PartySlug(id);
  return slug.empty() ? slug : "id-" + slug;
}

std::string PartyKey(std::string_view name, std::string_view id) {
  return id.empty() ? PartyKeyOfName(name) : PartyKeyOfId(id);
}

}  // namespace highfence::determine
