// The config file (CLI11's TOML/INI support): where it is looked for, that
// the command line and BYLINE_DB win over it, and that a bad file is one
// clear line with exit status 2.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <optional>
#include <string>

#include "../searcher/search_fixtures.h"
#include "scoped_env.h"
#include "test_support.h"

using namespace byline;
using namespace byline::test;

namespace {

std::size_t line_count(const std::string& text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

struct ConfigFixture {
  TempDir dir;
  std::string db = build_fixture_index(dir, fixture_pages());
  std::filesystem::path config_home = dir / "config";
  ScopedEnv xdg{"XDG_CONFIG_HOME", config_home.string()};
  ScopedEnv no_db{"BYLINE_DB", std::nullopt};
  void write_config(const std::string& text) { write_file(config_home / "byline" / "config", text); }
};

}  // namespace

TEST_CASE("$XDG_CONFIG_HOME/byline/config holds defaults, and the command line wins", "[cli][config]") {
  ConfigFixture f;
  f.write_config("# defaults\ndb = \"" + f.db + "\"\n[search]\nlimit = 1\nformat = \"ids\"\n");
  RunResult r = run_byline({"search", "sanctions"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(line_count(r.out) == 1);
  RunResult two = run_byline({"search", "sanctions", "-n", "2"});
  CHECK(line_count(two.out) == 2);
  RunResult text = run_byline({"search", "sanctions", "--format", "text"});
  CHECK(text.out.find("3 matches") != std::string::npos);
  // Another command does not take [search]'s options.
  RunResult stats = run_byline({"stats"});
  CHECK(stats.exit_code == 0);
  CHECK(stats.out.find("index:       " + f.db) != std::string::npos);
  // --db on the command line wins over the file's db.
  RunResult other = run_byline({"--db", (f.dir / "missing").string(), "search", "sanctions"});
  CHECK(other.exit_code == 3);
}

TEST_CASE("INI syntax and the global options (color) work in the file", "[cli][config]") {
  ConfigFixture f;
  f.write_config("db=" + f.db + "\ncolor=always\n[search]\nsnippet-chars=0\n");
  RunResult r = run_byline({"search", "sanctions"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("\x1b[1m") != std::string::npos);
  RunResult never = run_byline({"search", "sanctions", "--color=never"});
  CHECK(never.out.find("\x1b[1m") == std::string::npos);
}

TEST_CASE("BYLINE_DB wins over the file's db, and --db over BYLINE_DB", "[cli][config]") {
  ConfigFixture f;
  f.write_config("db = \"" + (f.dir / "missing").string() + "\"\n");
  CHECK(run_byline({"search", "sanctions"}).exit_code == 3);
  ScopedEnv env("BYLINE_DB", f.db);
  RunResult r = run_byline({"search", "sanctions"});
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(run_byline({"--db", (f.dir / "missing").string(), "search", "sanctions"}).exit_code == 3);
}

TEST_CASE("without XDG_CONFIG_HOME the file is ~/.config/byline/config, and --config names another", "[cli][config]") {
  ConfigFixture f;
  ScopedEnv unset_xdg("XDG_CONFIG_HOME", std::nullopt);
  ScopedEnv home("HOME", (f.dir / "home").string());
  write_file(f.dir / "home" / ".config" / "byline" / "config", "db = \"" + f.db + "\"\n[search]\nformat = \"ids\"\n");
  RunResult r = run_byline({"search", "sanctions"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(line_count(r.out) == 3);
  write_file(f.dir / "other.toml", "db = \"" + f.db + "\"\n[search]\nlimit = 2\nformat = \"jsonl\"\n");
  RunResult other = run_byline({"--config", (f.dir / "other.toml").string(), "search", "sanctions"});
  CHECK(other.exit_code == 0);
  CHECK(line_count(other.out) == 2);
  CHECK(other.out.rfind("{", 0) == 0);
}

TEST_CASE("a bad config file is one line naming it, exit status 2", "[cli][config]") {
  ConfigFixture f;
  std::string path = (f.config_home / "byline" / "config").string();
  for (const std::string& text :
       {std::string("[search]\nlimt = 3\n"), std::string("nonsense here\n"), std::string("[nosuchcommand]\nx = 1\n"),
        std::string("[search]\nlimit = \"many\"\n"), std::string("[search]\nformat = \"yaml\"\n")}) {
    f.write_config("db = \"" + f.db + "\"\n" + text);
    RunResult r = run_byline({"search", "sanctions"});
    INFO(text << "\n" << r.err);
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK(line_count(r.err) == 1);
    CHECK(r.err.rfind("byline: config file " + path + ": ", 0) == 0);
  }
  RunResult missing = run_byline({"--config", (f.dir / "nope.toml").string(), "stats"});
  CHECK(missing.exit_code == 2);
  CHECK(line_count(missing.err) == 1);
  CHECK(missing.err.rfind("byline: config file " + (f.dir / "nope.toml").string() + ": ", 0) == 0);
}
