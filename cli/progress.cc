#include "progress.h"

#include <cstdio>

namespace byline::cli {
namespace {

std::string duration_text(double seconds) {
  auto s = static_cast<long>(seconds + 0.5);
  char buffer[32];
  if (s >= 3600)
    std::snprintf(buffer, sizeof buffer, "%ldh%02ldm", s / 3600, (s / 60) % 60);
  else
    std::snprintf(buffer, sizeof buffer, "%ldm%02lds", s / 60, s % 60);
  return buffer;
}

}  // namespace

ProgressLine::ProgressLine(bool enabled) : enabled_(enabled) {}

std::string ProgressLine::format(const IndexProgress& p) {
  double rate = p.seconds > 0 ? static_cast<double>(p.documents) / p.seconds : 0;
  std::string eta = "--";
  if (p.files_done > 0 && p.files_total > p.files_done && p.seconds > 0.5) {
    double per_file = p.seconds / static_cast<double>(p.files_done);
    eta = duration_text(per_file * static_cast<double>(p.files_total - p.files_done));
  } else if (p.files_total == p.files_done) {
    eta = "0m00s";
  }
  char buffer[160];
  std::snprintf(buffer, sizeof buffer, "indexing: %llu/%llu files, %llu documents, %.0f docs/s, ETA %s",
                static_cast<unsigned long long>(p.files_done), static_cast<unsigned long long>(p.files_total),
                static_cast<unsigned long long>(p.documents), rate, eta.c_str());
  return buffer;
}

void ProgressLine::update(const IndexProgress& progress) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (shown_ && now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  // \r then "erase to end of line", so a shorter line leaves no residue.
  std::fprintf(stderr, "\r%s\x1b[K", format(progress).c_str());
  std::fflush(stderr);
  shown_ = true;
}

void ProgressLine::clear() {
  if (!enabled_ || !shown_) return;
  std::fprintf(stderr, "\r\x1b[K");
  std::fflush(stderr);
  shown_ = false;
}

}  // namespace byline::cli
