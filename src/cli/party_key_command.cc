// `highfence party-key NAME...`: the party key of each name (contract.md
// section 4, rules.md D25), so an officer can see which spellings share one
// LPP, AIA or VEU account before shipping under them.
#include <fmt/format.h>

#include <cstdio>

#include "cli/cli.h"
#include "cli/commands.h"
#include "io/determination_writer.h"
#include "names/party_key.h"

namespace highfence::cli {

int RunPartyKey(const PartyKeyOptions& options) {
  std::string out;
  bool keyless = false;
  for (const std::string& name : options.names) {
    std::string key = options.ids ? names::PartyKeyFromId(name) : names::PartyKey(name);
    keyless = keyless || key.empty();
    if (options.format == "jsonl") {
      out += options.ids ? "{\"id\":" : "{\"name\":";
      io::AppendJsonString(name, &out);
      out += ",\"key\":";
      if (key.empty()) {
        out += "null";
      } else {
        io::AppendJsonString(key, &out);
      }
      out += "}\n";
    } else {
      out += fmt::format("{}\t{}\n", key.empty() ? "-" : key, name);
    }
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  if (keyless) {
    std::fprintf(stderr,
                 "highfence: a name with no key (`-`) holds no word but legal forms; a shipment "
                 "that needs its account is needs_review\n");
  }
  return keyless ? kExitNeedsReview : kExitOk;
}

}  // namespace highfence::cli
