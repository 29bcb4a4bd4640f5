// The highfence server: `highfence serve`. Opens the ledger and the decision
// log (one SQLite file in the data folder, or a PostgreSQL URL shared by
// several servers), makes an admin key on first start, listens, and on SIGTERM
// or SIGINT drains: stops accepting, lets every request already read finish
// (its group committed), then exits.
#ifndef HIGHFENCE_SERVER_SERVER_H_
#define HIGHFENCE_SERVER_SERVER_H_

#include <string>

#include "highfence/status.h"

namespace highfence::server {

inline constexpr char kVersion[] = "0.1.0";

struct ServeOptions {
  std::string data_dir;  // empty: $XDG_DATA_HOME/highfence (~/.local/share/highfence)
  std::string ledger;    // empty: DATA_DIR/ledger.db; or a postgres:// URL
  std::string bind = "127.0.0.1";
  int port = 8080;
  int threads = 2;  // io threads
  // The web UI's folder (web/dist as built); empty: the one beside the binary
  // (share/highfence/web, or web/dist from a build tree). `no_web` serves the
  // API alone.
  std::string web_dir;
  bool no_web = false;
  // A restricted-party list file to screen against; empty: the current
  // snapshot of DATA_DIR/lists (or, without --data, the CLI's list store).
  std::string lists;
  // The simulator's scenario folder; empty: share/highfence/scenarios beside
  // the binary, or the source tree's scenarios/.
  std::string scenarios_dir;
};

// The data folder the options name, created when missing.
Result<std::string> DataDir(const std::string& data_dir);
// The ledger target: --ledger, or DATA_DIR/ledger.db.
Result<std::string> LedgerTarget(const std::string& data_dir, const std::string& ledger);

// Runs until SIGTERM or SIGINT; returns the exit code.
int Serve(const ServeOptions& options);

}  // namespace highfence::server

#endif  // HIGHFENCE_SERVER_SERVER_H_
