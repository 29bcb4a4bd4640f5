// API keys: random bearer tokens with a role, stored only as hashes.
//
// A key reads `hf_<key id>_<secret>`: the key id (16 hex digits, 64 random
// bits) is public and names the key in the decision log and `keys list`; the
// secret is 64 hex digits (256 random bits from OpenSSL's RAND_bytes). The
// database keeps SHA-256(secret) only. A request's key is looked up by its id,
// then its secret's digest is compared with the stored one in constant time
// (CRYPTO_memcmp), so neither the lookup nor the comparison leaks the secret
// through timing. Roles, each including the ones before it:
//   viewer   reads (GET)
//   officer  determines, explains, classifies, screens
//   admin    posts, voids and reverses transfers, manages keys
//
// Thread safety: KeyRing is shared by the server's threads (a shared mutex).
#ifndef HIGHFENCE_SERVER_KEYS_H_
#define HIGHFENCE_SERVER_KEYS_H_

#include <cstdint>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "highfence/status.h"
#include "decisions/decision_store.h"

namespace highfence::server {

enum class Role : uint8_t { kViewer = 0, kOfficer = 1, kAdmin = 2 };
std::string_view RoleName(Role r);
std::optional<Role> ParseRole(std::string_view name);

struct NewKey {
  decisions::ApiKeyRecord record;
  std::string token;  // shown once, never stored
};

// A fresh key with `role` and `label`, created at `now_ns`.
NewKey GenerateKey(Role role, std::string_view label, int64_t now_ns);

// Creates and stores a key. kInvalidArgument for a bad role or label.
Result<NewKey> CreateKey(decisions::DecisionStore* store, std::string_view role,
                         std::string_view label);

struct Caller {
  std::string key_id;
  Role role = Role::kViewer;
};

class KeyRing {
 public:
  // Replaces the keys known with `keys` (revoked ones are dropped).
  void Load(const std::vector<decisions::ApiKeyRecord>& keys);
  // The caller a `Authorization` header value names: kNotFound when there is no
  // `Bearer` token, kInvalidArgument when the token is not a valid key.
  Result<Caller> Authenticate(std::string_view authorization) const;
  size_t size() const;

 private:
  struct Entry {
    std::string secret_sha256;
    Role role;
  };
  mutable std::shared_mutex mu_;
  std::unordered_map<std::string, Entry> by_id_;
};

}  // namespace highfence::server

#endif  // HIGHFENCE_SERVER_KEYS_H_
