// The highfence command line. All logic is in src/cli and the library.
#include "cli/cli.h"

int main(int argc, char** argv) { return highfence::cli::RunCli(argc, argv); }
