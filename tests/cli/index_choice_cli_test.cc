// Which index a command uses when --db is not given, and `byline stats`
// saying which one and why: --db > BYLINE_DB > the config file's db > the
// default $XDG_DATA_HOME/byline/index (~/.local/share/byline/index when
// XDG_DATA_HOME is unset, empty or relative). Runs the real binary.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "scoped_env.h"
#include "test_support.h"

using namespace byline::test;
namespace fs = std::filesystem;

namespace {

// A home, data and config folder of our own, and no BYLINE_DB.
struct ChoiceFixture {
  TempDir dir;
  fs::path home = dir / "home";
  fs::path data = dir / "data";  // not created: `byline index` must make it
  fs::path config = dir / "config" / "byline" / "config";
  ScopedEnv home_env{"HOME", home.string()};
  ScopedEnv data_env{"XDG_DATA_HOME", data.string()};
  ScopedEnv config_env{"XDG_CONFIG_HOME", (dir / "config").string()};
  ScopedEnv no_db{"BYLINE_DB", std::nullopt};

  // Indexes corpus/ into `db` (through --db).
  void index_corpus(const fs::path& db) {
    RunResult r = run_byline({"--db", db.string(), "index", "--quiet", source_path("corpus").string()});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
  }
};

nlohmann::json stats_index(const std::vector<std::string>& global_args) {
  std::vector<std::string> args = global_args;
  args.insert(args.end(), {"stats", "--format", "json"});
  RunResult r = run_byline(args);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  nlohmann::json out = nlohmann::json::parse(r.out);
  REQUIRE(out.contains("index"));
  CHECK(out["index"]["path"] == out["db"]);
  return out["index"];
}

std::string stats_text(const std::vector<std::string>& global_args = {}) {
  std::vector<std::string> args = global_args;
  args.push_back("stats");
  RunResult r = run_byline(args);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return r.out;
}

}  // namespace

TEST_CASE("nothing set: the index is $XDG_DATA_HOME/byline/index, made with its parents", "[cli][index-choice]") {
  ChoiceFixture f;
  fs::path expected = f.data / "byline" / "index";
  RunResult r = run_byline({"index", "--quiet", source_path("corpus").string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(fs::exists(expected / "XAPIANDB"));
  CHECK_FALSE(fs::exists("byline-index"));  // not the current folder any more
  nlohmann::json index = stats_index({});
  CHECK(index["path"] == expected.string());
  CHECK(index["chosen_by"] == "default");
  CHECK_FALSE(index.contains("config_file"));
  std::string text = stats_text();
  CHECK(text.find("index:       " + expected.string() + "\n") != std::string::npos);
  CHECK(text.find("chosen by:   default") != std::string::npos);
  RunResult search = run_byline({"search", "magnitsky", "--format", "ids"});
  CHECK(search.exit_code == 0);
  CHECK_FALSE(search.out.empty());
}

TEST_CASE("XDG_DATA_HOME unset, empty or relative: ~/.local/share/byline/index", "[cli][index-choice]") {
  ChoiceFixture f;
  fs::path expected = f.home / ".local" / "share" / "byline" / "index";
  f.index_corpus(expected);
  for (std::optional<std::string> value :
       {std::optional<std::string>(), std::optional<std::string>(""), std::optional<std::string>("relative/data")}) {
    INFO("XDG_DATA_HOME=" << value.value_or("(unset)"));
    ScopedEnv data("XDG_DATA_HOME", value);
    nlohmann::json index = stats_index({});
    CHECK(index["path"] == expected.string());
    CHECK(index["chosen_by"] == "default");
  }
}

TEST_CASE("a search on a missing default index says where it looked, exit status 3", "[cli][index-choice]") {
  ChoiceFixture f;
  fs::path expected = f.data / "byline" / "index";
  for (const std::string command : {"search", "count", "stats"}) {
    std::vector<std::string> args = {command};
    if (command != "stats") args.push_back("magnitsky");
    RunResult r = run_byline(args);
    INFO(command << ": " << r.err);
    CHECK(r.exit_code == 3);
    CHECK(r.err.rfind("byline: index " + expected.string() + ": ", 0) == 0);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
  }
  CHECK_FALSE(fs::exists(expected));  // looking does not create it
}

TEST_CASE("the config file's db wins over the default, and stats names the file", "[cli][index-choice]") {
  ChoiceFixture f;
  fs::path db = f.dir / "from-config";
  f.index_corpus(db);
  write_file(f.config, "db = \"" + db.string() + "\"\n");
  nlohmann::json index = stats_index({});
  CHECK(index["path"] == db.string());
  CHECK(index["chosen_by"] == "config");
  CHECK(index["config_file"] == f.config.string());
  CHECK(stats_text().find("chosen by:   config file " + f.config.string() + "\n") != std::string::npos);
  // --config FILE is the file named.
  fs::path other = f.dir / "other.toml";
  write_file(other, "db=" + db.string() + "\n");  // INI spelling
  nlohmann::json named = stats_index({"--config", other.string()});
  CHECK(named["chosen_by"] == "config");
  CHECK(named["config_file"] == other.string());
}

TEST_CASE("BYLINE_DB wins over the config file, --db over BYLINE_DB", "[cli][index-choice]") {
  ChoiceFixture f;
  fs::path from_env = f.dir / "from-env";
  fs::path from_flag = f.dir / "from-flag";
  f.index_corpus(from_env);
  f.index_corpus(from_flag);
  write_file(f.config, "db = \"" + (f.dir / "missing").string() + "\"\n");
  ScopedEnv env("BYLINE_DB", from_env.string());
  nlohmann::json index = stats_index({});
  CHECK(index["path"] == from_env.string());
  CHECK(index["chosen_by"] == "BYLINE_DB");
  CHECK(stats_text().find("chosen by:   BYLINE_DB\n") != std::string::npos);
  nlohmann::json flag = stats_index({"--db", from_flag.string()});
  CHECK(flag["path"] == from_flag.string());
  CHECK(flag["chosen_by"] == "--db");
  CHECK(stats_text({"--db=" + from_flag.string()}).find("chosen by:   --db\n") != std::string::npos);
  // An empty BYLINE_DB is not set: the config file's (missing) index is used.
  ScopedEnv empty("BYLINE_DB", "");
  RunResult r = run_byline({"stats"});
  CHECK(r.exit_code == 3);
  CHECK(r.err.find((f.dir / "missing").string()) != std::string::npos);
}
