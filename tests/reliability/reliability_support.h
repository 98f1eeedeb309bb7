// Helpers for the reliability tests (header-only: only *_test.cc files are
// globbed): running the real `byline` binary with a deadline and measuring
// its peak memory, building archives of a few thousand pages, and checking
// that a committed index is whole.
#ifndef BYLINE_TESTS_RELIABILITY_SUPPORT_H
#define BYLINE_TESTS_RELIABILITY_SUPPORT_H

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "file_state.h"
#include "schema.h"
#include "test_support.h"

extern char** environ;

namespace byline::test::reliability {

namespace fs = std::filesystem;

// AddressSanitizer (./test.sh --sanitize) multiplies memory use: the memory
// bounds below hold for normal builds and are only reported under it.
#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kMemoryChecked = false;
#else
inline constexpr bool kMemoryChecked = true;
#endif
using Clock = std::chrono::steady_clock;

inline double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// A `byline` child whose stdout and stderr go to files.
struct Child {
  pid_t pid = -1;
  fs::path out;
  fs::path err;
  Clock::time_point started;
};

inline Child spawn_byline(const std::vector<std::string>& args, const fs::path& log_dir, const std::string& name) {
  Child child;
  child.out = log_dir / (name + ".out");
  child.err = log_dir / (name + ".err");
  std::vector<std::string> storage;
  std::vector<char*> argv = byline_argv(args, storage);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, child.out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, 2, child.err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  child.started = Clock::now();
  REQUIRE(posix_spawn(&child.pid, BYLINE_BINARY, &actions, nullptr, argv.data(), environ) == 0);
  posix_spawn_file_actions_destroy(&actions);
  return child;
}

struct Finished {
  bool timed_out = false;  // killed by us after the deadline
  int exit_code = -1;      // -1 when ended by a signal
  int signal = 0;
  double seconds = 0;
  long max_rss_kb = 0;  // peak resident memory of the child (wait4)
  std::string out;
  std::string err;
};

// Waits for the child; past the deadline it is SIGKILLed and timed_out set.
inline Finished wait_child(const Child& child, double timeout_seconds) {
  Finished f;
  int status = 0;
  rusage usage{};
  for (;;) {
    pid_t r = wait4(child.pid, &status, WNOHANG, &usage);
    if (r == child.pid) break;
    if (seconds_since(child.started) > timeout_seconds) {
      f.timed_out = true;
      kill(child.pid, SIGKILL);
      wait4(child.pid, &status, 0, &usage);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  f.seconds = seconds_since(child.started);
  f.max_rss_kb = usage.ru_maxrss;
  if (WIFEXITED(status)) f.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) f.signal = WTERMSIG(status);
  f.out = read_file(child.out);
  f.err = read_file(child.err);
  return f;
}

inline Finished run_timed(const std::vector<std::string>& args, const fs::path& log_dir, double timeout_seconds,
                          const std::string& name = "run") {
  return wait_child(spawn_byline(args, log_dir, name), timeout_seconds);
}

inline std::size_t line_count(const std::string& text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

// Fills `folder` with `pages` pages made of the corpus/ pages under varied
// titles (fast: no Python). Returns the number of files.
inline int synthesise_pages(const fs::path& folder, int pages) {
  std::vector<std::string> bodies;
  for (const auto& entry : fs::directory_iterator(source_path("corpus")))
    if (entry.path().extension() == ".txt") bodies.push_back(read_file(entry.path()));
  std::sort(bodies.begin(), bodies.end());
  REQUIRE_FALSE(bodies.empty());
  static const char* const kWords[] = {"harbour", "senate", "wheat", "copper", "tariff", "drought", "merger", "yen"};
  for (int i = 0; i < pages; ++i) {
    const std::string& body = bodies[static_cast<std::size_t>(i) % bodies.size()];
    std::string title =
        std::string("Synthetic ").append(kWords[i % 8]).append(" story number ").append(std::to_string(i));
    std::string page = title + body.substr(std::min(body.find('\n'), body.size()));
    char name[32];
    std::snprintf(name, sizeof name, "%02d/p%05d.txt", i / 500, i);
    write_file(folder / name, page);
  }
  return pages;
}

// Fills `folder` with `pages` realistic pages from make-archive when ../shared
// is there, else synthesised ones (the test still runs, with a WARN saying so).
inline int make_pages(const fs::path& folder, int pages, int seed) {
  std::string why;
  if (make_archive(folder, pages, seed,
                   folder.parent_path() / std::string("truth-").append(std::to_string(seed)).append(".jsonl"), why))
    return pages;
  WARN("make-archive unavailable (" << why << "): synthesising pages from corpus/ instead");
  return synthesise_pages(folder, pages);
}

// The glass databases of an index: the folder itself, or the local shards
// its XAPIANDB stub lists ("auto NAME" lines) when it is sharded.
inline std::vector<std::string> local_shards(const std::string& db_path) {
  const fs::path stub = fs::path(db_path) / "XAPIANDB";
  if (!fs::exists(stub)) return {db_path};
  std::vector<std::string> shards;
  std::istringstream lines(read_file(stub));
  for (std::string line; std::getline(lines, line);)
    if (line.rfind("auto ", 0) == 0) shards.push_back((fs::path(db_path) / line.substr(5)).string());
  return shards;
}

// Calls f(path, documents) for each input file with a recorded state.
template <typename F>
void for_each_file_state(const Xapian::Database& shard, F&& f) {
  for (auto it = shard.metadata_keys_begin(schema::kMetaFilePrefix);
       it != shard.metadata_keys_end(schema::kMetaFilePrefix); ++it) {
    std::string value = shard.get_metadata(*it);
    if (value.empty()) continue;
    auto state = decode_file_state(value);
    REQUIRE(state);
    f(*it, *state);
  }
}

// The committed index is whole: every id once, and in each shard every file
// with a recorded state has exactly its recorded number of documents, and no
// document lies outside a recorded file (page files are committed whole).
// Returns the number of files with a recorded state.
inline std::uint64_t check_whole(const std::string& db_path) {
  Xapian::Database all(db_path);
  std::uint64_t ids = 0;
  for (auto it = all.allterms_begin(schema::kPrefixId); it != all.allterms_end(schema::kPrefixId); ++it, ++ids)
    REQUIRE(it.get_termfreq() == 1);
  CHECK(ids == all.get_doccount());
  std::uint64_t files = 0;
  for (const std::string& path : local_shards(db_path)) {
    Xapian::Database shard(path);
    std::uint64_t recorded = 0;
    for_each_file_state(shard, [&](const std::string& key, const FileState& state) {
      const std::string file_key = key.substr(sizeof(schema::kMetaFilePrefix) - 1);
      CHECK(shard.get_termfreq(schema::term(schema::kPrefixFile, file_key)) == state.documents);
      recorded += state.documents;
      ++files;
    });
    INFO("shard " << path);
    CHECK(recorded == shard.get_doccount());
  }
  return files;
}

inline std::uint64_t committed_docs(const std::string& db_path) {
  try {
    return Xapian::Database(db_path).get_doccount();
  } catch (const Xapian::Error&) {
    return 0;
  }
}

}  // namespace byline::test::reliability

#endif  // BYLINE_TESTS_RELIABILITY_SUPPORT_H
