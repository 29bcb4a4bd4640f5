#include "cli/progress.h"

#include <fmt/format.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>

namespace highfence::cli {
namespace {

using Clock = std::chrono::steady_clock;
constexpr auto kQuiet = std::chrono::milliseconds(1000);  // runs shorter than this show nothing
constexpr auto kRedraw = std::chrono::milliseconds(200);  // a few redraws a second

// 1234567 -> "1,234,567".
std::string Grouped(int64_t n) {
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

}  // namespace

size_t TerminalWidth(int fd, size_t fallback) {
  struct winsize ws {};
  if (isatty(fd) && ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
  if (const char* columns = std::getenv("COLUMNS")) {
    long n = std::strtol(columns, nullptr, 10);
    if (n >= 20 && n <= 10000) return static_cast<size_t>(n);
  }
  return fallback;
}

std::string ProgressLine(int64_t lines, double seconds, int64_t bytes, int64_t size, size_t width) {
  const double rate = seconds > 0 ? static_cast<double>(lines) / seconds : 0;
  std::string tail =
      fmt::format("{} lines  {} lines/s", Grouped(lines), Grouped(static_cast<int64_t>(rate)));
  if (size <= 0 || bytes <= 0) return tail.substr(0, width);
  const double done = std::min(1.0, static_cast<double>(bytes) / static_cast<double>(size));
  const int64_t eta = done > 0 ? static_cast<int64_t>(seconds * (1 - done) / done + 0.5) : 0;
  tail += fmt::format("  {:>3}%  ETA {}:{:02}", static_cast<int>(done * 100), eta / 60, eta % 60);
  if (width < tail.size() + 12) return tail.substr(0, width);
  const size_t bar = std::min<size_t>(30, width - tail.size() - 3);
  const size_t filled = static_cast<size_t>(done * static_cast<double>(bar));
  return "[" + std::string(filled, '#') + std::string(bar - filled, '.') + "] " + tail;
}

Progress::Progress(std::FILE* input, bool enabled) : input_(input), enabled_(enabled) {
  start_ = last_ = Clock::now();
  struct stat st {};
  if (enabled_ && fstat(fileno(input_), &st) == 0 && S_ISREG(st.st_mode)) size_ = st.st_size;
}

bool Progress::Wanted() {
  const char* ci = std::getenv("CI");
  return isatty(STDERR_FILENO) && (ci == nullptr || *ci == '\0');
}

void Progress::Redraw(int64_t lines) {
  const Clock::time_point now = Clock::now();
  if (now - start_ < kQuiet || now - last_ < kRedraw) return;
  last_ = now;
  const double seconds = std::chrono::duration<double>(now - start_).count();
  const int64_t bytes = size_ > 0 ? static_cast<int64_t>(ftello(input_)) : 0;
  const size_t width = TerminalWidth(STDERR_FILENO, 80);
  std::string text = "\r\033[K" + ProgressLine(lines, seconds, bytes, size_, width - 1);
  std::fwrite(text.data(), 1, text.size(), stderr);
  std::fflush(stderr);
  shown_ = true;
}

void Progress::Clear() {
  if (!shown_) return;
  std::fputs("\r\033[K", stderr);
  std::fflush(stderr);
  shown_ = false;
}

}  // namespace highfence::cli
