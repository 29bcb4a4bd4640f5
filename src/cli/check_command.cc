// `highfence check`: stream shipments through the engine, one sequence on one
// ledger (contract.md sections 1 and 6), and exit with the contract's codes.
#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <memory>

#include "base/clock.h"
#include "cli/check_log.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/input.h"
#include "cli/progress.h"
#include "cli/screen_commands.h"
#include "io/determination_writer.h"
#include "io/table_writer.h"
#include "law/snapshot.h"
#include "ledger/memory_ledger.h"
#include "ledger/store.h"

namespace highfence::cli {
namespace {

enum class Format { kJsonl, kCsv, kTable };

// Writes determinations in the chosen format, flushing in large blocks.
class Sink {
 public:
  Sink(Format format, std::FILE* out, std::FILE* save, Progress* progress)
      : format_(format),
        out_(out),
        save_(save),
        progress_(progress),
        out_is_terminal_(isatty(fileno(out)) != 0),
        table_(TerminalWidth(fileno(out), kPipedTableWidth)) {
    buffer_.reserve(kFlushBytes * 2);
  }
  ~Sink() { Flush(); }

  void Header(std::string_view title) {
    if (format_ == Format::kCsv) io::AppendCsvHeader(&buffer_);
    if (format_ == Format::kTable) table_.Header(title, &buffer_);
  }

  void Write(const Determination& d, const Shipment& s, int64_t line) {
    switch (format_) {
      case Format::kJsonl:
        io::AppendJson(d, line, &buffer_);
        break;
      case Format::kCsv:
        io::AppendCsv(d, s, &buffer_);
        break;
      case Format::kTable:
        table_.Row(d, s, line, &buffer_);
        break;
    }
    if (save_ != nullptr) io::AppendJson(d, line, &save_buffer_);
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
    if (!buffer_.empty()) {
      if (out_is_terminal_) progress_->Clear();
      std::fwrite(buffer_.data(), 1, buffer_.size(), out_);
    }
    if (!save_buffer_.empty()) std::fwrite(save_buffer_.data(), 1, save_buffer_.size(), save_);
    buffer_.clear();
    save_buffer_.clear();
  }

  bool Failed() { return std::ferror(out_) || (save_ && std::ferror(save_)); }

 private:
  static constexpr size_t kFlushBytes = 1 << 20;
  // A table written to a pipe or file has no terminal to fit: wide enough for
  // every column at its preferred width and a long reason.
  static constexpr size_t kPipedTableWidth = 200;
  Format format_;
  std::FILE* out_;
  std::FILE* save_;
  Progress* progress_;
  bool out_is_terminal_;
  io::TableWriter table_;
  std::string buffer_, save_buffer_;
  bool hold_ = false;
};

Format ChooseFormat(const std::string& name) {
  if (name == "jsonl") return Format::kJsonl;
  if (name == "csv") return Format::kCsv;
  if (name == "table") return Format::kTable;
  return isatty(STDOUT_FILENO) ? Format::kTable : Format::kJsonl;
}

// The mode and law in use, for the table's header and the summary.
std::string LawTitle(const RegimeChoice& choice) {
  if (choice.forced) {
    return fmt::format("mode {}, what-if: every line under {}", WireName(choice.mode),
                       WireName(*choice.forced));
  }
  return fmt::format("mode {}, regime by each shipment's date", WireName(choice.mode));
}

// Lines per durable transaction: large enough to amortise the fsyncs (a run is
// bound by them), small enough that a batch commits in tens of milliseconds and
// other writers, which queue behind it, wait little.
constexpr size_t kBatchLines = 10000;

struct Run {
  Sequence* sequence = nullptr;
  Ledger* ledger = nullptr;
  ledger::LedgerStore* store = nullptr;      // non-null when writing a durable ledger
  size_t chunk_lines = 1;                    // lines read ahead of their evaluation
  screen::PartyScreener* parties = nullptr;  // --lists: screens each line's parties
  std::vector<Decision> fail_on;
  io::RunSummary* summary = nullptr;  // with --summary
  DecisionLogger* log = nullptr;      // with --log
  Progress* progress = nullptr;
  int64_t lines_done = 0;
  Determination d;  // reused line after line: clearing it keeps its buffers
  std::vector<std::string_view> ids;
  bool needs_review = false;
  bool failed_on = false;
};

// Reads up to `max` shipments into `shipments`/`lines`; returns how many.
// With `raws`, also each line as received (for the decision log).
size_t ReadChunk(ShipmentStream& stream, size_t max, std::vector<Shipment>* shipments,
                 std::vector<int64_t>* lines, std::vector<std::string>* raws,
                 std::vector<std::string>* header_errors) {
  size_t n = 0;
  while (n < max && stream.Next(&(*shipments)[n], &(*lines)[n], header_errors,
                                raws != nullptr ? &(*raws)[n] : nullptr)) {
    ++n;
  }
  return n;
}

// Evaluates one chunk of lines inside one batch. False (having said why) when
// the ledger became unreachable or could not commit: the chunk's lines are then
// not printed, and the run stops.
bool EvaluateChunk(Run& run, std::span<const Shipment> shipments, std::span<const int64_t> lines,
                   std::span<const std::string> raws, Sink& sink) {
  auto stop = [&](const Status& why, const char* what) {
    sink.Discard();
    std::fprintf(stderr, "highfence: %s; the run stops: %s\n", what, why.ToString().c_str());
    return false;
  };
  if (run.store != nullptr) {
    Status begun = run.store->BeginBatch();
    if (!begun.ok()) return stop(begun, "the ledger could not start a batch");
  }
  if (shipments.size() > 1) {
    run.ids.clear();
    for (const Shipment& s : shipments) run.ids.push_back(s.id);
    Status prepared = run.ledger->PrepareShipments(run.ids);
    if (!prepared.ok()) return stop(prepared, "the ledger could not be read");
  }
  Determination& d = run.d;
  for (size_t i = 0; i < shipments.size(); ++i) {
    Status st = run.sequence->Evaluate(shipments[i], &d);
    if (!st.ok()) {
      // What came before was determined, and nothing waits for a commit.
      if (run.store == nullptr && run.log == nullptr) sink.Flush();
      return stop(st, "the ledger became unreachable");
    }
    run.needs_review = run.needs_review || d.decision == Decision::kNeedsReview;
    for (Decision f : run.fail_on) run.failed_on = run.failed_on || d.decision == f;
    if (run.summary != nullptr) run.summary->Add(d);
    if (run.log != nullptr) run.log->Add(shipments[i], raws[i], d, lines[i]);
    sink.Write(d, shipments[i], lines[i]);
    run.progress->Tick(++run.lines_done);
  }
  if (run.store != nullptr) {
    Status committed = run.store->CommitBatch();
    if (!committed.ok()) return stop(committed, "the ledger could not commit the last batch");
  }
  if (run.log != nullptr) {
    // After the draws it reports are committed, before its lines are printed.
    Status logged = run.log->Append();
    if (!logged.ok()) return stop(logged, "the decision log could not record the last batch");
  }
  if (run.store != nullptr || run.log != nullptr) sink.Flush();
  return true;
}

// Evaluates every line; with a durable store, commits each batch before its
// lines are written. Returns false (having printed why) when the run stopped.
bool EvaluateAll(Run& run, ShipmentStream& stream, Sink& sink,
                 std::vector<std::string>* header_errors) {
  std::vector<Shipment> shipments(run.chunk_lines);
  std::vector<int64_t> lines(run.chunk_lines);
  std::vector<std::string> raws(run.log != nullptr ? run.chunk_lines : 0);
  while (true) {
    size_t n = ReadChunk(stream, run.chunk_lines, &shipments, &lines,
                         run.log != nullptr ? &raws : nullptr, header_errors);
    if (n == 0) return true;
    if (run.parties != nullptr) {
      for (size_t i = 0; i < n; ++i) run.parties->Screen(&shipments[i]);
    }
    std::span<const Shipment> chunk(shipments.data(), n);
    if (!EvaluateChunk(run, chunk, std::span<const int64_t>(lines.data(), n),
                       std::span<const std::string>(raws.data(), raws.empty() ? 0 : n), sink)) {
      return false;
    }
    if (n < run.chunk_lines) return true;
  }
}

// --fail-on DECISION[,DECISION]: the decisions that make the exit code 3.
std::optional<std::vector<Decision>> ParseFailOn(const std::string& text) {
  std::vector<Decision> out;
  size_t start = 0;
  while (start <= text.size() && !text.empty()) {
    size_t end = text.find(',', start);
    std::string_view name = std::string_view(text).substr(start, end - start);
    bool known = false;
    for (Decision d : {Decision::kNotControlled, Decision::kNoLicenseRequired,
                       Decision::kAuthorized, Decision::kLicenseRequired, Decision::kNeedsReview}) {
      if (WireName(d) == name) {
        out.push_back(d);
        known = true;
      }
    }
    if (!known) {
      std::fprintf(stderr, "highfence: --fail-on: `%.*s` is not a decision\n",
                   static_cast<int>(name.size()), name.data());
      return std::nullopt;
    }
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

}  // namespace

// Voids pending allocation reservations older than the law's expiry period
// (pending_reservation_expiry_days) before a durable run draws, so expired
// reservations no longer hold room in an allocation.
bool ExpireReservations(const Engine& engine, ledger::LedgerStore* store) {
  const int64_t now_ns = NowNs();
  const law::Snapshot& law = engine.law().At(DateOfNs(now_ns), RegimeChoice{});
  const int64_t days = law.pending_reservation_expiry_days.value;
  Result<int64_t> expired = store->ExpirePending(now_ns - days * kNsPerDay);
  if (!expired.ok()) {
    std::fprintf(stderr, "highfence: %s\n", expired.status().ToString().c_str());
    return false;
  }
  if (*expired > 0) {
    std::fprintf(stderr, "highfence: %lld pending reservation(s) older than %lld days expired\n",
                 static_cast<long long>(*expired), static_cast<long long>(days));
  }
  return true;
}

namespace {

// The exit code once every line was evaluated (contract.md section 1).
int ExitCode(const Run& run) {
  if (run.needs_review) return kExitNeedsReview;
  if (run.failed_on) return kExitFailOn;
  return kExitOk;
}

// Writes every determination; false when the run stopped or output failed.
bool WriteAll(Run& run, const CheckOptions& o, const RegimeChoice& choice, ShipmentStream& stream,
              std::FILE* input, std::FILE* save, std::vector<std::string>* header_errors) {
  Progress progress(input, Progress::Wanted());
  run.progress = &progress;
  io::RunSummary summary;
  if (o.summary) run.summary = &summary;
  Sink sink(ChooseFormat(o.format), stdout, save, &progress);
  if (run.store != nullptr || run.log != nullptr) sink.Hold();
  sink.Header(LawTitle(choice));
  bool completed = EvaluateAll(run, stream, sink, header_errors);
  sink.Flush();
  progress.Clear();
  if (completed && o.summary) {
    // On stderr, so `check --summary f.jsonl | jq` reads only determinations.
    std::fflush(stdout);
    std::string text;
    summary.Append(LawTitle(choice), &text);
    std::fwrite(text.data(), 1, text.size(), stderr);
  }
  if (sink.Failed()) {
    std::fprintf(stderr, "highfence: writing the output failed\n");
    return false;
  }
  return completed;
}

}  // namespace

int RunCheck(const CommonOptions& common, CheckOptions o) {
  if (o.flags.any() && !CompleteShipmentFlags(&o.flags)) return kExitFailed;
  std::optional<RegimeChoice> choice = ParseChoice(common);
  if (!choice) return kExitFailed;
  std::optional<std::vector<Decision>> fail_on = ParseFailOn(o.fail_on);
  if (!fail_on) return kExitFailed;
  if ((o.dry_run || o.log) && o.ledger.empty()) {
    std::fprintf(stderr, "highfence: %s needs --ledger\n", o.dry_run ? "--dry-run" : "--log");
    return kExitFailed;
  }
  std::unique_ptr<Engine> engine = LoadEngine(common);
  if (!engine) return kExitFailed;
  std::unique_ptr<screen::PartyScreener> parties;
  if (!o.lists.empty() && !(parties = LoadPartyScreener(o.lists))) return kExitFailed;
  // A what-if (--regime) never writes: it reads the ledger as --dry-run does.
  const bool read_only = o.dry_run || choice->forced.has_value();
  std::unique_ptr<ledger::LedgerStore> store;
  if (!o.ledger.empty()) {
    Result<std::unique_ptr<ledger::LedgerStore>> opened =
        ledger::LedgerStore::Open(o.ledger, read_only);
    if (!opened.ok()) {
      std::fprintf(stderr, "highfence: %s\n", opened.status().ToString().c_str());
      return kExitFailed;
    }
    store = std::move(opened).value();
    if (!read_only && !ExpireReservations(*engine, store.get())) return kExitFailed;
  }
  std::unique_ptr<DecisionLogger> log;
  if (o.log) {
    // The ledger first: on a new SQLite file its tables come first.
    Result<std::unique_ptr<decisions::DecisionStore>> opened =
        decisions::DecisionStore::Open(o.ledger, /*read_only=*/false);
    if (!opened.ok()) {
      std::fprintf(stderr, "highfence: %s\n", opened.status().ToString().c_str());
      return kExitFailed;
    }
    log = std::make_unique<DecisionLogger>(std::move(opened).value(), *engine, read_only);
  }
  Input in;
  std::string flags_json;
  if (!OpenInput(o, &in, &flags_json)) return kExitFailed;
  std::FILE* save = nullptr;
  if (!o.save.empty() && (save = std::fopen(o.save.c_str(), "wb")) == nullptr) {
    std::fprintf(stderr, "highfence: cannot write `%s`\n", o.save.c_str());
    return kExitFailed;
  }
  // Without a store, or reading one: the run's draws stay in memory.
  ledger::MemoryLedger memory(read_only ? store.get() : nullptr);
  Ledger* ledger = store && !read_only ? static_cast<Ledger*>(store.get()) : &memory;
  Sequence sequence(*engine, *choice, ledger);
  Run run;
  run.sequence = &sequence;
  run.ledger = ledger;
  run.store = store && !read_only ? store.get() : nullptr;
  run.chunk_lines = store ? kBatchLines : 1;
  run.log = log.get();
  run.fail_on = std::move(*fail_on);
  run.parties = parties.get();
  ShipmentStream stream(in, &engine->catalog());
  std::vector<std::string> header_errors;
  bool completed = WriteAll(run, o, *choice, stream, in.file, save, &header_errors);
  if (save != nullptr && std::fclose(save) != 0) {
    std::fprintf(stderr, "highfence: writing `%s` failed\n", o.save.c_str());
    return kExitFailed;
  }
  for (const std::string& e : header_errors) std::fprintf(stderr, "highfence: %s\n", e.c_str());
  if (stream.read_error()) {
    std::fprintf(stderr, "highfence: reading %s failed\n", in.name.c_str());
  }
  if (!completed || !header_errors.empty() || stream.read_error()) return kExitFailed;
  ReportNoShipments(stream, in);
  return ExitCode(run);
}

}  // namespace highfence::cli
