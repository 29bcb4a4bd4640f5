// The highfence command line (contract.md section 1). apps/highfence_main.cc
// only calls RunCli; every command lives here, over the Engine.
#ifndef HIGHFENCE_CLI_CLI_H_
#define HIGHFENCE_CLI_CLI_H_

#include <string>
#include <vector>

namespace highfence::cli {

// Exit codes (contract.md section 1). DO NOT CHANGE.
inline constexpr int kExitOk = 0;           // every line got a decision other than needs_review
inline constexpr int kExitFailed = 1;       // the command could not run, or the ledger became
                                            // unreachable (what was printed is committed)
inline constexpr int kExitNeedsReview = 2;  // some line is needs_review (malformed, or missing a
                                            // fact the law needs); every other line was decided
inline constexpr int kExitFailOn = 3;       // --fail-on: some line got one of those decisions

int RunCli(int argc, char** argv);

}  // namespace highfence::cli

#endif  // HIGHFENCE_CLI_CLI_H_
