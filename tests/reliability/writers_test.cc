// Four `byline search` processes in a loop against each writer (issue 13,
// point 1): `index` (one job), `index --jobs 2`, `compact`, `index
// --reshard` and `shards add/remove`. No search fails, and what each one
// counts is what the writer allows: never lower than the last count while
// documents are only added, always the same while compacting or resharding,
// the index with or without the remote shard while it is added and removed.
// Default: 60 pages; BYLINE_WRITERS_PAGES for more.
#include <atomic>
#include <mutex>

#include "../searcher/shard_server.h"
#include "kill_support.h"

using namespace byline::test;
using namespace byline::test::reliability;

namespace {

// Four processes searching `db` in a loop on their own threads, each
// recording what the rule (its last count, this count) says is wrong. The
// threads make no Catch assertion (not thread-safe): see problems().
class SearchLoop {
 public:
  using Rule = std::function<std::string(std::uint64_t last, std::uint64_t now)>;
  SearchLoop(std::string db, Rule rule) : db_(std::move(db)), rule_(std::move(rule)) {
    for (int t = 0; t < 4; ++t) threads_.emplace_back([this] { loop(); });
  }
  ~SearchLoop() { stop(); }
  void stop() {
    stop_ = true;
    for (std::thread& t : threads_)
      if (t.joinable()) t.join();
  }
  long searches() const { return searches_.load(); }
  std::vector<std::string> problems() {
    std::lock_guard lock(mutex_);
    return problems_;
  }

 private:
  void loop() {
    bool first = true;
    std::uint64_t last = 0;
    while (!stop_.load()) {
      RunResult r = run_byline(
          {"--db", db_, "search", "--format", "json", "-n", "1", "--snippet-chars", "0", "--facets", "type", ""});
      ++searches_;
      std::string problem;
      std::uint64_t now = 0;
      if (r.exit_code != 0) {
        problem = "exit " + std::to_string(r.exit_code) + ": " + r.err;
      } else {
        try {
          now = nlohmann::json::parse(r.out)["total"].get<std::uint64_t>();
          problem = rule_(first ? now : last, now);
        } catch (const std::exception& e) {
          problem = std::string("invalid JSON: ") + e.what();
        }
      }
      if (!problem.empty()) {
        std::lock_guard lock(mutex_);
        problems_.push_back(problem);
        continue;
      }
      first = false;
      last = now;
    }
  }
  std::string db_;
  Rule rule_;
  std::atomic<bool> stop_{false};
  std::atomic<long> searches_{0};
  std::mutex mutex_;
  std::vector<std::string> problems_;
  std::vector<std::thread> threads_;
};

std::uint64_t total(const std::string& db, const fs::path& logs) {
  Answer a = search_everything(db, logs);
  INFO(a.err);
  REQUIRE(a.exit_code == 0);
  return a.total;
}

SearchLoop::Rule never_lower() {
  return [](std::uint64_t last, std::uint64_t now) {
    return now < last ? "count went down from " + std::to_string(last) + " to " + std::to_string(now) : "";
  };
}
SearchLoop::Rule always(std::uint64_t expected) {
  return [expected](std::uint64_t, std::uint64_t now) {
    return now != expected ? "count " + std::to_string(now) + ", not " + std::to_string(expected) : "";
  };
}

// Runs each command in turn (again from the first while the searchers have
// done fewer than `min_searches` since the start, at most `max_rounds`
// rounds); every run must succeed. Returns the searches done meanwhile.
long run_writer(SearchLoop& loop, const std::vector<std::vector<std::string>>& commands, const fs::path& logs,
                long min_searches, int max_rounds, const std::string& what) {
  const long start = loop.searches();
  for (int round = 0; round < max_rounds && (round == 0 || loop.searches() - start < min_searches); ++round)
    for (const auto& command : commands) {
      Finished w = run_timed(command, logs, 300, "writer");
      INFO(what << ": " << w.err);
      REQUIRE(w.exit_code == 0);
    }
  loop.stop();
  const long during = loop.searches() - start;
  for (const std::string& problem : loop.problems()) {
    INFO(what << ": " << problem);
    CHECK(problem.empty());
  }
  CHECK(loop.problems().empty());
  WARN(what << ": " << during << " searches by 4 processes while it ran, " << loop.problems().size() << " wrong");
  CHECK(during > 0);
  return during;
}

}  // namespace

TEST_CASE("4 searching processes against each writer: no search fails, no count goes back",
          "[reliability][writers][concurrency]") {
  const int pages = env_int("BYLINE_WRITERS_PAGES", 60);
  TempDir dir;
  const fs::path in = dir / "in";
  synthesise_pages(in / "first", pages / 2);
  synthesise_pages(in / "second", pages - pages / 2);
  const std::string single = (dir / "single").string(), sharded = (dir / "sharded").string();
  REQUIRE(run_timed({"--db", single, "index", "-q", "-j", "1", (in / "first").string()}, dir.path(), 120).exit_code ==
          0);
  REQUIRE(run_timed({"--db", sharded, "index", "-q", "-j", "2", (in / "first").string()}, dir.path(), 120).exit_code ==
          0);
  const auto index_all = [&](const std::string& db, const char* jobs) {
    return std::vector<std::string>{"--db", db, "index", "-q", "-j", jobs, "--batch", "4", in.string()};
  };

  SECTION("index, one job") {
    SearchLoop loop(single, never_lower());
    run_writer(loop, {index_all(single, "1")}, dir.path(), 0, 1, "index -j 1");
  }
  SECTION("index --jobs 2") {
    SearchLoop loop(sharded, never_lower());
    run_writer(loop, {index_all(sharded, "2")}, dir.path(), 0, 1, "index --jobs 2");
  }
  SECTION("compact, of a single database and of a sharded index") {
    const std::uint64_t in_single = total(single, dir.path());
    SearchLoop loop(single, always(in_single));
    run_writer(loop, {{"--db", single, "compact"}}, dir.path(), 20, 10, "compact (single)");
    const std::uint64_t in_sharded = total(sharded, dir.path());
    SearchLoop loop_sharded(sharded, always(in_sharded));
    run_writer(loop_sharded, {{"--db", sharded, "compact", "--keep-shards"}, {"--db", sharded, "compact"}}, dir.path(),
               20, 10, "compact (sharded)");
  }
  SECTION("index --reshard") {
    const std::uint64_t expected = total(single, dir.path());
    SearchLoop loop(single, always(expected));
    run_writer(loop,
               {{"--db", single, "index", "-q", "--reshard", "--shards", "2"},
                {"--db", single, "index", "-q", "--reshard", "--shards", "3"}},
               dir.path(), 20, 10, "index --reshard");
  }
  SECTION("shards add and remove") {
    const std::string program = find_tcpsrv();
    if (program.empty()) {
      WARN("SKIPPED: xapian-tcpsrv is not installed");
      return;
    }
    const std::string remote = (dir / "remote").string();
    synthesise_pages(dir / "remote-in", 10);
    REQUIRE(run_timed({"--db", remote, "index", "-q", "-j", "1", (dir / "remote-in").string()}, dir.path(), 120)
                .exit_code == 0);
    const std::uint64_t local = total(sharded, dir.path()), far = total(remote, dir.path());
    ShardServer server(program, remote);
    SearchLoop loop(sharded, [&](std::uint64_t, std::uint64_t now) {
      return now == local || now == local + far ? "" : "count " + std::to_string(now);
    });
    run_writer(
        loop,
        {{"--db", sharded, "shards", "add", server.address()}, {"--db", sharded, "shards", "remove", server.address()}},
        dir.path(), 20, 20, "shards add/remove");
  }
}
