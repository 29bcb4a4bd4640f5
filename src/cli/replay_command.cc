#include "cli/cli.h"
#include "cli/simulate_command.h"
namespace highfence::cli {
int RunReplay(int, char**) { return kExitFailed; }
}  // namespace highfence::cli
