// Man pages and shell completions generated from the CLI11 option definitions
// themselves, so they cannot drift from what the parser accepts.
// `highfence generate-docs DIR` walks every command (the delegated ones are
// run in a describing mode in which they build their CLI11 app and hand it here
// instead of parsing) and writes DIR/man1/*.1, DIR/highfence.bash and
// DIR/_highfence (zsh). Internal to src/cli.
#ifndef HIGHFENCE_CLI_DESCRIBE_H_
#define HIGHFENCE_CLI_DESCRIBE_H_

#include <CLI/CLI.hpp>
#include <cstddef>

namespace highfence::cli {

// A subcommand that parses its own options (`highfence ledger ...`).
struct Delegated {
  const char* name;
  const char* description;
  int (*run)(int, char**);
};

// True while generate-docs runs: a command then calls Describe instead of
// parsing its arguments.
bool DescribeRequested();
// Records `app` (and its subcommands) for the generator; returns 0.
int Describe(const CLI::App& app);
// The top-level app: records it, runs each delegated command in describing
// mode, and writes the files. Only RunCli calls it.
int Describe(const CLI::App& app, const Delegated* delegated, size_t count);

// `highfence generate-docs DIR` (argv[0] is "generate-docs"); `run_cli` is
// RunCli, run once in describing mode.
int RunGenerateDocs(int argc, char** argv, int (*run_cli)(int, char**));

}  // namespace highfence::cli

#endif  // HIGHFENCE_CLI_DESCRIBE_H_
