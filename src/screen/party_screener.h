// PartyScreener: screens a shipment's consignee and its ultimate parent for a
// determination, and puts what it found on the shipment (Shipment::screening),
// where the determine step party_lists applies it. The engine never screens:
// the callers that own a list snapshot (`check --lists`, the server) do, before
// the engine, so the determine layer needs no lists and a run without lists
// pays nothing.
//
//   PartyScreener parties(screener);       // a built Screener, shared
//   parties.Screen(&shipment);             // before Engine::Evaluate
//
// Each party is screened with its headquarters country (the consignee's `hq`,
// the parent's `parent_hq`, with the contract's defaults). Kept per party: its
// match-band hits (at most kMatchHitsMax), or, when it has none, its
// review-band candidates (at most kReviewHitsMax), best first.
//
// Order books repeat their parties, so each distinct party (name and country)
// is screened once, and the screening of each distinct pair of parties is kept
// and shared by every shipment that names them: a repeated pair costs one
// lookup and no allocation. Each cache holds up to kCacheMax entries, then
// starts again.
//
// Thread safety: one thread per object (each run and the server's committer
// owns one); the Screener it reads may be shared.
#ifndef HIGHFENCE_SCREEN_PARTY_SCREENER_H_
#define HIGHFENCE_SCREEN_PARTY_SCREENER_H_

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "highfence/shipment.h"
#include "screen/screener.h"

namespace highfence::screen {

class PartyScreener {
 public:
  static constexpr size_t kMatchHitsMax = 10;
  static constexpr size_t kReviewHitsMax = 5;
  static constexpr size_t kCacheMax = 1 << 16;

  explicit PartyScreener(std::shared_ptr<const Screener> screener);

  // Sets s->screening; a line with input errors is left unscreened.
  void Screen(Shipment* s);

  const Screener& screener() const { return *screener_; }
  const std::string& snapshot() const { return screener_->snapshot().info.content_sha256; }

 private:
  // The kept hits of one party, appended to `out` with `role`.
  void ScreenName(std::string_view name, CountryCode country, PartyRole role,
                  std::vector<PartyListHit>* out);
  std::vector<PartyListHit> KeptHits(std::string_view name, CountryCode country) const;
  PartyListHit ToPartyHit(const Hit& h) const;

  std::shared_ptr<const Screener> screener_;
  std::unordered_map<std::string, std::vector<PartyListHit>> names_;  // by name and country
  std::unordered_map<std::string, std::shared_ptr<const PartyScreening>> pairs_;
  std::string key_, name_key_;  // scratch
};

}  // namespace highfence::screen

#endif  // HIGHFENCE_SCREEN_PARTY_SCREENER_H_
