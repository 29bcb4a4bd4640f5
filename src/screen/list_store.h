// ListStore: where `highfence lists import` keeps list snapshots, so that
// `highfence screen` can use the last one imported without --lists.
//
// The folder is, in order: the --store option; $HIGHFENCE_LISTS_DIR;
// $XDG_DATA_HOME/highfence/lists; $HOME/.local/share/highfence/lists (the XDG
// base-directory default). It holds
//
//   <sha256>.csv | <sha256>.json   each imported file, byte for byte, named by
//                                  the SHA-256 of its content
//   snapshots.tsv                  one line per import: sha256, format, imported
//                                  at (UTC), generated at, rows, file imported
//   current                        the sha256 `screen` uses by default
//
// Every write goes to a temporary file renamed into place, so a crash leaves
// the old state or the new one. Importing a file already stored only makes it
// current again.
//
// Thread safety: one process writes at a time (the CLI); reads are safe.
#ifndef HIGHFENCE_SCREEN_LIST_STORE_H_
#define HIGHFENCE_SCREEN_LIST_STORE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "highfence/status.h"
#include "screen/list_entry.h"

namespace highfence::screen {

struct StoredSnapshot {
  std::string sha256, format, imported_at, generated_at, imported_from;
  int64_t entries = 0;
  std::string path;  // the stored copy
};

class ListStore {
 public:
  // The default folder, from the environment (see above).
  static Result<std::string> DefaultDir();
  explicit ListStore(std::string dir) : dir_(std::move(dir)) {}

  const std::string& dir() const { return dir_; }
  // Reads and checks the file (every row must parse), stores it, makes it current.
  Result<StoredSnapshot> Import(const std::string& path);
  // Every import, oldest first.
  Result<std::vector<StoredSnapshot>> List() const;
  // The current snapshot; NotFound when nothing was imported.
  Result<StoredSnapshot> Current() const;
  // A snapshot named by `ref`: "current", or the start of a stored sha256 (at
  // least 6 hex digits). A path to a file is not resolved here: callers try
  // the file first.
  Result<StoredSnapshot> Find(std::string_view ref) const;
  // Reads a stored snapshot and checks its content against its sha256:
  // kCorruption when the stored copy was changed.
  static Result<ListSnapshot> Load(const StoredSnapshot& stored);

 private:
  Status WriteAtomically(const std::string& name, std::string_view bytes) const;
  std::string dir_;
};

}  // namespace highfence::screen

#endif  // HIGHFENCE_SCREEN_LIST_STORE_H_
