#include "base/sha256.h"

#include <openssl/evp.h>

#include "highfence/assert.h"

namespace highfence {

struct Sha256::Ctx {
  EVP_MD_CTX* md = nullptr;
  ~Ctx() { EVP_MD_CTX_free(md); }
};

Sha256::Sha256() : ctx_(std::make_unique<Ctx>()) {
  ctx_->md = EVP_MD_CTX_new();
  // Allocation or digest set-up failure is an environment fault, not input.
  HF_ASSERT(ctx_->md != nullptr);
  const int ok = EVP_DigestInit_ex(ctx_->md, EVP_sha256(), nullptr);
  HF_ASSERT(ok == 1);
}

Sha256::~Sha256() = default;

void Sha256::Update(std::string_view bytes) {
  HF_ASSERT(!finished_);
  if (bytes.empty()) return;
  const int ok = EVP_DigestUpdate(ctx_->md, bytes.data(), bytes.size());
  HF_ASSERT(ok == 1);
}

std::string Sha256::FinishHex() {
  HF_ASSERT(!finished_);
  finished_ = true;
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  const int ok = EVP_DigestFinal_ex(ctx_->md, digest, &size);
  HF_ASSERT(ok == 1);
  HF_ASSERT(size == 32);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(size * 2);
  for (unsigned int i = 0; i < size; ++i) {
    out.push_back(kHex[digest[i] >> 4]);
    out.push_back(kHex[digest[i] & 0x0f]);
  }
  return out;
}

std::string Sha256Hex(std::string_view bytes) {
  Sha256 h;
  h.Update(bytes);
  return h.FinishHex();
}

}  // namespace highfence
