#include "server/web_files.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/sha256.h"
#include "server/limits.h"
#include "server/problem.h"
#include "server/router.h"

namespace highfence::server {
namespace {

namespace fs = std::filesystem;

// The policy the UI is built for (docs/web.md): its own scripts and styles
// only, inline styles for chart geometry, data: images, the API on the same
// origin, and no framing by another site (the admin buttons are not to be
// clicked through someone else's page).
constexpr std::string_view kContentSecurityPolicy =
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
    "connect-src 'self'; frame-ancestors 'none'";
constexpr std::string_view kImmutable = "public, max-age=31536000, immutable";

Result<std::string> ReadWhole(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(fmt::format("{}: missing", path.string()));
  std::ostringstream s;
  s << in.rdbuf();
  if (in.bad()) return Status::IOError(fmt::format("{}: read error", path.string()));
  return std::move(s).str();
}

// A manifest path names a file inside the folder: relative, no `..`, no
// backslash, no empty segment.
bool SafePath(std::string_view p) {
  if (p.empty() || p.front() == '/' || p.find('\\') != std::string_view::npos) return false;
  while (!p.empty()) {
    size_t slash = p.find('/');
    std::string_view seg = p.substr(0, slash);
    if (seg.empty() || seg == "." || seg == "..") return false;
    p = slash == std::string_view::npos ? std::string_view() : p.substr(slash + 1);
  }
  return true;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Calls `each` on every comma-separated element of a header list.
template <typename F>
bool AnyElement(std::string_view list, F each) {
  while (!list.empty()) {
    size_t comma = list.find(',');
    if (each(Trim(list.substr(0, comma)))) return true;
    list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
  }
  return false;
}

bool EqualsNoCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

// Accept-Encoding names gzip (or *) without refusing it by q=0 (RFC 9110 12.5.3).
bool AcceptsGzip(std::string_view accept_encoding) {
  return AnyElement(accept_encoding, [](std::string_view e) {
    size_t semi = e.find(';');
    std::string_view coding = Trim(e.substr(0, semi));
    if (!EqualsNoCase(coding, "gzip") && coding != "*") return false;
    if (semi == std::string_view::npos) return true;
    std::string_view q = Trim(e.substr(semi + 1));
    if (!q.starts_with("q=") && !q.starts_with("Q=")) return true;
    q.remove_prefix(2);
    return q.find_first_not_of("0.") != std::string_view::npos;  // q=0, 0.0, 0.000 refuse
  });
}

bool EtagMatches(std::string_view if_none_match, std::string_view etag) {
  return AnyElement(if_none_match, [etag](std::string_view tag) {
    if (tag.starts_with("W/")) tag.remove_prefix(2);  // weak comparison (RFC 9110 13.1.2)
    return tag == "*" || tag == etag;
  });
}

// One manifest entry's field, or an error naming the entry.
template <typename T>
Result<T> Field(simdjson::dom::object entry, std::string_view name, std::string_view path) {
  T value;
  if (entry[name].get(value)) {
    return Status::InvalidArgument(
        fmt::format("manifest.json: the entry `{}` has no valid `{}`", path, name));
  }
  return value;
}

}  // namespace

Result<std::unique_ptr<WebFiles>> WebFiles::Load(const std::string& dir) {
  Result<std::string> manifest = ReadWhole(fs::path(dir) / "manifest.json");
  if (!manifest.ok()) {
    return Status::NotFound(
        fmt::format("{}: no manifest.json (build the UI with `make web`)", dir));
  }
  auto files = std::unique_ptr<WebFiles>(new WebFiles());
  files->dir_ = dir;
  files->manifest_sha256_ = Sha256Hex(*manifest);
  HF_RETURN_IF_ERROR(files->ReadManifest(*manifest));
  return files;
}

Status WebFiles::ReadManifest(std::string_view manifest) {
  simdjson::dom::parser parser;
  simdjson::dom::object doc;
  simdjson::dom::array list;
  int64_t format = 0;
  std::string_view index;
  if (parser.parse(manifest).get(doc) || doc["format"].get(format) || format != 1 ||
      doc["index"].get(index) || doc["files"].get(list)) {
    return Status::InvalidArgument(
        fmt::format("{}/manifest.json: not a format 1 manifest (format, index, files)", dir_));
  }
  int64_t total = 0;
  for (simdjson::dom::element e : list) {
    simdjson::dom::object entry;
    std::string_view path;
    if (e.get(entry) || entry["path"].get(path) || !SafePath(path)) {
      return Status::InvalidArgument(
          fmt::format("{}/manifest.json: an entry has no valid relative `path`", dir_));
    }
    Result<int64_t> bytes = Field<int64_t>(entry, "bytes", path);
    Result<std::string_view> sha = Field<std::string_view>(entry, "sha256", path);
    Result<std::string_view> type = Field<std::string_view>(entry, "type", path);
    Result<bool> immutable = Field<bool>(entry, "immutable", path);
    for (const Status& st : {bytes.status(), sha.status(), type.status(), immutable.status()}) {
      if (!st.ok()) return st;
    }
    Result<std::string> body = ReadWhole(fs::path(dir_) / path);
    if (!body.ok())
      return Status::Corruption(
          fmt::format("{}: listed in manifest.json", body.status().message()));
    total += static_cast<int64_t>(body->size());
    if (static_cast<int64_t>(body->size()) != *bytes || Sha256Hex(*body) != *sha) {
      return Status::Corruption(fmt::format(
          "{}/{}: does not match manifest.json (size or sha256): a partial or changed install; "
          "rebuild the UI (`make web`) or reinstall it",
          dir_, path));
    }
    File f{std::string(*type), *immutable, fmt::format("\"{}\"", *sha), std::move(*body), ""};
    simdjson::dom::object gz;
    std::string_view gz_path;
    int64_t gz_bytes = 0;
    if (!entry["gzip"].get(gz) && !gz["path"].get(gz_path) && !gz["bytes"].get(gz_bytes)) {
      if (!SafePath(gz_path))
        return Status::InvalidArgument(fmt::format("{}: bad gzip path", path));
      Result<std::string> z = ReadWhole(fs::path(dir_) / gz_path);
      if (!z.ok() || static_cast<int64_t>(z->size()) != gz_bytes) {
        return Status::Corruption(fmt::format(
            "{}/{}: missing or not the size manifest.json gives; rebuild the UI (`make web`)", dir_,
            gz_path));
      }
      total += gz_bytes;
      f.gzip = std::move(*z);
    }
    if (total > limits::web_bytes_max) {
      return Status::LimitExceeded(
          fmt::format("{}: the UI's files exceed {} bytes", dir_, limits::web_bytes_max));
    }
    files_.emplace(std::string(path), std::move(f));
  }
  index_ = std::string(index);
  if (!files_.contains(index_)) {
    return Status::InvalidArgument(
        fmt::format("{}/manifest.json: the index `{}` is not a listed file", dir_, index_));
  }
  return Status::Ok();
}

std::optional<HttpResponse> WebFiles::Serve(const HttpRequest& request) const {
  std::string_view target = request.target;
  std::string_view path = target.substr(0, target.find('?'));
  if (path == "/v1" || path.starts_with("/v1/") || !path.starts_with('/')) return std::nullopt;
  std::optional<std::string> decoded = PercentDecode(path.substr(1));
  if (!decoded) return std::nullopt;
  auto it = files_.find(decoded->empty() ? index_ : *decoded);
  if (it == files_.end()) return std::nullopt;
  if (request.method != "GET") {
    HttpResponse r = Problem(405, "method-not-allowed", "the UI's files take GET only");
    r.headers.emplace_back("Allow", "GET");
    return r;
  }
  return Answer(it->second, request);
}

HttpResponse WebFiles::Answer(const File& file, const HttpRequest& request) const {
  const bool gzip = !file.gzip.empty() && AcceptsGzip(request.Header("accept-encoding"));
  // The compressed copy is another representation: it has an ETag of its own.
  std::string etag = gzip ? file.etag.substr(0, file.etag.size() - 1) + "-gzip\"" : file.etag;
  HttpResponse r;
  r.headers = {{"ETag", etag},
               {"Cache-Control", std::string(file.immutable ? kImmutable : "no-cache")},
               {"Vary", "Accept-Encoding"},
               {"Content-Security-Policy", std::string(kContentSecurityPolicy)},
               {"X-Content-Type-Options", "nosniff"},
               {"Referrer-Policy", "no-referrer"}};
  std::string_view if_none_match = request.Header("if-none-match");
  if (!if_none_match.empty() && EtagMatches(if_none_match, etag)) {
    r.status = 304;
    r.content_type.clear();
    return r;
  }
  r.content_type = file.type;
  if (gzip) {
    r.headers.emplace_back("Content-Encoding", "gzip");
    r.body = file.gzip;
  } else {
    r.body = file.body;
  }
  return r;
}

}  // namespace highfence::server
