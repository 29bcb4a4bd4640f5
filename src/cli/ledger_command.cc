// `highfence ledger ...`: inspect and settle the durable quota ledger.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <set>

#include "base/clock.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/describe.h"
#include "io/determination_writer.h"
#include "law/snapshot.h"
#include "ledger/event_log.h"
#include "ledger/store.h"
#include "names/party_key.h"

namespace highfence::cli {
namespace {

std::unique_ptr<ledger::LedgerStore> OpenStore(const std::string& target, bool read_only) {
  Result<std::unique_ptr<ledger::LedgerStore>> store = ledger::LedgerStore::Open(target, read_only);
  if (!store.ok()) {
    std::fprintf(stderr, "highfence: %s\n", store.status().ToString().c_str());
    return nullptr;
  }
  return std::move(store).value();
}

int Fail(const Status& s) {
  std::fprintf(stderr, "highfence: %s\n", s.ToString().c_str());
  return kExitFailed;
}

void Print(const std::string& s) { std::fwrite(s.data(), 1, s.size(), stdout); }

std::string OptionalJson(const std::optional<Fixed>& v) { return v ? v->ToString() : "null"; }

std::string AccountJson(const ledger::AccountState& a) {
  std::string out = "{\"account\":";
  io::AppendJsonString(a.account, &out);
  out += fmt::format(",\"cap\":{},\"posted\":{},\"pending\":{},\"available\":{}}}\n",
                     OptionalJson(a.cap), a.posted.ToString(), a.pending.ToString(),
                     OptionalJson(a.available()));
  return out;
}

std::string AccountText(const ledger::AccountState& a) {
  return fmt::format("{:<40} cap {:>14}  posted {:>14}  pending {:>14}  available {:>14}\n",
                     a.account, a.cap ? a.cap->ToString() : "-", a.posted.ToString(),
                     a.pending.ToString(), a.available() ? a.available()->ToString() : "-");
}

std::string IsoTime(int64_t ns) {
  if (ns == 0) return "";
  std::time_t t = static_cast<std::time_t>(ns / 1'000'000'000);
  std::tm utc{};
  gmtime_r(&t, &utc);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", utc.tm_year + 1900, utc.tm_mon + 1,
                     utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec);
}

std::string TransferJson(const ledger::TransferRecord& t) {
  std::string out = "{\"id\":";
  io::AppendJsonString(t.id, &out);
  out += ",\"account\":";
  io::AppendJsonString(t.account, &out);
  out += fmt::format(",\"tpp\":{},\"state\":\"{}\",\"shipment_id\":", t.amount.ToString(),
                     WireName(t.state));
  io::AppendJsonString(t.shipment_id, &out);
  out += fmt::format(
      ",\"date\":\"{}\",\"created\":\"{}\",\"settled\":{},\"note\":", t.on.ToString(),
      IsoTime(t.created_ns), t.settled_ns ? "\"" + IsoTime(t.settled_ns) + "\"" : "null");
  io::AppendJsonString(t.note, &out);
  out += "}\n";
  return out;
}

// One CSV row (RFC 4180: a cell with a comma, quote or line break is quoted).
std::string TransferCsv(const ledger::TransferRecord& t) {
  const std::string cells[] = {
      t.id,          t.account,       t.amount.ToString(),   std::string(WireName(t.state)),
      t.shipment_id, t.on.ToString(), IsoTime(t.created_ns), IsoTime(t.settled_ns),
      t.note};
  std::string out;
  for (const std::string& cell : cells) {
    if (!out.empty()) out.push_back(',');
    io::AppendCsvCell(cell, &out);
  }
  out.push_back('\n');
  return out;
}

// `--now` as an instant: the given date's midnight UTC, or now; -1 when invalid.
int64_t NowFlagNs(const std::string& now) {
  if (now.empty()) return NowNs();
  std::optional<Date> d = Date::Parse(now);
  return d ? NsOfDate(*d) : -1;
}

struct LedgerOptions {
  std::string ledger = "highfence.db";
  std::string format = "text";
  std::string account, kind, id, note, party, party_id, country, tpp, now, law_dir;
  std::string licence, granted, reason, dest;
  std::optional<int64_t> days;  // default: the law's, on the --now date
};

// The number of days the law sets on `now_ns` (the embedded law, or --law):
// a licence's validity, or how long a pending reservation may stay open.
std::optional<int64_t> LawDays(const LedgerOptions& o, int64_t now_ns, bool validity) {
  CommonOptions common;
  common.law_dir = o.law_dir;
  std::unique_ptr<Engine> engine = LoadEngine(common);
  if (!engine) return std::nullopt;
  const law::Snapshot& law = engine->law().At(DateOfNs(now_ns), RegimeChoice{});
  return validity ? law.license_validity_days.value : law.pending_reservation_expiry_days.value;
}

// An account nothing has drawn on yet: zero use, and the cap the law sets for
// it (as written, on --now or today; an LPP account on its year's first day).
// Counters (aia, uveu) have no cap. nullopt when the id is not an account id.
std::optional<ledger::AccountState> UnusedAccount(const LedgerOptions& o) {
  const std::string& id = o.account;
  std::string kind = id.substr(0, id.find(':'));
  size_t parts = static_cast<size_t>(std::count(id.begin(), id.end(), ':')) + 1;
  bool known = (kind == "allocation" && parts == 2) || (kind == "lpp" && parts == 3) ||
               ((kind == "nveu" || kind == "uveu") && parts == 3) || (kind == "aia" && parts == 2);
  if (!known) return std::nullopt;
  ledger::AccountState a;
  a.account = id;
  if (kind == "aia" || kind == "uveu") return a;
  int64_t now_ns = NowFlagNs(o.now);
  if (now_ns < 0) return std::nullopt;
  Date on = DateOfNs(now_ns);
  if (kind == "lpp") {
    std::optional<Date> first = Date::Parse(id.substr(id.rfind(':') + 1) + "-01-01");
    if (!first) return std::nullopt;
    on = *first;
  }
  CommonOptions common;
  common.law_dir = o.law_dir;
  std::unique_ptr<Engine> engine = LoadEngine(common);
  if (!engine) return std::nullopt;
  RegimeChoice as_written;
  as_written.forced = RegimeId::kUs2025;
  const law::Snapshot& law = engine->law().At(on, as_written);
  a.cap = kind == "allocation" ? law.allocation_tpp.value
          : kind == "lpp"      ? law.lpp_annual_cap_tpp.value
                               : law.nveu_cap_tpp.value;
  return a;
}

int Show(ledger::LedgerStore& s, const LedgerOptions& o) {
  Result<ledger::AccountState> a = s.Show(o.account);
  if (!a.ok() && a.status().code() == Status::Code::kNotFound) {
    std::optional<ledger::AccountState> unused = UnusedAccount(o);
    if (!unused) {
      std::fprintf(stderr,
                   "highfence: `%s` is not an account id (allocation:CC, lpp:PARTY:YYYY, "
                   "nveu:PARTY:CC, uveu:PARTY:CC, aia:PARTY)\n",
                   o.account.c_str());
      return kExitFailed;
    }
    a = std::move(*unused);
  }
  if (!a.ok()) return Fail(a.status());
  Print(o.format == "json" ? AccountJson(*a) : AccountText(*a));
  return kExitOk;
}

int List(ledger::LedgerStore& s, const LedgerOptions& o) {
  Result<std::vector<ledger::AccountState>> all =
      s.List(o.kind.empty() ? std::string() : o.kind + ":");
  if (!all.ok()) return Fail(all.status());
  std::string out;
  for (const ledger::AccountState& a : *all)
    out += o.format == "json" ? AccountJson(a) : AccountText(a);
  Print(out);
  return kExitOk;
}

int History(ledger::LedgerStore& s, const LedgerOptions& o) {
  Result<std::vector<ledger::TransferRecord>> h = s.History(o.account);
  if (!h.ok()) return Fail(h.status());
  std::string out;
  for (const ledger::TransferRecord& t : *h) out += TransferJson(t);
  Print(out);
  return kExitOk;
}

int Export(ledger::LedgerStore& s, const LedgerOptions& o) {
  Result<std::vector<ledger::TransferRecord>> all = s.Transfers();
  if (!all.ok()) return Fail(all.status());
  std::string out =
      o.format == "csv" ? "id,account,tpp,state,shipment_id,date,created,settled,note\n" : "";
  for (const ledger::TransferRecord& t : *all)
    out += o.format == "csv" ? TransferCsv(t) : TransferJson(t);
  Print(out);
  return kExitOk;
}

int Verify(ledger::LedgerStore& s) {
  Result<ledger::VerifyReport> r = s.Verify();
  if (!r.ok()) return Fail(r.status());
  if (!r->ok) {
    std::printf("ledger verify FAILED: %s\n", r->problem.c_str());
    return kExitFailed;
  }
  std::printf(
      "ledger ok: %lld events, %lld transfers, %lld accounts; chain and balances verified\n",
      static_cast<long long>(r->events), static_cast<long long>(r->transfers),
      static_cast<long long>(r->accounts));
  return kExitOk;
}

int Seed(ledger::LedgerStore& s, const LedgerOptions& o) {
  std::optional<CountryCode> cc = CountryCode::Parse(o.country);
  std::optional<Fixed> tpp = Fixed::Parse(o.tpp);
  // The account's party key, as the engine computes it (contract.md section 4).
  std::string party =
      o.party_id.empty() ? names::PartyKey(o.party) : names::PartyKeyFromId(o.party_id);
  if (!cc || !tpp || tpp->is_negative() || tpp->is_zero() || party.empty() ||
      o.party.empty() == o.party_id.empty() || (o.kind != "uveu" && o.kind != "nveu")) {
    std::fprintf(stderr,
                 "highfence: ledger seed needs --party NAME (a name with a word that is not a "
                 "legal form) or --party-id ID, --country CC, --tpp X > 0 and --kind uveu|nveu\n");
    return kExitFailed;
  }
  std::string account = fmt::format("{}:{}:{}", o.kind, party, cc->str());
  Status st = s.Seed(account, *tpp, o.note.empty() ? "declared installed base" : o.note);
  if (!st.ok()) return Fail(st);
  std::printf("seeded %s with %s TPP\n", account.c_str(), tpp->ToString().c_str());
  return kExitOk;
}

int Expire(ledger::LedgerStore& s, const LedgerOptions& o) {
  int64_t now = NowFlagNs(o.now);
  if (now < 0) {
    std::fprintf(stderr, "highfence: --now must be YYYY-MM-DD\n");
    return kExitFailed;
  }
  std::optional<int64_t> days = o.days ? o.days : LawDays(o, now, /*validity=*/false);
  if (!days) return kExitFailed;
  Result<int64_t> n = s.ExpirePending(now - *days * kNsPerDay);
  if (!n.ok()) return Fail(n.status());
  std::printf("expired %lld pending reservation(s) older than %lld days\n",
              static_cast<long long>(*n), static_cast<long long>(*days));
  return kExitOk;
}

// Licences (posted allocation draws) past their one-year validity (750.7(g)).
int Licences(ledger::LedgerStore& s, const LedgerOptions& o) {
  int64_t now = NowFlagNs(o.now);
  if (now < 0) {
    std::fprintf(stderr, "highfence: --now must be YYYY-MM-DD\n");
    return kExitFailed;
  }
  std::optional<int64_t> days = o.days ? o.days : LawDays(o, now, /*validity=*/true);
  if (!days) return kExitFailed;
  Result<std::vector<ledger::TransferRecord>> all = s.Transfers();
  if (!all.ok()) return Fail(all.status());
  std::set<std::string_view> reversed;  // draws given back: no longer a licence in use
  for (const ledger::TransferRecord& t : *all) {
    std::string_view id = t.id;
    if (id.starts_with(ledger::kReversalPrefix)) {
      reversed.insert(id.substr(ledger::kReversalPrefix.size()));
    }
  }
  std::string out;
  int64_t expired = 0;
  for (const ledger::TransferRecord& t : *all) {
    if (t.account.rfind("allocation:", 0) != 0 || t.state != TransferState::kPosted ||
        t.amount.is_negative() || reversed.count(t.id) != 0) {
      continue;
    }
    // settled_ns is the day the licence was granted (ledger post --granted).
    int64_t valid_until = t.settled_ns + *days * kNsPerDay;
    bool past = valid_until < now;
    expired += past;
    out += fmt::format("{:<40} {:>14} granted {} valid until {}{}{}{}\n", t.id, t.amount.ToString(),
                       IsoTime(t.settled_ns).substr(0, 10), IsoTime(valid_until).substr(0, 10),
                       past ? "  EXPIRED" : "", t.note.empty() ? "" : "  ", t.note);
  }
  out += fmt::format("{} licence(s) past their validity\n", expired);
  Print(out);
  return kExitOk;
}

// Prints what a Post, Void or Reverse did; a no-op (already so) is not an error.
int PrintSettled(const Result<ledger::Settled>& r, std::string_view done, std::string_view id) {
  if (!r.ok()) return Fail(r.status());
  if (*r == ledger::Settled::kAlready) {
    std::printf("transfer %.*s is %.*s already; nothing changed\n", static_cast<int>(id.size()),
                id.data(), static_cast<int>(done.size()), done.data());
  } else {
    std::printf("%.*s %.*s\n", static_cast<int>(done.size()), done.data(),
                static_cast<int>(id.size()), id.data());
  }
  return kExitOk;
}

// A licence granted: posts its reservation, its validity counting from --granted.
int Post(ledger::LedgerStore& s, const LedgerOptions& o) {
  ledger::Grant grant{o.licence, std::nullopt, o.note};
  if (!o.granted.empty()) {
    grant.granted = Date::Parse(o.granted);
    if (!grant.granted || *grant.granted > DateOfNs(NowNs())) {
      std::fprintf(stderr, "highfence: --granted must be a date YYYY-MM-DD not after today\n");
      return kExitFailed;
    }
  }
  return PrintSettled(s.Post(o.id, grant), "posted", o.id);
}

int Reverse(ledger::LedgerStore& s, const LedgerOptions& o) {
  if (o.reason.empty()) {
    std::fprintf(stderr, "highfence: ledger reverse needs --reason TEXT (why it is given back)\n");
    return kExitFailed;
  }
  return PrintSettled(s.Reverse(o.id, o.reason), "reversed", o.id);
}

int Backup(ledger::LedgerStore& s, const LedgerOptions& o) {
  Result<ledger::VerifyReport> r = s.Backup(o.dest);
  if (!r.ok()) return Fail(r.status());
  std::printf("backed up to %s and verified: %lld events, %lld transfers, %lld accounts; head %s\n",
              o.dest.c_str(), static_cast<long long>(r->events),
              static_cast<long long>(r->transfers), static_cast<long long>(r->accounts),
              r->head_hash.c_str());
  return kExitOk;
}

}  // namespace

int RunLedger(int argc, char** argv) {
  CLI::App app{"highfence ledger: the durable quota ledger", "highfence ledger"};
  app.require_subcommand(1);
  LedgerOptions o;
  auto common = [&](CLI::App* c) {
    c->add_option("--ledger", o.ledger, "SQLite file or postgres:// URL (default highfence.db)");
    return c;
  };
  CLI::App* show = common(app.add_subcommand("show", "one account's balance"));
  show->add_option("account", o.account)->required();
  show->add_option("--format", o.format, "text or json")->check(CLI::IsMember({"text", "json"}));
  show->add_option("--now", o.now,
                   "an account with no draws: its cap on this date (default today)");
  show->add_option("--law", o.law_dir, "folder of law/*.toml (default: the built-in law)");
  CLI::App* list = common(app.add_subcommand("list", "every account"));
  list->add_option("--kind", o.kind)
      ->check(CLI::IsMember({"allocation", "lpp", "nveu", "uveu", "aia"}));
  list->add_option("--format", o.format)->check(CLI::IsMember({"text", "json"}));
  CLI::App* history = common(app.add_subcommand("history", "an account's transfers (JSONL)"));
  history->add_option("account", o.account)->required();
  CLI::App* seed =
      common(app.add_subcommand("seed", "declare a party's installed base in a country"));
  seed->add_option("--party", o.party, "the ultimate parent's name");
  seed->add_option("--party-id", o.party_id, "or its stable id (consignee.parent_id)");
  seed->add_option("--country", o.country)->required();
  seed->add_option("--tpp", o.tpp)->required();
  seed->add_option("--kind", o.kind, "uveu (default) or nveu");
  seed->add_option("--note", o.note);
  CLI::App* exp = common(app.add_subcommand("export", "every transfer (JSONL or CSV)"));
  exp->add_option("--format", o.format, "jsonl (default) or csv")
      ->check(CLI::IsMember({"jsonl", "csv"}));
  CLI::App* verify =
      common(app.add_subcommand("verify", "recompute balances, check the hash chain"));
  CLI::App* post =
      common(app.add_subcommand("post", "a licence was granted: post its reservation"));
  post->add_option("id", o.id)->required();
  post->add_option("--licence", o.licence, "the licence number");
  post->add_option("--granted", o.granted,
                   "the day it was granted, YYYY-MM-DD: its validity counts from it "
                   "(default: today)");
  post->add_option("--note", o.note);
  CLI::App* void_cmd =
      common(app.add_subcommand("void", "denied or withdrawn: void a reservation"));
  void_cmd->add_option("id", o.id)->required();
  void_cmd->add_option("--note", o.note, "why (default: denied)");
  CLI::App* reverse = common(
      app.add_subcommand("reverse", "give back a posted draw (order cancelled, goods returned)"));
  reverse->add_option("id", o.id)->required();
  reverse->add_option("--reason", o.reason, "why it is given back")->required();
  CLI::App* backup =
      common(app.add_subcommand("backup", "write a verified single-file copy (SQLite ledgers)"));
  backup->add_option("dest", o.dest, "the new file")->required();
  CLI::App* expire = common(app.add_subcommand("expire", "void reservations older than --days"));
  expire
      ->add_option("--days", o.days, "default: the law's pending_reservation_expiry_days on --now")
      ->check(CLI::Range(0, 36'600));
  expire->add_option("--law", o.law_dir, "folder of law/*.toml (default: the built-in law)");
  expire->add_option("--now", o.now, "evaluate as of this date (default: now)");
  CLI::App* licences =
      common(app.add_subcommand("licences", "licences past their one-year validity"));
  licences->add_option("--days", o.days, "default: the law's license_validity_days on --now")
      ->check(CLI::Range(0, 36'600));
  licences->add_option("--law", o.law_dir, "folder of law/*.toml (default: the built-in law)");
  licences->add_option("--now", o.now, "as of this date (default: now)");
  if (DescribeRequested()) return Describe(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? kExitOk : kExitFailed;
  }
  if (o.kind.empty()) o.kind = seed->parsed() ? "uveu" : "";
  bool writes = seed->parsed() || post->parsed() || void_cmd->parsed() || reverse->parsed() ||
                expire->parsed();
  std::unique_ptr<ledger::LedgerStore> store = OpenStore(o.ledger, !writes);
  if (!store) return kExitFailed;
  if (show->parsed()) return Show(*store, o);
  if (list->parsed()) return List(*store, o);
  if (history->parsed()) return History(*store, o);
  if (seed->parsed()) return Seed(*store, o);
  if (exp->parsed()) return Export(*store, o);
  if (verify->parsed())
    return Verify(*store) == kExitOk ? VerifyDecisionLog(o.ledger) : kExitFailed;
  if (licences->parsed()) return Licences(*store, o);
  if (expire->parsed()) return Expire(*store, o);
  if (backup->parsed()) return Backup(*store, o);
  if (reverse->parsed()) return Reverse(*store, o);
  if (post->parsed()) return Post(*store, o);
  return PrintSettled(store->Void(o.id, o.note.empty() ? "denied" : o.note), "voided", o.id);
}

}  // namespace highfence::cli
