// An index that cannot be written (issue 13, point 3): read-only, another
// owner, `ulimit -n`, a low `ulimit -v`. It is still searchable
// when it can be read (a full disk: crash_test.cc "disk full"); `index` says why it cannot write, in one line; nothing
// already indexed is lost.
//
// Another user: the test runs `byline` through setpriv as nobody (uid 65534)
// when it runs as root, the usual case in CI containers. As another user it
// makes the index read-only with chmod instead, and the other-owner case
// WARNs that it did not run. Limits: `ulimit` in /bin/sh before exec.
#include <fcntl.h>

#include <cerrno>
#include <cstring>

#include "reliability_support.h"

namespace byline::test::reliability {
namespace {

constexpr double kDeadline = 120;

// Runs `byline ARGS` as `/bin/sh -c 'PREFIX; exec "$0" "$@"' byline ARGS`, or
// through `setpriv` when `as_nobody`, with stdout and stderr captured.
Finished run_wrapped(const std::string& shell_prefix, bool as_nobody, const std::vector<std::string>& args,
                     const fs::path& log_dir, const std::string& name) {
  std::vector<std::string> argv;
  if (as_nobody) argv = {"/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"};
  argv.insert(argv.end(), {"/bin/sh", "-c", shell_prefix + "; exec \"$0\" \"$@\"", BYLINE_BINARY});
  argv.insert(argv.end(), args.begin(), args.end());
  std::vector<char*> pointers;
  for (std::string& a : argv) pointers.push_back(a.data());
  pointers.push_back(nullptr);
  Child child;
  child.out = log_dir / (name + ".out");
  child.err = log_dir / (name + ".err");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, child.out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, 2, child.err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  child.started = Clock::now();
  REQUIRE(posix_spawn(&child.pid, pointers[0], &actions, nullptr, pointers.data(), environ) == 0);
  posix_spawn_file_actions_destroy(&actions);
  return wait_child(child, kDeadline);
}

bool can_run_as_nobody() { return ::geteuid() == 0 && fs::exists("/usr/bin/setpriv"); }

std::vector<std::string> inputs() {
  return {source_path("corpus").string(), source_path("tests/fixtures/pages").string()};
}

std::vector<std::string> index_args(const fs::path& db, const std::vector<std::string>& paths,
                                    const std::string& jobs = "2") {
  std::vector<std::string> args = {"--db", db.string(), "index", "-q", "--jobs", jobs};
  args.insert(args.end(), paths.begin(), paths.end());
  return args;
}

// The lines of stderr that are not warnings (a fixture page warns).
std::size_t error_lines(const std::string& err) {
  std::size_t n = 0;
  std::istringstream lines(err);
  for (std::string line; std::getline(lines, line);)
    if (line.rfind("byline: warning: ", 0) != 0) ++n;
  return n;
}

// The index's search answer, to compare before and after.
std::string answer(const fs::path& db, const fs::path& logs) {
  Finished f =
      run_timed({"--db", db.string(), "search", "boston", "--format", "json", "-n", "100"}, logs, kDeadline, "answer");
  INFO(f.err);
  REQUIRE(f.exit_code == 0);
  return f.out;
}

void make_world_readable(const fs::path& dir) {
  fs::permissions(dir, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec | fs::perms::others_read |
                           fs::perms::others_exec);
}

}  // namespace

TEST_CASE("an index another user owns or a read-only index: searchable, and index says 'not writable'",
          "[reliability][unwritable]") {
  TempDir dir;
  make_world_readable(dir.path());
  const fs::path db = dir / "db";
  REQUIRE(run_timed(index_args(db, {source_path("corpus").string()}), dir.path(), kDeadline, "build").exit_code == 0);
  const std::string before = answer(db, dir.path());
  const std::uint64_t docs = committed_docs(db.string());
  const bool nobody = can_run_as_nobody();
  if (!nobody) {
    WARN("not root (or no setpriv): the other-owner case does not run; the read-only case uses chmod");
    for (const auto& entry : fs::recursive_directory_iterator(db))
      fs::permissions(entry.path(), fs::perms::owner_write | fs::perms::group_write | fs::perms::others_write,
                      fs::perm_options::remove);
    fs::permissions(db, fs::perms::owner_write | fs::perms::group_write | fs::perms::others_write,
                    fs::perm_options::remove);
  }
  const fs::path logs = dir / "logs";
  fs::create_directories(logs);
  fs::permissions(logs, fs::perms::all);
  for (const auto& [name, args] : std::vector<std::pair<std::string, std::vector<std::string>>>{
           {"search", {"--db", db.string(), "search", "boston", "--format", "json", "-n", "100"}},
           {"stats", {"--db", db.string(), "stats"}},
       }) {
    Finished f = run_wrapped("true", nobody, args, logs, name);
    INFO(name << ": " << f.err);
    CHECK(f.exit_code == 0);
    if (name == "search") CHECK(f.out == before);
  }
  for (const auto& [name, args] : std::vector<std::pair<std::string, std::vector<std::string>>>{
           {"index", index_args(db, inputs())},
           {"compact", {"--db", db.string(), "compact"}},
       }) {
    Finished f = run_wrapped("true", nobody, args, logs, name);
    INFO(name << ": " << f.err);
    CHECK(f.exit_code == 3);
    CHECK(line_count(f.err) == 1);
    CHECK(f.err.rfind("byline: index " + db.string() + ": ", 0) == 0);
    CHECK(f.err.find("not writable (permission denied)") != std::string::npos);
    CHECK(f.err.find("locked") == std::string::npos);
  }
  if (!nobody)
    for (const auto& entry : fs::recursive_directory_iterator(db))
      fs::permissions(entry.path(), fs::perms::owner_all, fs::perm_options::add);
  CHECK(committed_docs(db.string()) == docs);
  CHECK(answer(db, dir.path()) == before);
}

TEST_CASE("a new index under a folder that cannot be written: the folder named, exit 3", "[reliability][unwritable]") {
  TempDir dir;
  make_world_readable(dir.path());
  const fs::path locked_folder = dir / "readonly";
  fs::create_directories(locked_folder);
  fs::permissions(locked_folder, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                                     fs::perms::group_exec | fs::perms::others_read | fs::perms::others_exec);
  const bool nobody = can_run_as_nobody();
  if (::geteuid() == 0 && !nobody) {
    WARN("root without setpriv: root may write anywhere, so this case cannot run");
    return;
  }
  const fs::path logs = dir / "logs";
  fs::create_directories(logs);
  fs::permissions(logs, fs::perms::all);
  for (const char* jobs : {"1", "2"}) {
    for (const fs::path& db : {locked_folder / "db", locked_folder / "deeper" / "db"}) {
      Finished f = run_wrapped("true", nobody, index_args(db, {source_path("corpus").string()}, jobs), logs, "new");
      INFO("--jobs " << jobs << " " << db << ": " << f.err);
      CHECK(f.exit_code == 3);
      CHECK(line_count(f.err) == 1);
      CHECK(f.err.find("the folder " + locked_folder.string() + " is not writable") != std::string::npos);
      CHECK(f.err.find("internal error") == std::string::npos);
      CHECK_FALSE(fs::exists(db));
    }
  }
}

TEST_CASE("ulimit -n 12: index stops at the first 'too many open files' with one line, nothing lost",
          "[reliability][unwritable]") {
  TempDir dir;
  const fs::path db = dir / "db";
  REQUIRE(run_timed(index_args(db, {source_path("corpus").string()}), dir.path(), kDeadline, "build").exit_code == 0);
  (void)answer(db, dir.path());
  const std::uint64_t docs = committed_docs(db.string());
  for (const char* limit : {"12", "16"}) {
    Finished f = run_wrapped(std::string("ulimit -n ") + limit, false, index_args(db, inputs()), dir.path(), "index");
    INFO("ulimit -n " << limit << ": exit " << f.exit_code << "\n" << f.err);
    REQUIRE_FALSE(f.timed_out);
    CHECK(f.signal == 0);
    if (f.exit_code != 0) {  // 16 may be enough on some machines
      CHECK(f.exit_code == 3);
      CHECK(error_lines(f.err) == 1);
      CHECK(f.err.find("too many open files (raise the limit: ulimit -n)") != std::string::npos);
    }
  }
  // Search under every limit from "hardly any" to "enough": where it runs
  // out depends on how many descriptors the caller left open (CI's harness
  // holds more than a shell does), so each limit in turn must fail on the
  // same words, whichever file (the stub, a shard's tables) it was opening.
  for (int limit = 6; limit <= 16; ++limit) {
    Finished search = run_wrapped("ulimit -n " + std::to_string(limit), false,
                                  {"--db", db.string(), "search", "boston", "--format", "json", "-n", "100"},
                                  dir.path(), "search" + std::to_string(limit));
    INFO("search under ulimit -n " << limit << ": exit " << search.exit_code << ": " << search.err);
    REQUIRE_FALSE(search.timed_out);
    CHECK(search.signal == 0);
    CHECK((search.exit_code == 0 || search.exit_code == 3));
    if (search.exit_code == 3) {
      CHECK(error_lines(search.err) == 1);
      CHECK(search.err.find("too many open files (raise the limit: ulimit -n)") != std::string::npos);
    }
  }
  Finished limited = run_wrapped("ulimit -n 12", false, index_args(db, inputs()), dir.path(), "index12");
  CHECK(limited.exit_code == 3);               // 12 is too few for two shards' tables and the inputs
  CHECK(committed_docs(db.string()) >= docs);  // a batch committed before the limit bit stays
  check_whole(db.string());
  // With the limit lifted, the run completes.
  CHECK(run_timed(index_args(db, inputs()), dir.path(), kDeadline, "after").exit_code == 0);
}

TEST_CASE("a low ulimit -v: index fails with 'out of memory' or completes, nothing already indexed is lost",
          "[reliability][unwritable]") {
  TempDir dir;
  const fs::path db = dir / "db";
  REQUIRE(run_timed(index_args(db, {source_path("corpus").string()}), dir.path(), kDeadline, "build").exit_code == 0);
  const std::string before = answer(db, dir.path());
  const std::uint64_t docs = committed_docs(db.string());
  bool refused = false;
  int started = 0;
  for (const char* kb : {"40000", "60000", "70000", "80000", "100000", "150000"}) {
    Finished f = run_wrapped(std::string("ulimit -v ") + kb, false, index_args(db, inputs()), dir.path(), "index");
    INFO("ulimit -v " << kb << ": exit " << f.exit_code << " signal " << f.signal << "\n" << f.err);
    REQUIRE_FALSE(f.timed_out);
    // Too low for the dynamic loader to map the libraries (ICU's data alone
    // is 30 MB): byline never ran, so there is nothing of Byline's to test.
    if (f.exit_code == 127 && f.err.find("error while loading shared libraries") != std::string::npos) continue;
    ++started;
    CHECK(f.signal == 0);
    CHECK((f.exit_code == 0 || f.exit_code == 1 || f.exit_code == 3));
    if (f.exit_code != 0) {
      refused = true;
      CHECK(error_lines(f.err) == 1);
      CHECK((f.err.find("out of memory") != std::string::npos || f.err.find("cannot allocate") != std::string::npos));
    }
    CHECK(committed_docs(db.string()) >= docs);
    check_whole(db.string());
  }
  CHECK(started >= 3);
  if (!refused) WARN("no ulimit -v tried was low enough to make index fail on this machine");
  (void)before;
}

}  // namespace byline::test::reliability
