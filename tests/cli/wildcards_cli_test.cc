// Issue 14 point 2, on the real binary: wildcards match words as written
// (the index's word forms), not stems; their snippets highlight the words
// matched; a pattern past the expansion limit, '*' alone and patterns with
// no word before their '*' are one-line usage errors (exit 2).
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "news_pages.h"
#include "test_support.h"

using namespace byline::test;
using nlohmann::json;

namespace {

struct WildcardPages {
  TempDir dir;
  std::string db = (dir / "index").string();
  WildcardPages() {
    write_news_page(dir / "pages/coffee.txt", "Coffee exports rise", "Maria Souza",
                    {"Brazil's coffee exports rose in March. Coffees from Colombia sold well, and a new "
                     "coffeehouse opened in the port."});
    write_news_page(dir / "pages/company.txt", "Company results", "Dan Reed",
                    {"The company said two other companies would join the venture."});
    write_news_page(dir / "pages/other.txt", "Weather", "Dan Reed", {"Rain fell on the coast all week."});
    // More than 1,000 words starting with "zq" (the default expansion limit).
    std::string many;
    for (char a = 'a'; a <= 'z'; ++a)
      for (char b = 'a'; b <= 'z'; ++b)
        for (char c = 'a'; c <= 'b'; ++c) many += std::string("zq") + a + b + c + " ";
    write_news_page(dir / "pages/many.txt", "Codes", "", {many});
    RunResult r = run_byline({"--db", db, "index", "--jobs", "1", (dir / "pages").string()});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
  }
  json search(const std::string& query) {
    RunResult r = run_byline({"--db", db, "search", "--format", "json", "-n", "50", "--", query});
    INFO(query << ": " << r.err);
    REQUIRE(r.exit_code == 0);
    return json::parse(r.out);
  }
};

std::vector<std::string> sources(const json& out) {
  std::vector<std::string> names;
  for (const json& hit : out["hits"])
    names.push_back(std::filesystem::path(hit["source"].get<std::string>()).filename());
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace

TEST_CASE("word* matches the words that start with it as typed, and highlights them", "[cli][wildcard]") {
  WildcardPages f;
  // "coffee" is stemmed to "coffe": a wildcard compared with stems found nothing.
  json coffee = f.search("coffee*");
  CHECK(sources(coffee) == std::vector<std::string>{"coffee.txt"});
  std::string snippet = coffee["hits"][0]["snippet_html"];
  INFO(snippet);
  for (const char* word : {"<mark>coffee</mark>", "<mark>Coffees</mark>", "<mark>coffeehouse</mark>"})
    CHECK(snippet.find(word) != std::string::npos);
  CHECK(sources(f.search("compan*")) == std::vector<std::string>{"company.txt"});
  CHECK(sources(f.search("companies*")) == std::vector<std::string>{"company.txt"});
  CHECK(sources(f.search("title:coff*")) == std::vector<std::string>{"coffee.txt"});
  CHECK(sources(f.search("rain -coff*")) == std::vector<std::string>{"other.txt"});
  CHECK(f.search("coffeez*")["hits"].empty());
}

TEST_CASE("a wildcard past the limit, or meaning nothing, is a one-line usage error", "[cli][wildcard]") {
  WildcardPages f;
  RunResult many = run_byline({"--db", f.db, "search", "zq*"});
  CHECK(many.exit_code == 2);
  CHECK(many.out.empty());
  CHECK(many.err ==
        "byline: zq*: matches 1,352 words, more than the limit of 1,000 (make the start of the word longer)\n");
  CHECK(run_byline({"--db", f.db, "search", "zqa*"}).exit_code == 0);  // 52 words
  for (const char* pattern : {"*", "**", "*ee", "co*ee", "-*", "title:*"}) {
    RunResult r = run_byline({"--db", f.db, "search", "--", pattern});
    INFO(pattern << " -> " << r.err);
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK(r.err.find("as in coff*") != std::string::npos);
  }
}
