#include "replay/replay.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "ledger/memory_ledger.h"

namespace highfence::replay {
namespace {

constexpr std::string_view kAllocationPrefix = "allocation:";

Outcome OutcomeOf(const Determination& d) {
  Outcome o{d.decision, d.authorization, d.license_policy, std::string(d.regime), d.tier, {}};
  for (const Reason& r : d.reasons) o.rules.emplace_back(r.rule);
  return o;
}

bool SameOutcome(const Outcome& a, const Outcome& b) {
  return a.decision == b.decision && a.authorization == b.authorization && a.policy == b.policy;
}

class BurnTracker {
 public:
  void Add(int side, const Shipment& s, const Determination& d) {
    for (const Debit& debit : d.debits) {
      if (!debit.account.starts_with(kAllocationPrefix)) continue;
      Account& a = accounts_[debit.account];
      a.drawn[side] = *Fixed::Add(a.drawn[side], debit.tpp);
      a.cap[side] = debit.cap;
      touched_.push_back(debit.account);
    }
    (void)s;
  }
  // Records a point for every account the shipment drew on under either side.
  void Point(const Shipment& s, ReplayResult* out) {
    std::sort(touched_.begin(), touched_.end());
    touched_.erase(std::unique(touched_.begin(), touched_.end()), touched_.end());
    for (const std::string& name : touched_) {
      if (points_ >= kBurnPointsMax) {
        out->truncated = true;
        break;
      }
      const Account& a = accounts_[name];
      BurnDown* series = Series(name, out);
      series->points.push_back({s.date, s.id, a.drawn, a.cap});
      ++points_;
    }
    touched_.clear();
  }

 private:
  struct Account {
    std::array<Fixed, 2> drawn{};
    std::array<std::optional<Fixed>, 2> cap;
  };
  static BurnDown* Series(const std::string& account, ReplayResult* out) {
    for (BurnDown& b : out->burn_down) {
      if (b.account == account) return &b;
    }
    out->burn_down.push_back({account, {}});
    return &out->burn_down.back();
  }
  std::map<std::string, Account> accounts_;
  std::vector<std::string> touched_;
  size_t points_ = 0;
};

}  // namespace

std::string ShortOutcome(const Outcome& o) {
  std::string_view detail = WireName(o.authorization);
  if (detail.empty() || detail == "none") detail = WireName(o.policy);
  if (detail.empty() || detail == "none") return std::string(WireName(o.decision));
  return fmt::format("{} ({})", WireName(o.decision), detail);
}

Result<std::unique_ptr<Engine>> EngineWithLaw(const std::vector<law::LawSource>& sources,
                                              const std::string& catalog_path) {
  EngineOptions options;
  options.catalog_path = catalog_path;
  for (const law::LawSource& s : sources) options.law_files.emplace_back(s.name, s.text);
  return Engine::Create(options);
}

Result<ReplayResult> Replay(OrderBook* orders, const Side& a, const Side& b) {
  ReplayResult out;
  out.labels = {a.label, b.label};
  std::array<ledger::MemoryLedger, 2> ledgers;
  const std::array<const Side*, 2> sides = {&a, &b};
  BurnTracker burn;
  Shipment s;
  int64_t line = 0;
  std::array<Determination, 2> d;
  std::array<std::unique_ptr<Sequence>, 2> sequences;
  for (int i = 0; i < 2; ++i) {
    sequences[i] = std::make_unique<Sequence>(*sides[i]->engine, sides[i]->choice, &ledgers[i]);
  }
  while (orders->Next(&s, &line)) {
    ++out.lines;
    for (int i = 0; i < 2; ++i) {
      // An in-memory ledger is never unavailable: a failure here is a bug.
      Status st = sequences[i]->Evaluate(s, &d[i]);
      if (!st.ok()) return st;
      ++out.decisions[i][std::string(WireName(d[i].decision))];
      burn.Add(i, s, d[i]);
    }
    burn.Point(s, &out);
    Outcome from = OutcomeOf(d[0]), to = OutcomeOf(d[1]);
    if (SameOutcome(from, to)) continue;
    ++out.flips;
    ++out.transitions[fmt::format("{} -> {}", ShortOutcome(from), ShortOutcome(to))];
    if (out.flip_list.size() < kFlipsListedMax) {
      out.flip_list.push_back({line,
                               s.id,
                               s.date,
                               std::string(s.destination.valid() ? s.destination.str() : ""),
                               {std::move(from), std::move(to)}});
    } else {
      out.truncated = true;
    }
  }
  HF_RETURN_IF_ERROR(orders->status());
  std::sort(out.burn_down.begin(), out.burn_down.end(),
            [](const BurnDown& x, const BurnDown& y) { return x.account < y.account; });
  return out;
}

}  // namespace highfence::replay
