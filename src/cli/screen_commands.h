// `highfence screen` and `highfence lists`: restricted-party screening from the
// command line (docs/screening.md). Internal to src/cli.
#ifndef HIGHFENCE_CLI_SCREEN_COMMANDS_H_
#define HIGHFENCE_CLI_SCREEN_COMMANDS_H_

#include <memory>
#include <string>
#include <vector>

#include "screen/party_screener.h"
#include "screen/screener.h"

namespace highfence::cli {

// `highfence screen ...`; argv[0] is "screen".
int RunScreen(int argc, char** argv);
// `highfence lists ...`; argv[0] is "lists".
int RunLists(int argc, char** argv);

// A hit as JSON (an object, no newline), with its row's own facts.
void AppendHitJson(const screen::Hit& hit, const screen::ScreenOptions& options, std::string* out);
// A hit as indented text lines for the table format.
void AppendHitText(const screen::Hit& hit, std::string* out);

// Loads the snapshot named by --lists (a file, or a stored snapshot's sha256
// prefix) or, when empty, the store's current one. Prints why not and
// returns an error status when it cannot.
Result<screen::ListSnapshot> LoadLists(const std::string& lists, const std::string& store);

// The party screener of `check --lists` and `explain --lists`: the snapshot
// named by `lists` (never the store's current one: a determination screens
// only when asked), built with the default options. Null, having printed why,
// when it cannot be loaded.
std::unique_ptr<screen::PartyScreener> LoadPartyScreener(const std::string& lists);

}  // namespace highfence::cli

#endif  // HIGHFENCE_CLI_SCREEN_COMMANDS_H_
