// Data Center Validated End Users under the AI Diffusion rule (748.15): the
// Universal VEU with its geographic share limits (supp. 10 para. 6, D10) and
// the National VEU with its quarterly installed-base cap (D9).
#include "determine/candidate.h"

namespace highfence::determine {
namespace {

enum class Shares { kFailed, kWithin, kBeyond, kUnverified };

// Supp. 10 para. 7: a VEU may not train 4E091 models outside Tier 1. True
// (reason written under `rule`) when the shipment is for that.
bool RefuseTrainingOutsideTier1(Context& x, std::string_view rule) {
  if (!(x.s.end_use & kEndUseFrontierTraining) || x.DestIn(law::kTier1)) return false;
  x.Reason(rule, x.law.cite->veu_training,
           "a VEU may not train 4E091 models outside Tier 1 without authorization: not "
           "available");
  return true;
}

// The installed base a UVEU's share limits are measured on, with this
// shipment added; sums of ledger amounts are checked.
struct UveuBase {
  Fixed total, outside_tier1, in_dest, outside_us;
};

std::optional<UveuBase> AddUp(Context& x, const std::vector<BaseAccount>& accounts) {
  static const CountryCode kUs = *CountryCode::Parse("US");  // a constant: always parses
  UveuBase b{x.tpp_total, Fixed(), x.tpp_total, x.dest == kUs ? Fixed() : x.tpp_total};
  if (!x.DestIn(law::kTier1)) b.outside_tier1 = x.tpp_total;
  for (const BaseAccount& a : accounts) {
    std::optional<CountryCode> cc =
        CountryCode::Parse(std::string_view(a.account).substr(a.account.size() - 2));
    if (!cc) continue;
    for (Fixed* part :
         {&b.total, !x.law.In(*cc, law::kTier1) ? &b.outside_tier1 : nullptr,
          *cc == x.dest ? &b.in_dest : nullptr, *cc != kUs ? &b.outside_us : nullptr}) {
      if (part == nullptr) continue;
      std::optional<Fixed> sum = x.LedgerSum(*part, a.drawn, a.account);
      if (!sum) return std::nullopt;
      *part = *sum;
    }
  }
  return b;
}

// The UVEU geographic shares after this shipment, against the party's declared
// base (D10). With no declared base: kUnverified when the law only checks a
// declared base, else the shares of this shipment alone.
Shares CheckUveuShares(Context& x) {
  Result<std::optional<std::vector<BaseAccount>>> declared =
      x.ledger->DeclaredBase(fmt::format("uveu:{}:", x.party()));
  if (!declared.ok()) {
    x.failed = true;
    x.NeedsReview("ledger_unavailable", "", declared.status().ToString());
    return Shares::kFailed;
  }
  const Cited<bool>& needs_declared = x.law.uveu_share_needs_declared_base;
  if (!declared->has_value() && needs_declared.value) return Shares::kUnverified;
  std::optional<UveuBase> b = AddUp(x, declared->value_or(std::vector<BaseAccount>()));
  if (!b) return Shares::kFailed;
  auto within = [&](Fixed part, int64_t percent) {
    return static_cast<__int128>(part.milli()) * 100 <=
           static_cast<__int128>(b->total.milli()) * percent;
  };
  static const CountryCode kUs = *CountryCode::Parse("US");
  const law::Snapshot& law = x.law;
  bool t1 = within(b->outside_tier1, law.uveu_outside_tier1_percent_max.value);
  bool country =
      x.DestIn(law::kTier1) || within(b->in_dest, law.uveu_per_country_percent_max.value);
  bool us_hq = x.parent_hq == kUs || x.hq == kUs;
  bool us = !us_hq || within(b->outside_us, law.uveu_outside_us_percent_max.value);
  ReasonRef r = x.Reason(
      "auth.uveu.shares", law.uveu_outside_tier1_percent_max.citation(),
      "{} installed base after this shipment: {} in all, {} outside Tier 1 (limit {} %), {} in "
      "{} (limit {} % outside Tier 1), {} outside the U.S.{}: {}",
      declared->has_value() ? "declared" : "no declared base (D10): the", b->total,
      b->outside_tier1, law.uveu_outside_tier1_percent_max, b->in_dest, x.dest,
      law.uveu_per_country_percent_max, b->outside_us,
      us_hq ? fmt::format(" (limit {} % for a U.S.-headquartered UVEU)",
                          law.uveu_outside_us_percent_max.value)
            : "",
      t1 && country && us ? "within the limits, UVEU covers it"
                          : "a share limit would be passed, UVEU does not cover it");
  if (us_hq) r.Read(law.uveu_outside_us_percent_max);
  if (!declared->has_value()) r.Read(needs_declared);
  return t1 && country && us ? Shares::kWithin : Shares::kBeyond;
}

}  // namespace

Candidate TryUveu(Context& x) {
  Candidate c(Authorization::kUveu);
  if (x.s.consignee.veu != Veu::kUniversal) return c;
  const std::string_view cite = x.law.cite->veu;
  if (!x.c.a_level() && !x.c.b_level()) {
    x.Reason("auth.uveu", cite, "UVEU covers 3A090 and 4A090 items here: not available");
    return c;
  }
  if (!x.HqIn(law::kTier1) || x.HqMacauOrD5() || x.DestIn(law::kMacauOrD5)) {
    x.Reason("auth.uveu", cite,
             "a UVEU must be headquartered (or have its ultimate parent) in Tier 1, with no "
             "Macau/D:5 headquarters or data center: not available");
    return c;
  }
  if (RefuseTrainingOutsideTier1(x, "auth.uveu")) return c;
  // The share limits are measured on chips meeting 3A090.a (supp. 10 para. 6):
  // only .a-level TPP enters the installed base.
  c.needs_account = x.c.a_level();
  if (!x.c.a_level() || x.party().empty()) {
    c.eligible = true;
    x.Reason("auth.uveu", cite,
             "Universal VEU with a Tier 1 headquarters, data center outside Macau/D:5: covered");
    return c;
  }
  Shares shares = CheckUveuShares(x);
  if (shares == Shares::kFailed || shares == Shares::kBeyond) return c;
  c.eligible = true;
  c.debits.push_back(
      {UveuAccount(x.party(), x.dest), x.tpp_total, TransferState::kPosted, std::nullopt});
  if (shares == Shares::kUnverified) {
    const law::Snapshot& law = x.law;
    c.AddNotice("uveu_share_unverified");
    x.Reason("auth.uveu", law.uveu_share_needs_declared_base.citation(),
             "Universal VEU with a Tier 1 headquarters, data center outside Macau/D:5: covered; "
             "the {} % / {} % / {} % share limits cannot be checked without a declared "
             "installed base (D10)",
             law.uveu_outside_tier1_percent_max, law.uveu_per_country_percent_max,
             law.uveu_outside_us_percent_max)
        .Read(law.uveu_share_needs_declared_base);
  }
  return c;
}

Candidate TryNveu(Context& x) {
  Candidate c(Authorization::kNveu);
  if (x.s.consignee.veu != Veu::kNational) return c;
  const std::string_view cite = x.law.cite->veu;
  if (!x.c.a_level() && !x.c.b_level()) {
    x.Reason("auth.nveu", cite, "NVEU covers 3A090 and 4A090 items here: not available");
    return c;
  }
  if (x.HqMacauOrD5() || x.DestIn(law::kMacauOrD5)) {
    x.Reason("auth.nveu", cite,
             "an NVEU may not be headquartered or have a data center in Macau/D:5: not "
             "available");
    return c;
  }
  if (RefuseTrainingOutsideTier1(x, "auth.nveu")) return c;
  const Cited<Fixed>& cap = x.law.nveu_cap_tpp;
  if (!x.c.a_level()) {
    // The installed-base cap counts 3A090.a, 4A090.a and .z items only.
    c.eligible = true;
    x.Reason("auth.nveu", cap.citation(),
             "National VEU covers {}; the installed-base cap counts only 3A090.a-level items, so "
             "nothing is drawn on it",
             x.c.eccn);
    return c;
  }
  c.needs_account = true;
  if (x.party().empty()) {
    c.eligible = true;  // D17 turns this into needs_review if chosen
    return c;
  }
  std::string account = NveuAccount(x.party(), x.dest);
  std::optional<AccountBalance> b = x.Balance(account);
  if (!b) return c;
  std::optional<Fixed> drawn = x.LedgerSum(b->posted, b->pending, account);
  std::optional<Fixed> after = drawn ? x.LedgerSum(*drawn, x.tpp_total, account) : std::nullopt;
  if (!after) return c;
  if (*after > cap.value) {
    x.Reason("auth.nveu", x.law.cite->nveu_cap,
             "NVEU installed base in {} would be {} + {} = {}, above the {} Q{} cap of {}: not "
             "covered (D9)",
             x.dest, *drawn, x.tpp_total, *after, x.s.date.year(), x.s.date.quarter(), cap);
    return c;
  }
  c.eligible = true;
  c.debits.push_back({std::move(account), x.tpp_total, TransferState::kPosted, cap.value});
  x.Reason("auth.nveu", x.law.cite->nveu_cap,
           "NVEU installed base in {} becomes {} + {} = {}, within the {} Q{} cap of {}: covered "
           "(D9)",
           x.dest, *drawn, x.tpp_total, *after, x.s.date.year(), x.s.date.quarter(), cap);
  return c;
}

}  // namespace highfence::determine
