// Sha256: a thin wrapper over OpenSSL's EVP interface that yields lowercase hex
// SHA-256 digests. Used for the law's content hash (LawData::content_hash).
//
// Thread safety: a Sha256 object is not shared between threads; distinct
// objects may be used concurrently.
#ifndef HIGHFENCE_BASE_SHA256_H_
#define HIGHFENCE_BASE_SHA256_H_

#include <memory>
#include <string>
#include <string_view>

namespace highfence {

// Incremental SHA-256. Example:
//   Sha256 h;
//   h.Update("abc");
//   std::string hex = h.FinishHex();  // "ba7816bf..."
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  void Update(std::string_view bytes);
  // The 64-character lowercase hex digest. REQUIRES: called once; no Update after.
  std::string FinishHex();

 private:
  struct Ctx;
  std::unique_ptr<Ctx> ctx_;
  bool finished_ = false;
};

// The lowercase hex SHA-256 digest of `bytes`.
std::string Sha256Hex(std::string_view bytes);

}  // namespace highfence

#endif  // HIGHFENCE_BASE_SHA256_H_
