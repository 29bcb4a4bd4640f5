// `highfence simulate` and `highfence replay`: the what-if commands. Kept out
// of the other commands' files so that each can change on its own.
#ifndef HIGHFENCE_CLI_SIMULATE_COMMAND_H_
#define HIGHFENCE_CLI_SIMULATE_COMMAND_H_

namespace highfence::cli {

// Exit code when the run completed but a scenario check is not met.
inline constexpr int kExitCheckFailed = 3;

// argv[0] is "simulate".
int RunSimulate(int argc, char** argv);
// argv[0] is "replay".
int RunReplay(int argc, char** argv);

}  // namespace highfence::cli

#endif  // HIGHFENCE_CLI_SIMULATE_COMMAND_H_
