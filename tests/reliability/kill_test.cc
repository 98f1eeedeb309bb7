// SIGKILL at random moments, 10 times each, during `byline compact`,
// `byline index --jobs 2` and `byline index --reshard` (issue 13, point 2).
// After each kill `byline search` answers, never an error: for compact and
// reshard exactly as before the command (which does not change what is
// indexed: same total, same ids); for index, as before, as after, or with
// whole pages in between (an index run commits in batches: a kill keeps the
// batches committed, each shard its own); and the next run of the command
// completes, leaving no temporary folder behind.
// Default: 40 pages (about 450 documents); BYLINE_KILL_PAGES for more.
#include <random>

#include "kill_support.h"

using namespace byline::test;
using namespace byline::test::reliability;

namespace {

constexpr unsigned kSeed = 20261203;  // the same moments every run

int page_count() { return env_int("BYLINE_KILL_PAGES", 40); }

// Runs `byline ARGS`, SIGKILLs it after `delay` seconds; true when it was
// still running then.
bool run_and_kill(const std::vector<std::string>& args, const fs::path& logs, double delay) {
  Child child = spawn_byline(args, logs, "killed");
  std::this_thread::sleep_for(std::chrono::duration<double>(delay));
  int status = 0;
  const bool running = waitpid(child.pid, &status, WNOHANG) == 0;
  kill(child.pid, SIGKILL);
  waitpid(child.pid, &status, 0);
  return running;
}

std::vector<std::string> with_db(const std::string& db, std::vector<std::string> args) {
  args.insert(args.begin(), {"--db", db});
  return args;
}

// An index of `in` with `jobs` jobs at `db`; the answer of searching it.
Answer make_index(const std::string& db, const fs::path& in, const char* jobs, const fs::path& logs) {
  Finished made = run_timed(with_db(db, {"index", "-q", "--jobs", jobs, in.string()}), logs, 120, "make");
  INFO(made.err);
  REQUIRE(made.exit_code == 0);
  Answer answer = search_everything(db, logs);
  REQUIRE(answer.exit_code == 0);
  REQUIRE(answer.total > 0);
  return answer;
}

// Kills `command` (run on a fresh copy of `from` each time) ten times at
// random moments of its uninterrupted duration; after each, search must
// answer `expected`, and the next run must complete with the same answer.
void kill_ten_times(const std::vector<fs::path>& templates, const std::vector<std::vector<std::string>>& commands,
                    const std::vector<Answer>& expected, const fs::path& dir, const char* what) {
  const std::string db = (dir / "db").string();
  std::vector<double> seconds;
  for (std::size_t i = 0; i < templates.size(); ++i) {
    copy_index(templates[i], db);
    Finished full = run_timed(with_db(db, commands[i]), dir, 120, "full");
    INFO(full.err);
    REQUIRE(full.exit_code == 0);
    REQUIRE(search_everything(db, dir) == expected[i]);
    REQUIRE(indexed_everything(db) == expected[i]);
    seconds.push_back(full.seconds);
  }
  std::mt19937 random(kSeed);
  std::uniform_real_distribution<double> moment(0.0, 1.0);
  int landed = 0;
  for (int k = 0; k < 10; ++k) {
    const std::size_t i = static_cast<std::size_t>(k) % templates.size();
    copy_index(templates[i], db);
    const double delay = moment(random) * seconds[i];
    landed += run_and_kill(with_db(db, commands[i]), dir, delay) ? 1 : 0;
    INFO(what << ": kill " << k << " after " << delay << " s (uninterrupted: " << seconds[i] << " s)");
    const Answer after_kill = search_everything(db, dir);
    INFO("search: exit " << after_kill.exit_code << ", " << after_kill.err);
    CHECK(after_kill == expected[i]);
    Finished next = run_timed(with_db(db, commands[i]), dir, 120, "next");
    INFO("next run: " << next.err);
    CHECK(next.exit_code == 0);
    CHECK(indexed_everything(db) == expected[i]);
    CHECK(temporary_names(db).empty());
    CHECK(temporary_names(dir).empty());
  }
  WARN(what << ": " << landed << "/10 kills landed while it ran (uninterrupted: " << seconds.front() << " s)");
  CHECK(landed >= 3);
}

}  // namespace

TEST_CASE("SIGKILL during compact, 10 times: search answers as before, the next compact completes",
          "[reliability][kill][compact]") {
  TempDir dir;
  synthesise_pages(dir / "in", page_count());
  fs::create_directories(dir / "t");
  const fs::path single = dir / "t" / "single", sharded = dir / "t" / "sharded";
  const Answer answer = make_index(single.string(), dir / "in", "1", dir.path());
  REQUIRE(make_index(sharded.string(), dir / "in", "2", dir.path()) == answer);
  // A single database (exchanged with the compacted copy) and a sharded
  // index (merged into a new shard named by a new stub).
  kill_ten_times({single, sharded}, {{"compact"}, {"compact"}}, {answer, answer}, dir.path(), "compact");
}

TEST_CASE("SIGKILL during index --reshard, 10 times: search answers as before, the next reshard completes",
          "[reliability][kill][reshard]") {
  TempDir dir;
  synthesise_pages(dir / "in", page_count());
  fs::create_directories(dir / "t");
  const fs::path single = dir / "t" / "single", sharded = dir / "t" / "sharded";
  const Answer answer = make_index(single.string(), dir / "in", "1", dir.path());
  REQUIRE(make_index(sharded.string(), dir / "in", "2", dir.path()) == answer);
  kill_ten_times({single, sharded},
                 {{"index", "-q", "--reshard", "--shards", "2"}, {"index", "-q", "--reshard", "--shards", "3"}},
                 {answer, answer}, dir.path(), "reshard");
}

TEST_CASE("SIGKILL during index --jobs 2, 10 times: search answers with whole pages, the next run completes",
          "[reliability][kill][index]") {
  TempDir dir;
  const fs::path in = dir / "in";
  synthesise_pages(in / "first", page_count() / 2);
  synthesise_pages(in / "second", page_count() - page_count() / 2);
  fs::create_directories(dir / "t");
  const fs::path half = dir / "t" / "half";
  const Answer before = make_index(half.string(), in / "first", "2", dir.path());
  const std::string db = (dir / "db").string();
  const std::vector<std::string> command = with_db(db, {"index", "-q", "--jobs", "2", "--batch", "10", in.string()});
  Finished full = run_timed(command, dir.path(), 120, "full");
  REQUIRE(full.exit_code == 0);
  const Answer after = search_everything(db, dir.path());
  REQUIRE(after.exit_code == 0);
  REQUIRE(indexed_everything(db) == after);

  std::mt19937 random(kSeed);
  std::uniform_real_distribution<double> moment(0.0, 1.0);
  int landed = 0, no_index_yet = 0;
  for (int k = 0; k < 10; ++k) {
    // One round in three creates the index (a kill then often lands before
    // its stub is written); the others add the second half to the first.
    const bool create = k % 3 == 0;
    fs::remove_all(db);
    if (!create) copy_index(half, db);
    const double delay = moment(random) * (create ? std::min(full.seconds, 0.3) : full.seconds);
    landed += run_and_kill(command, dir.path(), delay) ? 1 : 0;
    INFO("index --jobs 2: kill " << k << (create ? " (creating)" : "") << " after " << delay << " s");
    const Answer seen = search_everything(db, dir.path());
    INFO("search: exit " << seen.exit_code << ", " << seen.err);
    if (create && seen.exit_code == 3 && seen.err.find("no index there") != std::string::npos) {
      ++no_index_yet;  // as before the command
    } else {
      REQUIRE(seen.exit_code == 0);
      CHECK(seen.total == seen.ids.size());
      CHECK(std::includes(after.ids.begin(), after.ids.end(), seen.ids.begin(), seen.ids.end()));
      if (!create) CHECK(std::includes(seen.ids.begin(), seen.ids.end(), before.ids.begin(), before.ids.end()));
      if (fs::exists(fs::path(db) / "XAPIANDB") || fs::exists(fs::path(db) / "iamglass")) check_whole(db);
    }
    Finished next = run_timed(command, dir.path(), 120, "next");
    INFO("next run: " << next.err);
    CHECK(next.exit_code == 0);
    CHECK(indexed_everything(db) == after);
    CHECK(temporary_names(db).empty());
  }
  WARN("index --jobs 2: " << landed << "/10 kills landed while it ran (uninterrupted: " << full.seconds << " s), "
                          << no_index_yet << " left no index yet");
  CHECK(landed >= 3);
}
