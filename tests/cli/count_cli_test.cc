// Issue 14 point 1, on the real binary: `byline count QUERY` prints the exact
// number of matches (notmuch count), also as JSON; `search -n 0` is a count
// that never says "No matches" when there are matches; the number is the same
// whatever --limit and --offset.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "news_pages.h"
#include "test_support.h"

using namespace byline::test;
using nlohmann::json;

namespace {

// 14 pages that mention coffee and brazil (each with 2 comments, one of them
// about coffee from brazil), 6 about tea, one page naming coffee only.
struct CountPages {
  TempDir dir;
  std::string db = (dir / "index").string();
  static constexpr int kCoffee = 14;
  CountPages() {
    for (int i = 0; i < kCoffee; ++i)
      write_news_page(dir / ("pages/coffee" + std::to_string(i) + ".txt"), "Coffee market " + std::to_string(i),
                      "Ana Lima", {"Coffee growers in Brazil expect a large harvest, report " + std::to_string(i)},
                      {{"Reader One", "Brazil coffee is the best"}, {"Reader Two", "I drink tea"}});
    for (int i = 0; i < 6; ++i)
      write_news_page(dir / ("pages/tea" + std::to_string(i) + ".txt"), "Tea prices " + std::to_string(i), "Ben Wu",
                      {"Tea prices rose in Kenya."});
    write_news_page(dir / "pages/coffee-only.txt", "Coffee shops", "Ben Wu", {"A coffee shop opened."});
    RunResult r = run_byline({"--db", db, "index", "--jobs", "1", (dir / "pages").string()});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
  }
  RunResult run(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db});
    return run_byline(args);
  }
};

}  // namespace

TEST_CASE("byline count prints the exact number of matches, in text and JSON", "[cli][count]") {
  CountPages f;
  // Articles about coffee and brazil, and the comment of each that says both.
  const int expected = 2 * CountPages::kCoffee;
  RunResult text = f.run({"count", "coffee", "brazil"});
  INFO(text.err);
  REQUIRE(text.exit_code == 0);
  CHECK(text.out == std::to_string(expected) + "\n");
  CHECK(text.err.empty());

  RunResult js = f.run({"count", "--format", "json", "coffee", "brazil"});
  REQUIRE(js.exit_code == 0);
  const json out = json::parse(js.out);
  CHECK(out["format_version"] == 2);
  CHECK(out["query"] == "coffee brazil");
  CHECK(out["total"] == expected);
  CHECK(out["total_exact"] == true);
  CHECK_FALSE(out.contains("total_min"));

  // Filters as in search; --collapse counts pages.
  CHECK(f.run({"count", "--type", "article", "coffee", "brazil"}).out == std::to_string(CountPages::kCoffee) + "\n");
  CHECK(f.run({"count", "--collapse", "coffee", "brazil"}).out == std::to_string(CountPages::kCoffee) + "\n");
  CHECK(f.run({"count", "--author", "Ben Wu", "tea"}).out == "6\n");
  // No match is the number 0, not an error.
  RunResult none = f.run({"count", "zanzibar"});
  CHECK(none.exit_code == 0);
  CHECK(none.out == "0\n");
  // A query word that begins with '-' comes after --.
  CHECK(f.run({"count", "--", "coffee", "-brazil"}).out == "1\n");
}

TEST_CASE("search -n 0 is a count, the same whatever --limit and --offset", "[cli][count]") {
  CountPages f;
  const std::string expected = std::to_string(2 * CountPages::kCoffee);
  RunResult zero = f.run({"search", "-n", "0", "coffee", "brazil"});
  INFO(zero.err);
  REQUIRE(zero.exit_code == 0);
  CHECK(zero.out.find("No matches") == std::string::npos);
  CHECK(zero.out.rfind(expected + " matches", 0) == 0);
  for (const char* limit : {"0", "3", "1000"}) {
    for (const char* offset : {"0", "5", "500"}) {
      RunResult r = f.run({"search", "--format", "json", "-n", limit, "--offset", offset, "coffee", "brazil"});
      INFO("-n " << limit << " --offset " << offset << ": " << r.err);
      REQUIRE(r.exit_code == 0);
      const json out = json::parse(r.out);
      CHECK(out["total"] == 2 * CountPages::kCoffee);
      CHECK(out["total_exact"] == true);
    }
  }
  // The search's facets add up to the same exact total (and --facets takes
  // one comma-separated list: the words after it are the query's).
  RunResult facets = f.run({"search", "--format", "json", "-n", "0", "--facets", "type", "coffee", "brazil"});
  REQUIRE(facets.exit_code == 0);
  std::uint64_t sum = 0;
  const json counted = json::parse(facets.out);
  REQUIRE(counted["facets"]["type"].size() == 2);
  for (const json& value : counted["facets"]["type"]) sum += value[1].get<std::uint64_t>();
  CHECK(sum == 2 * CountPages::kCoffee);
}
