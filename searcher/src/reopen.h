// Readers never block on a writer: Xapian readers see a snapshot, and when a
// writer has committed enough times since that snapshot was opened, a read
// throws DatabaseModifiedError. Every read in the Searcher goes through
// with_reopen, which reopens the database at the latest revision and runs the
// whole read again. A reader starved by a writer committing faster than the
// reader can finish (a loaded machine, tiny batches) backs off a little more
// each time (up to 50 ms), so it catches a window between commits; after
// kReopenBudget of failed tries it gives up with the error.
#ifndef BYLINE_REOPEN_H
#define BYLINE_REOPEN_H

#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <thread>

namespace byline {

inline constexpr std::chrono::milliseconds kReopenBudget{5000};

// Runs body(); on DatabaseModifiedError reopens db and runs it again. body
// must redo every step that read from db (it may see a newer revision).
template <typename F>
auto with_reopen(Xapian::Database& db, F&& body, std::chrono::milliseconds budget = kReopenBudget)
    -> decltype(body()) {
  const auto deadline = std::chrono::steady_clock::now() + budget;
  for (int attempt = 1;; ++attempt) {
    try {
      return body();
    } catch (const Xapian::DatabaseModifiedError&) {
      if (std::chrono::steady_clock::now() >= deadline) throw;
      // 0, 1, 2, ... 50 ms: no wait at the first retry.
      if (attempt > 1) std::this_thread::sleep_for(std::chrono::milliseconds(std::min(attempt - 1, 50)));
      try {
        db.reopen();
      } catch (const Xapian::DatabaseModifiedError&) {
        // Reopening reads too, and can race the next commit: try again.
      }
    }
  }
}

// Opens a local database. Opening reads several tables and can race a commit
// the same way a read does, so it is retried on the same budget.
inline Xapian::Database open_database(const std::string& path, std::chrono::milliseconds budget = kReopenBudget) {
  const auto deadline = std::chrono::steady_clock::now() + budget;
  for (int attempt = 1;; ++attempt) {
    try {
      return Xapian::Database(path);
    } catch (const Xapian::DatabaseModifiedError&) {
      if (std::chrono::steady_clock::now() >= deadline) throw;
      if (attempt > 1) std::this_thread::sleep_for(std::chrono::milliseconds(std::min(attempt - 1, 50)));
    }
  }
}

}  // namespace byline

#endif  // BYLINE_REOPEN_H
