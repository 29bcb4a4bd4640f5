// `highfence check` and `highfence explain`: stream shipments through the engine.
#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <memory>

#include "base/clock.h"
#include "base/limits.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "io/determination_writer.h"
#include "io/line_reader.h"
#include "io/shipment_parser.h"
#include "law/snapshot.h"
#include "ledger/memory_ledger.h"
#include "ledger/overlay_ledger.h"
#include "ledger/store.h"

namespace highfence::cli {
namespace {

enum class Format { kJsonl, kCsv, kTable };

// Writes determinations in the chosen format, flushing in large blocks.
class Sink {
 public:
  Sink(Format format, std::FILE* out, std::FILE* save) : format_(format), out_(out), save_(save) {
    buffer_.reserve(kFlushBytes * 2);
  }
  ~Sink() { Flush(); }

  void Header() {
    if (format_ == Format::kCsv) io::AppendCsvHeader(&buffer_);
    if (format_ == Format::kTable) io::AppendTableHeader(&buffer_);
  }

  void Write(const Determination& d, int64_t line) {
    switch (format_) {
      case Format::kJsonl:
        io::AppendJson(d, line, &buffer_);
        break;
      case Format::kCsv:
        io::AppendCsv(d, &buffer_);
        break;
      case Format::kTable:
        io::AppendTableRow(d, line, &buffer_);
        break;
    }
    if (save_ != nullptr) io::AppendJson(d, line, &save_buffer_);
    counts_.Add(d);
    if (!hold_ && (buffer_.size() >= kFlushBytes || save_buffer_.size() >= kFlushBytes)) Flush();
  }

  // Holds output until Flush: under --ledger a line is written only after the
  // batch that recorded its draws is committed.
  void Hold() { hold_ = true; }
  void Discard() {
    buffer_.clear();
    save_buffer_.clear();
  }

  void Flush() {
    if (!buffer_.empty()) std::fwrite(buffer_.data(), 1, buffer_.size(), out_);
    if (!save_buffer_.empty()) std::fwrite(save_buffer_.data(), 1, save_buffer_.size(), save_);
    buffer_.clear();
    save_buffer_.clear();
  }

  void Summary() {
    std::string text;
    counts_.AppendSummary(&text);
    Flush();
    std::fwrite(text.data(), 1, text.size(), out_);
  }

  bool Failed() { return std::ferror(out_) || (save_ && std::ferror(save_)); }

 private:
  static constexpr size_t kFlushBytes = 1 << 20;
  Format format_;
  std::FILE* out_;
  std::FILE* save_;
  std::string buffer_, save_buffer_;
  io::DecisionCounts counts_;
  bool hold_ = false;
};

struct Input {
  std::FILE* file = nullptr;
  bool owned = false;
  ~Input() {
    if (owned && file) std::fclose(file);
  }
};

bool IsBlank(std::string_view line) {
  for (char c : line) {
    if (c != ' ' && c != '\t' && c != '\r') return false;
  }
  return true;
}

// Reads shipments from JSONL or CSV and calls `each` for every line.
class ShipmentStream {
 public:
  ShipmentStream(std::FILE* in, const catalog::Catalog* catalog, bool csv)
      : reader_(in), parser_(catalog), csv_(csv) {}

  // Next shipment; false at the end. Header problems go to `header_errors`.
  bool Next(Shipment* s, int64_t* line, std::vector<std::string>* header_errors) {
    std::string_view text;
    bool too_long = false;
    while (reader_.Next(&text, &too_long)) {
      if (!too_long && IsBlank(text)) continue;
      *line = reader_.line_number();
      if (too_long) {
        s->Clear();
        s->errors.push_back(
            {"too_long", "",
             fmt::format("line {} is longer than {} bytes", *line, limits::line_bytes_max)});
        return true;
      }
      if (csv_ && !have_header_) {
        if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // a UTF-8 byte-order mark
        io::SplitCsv(text, &cells_, &unquoted_);
        *header_errors = parser_.SetCsvHeader(cells_);
        have_header_ = true;
        if (!header_errors->empty()) return false;
        continue;
      }
      if (csv_) {
        if (!io::SplitCsv(text, &cells_, &unquoted_)) {
          s->Clear();
          s->errors.push_back({"invalid_csv", "", "unterminated quoted cell"});
          return true;
        }
        parser_.ParseCsvRow(cells_, s);
      } else {
        parser_.ParseJson(text, s);
      }
      return true;
    }
    return false;
  }

  bool read_error() const { return reader_.read_error(); }

 private:
  io::LineReader reader_;
  io::ShipmentParser parser_;
  bool csv_;
  bool have_header_ = false;
  std::vector<std::string_view> cells_;
  std::string unquoted_;
};

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Opens the input and decides its format; prints the problem on failure.
bool OpenInput(const CheckOptions& o, Input* in, bool* csv, std::string* flags_json) {
  if (o.flags.any()) {
    if (!o.input.empty()) {
      std::fprintf(stderr, "highfence: give either an input file or shipment flags, not both\n");
      return false;
    }
    *flags_json = ShipmentFlagsToJson(o.flags);
    in->file = fmemopen(flags_json->data(), flags_json->size(), "r");
    in->owned = true;
    *csv = false;
    return in->file != nullptr;
  }
  if (o.input.empty() || o.input == "-") {
    in->file = stdin;
  } else {
    in->file = std::fopen(o.input.c_str(), "rb");
    if (in->file == nullptr) {
      std::fprintf(stderr, "highfence: cannot read `%s`\n", o.input.c_str());
      return false;
    }
    in->owned = true;
  }
  if (!o.input_format.empty()) {
    *csv = o.input_format == "csv";
  } else if (in->file == stdin) {
    int c;
    while ((c = std::fgetc(stdin)) == ' ' || c == '\n' || c == '\r' || c == '\t') {
    }
    if (c != EOF) std::ungetc(c, stdin);
    *csv = c != '{' && c != EOF;
  } else {
    *csv = EndsWith(o.input, ".csv");
  }
  return true;
}

Format ChooseFormat(const std::string& name) {
  if (name == "jsonl") return Format::kJsonl;
  if (name == "csv") return Format::kCsv;
  if (name == "table") return Format::kTable;
  return isatty(STDOUT_FILENO) ? Format::kTable : Format::kJsonl;
}

}  // namespace

namespace {

// Lines per durable transaction: large enough to amortise the fsyncs (a run is
// bound by them), small enough that a batch commits in tens of milliseconds and
// other writers, which queue behind it, wait little.
constexpr int64_t kBatchLines = 10000;

struct Run {
  const Engine* engine;
  RegimeChoice choice;
  Ledger* ledger;
  ledger::LedgerStore* store;  // non-null when writing a durable ledger
  bool malformed = false;
};

// Evaluates every line; with a durable store, commits each batch before its
// lines are written. Returns false (having printed why) when a commit fails.
bool EvaluateAll(Run& run, ShipmentStream& stream, Sink& sink,
                 std::vector<std::string>* header_errors) {
  Shipment shipment;
  Determination d;
  int64_t line = 0, in_batch = 0;
  auto commit = [&]() {
    if (run.store == nullptr || in_batch == 0) return true;
    Status st = run.store->CommitBatch();
    if (!st.ok()) {
      sink.Discard();
      std::fprintf(stderr,
                   "highfence: the ledger could not commit; the last %lld line(s) were "
                   "not recorded and are not printed: %s\n",
                   static_cast<long long>(in_batch), st.ToString().c_str());
      return false;
    }
    sink.Flush();
    in_batch = 0;
    return true;
  };
  while (stream.Next(&shipment, &line, header_errors)) {
    if (run.store != nullptr && in_batch == 0) {
      Status st = run.store->BeginBatch();
      if (!st.ok()) {
        std::fprintf(stderr, "highfence: %s\n", st.ToString().c_str());
        return false;
      }
    }
    run.engine->Evaluate(shipment, run.choice, run.ledger, &d);
    run.malformed = run.malformed || d.decision == Decision::kNeedsReview;
    sink.Write(d, line);
    if (++in_batch >= kBatchLines && !commit()) return false;
  }
  return commit();
}

}  // namespace

// Voids pending allocation reservations older than the law's expiry period
// (pending_reservation_expiry_days) before a durable run draws, so expired
// reservations no longer hold room in an allocation.
bool ExpireReservations(const Engine& engine, ledger::LedgerStore* store) {
  const int64_t now_ns = NowNs();
  const law::Snapshot& law = engine.law().At(DateOfNs(now_ns), RegimeChoice{});
  Result<int64_t> expired =
      store->ExpirePending(now_ns - law.pending_expiry_days.value * kNsPerDay);
  if (!expired.ok()) {
    std::fprintf(stderr, "highfence: %s\n", expired.status().ToString().c_str());
    return false;
  }
  if (*expired > 0) {
    std::fprintf(stderr, "highfence: %lld pending reservation(s) older than %lld days expired\n",
                 static_cast<long long>(*expired),
                 static_cast<long long>(law.pending_expiry_days.value));
  }
  return true;
}

int RunCheck(const CommonOptions& common, const CheckOptions& o) {
  std::optional<RegimeChoice> choice = ParseChoice(common);
  if (!choice) return kExitFailed;
  if (o.dry_run && o.ledger.empty()) {
    std::fprintf(stderr, "highfence: --dry-run needs --ledger\n");
    return kExitFailed;
  }
  std::unique_ptr<Engine> engine = LoadEngine(common);
  if (!engine) return kExitFailed;
  std::unique_ptr<ledger::LedgerStore> store;
  if (!o.ledger.empty()) {
    Result<std::unique_ptr<ledger::LedgerStore>> opened =
        ledger::LedgerStore::Open(o.ledger, o.dry_run);
    if (!opened.ok()) {
      std::fprintf(stderr, "highfence: %s\n", opened.status().ToString().c_str());
      return kExitFailed;
    }
    store = std::move(opened).value();
    if (!o.dry_run && !ExpireReservations(*engine, store.get())) return kExitFailed;
  }
  Input in;
  bool csv = false;
  std::string flags_json;
  if (!OpenInput(o, &in, &csv, &flags_json)) return kExitFailed;
  std::FILE* save = nullptr;
  if (!o.save.empty()) {
    save = std::fopen(o.save.c_str(), "wb");
    if (save == nullptr) {
      std::fprintf(stderr, "highfence: cannot write `%s`\n", o.save.c_str());
      return kExitFailed;
    }
  }
  ledger::MemoryLedger memory;
  std::unique_ptr<ledger::OverlayLedger> overlay;
  Ledger* ledger = &memory;
  if (store && o.dry_run) {
    overlay = std::make_unique<ledger::OverlayLedger>(store.get());
    ledger = overlay.get();
  } else if (store) {
    ledger = store.get();
  }
  Run run{engine.get(), *choice, ledger, store && !o.dry_run ? store.get() : nullptr};
  ShipmentStream stream(in.file, &engine->catalog(), csv);
  std::vector<std::string> header_errors;
  bool committed = true;
  {
    Sink sink(ChooseFormat(o.format), stdout, save);
    if (run.store != nullptr) sink.Hold();
    sink.Header();
    committed = EvaluateAll(run, stream, sink, &header_errors);
    if (committed && o.summary) sink.Summary();
    sink.Flush();
    if (sink.Failed()) {
      std::fprintf(stderr, "highfence: writing the output failed\n");
      if (save) std::fclose(save);
      return kExitFailed;
    }
  }
  if (save != nullptr && std::fclose(save) != 0) {
    std::fprintf(stderr, "highfence: writing `%s` failed\n", o.save.c_str());
    return kExitFailed;
  }
  for (const std::string& e : header_errors) std::fprintf(stderr, "highfence: %s\n", e.c_str());
  if (!committed || !header_errors.empty() || stream.read_error()) return kExitFailed;
  return run.malformed ? kExitMalformed : kExitOk;
}

int RunExplain(const CommonOptions& common, const std::string& file, const std::string& id) {
  std::optional<RegimeChoice> choice = ParseChoice(common);
  if (!choice) return kExitFailed;
  std::unique_ptr<Engine> engine = LoadEngine(common);
  if (!engine) return kExitFailed;
  CheckOptions o;
  o.input = file;
  Input in;
  bool csv = false;
  std::string unused;
  if (!OpenInput(o, &in, &csv, &unused)) return kExitFailed;
  // The ledger sees every line before the one explained, as in `check`.
  ledger::MemoryLedger ledger;
  ShipmentStream stream(in.file, &engine->catalog(), csv);
  Shipment shipment;
  Determination d;
  int64_t line = 0;
  std::vector<std::string> header_errors;
  while (stream.Next(&shipment, &line, &header_errors)) {
    engine->Evaluate(shipment, *choice, &ledger, &d);
    if (d.id != id) continue;
    std::string out = fmt::format("Shipment {} (line {} of {})\n", d.id, line, file);
    out += fmt::format("  regime {}, mode {}\n", d.regime, WireName(d.mode));
    out += fmt::format("  decision: {}", WireName(d.decision));
    if (d.authorization != Authorization::kNone)
      out += fmt::format(" under {}", WireName(d.authorization));
    if (d.license_policy != LicensePolicy::kNone)
      out += fmt::format(", {}", WireName(d.license_policy));
    out += fmt::format("\n  ECCN {}, TPP per unit {}, TPP total {}, tier {}\n\nDerivation:\n",
                       d.eccn == Eccn::kNone ? "none" : WireName(d.eccn),
                       d.tpp ? d.tpp->ToString() : "-", d.tpp_total ? d.tpp_total->ToString() : "-",
                       d.tier ? std::to_string(d.tier) : "-");
    for (size_t i = 0; i < d.reasons.size(); ++i) {
      const Reason& r = d.reasons[i];
      out += fmt::format("{:>3}. [{}] {}\n     ({})\n", i + 1, r.rule, d.ReasonText(r), r.citation);
    }
    if (!d.notices.empty()) {
      out += "\nNotices owed:\n";
      for (std::string_view n : d.notices) out += fmt::format("  - {}\n", n);
    }
    if (!d.debits.empty()) {
      out += "\nLedger draws:\n";
      for (const Debit& debit : d.debits) {
        out += fmt::format("  - {} {} ({})\n", debit.account, debit.tpp.ToString(),
                           WireName(debit.state));
      }
    }
    if (!d.errors.empty()) {
      out += "\nErrors:\n";
      for (const DeterminationError& e : d.errors) {
        out += fmt::format("  - [{}] {}: {}\n", e.code, e.field, e.message);
      }
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
    return kExitOk;
  }
  std::fprintf(stderr, "highfence: no shipment with id `%s` in `%s`\n", id.c_str(), file.c_str());
  return kExitFailed;
}

}  // namespace highfence::cli
