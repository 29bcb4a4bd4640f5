#include "screen/snapshot.h"

#include <fmt/format.h>
#include <openssl/evp.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>

#include "highfence/assert.h"
#include "screen/limits.h"

namespace highfence::screen {
namespace detail {

std::vector<std::string> SplitList(std::string_view joined) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= joined.size()) {
    size_t end = joined.find(';', start);
    if (end == std::string_view::npos) end = joined.size();
    std::string part = CollapseSpace(joined.substr(start, end - start));
    if (!part.empty()) out.push_back(std::move(part));
    start = end + 1;
  }
  return out;
}

std::string CollapseSpace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char ch : s) {
    if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f' || ch == '\v') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(ch);
  }
  return out;
}

void FillIdentity(std::string_view bytes, ListSnapshot* out) {
  SnapshotInfo& info = out->info;
  info.content_sha256 = ContentSha256(bytes);
  info.entry_count = static_cast<int64_t>(out->entries.size());
  std::map<std::string, int64_t> counts;
  for (const ListEntry& e : out->entries) {
    ++counts[e.list];
    // Only well-formed dates count: the 2022 CSV carries 0017-05-26 and 0097-06-30.
    if (e.start_date.size() == 10 && e.start_date[0] >= '1' &&
        e.start_date > info.latest_start_date) {
      info.latest_start_date = e.start_date;
    }
  }
  info.counts_by_list.assign(counts.begin(), counts.end());
  std::stable_sort(info.counts_by_list.begin(), info.counts_by_list.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
}

}  // namespace detail

std::string ListCode(std::string_view source) {
  const size_t open = source.find('(');
  const size_t close = source.find(')', open == std::string_view::npos ? 0 : open);
  if (open == std::string_view::npos || close == std::string_view::npos) {
    return detail::CollapseSpace(source);
  }
  std::string code = detail::CollapseSpace(source.substr(open + 1, close - open - 1));
  constexpr std::string_view kList = " List";
  if (code.size() > kList.size() && code.ends_with(kList)) code.resize(code.size() - kList.size());
  return code;
}

std::string ContentSha256(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  const int ok = EVP_Digest(bytes.data(), bytes.size(), digest, &size, EVP_sha256(), nullptr);
  HF_ASSERT(ok == 1);  // fails only when the library cannot allocate
  HF_ASSERT(size == 32);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(64);
  for (unsigned int i = 0; i < size; ++i) {
    hex.push_back(kHex[digest[i] >> 4]);
    hex.push_back(kHex[digest[i] & 0x0f]);
  }
  return hex;
}

Result<ListSnapshot> ParseSnapshot(std::string_view bytes) {
  if (bytes.size() > limits::snapshot_bytes_max) {
    return Status::LimitExceeded(fmt::format("list file is {} bytes; the limit is {}", bytes.size(),
                                             limits::snapshot_bytes_max));
  }
  size_t first = bytes.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  while (first < bytes.size() &&
         std::string_view(" \t\r\n").find(bytes[first]) != std::string_view::npos) {
    ++first;
  }
  ListSnapshot out;
  const bool json = first < bytes.size() && bytes[first] == '{';
  HF_RETURN_IF_ERROR(json ? detail::ParseJson(bytes, &out) : detail::ParseCsv(bytes, &out));
  detail::FillIdentity(bytes, &out);
  return out;
}

Result<std::string> ReadFileBytes(const std::string& path) {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(path.c_str(), "rb"), std::fclose);
  if (!f) return Status::IOError(fmt::format("{}: cannot open", path));
  std::string bytes;
  char buffer[1 << 16];
  size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, f.get())) > 0) {
    if (bytes.size() + n > limits::snapshot_bytes_max) {
      return Status::LimitExceeded(
          fmt::format("{}: larger than {} bytes", path, limits::snapshot_bytes_max));
    }
    bytes.append(buffer, n);
  }
  if (std::ferror(f.get())) return Status::IOError(fmt::format("{}: read error", path));
  return bytes;
}

Result<ListSnapshot> LoadSnapshotFile(const std::string& path) {
  Result<std::string> bytes = ReadFileBytes(path);
  if (!bytes.ok()) return bytes.status();
  Result<ListSnapshot> snapshot = ParseSnapshot(*bytes);
  if (!snapshot.ok()) {
    return Status(
        Status::InvalidArgument(fmt::format("{}: {}", path, snapshot.status().message())));
  }
  return snapshot;
}

}  // namespace highfence::screen
