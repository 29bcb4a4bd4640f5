// A progress line on stderr for `check` runs longer than about a second on a
// terminal: lines, rate and, for a regular file, percent and ETA, redrawn a
// few times a second. Never on a pipe or a file, never under CI, and at no
// measurable cost: the clock is read once every 256 lines. Internal to src/cli.
#ifndef HIGHFENCE_CLI_PROGRESS_H_
#define HIGHFENCE_CLI_PROGRESS_H_

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>

namespace highfence::cli {

// The progress text for `lines` read in `seconds`, `bytes` of `size` (size 0:
// unknown, no percent or ETA), fitted to `width` columns.
std::string ProgressLine(int64_t lines, double seconds, int64_t bytes, int64_t size, size_t width);

class Progress {
 public:
  // `input` is the file being read (its size and position give the ETA).
  // Shows nothing unless `enabled` (see Wanted).
  Progress(std::FILE* input, bool enabled);
  ~Progress() { Clear(); }

  // Whether a run should show progress: stderr is a terminal and CI is unset.
  static bool Wanted();

  // After each line; cheap unless a redraw is due.
  void Tick(int64_t lines) {
    if (!enabled_ || (lines & 255) != 0) return;
    Redraw(lines);
  }
  // Erases the line, before other output reaches the terminal and at the end.
  void Clear();

 private:
  void Redraw(int64_t lines);

  std::FILE* input_;
  bool enabled_;
  bool shown_ = false;
  int64_t size_ = 0;
  std::chrono::steady_clock::time_point start_, last_;
};

// Columns of the terminal on `fd`; else $COLUMNS; else `fallback`.
size_t TerminalWidth(int fd, size_t fallback);

}  // namespace highfence::cli

#endif  // HIGHFENCE_CLI_PROGRESS_H_
