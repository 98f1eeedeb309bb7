// Readers never block on a writer: Xapian readers see a snapshot, and when a
// writer has committed enough times since that snapshot was opened, a read
// throws DatabaseModifiedError. Every read in the Searcher goes through
// with_reopen, which reopens the database at the latest revision and runs the
// whole read again. A reader starved by a writer committing faster than the
// reader can finish (a loaded machine, tiny batches) backs off a little more
// each time, so it catches a window between commits; after kReopenAttempts it
// gives up with the error.
#ifndef BYLINE_REOPEN_H
#define BYLINE_REOPEN_H

#include <xapian.h>

#include <chrono>
#include <thread>

namespace byline {

inline constexpr int kReopenAttempts = 30;

// Runs body(); on DatabaseModifiedError reopens db and runs it again. body
// must redo every step that read from db (it may see a newer revision).
template <typename F>
auto with_reopen(Xapian::Database& db, F&& body) -> decltype(body()) {
  for (int attempt = 1;; ++attempt) {
    try {
      return body();
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt >= kReopenAttempts) throw;
      // 0, 1, 2, ... ms: at most ~0.4 s in all, and no wait at the first retry.
      if (attempt > 1) std::this_thread::sleep_for(std::chrono::milliseconds(attempt - 1));
      db.reopen();
    }
  }
}

}  // namespace byline

#endif  // BYLINE_REOPEN_H
