// Readers never fail because a writer commits. A Xapian reader sees a
// snapshot (a revision); glass reuses the blocks of a revision once two newer
// ones are committed, so a reader still reading an old snapshot can read a
// block the writer is overwriting. Xapian 1.4 usually notices and throws
// DatabaseModifiedError, but not always (RELIABILITY.md, "Readers during
// writes"; tests/searcher/reader_race_test.cc):
// - it checks a block's level before its revision, so a reused block can be
//   reported as DatabaseCorruptError ("Expected block N to be level 1, not 0"),
//   in a read, an open or a reopen;
// - an 8 KiB read racing an 8 KiB write can come back torn (two 4 KiB pages
//   from different writes), and a read then simply misses: a metadata key or
//   a term that is there reads as absent, with no exception at all;
// - a reopen() that throws half-way leaves the Database half reopened (its
//   revision file read at the new revision, a table still at the old one);
//   reading it again returns junk, and a second reopen() may see "no change".
// So every read goes through retry_reads: on DatabaseModifiedError it reopens
// and runs the whole read again (backing off a little more each time, up to
// 50 ms, within kReopenBudget); on DatabaseCorruptError it does the same only
// when the reopen moved the revision (real damage stays where it is and is
// reported at once), at most kRaceRetries times; and it never runs the body
// on a database whose reopen threw: the reopen is retried until it succeeds
// (the caller's reopen function decides how to recover, e.g. by opening
// afresh). A read that "cannot" miss (the settings, the id term of a hit)
// checks for itself whether a miss is stale: see read_index_settings and
// Searcher::document.
#ifndef BYLINE_REOPEN_H
#define BYLINE_REOPEN_H

#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <exception>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>

namespace byline {

inline constexpr std::chrono::milliseconds kReopenBudget{5000};

// How many times a read that raced a commit in a way Xapian reports as
// corruption (or as a miss) is tried again before the answer is taken as
// lasting. Measured: at most 2 in a row in 200 stress runs (reader_race_test).
inline constexpr int kRaceRetries = 8;

namespace reopen_detail {

using Clock = std::chrono::steady_clock;

// No pause before the first retry, then 1, 2, ... 50 ms.
inline void back_off(int attempt) {
  if (attempt > 1) std::this_thread::sleep_for(std::chrono::milliseconds(std::min(attempt - 1, 50)));
}

// Runs reopen() until it returns without throwing; returns what it returned
// (true: the revision moved). A reopen that throws races a commit the way a
// read does; anything else than the two errors above is not a race and is
// rethrown.
template <typename Reopen>
bool reopen_until_done(Reopen& reopen, Clock::time_point deadline) {
  int races = 0;
  for (int attempt = 1;; ++attempt) {
    try {
      return reopen();
    } catch (const Xapian::DatabaseModifiedError&) {
      if (Clock::now() >= deadline) throw;
    } catch (const Xapian::DatabaseCorruptError&) {
      if (++races > kRaceRetries || Clock::now() >= deadline) throw;
    }
    back_off(attempt);
  }
}

}  // namespace reopen_detail

// Runs body(); when it raced a commit (above), calls reopen() (which brings
// the reader to the latest revision and returns true when the revision
// moved) and runs body() again. body must redo every step that read.
template <typename Body, typename Reopen>
auto retry_reads(Body&& body, Reopen&& reopen, std::chrono::milliseconds budget = kReopenBudget) -> decltype(body()) {
  using reopen_detail::Clock;
  const auto deadline = Clock::now() + budget;
  int races = 0;
  for (int attempt = 1;; ++attempt) {
    std::exception_ptr damage;  // set when the failure may be real damage
    try {
      return body();
    } catch (const Xapian::DatabaseModifiedError&) {
      if (Clock::now() >= deadline) throw;
    } catch (const Xapian::DatabaseCorruptError&) {
      if (++races > kRaceRetries || Clock::now() >= deadline) throw;
      damage = std::current_exception();
    }
    reopen_detail::back_off(attempt);
    const bool moved = reopen_detail::reopen_until_done(reopen, deadline);
    if (damage && !moved) std::rethrow_exception(damage);
  }
}

// retry_reads on one database (for a reader that cannot open afresh; the
// Searcher does). A reopen that threw leaves db half reopened; the commit
// that made it throw is already on disk, so the next successful reopen sees
// a newer revision and reopens every table; it counts as moved.
template <typename F>
auto with_reopen(Xapian::Database& db, F&& body, std::chrono::milliseconds budget = kReopenBudget) -> decltype(body()) {
  bool threw = false;
  auto reopen = [&] {
    try {
      const bool moved = db.reopen();
      const bool result = moved || threw;
      threw = false;
      return result;
    } catch (...) {
      threw = true;
      throw;
    }
  };
  return retry_reads(std::forward<F>(body), reopen, budget);
}

// A glass database's revision file as it is on disk now ("" when there is
// none): glass writes a new one, holding the revision, at each commit.
inline std::string revision_file_bytes(const std::string& path) {
  std::ifstream in(path + "/iamglass", std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Opens a local database. Opening reads several tables and can race a commit
// the same way a read does; a DatabaseCorruptError is retried (at most
// kRaceRetries times) only when the revision file changed meanwhile.
inline Xapian::Database open_database(const std::string& path, std::chrono::milliseconds budget = kReopenBudget) {
  using reopen_detail::Clock;
  const auto deadline = Clock::now() + budget;
  int races = 0;
  for (int attempt = 1;; ++attempt) {
    const std::string before = revision_file_bytes(path);
    try {
      return Xapian::Database(path);
    } catch (const Xapian::DatabaseModifiedError&) {
      if (Clock::now() >= deadline) throw;
    } catch (const Xapian::DatabaseCorruptError&) {
      if (++races > kRaceRetries || Clock::now() >= deadline || revision_file_bytes(path) == before) throw;
    }
    reopen_detail::back_off(attempt);
  }
}

}  // namespace byline

#endif  // BYLINE_REOPEN_H
