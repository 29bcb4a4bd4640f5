#include "server/screening.h"

#include <fmt/format.h>

#include "screen/list_store.h"
#include "screen/snapshot.h"

namespace highfence::server {

Result<std::string> ScreeningLists::Refresh() {
  Result<screen::ListSnapshot> snapshot = Status::NotFound("");
  if (!file_.empty()) {
    if (!loaded_sha256_.empty()) return std::string();  // a fixed file: loaded once
    snapshot = screen::LoadSnapshotFile(file_);
  } else {
    Result<screen::StoredSnapshot> current = screen::ListStore(store_dir_).Current();
    if (!current.ok()) {
      if (current.status().code() == Status::Code::kNotFound) return std::string();
      return current.status();
    }
    // A snapshot that failed is not tried again every few seconds.
    if (current->sha256 == tried_sha256_) return std::string();
    tried_sha256_ = current->sha256;
    snapshot = screen::ListStore::Load(*current);
  }
  if (!snapshot.ok()) return snapshot.status();
  const std::string sha = snapshot->info.content_sha256;
  const int64_t rows = snapshot->info.entry_count;
  Result<std::unique_ptr<screen::Screener>> built = screen::Screener::Build(std::move(*snapshot));
  if (!built.ok()) return built.status();
  {
    std::lock_guard lock(mu_);
    screener_ = std::shared_ptr<const screen::Screener>(std::move(*built));
  }
  loaded_sha256_ = sha;
  return fmt::format("screening lists {} ({} rows) from {}", sha, rows,
                     file_.empty() ? store_dir_ : file_);
}

std::shared_ptr<const screen::Screener> ScreeningLists::screener() const {
  std::lock_guard lock(mu_);
  return screener_;
}

std::string ScreeningLists::HowToLoad() const {
  if (!file_.empty()) return fmt::format("the list file {} could not be loaded", file_);
  return fmt::format(
      "no restricted-party list snapshot in {}: import one with `highfence lists import FILE "
      "--store {}` (the server picks it up within seconds), or start the server with --lists FILE",
      store_dir_, store_dir_);
}

}  // namespace highfence::server
