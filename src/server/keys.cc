#include "server/keys.h"

#include <fmt/format.h>
#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <mutex>

#include "base/clock.h"
#include "base/sha256.h"
#include "server/limits.h"

namespace highfence::server {
namespace {

constexpr std::string_view kPrefix = "hf_";
constexpr size_t kIdHexDigits = 16;
constexpr size_t kSecretHexDigits = 64;

std::string RandomHex(size_t bytes) {
  std::vector<unsigned char> buf(bytes);
  // RAND_bytes fails only when the system has no entropy source at all.
  HF_ASSERT(RAND_bytes(buf.data(), static_cast<int>(buf.size())) == 1);
  std::string out;
  for (unsigned char c : buf) out += fmt::format("{:02x}", c);
  return out;
}

bool IsLowerHex(std::string_view s) {
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

}  // namespace

std::string_view RoleName(Role r) {
  switch (r) {
    case Role::kViewer:
      return "viewer";
    case Role::kOfficer:
      return "officer";
    case Role::kAdmin:
      return "admin";
  }
  return "viewer";
}

std::optional<Role> ParseRole(std::string_view name) {
  if (name == "viewer") return Role::kViewer;
  if (name == "officer") return Role::kOfficer;
  if (name == "admin") return Role::kAdmin;
  return std::nullopt;
}

NewKey GenerateKey(Role role, std::string_view label, int64_t now_ns) {
  NewKey k;
  k.record.key_id = RandomHex(kIdHexDigits / 2);
  std::string secret = RandomHex(kSecretHexDigits / 2);
  k.record.role = RoleName(role);
  k.record.label = label;
  k.record.secret_sha256 = Sha256Hex(secret);
  k.record.created_ns = now_ns;
  k.token = fmt::format("{}{}_{}", kPrefix, k.record.key_id, secret);
  return k;
}

Result<NewKey> CreateKey(decisions::DecisionStore* store, std::string_view role,
                         std::string_view label) {
  std::optional<Role> r = ParseRole(role);
  if (!r) {
    return Status::InvalidArgument(
        fmt::format("role must be viewer, officer or admin, not `{}`", role));
  }
  if (static_cast<int64_t>(label.size()) > limits::key_label_bytes_max) {
    return Status::InvalidArgument(
        fmt::format("label is longer than {} bytes", limits::key_label_bytes_max));
  }
  NewKey k = GenerateKey(*r, label, NowNs());
  HF_RETURN_IF_ERROR(store->PutKey(k.record));
  return k;
}

void KeyRing::Load(const std::vector<decisions::ApiKeyRecord>& keys) {
  std::unordered_map<std::string, Entry> fresh;
  for (const decisions::ApiKeyRecord& k : keys) {
    std::optional<Role> role = ParseRole(k.role);
    if (k.revoked_ns != 0 || !role) continue;
    fresh[k.key_id] = {k.secret_sha256, *role};
  }
  std::unique_lock lock(mu_);
  by_id_.swap(fresh);
}

size_t KeyRing::size() const {
  std::shared_lock lock(mu_);
  return by_id_.size();
}

Result<Caller> KeyRing::Authenticate(std::string_view authorization) const {
  constexpr std::string_view kBearer = "Bearer ";
  if (authorization.size() < kBearer.size() ||
      !std::equal(kBearer.begin(), kBearer.end(), authorization.begin(),
                  [](char a, char b) { return std::tolower(a) == std::tolower(b); })) {
    return Status::NotFound("no `Authorization: Bearer KEY` header");
  }
  std::string_view token = authorization.substr(kBearer.size());
  const size_t size = kPrefix.size() + kIdHexDigits + 1 + kSecretHexDigits;
  if (token.size() != size || !token.starts_with(kPrefix) ||
      token[kPrefix.size() + kIdHexDigits] != '_') {
    return Status::InvalidArgument("the API key is not one this server issued");
  }
  std::string id(token.substr(kPrefix.size(), kIdHexDigits));
  std::string_view secret = token.substr(kPrefix.size() + kIdHexDigits + 1);
  if (!IsLowerHex(id) || !IsLowerHex(secret)) {
    return Status::InvalidArgument("the API key is not one this server issued");
  }
  std::string digest = Sha256Hex(secret);
  std::shared_lock lock(mu_);
  auto it = by_id_.find(id);
  if (it == by_id_.end() || it->second.secret_sha256.size() != digest.size() ||
      CRYPTO_memcmp(it->second.secret_sha256.data(), digest.data(), digest.size()) != 0) {
    return Status::InvalidArgument("the API key is unknown or revoked");
  }
  return Caller{id, it->second.role};
}

}  // namespace highfence::server
