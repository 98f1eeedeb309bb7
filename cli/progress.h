// The progress line `byline index` redraws on stderr while it works: files
// done/total, documents per second and the time left. Drawn only when stderr
// is a terminal, at most ten times a second, and erased before anything else
// is written to stderr.
#ifndef BYLINE_CLI_PROGRESS_H
#define BYLINE_CLI_PROGRESS_H

#include <chrono>
#include <cstdint>
#include <string>

#include "byline/indexer.h"

namespace byline::cli {

class ProgressLine {
 public:
  // enabled = false makes every call a no-op (not a terminal, --quiet).
  explicit ProgressLine(bool enabled);

  // Redraws the line if the last draw is at least 100 ms old.
  void update(const IndexProgress& progress);

  // Erases the line (before an error message, and at the end).
  void clear();

  // The text of the line, for tests and for update().
  static std::string format(const IndexProgress& progress);

 private:
  bool enabled_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point last_draw_{};
};

}  // namespace byline::cli

#endif  // BYLINE_CLI_PROGRESS_H
