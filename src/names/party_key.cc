#include "names/party_key.h"

#include <vector>

#include "names/latin.h"
#include "names/legal_forms.h"
#include "names/words.h"

namespace highfence::names {

std::string PartyKey(std::string_view name) {
  std::vector<std::string> words = SplitWords(ToLatinAscii(name));
  words.resize(words.size() - LegalForms::Builtin().TrailingWords(words));
  std::string key;
  for (const std::string& w : words) {
    if (!key.empty()) key.push_back('-');
    key += w;
  }
  return key;
}

std::string PartyKeyFromId(std::string_view id) {
  std::string slug;
  bool gap = false;
  for (char ch : id) {
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
      if (gap && !slug.empty()) slug.push_back('-');
      slug.push_back(ch);
      gap = false;
    } else {
      gap = true;
    }
  }
  return slug.empty() ? std::string() : "id-" + slug;
}

PartyKeyMemo::PartyKeyMemo(size_t names_max) : shard_names_max_(names_max / kShards + 1) {}

std::string PartyKeyMemo::Key(std::string_view name) {
  Shard& shard = shards_[Hash{}(name) % kShards];
  {
    std::lock_guard<std::mutex> lock(shard.mutex);
    auto it = shard.keys.find(name);
    if (it != shard.keys.end()) return it->second;
  }
  std::string key = PartyKey(name);  // outside the lock: ICU may take microseconds
  std::lock_guard<std::mutex> lock(shard.mutex);
  if (shard.keys.size() < shard_names_max_) shard.keys.emplace(name, key);
  return key;
}

size_t PartyKeyMemo::size() const {
  size_t n = 0;
  for (const Shard& s : shards_) {
    std::lock_guard<std::mutex> lock(s.mutex);
    n += s.keys.size();
  }
  return n;
}

}  // namespace highfence::names
