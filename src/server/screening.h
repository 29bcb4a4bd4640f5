// ScreeningLists: the restricted-party list snapshot the server screens
// against (POST /v1/screen), built into a Screener.
//
// Either one file (`serve --lists FILE`, loaded once), or the current snapshot
// of a list store (`highfence lists import` makes a snapshot current): the
// server's data folder's `lists/`, or the CLI's default store when no --data
// is given. The store is looked at again on each Refresh, so an import while
// the server runs takes effect at the next Refresh (every few seconds) without
// a restart; until the first import, screening answers 503.
//
// Thread safety: Refresh from one thread; screener() from any.
#ifndef HIGHFENCE_SERVER_SCREENING_H_
#define HIGHFENCE_SERVER_SCREENING_H_

#include <memory>
#include <mutex>
#include <string>

#include "highfence/status.h"
#include "screen/screener.h"

namespace highfence::server {

class ScreeningLists {
 public:
  // `file` non-empty: that file, fixed. Else the store in `store_dir`.
  ScreeningLists(std::string file, std::string store_dir)
      : file_(std::move(file)), store_dir_(std::move(store_dir)) {}

  // Loads the snapshot when it is new. Returns what happened, for the log
  // ("" when nothing changed); an error when the --lists file or a stored
  // snapshot cannot be read (the previous snapshot, if any, stays in use).
  Result<std::string> Refresh();

  // The screener in use; null when no snapshot was loaded.
  std::shared_ptr<const screen::Screener> screener() const;
  // How to give the server lists, for the answer when it has none.
  std::string HowToLoad() const;

 private:
  std::string file_, store_dir_;
  std::string loaded_sha256_;  // Refresh's thread only
  std::string tried_sha256_;   // the store's current snapshot last tried
  mutable std::mutex mu_;
  std::shared_ptr<const screen::Screener> screener_;
};

}  // namespace highfence::server

#endif  // HIGHFENCE_SERVER_SCREENING_H_
