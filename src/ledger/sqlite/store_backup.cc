// SqliteStore::Backup: a consistent single-file copy of a live ledger.
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "ledger/sqlite/store.h"

namespace highfence::ledger {

// The copy is written beside `dest` under a temporary name, verified, and
// only then linked to `dest` (link(2) fails rather than replace a file that
// appeared meanwhile), so `dest` never names a partial or broken copy.
namespace {

// Opens the copy at `path` read-only and verifies it.
Result<VerifyReport> VerifyCopy(const std::string& path, const std::string& source) {
  SqliteOptions options;
  options.read_only = true;
  Result<std::unique_ptr<SqliteStore>> copy = SqliteStore::Open(path, options);
  if (!copy.ok()) return copy.status();
  Result<VerifyReport> report = (*copy)->Verify();
  if (report.ok() && !report->ok) {
    return Status::Corruption(
        fmt::format("the copy of `{}` does not verify: {}", source, report->problem));
  }
  return report;
}

}  // namespace

Result<VerifyReport> SqliteStore::Backup(const std::string& dest) {
  HF_RETURN_IF_ERROR(Usable());
  if (in_batch_) return Status::InvalidArgument("a ledger cannot be backed up inside a batch");
  if (dest.empty()) return Status::InvalidArgument("the backup needs a destination file");
  if (access(dest.c_str(), F_OK) == 0) {
    return Status::Conflict(fmt::format("`{}` exists; a backup never replaces a file", dest));
  }
  std::string partial = fmt::format("{}.partial-{}", dest, getpid());
  unlink(partial.c_str());  // a leftover of an earlier, interrupted backup
  Status copied = db_->BackupTo(partial);
  Result<VerifyReport> report =
      copied.ok() ? VerifyCopy(partial, db_->path()) : Result<VerifyReport>(copied);
  if (report.ok() && link(partial.c_str(), dest.c_str()) != 0) {
    report = Status::IOError(fmt::format("backup to `{}`: {}", dest, std::strerror(errno)));
  }
  unlink(partial.c_str());
  return report;
}

}  // namespace highfence::ledger
