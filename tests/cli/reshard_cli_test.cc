// `byline index --reshard --shards N [PATHS...]`, run as the real binary on
// pages synthesised from corpus/: the summary (text and JSON), the same
// answers before and after, the incremental run that follows, and the exit
// statuses for a locked index and bad usage. (The query-by-query comparison
// of 100 queries is tests/indexer/reshard_test.cc.)
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "../reliability/reliability_support.h"
#include "byline/indexer.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace byline::test;
using nlohmann::json;

namespace {

constexpr int kPages = 60;

json run_json(const std::vector<std::string>& args) {
  RunResult r = run_byline(args);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return json::parse(r.out);
}

// The JSON answers of a few queries, for comparing two states of an index.
std::vector<std::string> answers(const std::string& db) {
  std::vector<std::string> out;
  for (const char* q : {"the", "", "harbour OR senate", "type:comment the", "synthetic story", "title:copper"})
    out.push_back(
        run_json({"--db", db, "search", "--format", "json", "-n", "20", "--facets", "author,type", q}).dump());
  return out;
}

}  // namespace

TEST_CASE("index --reshard changes the shard count and keeps answers and file states", "[cli][reshard]") {
  TempDir dir;
  const fs::path pages = dir / "pages";
  reliability::synthesise_pages(pages, kPages);
  const std::string db = (dir / "db").string();
  REQUIRE(run_byline({"--db", db, "index", "-q", "--shards", "2", pages.string()}).exit_code == 0);
  const std::vector<std::string> before = answers(db);
  const json stats = run_json({"--db", db, "stats", "--format", "json"});

  // 2 -> 3, alone: a JSON summary of the reshard.
  json to3 = run_json({"--db", db, "index", "--reshard", "--shards", "3", "--json"});
  CHECK(to3["db"] == db);
  CHECK(to3["reshard"]["resharded"] == true);
  CHECK(to3["reshard"]["shards_before"] == 2);
  CHECK(to3["reshard"]["shards_after"] == 3);
  CHECK(to3["reshard"]["documents"] == stats["documents"]);
  CHECK(to3["reshard"]["files"] == kPages);
  CHECK(run_json({"--db", db, "shards", "list", "--json"}).size() == 3);
  CHECK(run_json({"--db", db, "stats", "--format", "json"})["documents"] == stats["documents"]);
  CHECK(answers(db) == before);
  json again = run_json({"--db", db, "index", "--json", "--jobs", "2", pages.string()});
  CHECK(again["unchanged"] == kPages);
  CHECK(again["indexed"] == 0);
  CHECK_FALSE(again.contains("reshard"));

  // 3 -> 1 followed by an incremental run with --prune: text summaries.
  fs::remove(pages / "00" / "p00003.txt");
  RunResult to1 = run_byline({"--db", db, "index", "--reshard", "--shards", "1", "--prune", pages.string()});
  INFO(to1.err);
  REQUIRE(to1.exit_code == 0);
  CHECK_THAT(to1.out, Catch::StartsWith("resharded " + stats["documents"].dump() +
                                        " documents (60 files) from 3 "
                                        "into 1 shards in "));
  CHECK_THAT(to1.out, Catch::Contains("\nindexed 0 pages (0 articles, 0 comments) from 0 of 59 files; 59 unchanged, "
                                      "1 removed, 0 failed"));
  CHECK(to1.err.empty());  // no progress line: stderr is not a terminal
  CHECK(run_json({"--db", db, "shards", "list", "--json"}).size() == 1);
  CHECK(folder_names(dir / "db").size() == 2);  // the stub and the one new shard

  // The same count again: a note, nothing done.
  RunResult same = run_byline({"--db", db, "index", "--reshard", "--shards", "1"});
  CHECK(same.exit_code == 0);
  CHECK_THAT(same.out, Catch::Contains("already has 1 local shard: nothing to reshard"));

  // A single database (1 -> 2), then PATHS indexed into the new shards.
  const std::string single = (dir / "single").string();
  REQUIRE(run_byline({"--db", single, "index", "-q", "--jobs", "1", pages.string()}).exit_code == 0);
  const std::vector<std::string> single_before = answers(single);
  json to2 = run_json({"--db", single, "index", "--reshard", "--shards", "2", "--json", pages.string()});
  CHECK(to2["reshard"]["shards_before"] == 1);
  CHECK(to2["reshard"]["shards_after"] == 2);
  CHECK(to2["unchanged"] == kPages - 1);
  CHECK(to2["indexed"] == 0);
  CHECK(folder_names(dir / "single") == std::vector<std::string>{"XAPIANDB", "shard0", "shard1"});
  CHECK(run_json({"--db", single, "shards", "list", "--json"}).size() == 2);
  CHECK(answers(single) == single_before);
}

TEST_CASE("index --reshard on a locked index exits 3 and changes nothing", "[cli][reshard]") {
  TempDir dir;
  const fs::path pages = dir / "pages";
  reliability::synthesise_pages(pages, 20);
  const std::string db = (dir / "db").string();
  REQUIRE(run_byline({"--db", db, "index", "-q", "--shards", "2", pages.string()}).exit_code == 0);
  const std::string stub = read_file(dir / "db" / "XAPIANDB");
  byline::Indexer writer(db);
  RunResult locked = run_byline({"--db", db, "index", "--reshard", "--shards", "3"});
  CHECK(locked.exit_code == 3);
  CHECK_THAT(locked.err, Catch::StartsWith("byline: index " + db + ": locked by another writer"));
  CHECK(locked.out.empty());
  CHECK(read_file(dir / "db" / "XAPIANDB") == stub);
  CHECK(folder_names(dir / "db") == std::vector<std::string>{"XAPIANDB", "shard0", "shard1"});
}

TEST_CASE("index --reshard needs --shards, and index without --reshard needs PATHS", "[cli][reshard]") {
  TempDir dir;
  const std::string db = (dir / "db").string();
  RunResult no_count = run_byline({"--db", db, "index", "--reshard", source_path("corpus").string()});
  CHECK(no_count.exit_code == 2);
  CHECK_THAT(no_count.err, Catch::Contains("--reshard requires --shards"));
  RunResult no_paths = run_byline({"--db", db, "index"});
  CHECK(no_paths.exit_code == 2);
  CHECK_THAT(no_paths.err, Catch::Contains("paths is required"));
  CHECK_FALSE(fs::exists(dir / "db"));
  RunResult help = run_byline({"index", "--help"});
  CHECK(help.exit_code == 0);
  CHECK_THAT(help.out, Catch::Contains("--reshard"));
}
