// Party keys: who is "the same party" for capped ledger accounts (rules.md D25,
// contract.md section 4).
//
// PartyKey(name) normalises a name in this order: Unicode NFKC; every script to
// Latin and then ASCII, Han read as Mandarin pinyin (simplified and traditional
// agree); lowercase; `&` and `+` read as `and`; words split on every run of
// characters other than a-z and 0-9; trailing legal-form words removed
// (names/legal-forms.toml); the words joined with `-`.
//
//   PartyKey("Big Parent Co., Ltd.")  == "big-parent"
//   PartyKey("华为技术有限公司")        == PartyKey("華為技術有限公司") == "hua-wei-ji-shu"
//   PartyKeyFromId("ACME/Parent 01")  == "id-acme-parent-01"
//
// An empty result means "no key": the name holds no word that is not a legal
// form (D17 makes such a shipment needs_review when it needs an account).
//
// Cost: ASCII names cost a few hundred nanoseconds; names in other scripts go
// through ICU (microseconds). PartyKeyMemo computes each distinct name once.
//
// Thread safety: PartyKey and PartyKeyFromId may be called from any thread; a
// PartyKeyMemo may be shared by threads.
#ifndef HIGHFENCE_NAMES_PARTY_KEY_H_
#define HIGHFENCE_NAMES_PARTY_KEY_H_

#include <array>
#include <cstddef>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace highfence::names {

std::string PartyKey(std::string_view name);

// "id-" and the caller's id lowercased, every run of characters other than
// a-z and 0-9 replaced by one `-` (no leading or trailing `-`); empty when the
// id holds no such character.
std::string PartyKeyFromId(std::string_view id);

// A thread-safe memo of PartyKey: each distinct name is normalised once. It
// holds at most `names_max` names; past that it computes without keeping, so
// memory stays bounded whatever the input.
class PartyKeyMemo {
 public:
  static constexpr size_t kNamesMaxDefault = 1'000'000;
  explicit PartyKeyMemo(size_t names_max = kNamesMaxDefault);

  std::string Key(std::string_view name);
  size_t size() const;

 private:
  static constexpr size_t kShards = 16;  // spreads lock contention across threads
  struct Hash {                          // lets find() take a string_view without a copy
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  struct Shard {
    mutable std::mutex mutex;
    std::unordered_map<std::string, std::string, Hash, std::equal_to<>> keys;
  };
  std::array<Shard, kShards> shards_;
  size_t shard_names_max_;
};

}  // namespace highfence::names

#endif  // HIGHFENCE_NAMES_PARTY_KEY_H_
