// Issue 14 point 5, on the real binary: a query language without traps.
// Stray operators and lone signs never change results, an empty field is a
// clear usage error, `word:word` naming no field is searched as words, field
// names are case-insensitive, and a phrase is highlighted as a phrase.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "news_pages.h"
#include "test_support.h"

using namespace byline::test;
using nlohmann::json;

namespace {

struct TrapPages {
  TempDir dir;
  std::string db = (dir / "index").string();
  TrapPages() {
    write_news_page(dir / "pages/oil.txt", "Oil price falls", "Ray Ames",
                    {"The oil price fell on Monday. The price of gold rose, and oil traders near the port waited."});
    write_news_page(dir / "pages/gas.txt", "Gas and oil", "Ray Ames",
                    {"Gas demand grew while oil output was near its peak."});
    write_news_page(dir / "pages/dividend.txt", "Company notes", "Ray Ames",
                    {"NOTE: Dividend payable April 1 to holders of record."});
    write_news_page(dir / "pages/near.txt", "Near the coast", "Ray Ames", {"Storms near the coast."});
    RunResult r = run_byline({"--db", db, "index", "--jobs", "1", (dir / "pages").string()});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
  }
  RunResult run(const std::string& query) {
    return run_byline({"--db", db, "search", "--format", "json", "-n", "50", "--", query});
  }
  json search(const std::string& query) {
    RunResult r = run(query);
    INFO(query << ": " << r.err);
    REQUIRE(r.exit_code == 0);
    return json::parse(r.out);
  }
  std::vector<std::string> ids(const std::string& query) {
    const json out = search(query);
    std::vector<std::string> found;
    for (const json& hit : out["hits"]) found.push_back(hit["id"]);
    return found;
  }
};

}  // namespace

TEST_CASE("stray operators and lone signs do not change the results", "[cli][traps]") {
  TrapPages f;
  const std::vector<std::string> oil = f.ids("oil");
  REQUIRE(oil.size() == 2);
  for (const char* query : {"oil -", "oil +", "- oil", "oil AND", "OR oil", "oil NOT", "oil NEAR", "NEAR oil",
                            "oil NEAR/3", "oil AND OR", "(oil OR)", "oil XOR"}) {
    INFO(query);
    CHECK(f.ids(query) == oil);
  }
  // Operators between words still work.
  CHECK(f.ids("oil AND gas").size() == 1);
  CHECK(f.ids("oil NOT gas").size() == 1);
  CHECK(f.ids("gas OR dividend").size() == 2);
}

TEST_CASE("an empty field is a usage error, word:word naming no field is words, fields ignore case", "[cli][traps]") {
  TrapPages f;
  for (const char* query : {"title:", "oil title:", "author: oil"}) {
    RunResult r = f.run(query);
    INFO(query << " -> " << r.err);
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK(r.err.rfind("byline: ", 0) == 0);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK(r.err.find("has no word after it") != std::string::npos);
  }
  CHECK(f.search("NOTE:Dividend")["hits"].size() == 1);
  CHECK(f.search("note:dividend")["hits"].size() == 1);
  const std::vector<std::string> title = f.ids("title:oil");
  REQUIRE(title.size() == 2);
  CHECK(f.ids("Title:oil") == title);
  CHECK(f.ids("TITLE:oil") == title);
  CHECK(f.ids("Title:\"oil price\"").size() == 1);
}

TEST_CASE("a phrase is highlighted where it stands, not its words elsewhere", "[cli][traps]") {
  TrapPages f;
  json out = f.search("\"oil price\"");
  REQUIRE(out["hits"].size() == 1);
  std::string snippet = out["hits"][0]["snippet_html"];
  INFO(snippet);
  CHECK(snippet.find("<mark>oil price</mark>") != std::string::npos);
  CHECK(snippet.find("<mark>") == snippet.rfind("<mark>"));  // just that one
  // Outside the phrase, its words are highlighted as words.
  std::string words = f.search("\"oil price\" gold")["hits"][0]["snippet_html"];
  INFO(words);
  CHECK(words.find("<mark>gold</mark>") != std::string::npos);
  CHECK(words.find("<mark>price</mark>") == std::string::npos);
}
