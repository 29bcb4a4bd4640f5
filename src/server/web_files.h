// WebFiles: the web UI's built files (web/dist, docs/web.md), served at `/`.
//
// The folder's manifest.json (format 1) lists every file with its size,
// SHA-256, content type, whether it is immutable (hashed assets) and an
// optional pre-compressed `.gz` copy. Load reads every listed file into memory
// and checks it against the manifest: a file missing, of another size or
// another digest refuses the whole folder (a partial or tampered install is
// never served). Only listed paths are served, so no path can reach outside
// the folder and no directory is ever listed.
//
// Answers: GET of a listed path (`/` is the manifest's index) with
// Content-Type from the manifest; with `Accept-Encoding: gzip` and a `.gz`
// copy, the copy with `Content-Encoding: gzip`; always `Vary:
// Accept-Encoding`, an ETag from the SHA-256, 304 for a matching
// If-None-Match, `Cache-Control` immutable for hashed assets and `no-cache`
// for the rest, and the security headers the UI is built for.
//
// Thread safety: immutable once loaded; share it freely.
#ifndef HIGHFENCE_SERVER_WEB_FILES_H_
#define HIGHFENCE_SERVER_WEB_FILES_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "highfence/status.h"
#include "server/http.h"

namespace highfence::server {

class WebFiles {
 public:
  // Loads and checks the folder `dir`. kNotFound when it has no manifest.json;
  // kCorruption naming the file when a file does not match the manifest;
  // kInvalidArgument when the manifest cannot be read.
  static Result<std::unique_ptr<WebFiles>> Load(const std::string& dir);

  // The answer for `request` when its path is one of the UI's (GET only), or
  // nullopt when the path is not the UI's to answer.
  std::optional<HttpResponse> Serve(const HttpRequest& request) const;

  const std::string& dir() const { return dir_; }
  // SHA-256 of manifest.json: names this exact UI build.
  const std::string& manifest_sha256() const { return manifest_sha256_; }
  size_t file_count() const { return files_.size(); }

 private:
  struct File {
    std::string type;
    bool immutable = false;
    std::string etag;  // "\"<sha256>\""
    std::string body;
    std::string gzip;  // empty: no compressed copy
  };
  Status ReadManifest(std::string_view manifest);
  HttpResponse Answer(const File& file, const HttpRequest& request) const;

  std::string dir_;
  std::string manifest_sha256_;
  std::string index_;                            // the manifest's `index`, e.g. "index.html"
  std::unordered_map<std::string, File> files_;  // by path, without the leading '/'
};

}  // namespace highfence::server

#endif  // HIGHFENCE_SERVER_WEB_FILES_H_
