#include "server/keys.h"

#include <gtest/gtest.h>

#include "decisions/memory_decision_store.h"

namespace highfence::server {
namespace {

TEST(Keys, ATokenAuthenticatesWithItsRoleAndOnlyItsHashIsStored) {
  decisions::MemoryDecisionStore store;
  Result<NewKey> k = CreateKey(&store, "officer", "order system");
  ASSERT_TRUE(k.ok());
  EXPECT_EQ(k->token.size(), 3u + 16 + 1 + 64);
  Result<std::vector<decisions::ApiKeyRecord>> stored = store.Keys();
  ASSERT_TRUE(stored.ok());
  ASSERT_EQ(stored->size(), 1u);
  EXPECT_EQ(k->token.find((*stored)[0].secret_sha256), std::string::npos);
  KeyRing ring;
  ring.Load(*stored);
  Result<Caller> c = ring.Authenticate("Bearer " + k->token);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->role, Role::kOfficer);
  EXPECT_EQ(c->key_id, k->record.key_id);
  EXPECT_TRUE(ring.Authenticate("bearer " + k->token).ok());
}

TEST(Keys, WrongMissingAndRevokedKeysAreRefused) {
  decisions::MemoryDecisionStore store;
  Result<NewKey> k = CreateKey(&store, "admin", "");
  ASSERT_TRUE(k.ok());
  KeyRing ring;
  ring.Load(*store.Keys());
  std::string wrong = k->token;
  wrong.back() = wrong.back() == '0' ? '1' : '0';
  EXPECT_EQ(ring.Authenticate("Bearer " + wrong).status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(ring.Authenticate("").status().code(), Status::Code::kNotFound);
  EXPECT_EQ(ring.Authenticate("Basic abc").status().code(), Status::Code::kNotFound);
  EXPECT_FALSE(ring.Authenticate("Bearer hf_short").ok());
  ASSERT_TRUE(store.RevokeKey(k->record.key_id, 1).ok());
  ring.Load(*store.Keys());
  EXPECT_FALSE(ring.Authenticate("Bearer " + k->token).ok());
  EXPECT_EQ(store.RevokeKey("0000000000000000", 2).code(), Status::Code::kNotFound);
}

TEST(Keys, RolesAndLabelsAreChecked) {
  decisions::MemoryDecisionStore store;
  EXPECT_EQ(CreateKey(&store, "root", "").status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(CreateKey(&store, "viewer", std::string(1000, 'x')).status().code(),
            Status::Code::kInvalidArgument);
  EXPECT_TRUE(ParseRole("viewer") < ParseRole("officer"));
  EXPECT_EQ(RoleName(Role::kAdmin), "admin");
}

TEST(Keys, EveryKeyIsDifferent) {
  NewKey a = GenerateKey(Role::kViewer, "", 0), b = GenerateKey(Role::kViewer, "", 0);
  EXPECT_NE(a.token, b.token);
  EXPECT_NE(a.record.key_id, b.record.key_id);
}

}  // namespace
}  // namespace highfence::server
