// The highfence command line (contract.md section 1). apps/highfence_main.cc
// only calls RunCli; every command lives here, over the Engine.
#ifndef HIGHFENCE_CLI_CLI_H_
#define HIGHFENCE_CLI_CLI_H_

#include <string>
#include <vector>

namespace highfence::cli {

// Exit codes (contract.md section 1). DO NOT CHANGE.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailed = 1;     // the command could not run
inline constexpr int kExitMalformed = 2;  // some input lines were malformed

int RunCli(int argc, char** argv);

}  // namespace highfence::cli

#endif  // HIGHFENCE_CLI_CLI_H_
