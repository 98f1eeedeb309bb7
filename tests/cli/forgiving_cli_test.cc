// Issue 14 point 8, on the real binary: a command line that forgives and
// explains. Unknown commands and options name the closest valid one (exit 2);
// a query word that begins with '-' is told to come after --; negative and
// absurd numbers are usage errors; a path that is not a Byline index is named
// so in Byline's words (exit 3), and `index` never writes into a folder of
// other files.
#include <catch2/catch.hpp>

#include <algorithm>

#include "news_pages.h"
#include "test_support.h"

using namespace byline::test;

namespace {

struct SmallIndex {
  TempDir dir;
  std::string db = (dir / "index").string();
  SmallIndex() {
    write_news_page(dir / "pages/iran.txt", "Iran talks", "Ray Ames", {"Talks with Iran resumed."});
    write_news_page(dir / "pages/oil.txt", "Oil", "Ray Ames", {"The oil price fell."});
    RunResult r = run_byline({"--db", db, "index", "--jobs", "1", (dir / "pages").string()});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
  }
  RunResult run(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db});
    return run_byline(args);
  }
};

std::size_t lines(const std::string& text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

void check_usage_error(const RunResult& r, const std::string& says) {
  INFO(r.err);
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK(r.err.rfind("byline: ", 0) == 0);
  CHECK(lines(r.err) == 1);
  CHECK(r.err.find(says) != std::string::npos);
}

}  // namespace

TEST_CASE("an unknown command or option names the closest valid one", "[cli][usage]") {
  SmallIndex f;
  check_usage_error(f.run({"serach", "oil"}), "unknown command 'serach' (did you mean 'search'?)");
  check_usage_error(f.run({"sho", "x"}), "did you mean 'show'?");
  check_usage_error(f.run({"cuont", "oil"}), "did you mean 'count'?");
  check_usage_error(f.run({"frobnicate"}), "unknown command 'frobnicate' (commands: ");
  check_usage_error(f.run({"search", "--limt", "3", "oil"}), "unknown option '--limt' (did you mean '--limit'?)");
  check_usage_error(f.run({"search", "--fromat", "json", "oil"}), "did you mean '--format'?");
  check_usage_error(f.run({"index", "--job", "2", "x"}), "did you mean '--jobs'?");
  check_usage_error(f.run({"shards", "lst"}), "unknown command 'lst' (did you mean 'list'?)");
  check_usage_error(run_byline({}), "a command is required");
}

TEST_CASE("a query that begins with '-' is told to use --, and works after it", "[cli][usage]") {
  SmallIndex f;
  for (const char* command : {"search", "count"}) {
    RunResult r = f.run({command, "-iran"});
    check_usage_error(r, "put -- before it");
    CHECK(r.err.find("-- -iran") != std::string::npos);
  }
  RunResult after = f.run({"count", "--", "-iran"});
  INFO(after.err);
  CHECK(after.exit_code == 0);
  CHECK(after.out == "1\n");  // every document but the one about Iran
}

TEST_CASE("negative and absurd numbers are usage errors", "[cli][usage]") {
  SmallIndex f;
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"search", "--offset", "-5", "oil"},
           {"search", "--limit", "-1", "oil"},
           {"search", "-n", "-1", "oil"},
           {"search", "-n", "99999999999999999999", "oil"},
           {"search", "--offset", "18446744073709551611", "oil"},
           {"search", "--limit=3x", "oil"},
           {"search", "--snippet-chars", "-3", "oil"},
           {"index", "--jobs", "-2", "pages"},
           {"index", "--batch", "0", "pages"},
       }) {
    INFO(args[0] << " " << args[1] << " " << args[2]);
    check_usage_error(f.run(args), "must be a whole number from ");
  }
  // In range, they work.
  CHECK(f.run({"search", "--limit", "1", "--offset", "0", "oil"}).exit_code == 0);
}

TEST_CASE("a path that is not a Byline index is named so, in Byline's words", "[cli][usage][index]") {
  TempDir dir;
  write_file(dir / "notes.txt", "root:x:0:0:root:/root:/bin/bash\n");
  write_file(dir / "folder/letter.txt", "Dear reader\n");
  write_file(dir / "folder/sub/more.txt", "more\n");
  for (const std::string& path :
       {(dir / "notes.txt").string(), (dir / "folder").string(), std::string("/etc/passwd")}) {
    if (path == "/etc/passwd" && !std::filesystem::is_regular_file(path)) continue;
    for (const char* command : {"search", "stats", "count"}) {
      std::vector<std::string> args = {"--db", path, command};
      if (std::string(command) != "stats") args.push_back("oil");
      RunResult r = run_byline(args);
      INFO(command << " " << path << ": " << r.err);
      CHECK(r.exit_code == 3);
      CHECK(r.err.rfind("byline: " + path + ": not a Byline index", 0) == 0);
      CHECK(lines(r.err) == 1);
      for (const char* xapian : {"Bad line", "Couldn't detect", "Xapian", "glass", "iamglass"}) {
        INFO(xapian);
        CHECK(r.err.find(xapian) == std::string::npos);
      }
    }
  }
}

TEST_CASE("index --db refuses a non-empty folder that is not an index and never writes into it",
          "[cli][usage][index]") {
  TempDir dir;
  write_news_page(dir / "pages/oil.txt", "Oil", "Ray Ames", {"The oil price fell."});
  write_file(dir / "mine/letter.txt", "Dear reader\n");
  write_file(dir / "mine/photos/a.jpg", "\xff\xd8\xff");
  const std::vector<std::string> before = folder_names(dir / "mine");
  for (const char* command : {"index", "compact"}) {
    std::vector<std::string> args = {"--db", (dir / "mine").string(), command};
    if (std::string(command) == "index") args.push_back((dir / "pages").string());
    RunResult r = run_byline(args);
    INFO(command << ": " << r.err);
    CHECK(r.exit_code == 3);
    CHECK(r.err.find("not a Byline index") != std::string::npos);
    CHECK(lines(r.err) == 1);
    CHECK(folder_names(dir / "mine") == before);
    CHECK(folder_names(dir / "mine/photos") == std::vector<std::string>{"a.jpg"});
    CHECK(read_file(dir / "mine/letter.txt") == "Dear reader\n");
  }
  // A file is refused the same way and stays as it was.
  write_file(dir / "file", "not an index\n");
  RunResult file = run_byline({"--db", (dir / "file").string(), "index", (dir / "pages").string()});
  CHECK(file.exit_code == 3);
  CHECK(read_file(dir / "file") == "not an index\n");
  // A new or an empty folder is fine, and so is the index once made.
  std::filesystem::create_directories(dir / "empty");
  for (int round = 0; round < 2; ++round) {
    RunResult r = run_byline({"--db", (dir / "empty").string(), "index", "--jobs", "1", (dir / "pages").string()});
    INFO(r.err);
    CHECK(r.exit_code == 0);
  }
  CHECK(run_byline({"--db", (dir / "empty").string(), "count", "oil"}).out == "1\n");
}
