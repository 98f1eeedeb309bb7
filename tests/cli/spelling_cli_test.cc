// Issue 14 point 3, on the real binary: "Did you mean" keeps fields, phrases,
// operators and dates as typed, corrects author: from author names, says
// nothing when the correction would match fewer documents or when a long
// query was pasted, and is the JSON field "corrected".
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "news_pages.h"
#include "test_support.h"

using namespace byline::test;
using nlohmann::json;

namespace {

// 300 pages (so that a word in 1 page is rare: a hundredth is 3 pages):
// 60 about coffee (10 by Gordon Hale, the rest by Dan Reed, 5 with a comment
// by Sierra415), one with the typo "cofee" and Kenya, 100 about a garden, the
// rest about rain.
struct SpellingPages {
  TempDir dir;
  std::string db = (dir / "index").string();
  SpellingPages() {
    for (int i = 0; i < 60; ++i) {
      std::vector<NewsComment> comments;
      if (i < 5) comments.push_back({"Sierra415", "Good news for growers."});
      write_news_page(dir / ("pages/coffee" + std::to_string(i) + ".txt"), "Coffee exports rise " + std::to_string(i),
                      i < 10 ? "Gordon Hale" : "Dan Reed",
                      {"Brazil's coffee exports rose. The government spending plan helped."}, comments);
    }
    write_news_page(dir / "pages/kenya.txt", "Kenya report", "Dan Reed", {"A cofee shortage hit Kenya."});
    for (int i = 0; i < 100; ++i)
      write_news_page(dir / ("pages/garden" + std::to_string(i) + ".txt"), "Garden " + std::to_string(i), "Dan Reed",
                      {"The garden grew in spring."});
    for (int i = 0; i < 139; ++i)
      write_news_page(dir / ("pages/rain" + std::to_string(i) + ".txt"), "Weather " + std::to_string(i), "Dan Reed",
                      {"Rain fell on the coast."});
    RunResult r = run_byline({"--db", db, "index", (dir / "pages").string()});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
  }
  json search(const std::string& query) {
    RunResult r = run_byline({"--db", db, "search", "--format", "json", "-n", "0", "--", query});
    INFO(query << ": " << r.err);
    REQUIRE(r.exit_code == 0);
    return json::parse(r.out);
  }
  // The suggestion for `query`, or "(none)".
  std::string corrected(const std::string& query) {
    json out = search(query);
    return out["corrected"].is_null() ? "(none)" : out["corrected"].get<std::string>();
  }
};

}  // namespace

TEST_CASE("did you mean keeps field names, phrases, operators and dates as typed", "[cli][spelling]") {
  SpellingPages f;
  const std::string typed = "TITLE:cofee \"goverment spending\" date:2013-04-22 tag:News -rain";
  const std::string expected = "TITLE:coffee \"government spending\" date:2013-04-22 tag:News -rain";
  json out = f.search(typed);
  CHECK(out["total"] == 0);
  CHECK(out["corrected"] == expected);
  // The suggestion is a query that finds what was meant.
  CHECK(f.search(expected)["total"] == 60);
  CHECK(f.corrected(expected) == "(none)");
  CHECK(f.corrected("(cofee OR kenya) AND NOT rain*") == "(coffee OR kenya) AND NOT rain*");
  CHECK(f.corrected("Brazil's cofee") == "Brazil's coffee");
  // An excluded word is not corrected: a correction would exclude more.
  CHECK(f.corrected("kenya -cofee") == "(none)");
}

TEST_CASE("author: corrections come from the author names", "[cli][spelling]") {
  SpellingPages f;
  // As free text "gordan" is nearest the frequent "garden"; among author
  // names it is Gordon.
  CHECK(f.corrected("gordan") == "garden");
  CHECK(f.corrected("author:gordan") == "author:gordon");
  CHECK(f.search("author:gordon")["total"] == 10);
  CHECK(f.corrected("author:sierra451") == "author:sierra415");
  CHECK(f.search("author:sierra415")["total"] == 5);
  // A name nobody has, and nothing near: nothing to offer.
  CHECK(f.corrected("author:zzyzx") == "(none)");
  CHECK(f.corrected("author:reed") == "(none)");
}

TEST_CASE("no suggestion when the corrected query would match fewer documents", "[cli][spelling]") {
  SpellingPages f;
  // "cofee" is in one page (with Kenya); "coffee" in 60, none about Kenya.
  CHECK(f.search("cofee")["total"] == 1);
  CHECK(f.corrected("cofee") == "coffee");
  CHECK(f.search("cofee kenya")["total"] == 1);
  CHECK(f.search("coffee kenya")["total"] == 0);
  CHECK(f.corrected("cofee kenya") == "(none)");
}

TEST_CASE("words that match well and long pasted queries are left alone", "[cli][spelling]") {
  SpellingPages f;
  for (const char* word : {"garden", "coffee", "rain", "coast", "spring", "growers", "kenya"}) {
    INFO(word);
    CHECK(f.corrected(word) == "(none)");
  }
  CHECK(f.corrected("the goverment said coffee exports rose again in the spring") == "(none)");
  CHECK(f.corrected("the goverment plan") == "the government plan");
}

TEST_CASE("the suggestion is JSON's \"corrected\" and the text's \"Did you mean\" line", "[cli][spelling]") {
  SpellingPages f;
  json typo = f.search("cofee");
  REQUIRE(typo.contains("corrected"));
  CHECK(typo["corrected"] == "coffee");
  json right = f.search("coffee");
  REQUIRE(right.contains("corrected"));
  CHECK(right["corrected"].is_null());
  RunResult text = run_byline({"--db", f.db, "search", "cofee"});
  CHECK(text.exit_code == 0);
  CHECK(text.out.find("Did you mean: coffee\n") != std::string::npos);
  RunResult none = run_byline({"--db", f.db, "search", "coffee"});
  CHECK(none.out.find("Did you mean") == std::string::npos);
}
