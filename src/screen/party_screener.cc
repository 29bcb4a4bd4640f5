#include "screen/party_screener.h"

#include <cmath>

namespace highfence::screen {
namespace {

// A score or threshold (0 to 1) to the thousandth, as the determination
// writes it: screening scores are doubles, determinations exact.
Fixed Thousandths(double v) { return Fixed::FromMilli(std::llround(v * Fixed::kScale)); }

void AppendKey(std::string_view name, CountryCode country, std::string* key) {
  key->append(name);
  key->push_back('\0');
  key->append(country.str());
  key->push_back('\0');
}

}  // namespace

PartyScreener::PartyScreener(std::shared_ptr<const Screener> screener)
    : screener_(std::move(screener)) {}

PartyListHit PartyScreener::ToPartyHit(const Hit& h) const {
  const ListEntry& e = *h.entry;
  const ScreenOptions& o = screener_->options();
  PartyListHit p;
  p.match = h.band == Band::kMatch;
  p.score = Thousandths(h.score);
  p.threshold = Thousandths(o.match_threshold);
  p.review_threshold = Thousandths(o.review_threshold);
  p.list = e.list;
  p.list_name = e.source;
  p.entity_number = e.entity_number;
  p.name = e.name;
  p.matched_name = h.matched_name;
  p.license_requirement = e.license_requirement;
  p.license_policy = e.license_policy;
  p.federal_register_notice = e.federal_register_notice;
  p.row = static_cast<int64_t>(h.entry_index);
  return p;
}

std::vector<PartyListHit> PartyScreener::KeptHits(std::string_view name,
                                                  CountryCode country) const {
  std::vector<Hit> hits = screener_->Screen(name, country.valid() ? country.str() : "");
  std::vector<PartyListHit> kept;
  for (const Hit& h : hits) {
    if (h.band == Band::kMatch && kept.size() < kMatchHitsMax) kept.push_back(ToPartyHit(h));
  }
  if (!kept.empty()) return kept;
  for (size_t i = 0; i < hits.size() && i < kReviewHitsMax; ++i) {
    kept.push_back(ToPartyHit(hits[i]));  // best first, all in the review band
  }
  return kept;
}

void PartyScreener::ScreenName(std::string_view name, CountryCode country, PartyRole role,
                               std::vector<PartyListHit>* out) {
  if (name.empty()) return;
  name_key_.clear();
  AppendKey(name, country, &name_key_);
  auto found = names_.find(name_key_);
  if (found == names_.end()) {
    if (names_.size() >= kCacheMax) names_.clear();
    found = names_.emplace(name_key_, KeptHits(name, country)).first;
  }
  for (const PartyListHit& h : found->second) {
    out->push_back(h);
    out->back().role = role;
  }
}

void PartyScreener::Screen(Shipment* s) {
  s->screening.reset();
  if (!s->errors.empty()) return;
  const std::string& name = s->consignee.name;
  const std::string& parent = s->Parent();
  const bool other_parent = parent != name;
  const CountryCode hq = s->Hq(), parent_hq = s->ParentHq();
  key_.clear();
  AppendKey(name, hq, &key_);
  if (other_parent) AppendKey(parent, parent_hq, &key_);
  auto found = pairs_.find(key_);
  if (found != pairs_.end()) {
    s->screening = found->second;
    return;
  }
  auto screening = std::make_shared<PartyScreening>();
  screening->snapshot = snapshot();
  ScreenName(name, hq, PartyRole::kConsignee, &screening->hits);
  if (other_parent) ScreenName(parent, parent_hq, PartyRole::kParent, &screening->hits);
  if (pairs_.size() >= kCacheMax) pairs_.clear();
  pairs_.emplace(key_, screening);
  s->screening = std::move(screening);
}

}  // namespace highfence::screen
