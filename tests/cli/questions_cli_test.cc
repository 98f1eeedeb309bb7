// Issue 14 point 6, on the real binary: questions, not only keywords. A long
// query of plain words that no document holds whole ranks the documents
// holding most of its words, says so in one line (text) and "relaxed" (JSON);
// short keyword queries, phrases, operators, fields and +word stay strict.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "news_pages.h"
#include "test_support.h"

using namespace byline::test;
using nlohmann::json;

namespace {

// 7 words once stop words are dropped: effects oil price fall exporting
// countries winter. No page holds "winter"; exporters.txt holds the 6 others.
constexpr const char* kQuestion = "what are the effects of the oil price fall on exporting countries in winter";

struct QuestionPages {
  TempDir dir;
  std::string db = (dir / "index").string();
  QuestionPages() {
    write_news_page(dir / "pages/exporters.txt", "Exporters feel the fall", "Ray Ames",
                    {"The fall in the oil price hurt exporting countries, and the effects reached their budgets."});
    // Two of the words, many times: BM25 alone could put it first.
    write_news_page(dir / "pages/oil.txt", "Oil price, oil price", "Ray Ames",
                    {"Oil price. Oil price again: oil, oil, oil, and the oil price."});
    write_news_page(dir / "pages/countries.txt", "Countries meet", "Ray Ames", {"Countries met on trade."});
    write_news_page(dir / "pages/storms.txt", "Storms near the coast", "Ray Ames",
                    {"Storms near the coast hit the fishing fleet."});
    for (int i = 1; i <= 3; ++i)
      write_news_page(dir / ("pages/market" + std::to_string(i) + ".txt"), "Market report " + std::to_string(i),
                      "Ray Ames", {"Oil price traders watched the market report closely."});
    RunResult r = run_byline({"--db", db, "index", "--jobs", "1", (dir / "pages").string()});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
  }
  RunResult text(const std::string& query, std::vector<std::string> extra = {}) {
    std::vector<std::string> args{"--db", db, "search", "-n", "20"};
    args.insert(args.end(), extra.begin(), extra.end());
    args.insert(args.end(), {"--", query});
    return run_byline(args);
  }
  json search(const std::string& query, std::vector<std::string> extra = {}) {
    extra.insert(extra.end(), {"--format", "json"});
    RunResult r = text(query, extra);
    INFO(query << ": " << r.err);
    REQUIRE(r.exit_code == 0);
    return json::parse(r.out);
  }
  static std::vector<std::string> files(const json& out) {
    std::vector<std::string> found;
    for (const json& hit : out["hits"]) {
      std::string source = hit["source"];
      found.push_back(source.substr(source.rfind('/') + 1));
    }
    return found;
  }
};

}  // namespace

TEST_CASE("a long question no document holds whole ranks the one with most words first", "[cli][questions]") {
  QuestionPages f;
  const json out = f.search(kQuestion);
  CHECK(out["relaxed"] == true);
  CHECK(out["relaxed_words"] == 7);
  CHECK(out["all_words_total"] == 0);
  const std::vector<std::string> found = QuestionPages::files(out);
  REQUIRE(found.size() >= 3);
  CHECK(found.front() == "exporters.txt");
  // oil.txt holds 2 of the words, countries.txt 1: fewer words, lower.
  const auto at = [&](const std::string& name) { return std::find(found.begin(), found.end(), name) - found.begin(); };
  CHECK(at("oil.txt") < at("countries.txt"));
  // storms.txt holds none of the words.
  CHECK(at("storms.txt") == static_cast<std::ptrdiff_t>(found.size()));
  CHECK(out["total"] == found.size());

  RunResult r = f.text(kQuestion);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("no document has all 7 words; showing those with the most\n") != std::string::npos);
  CHECK(r.out.find("exporters.txt") < r.out.find("oil.txt"));
}

TEST_CASE("a question that few documents hold whole says how many do", "[cli][questions]") {
  QuestionPages f;
  // Only exporters.txt holds all 6 words.
  const std::string question = "what are the effects of the oil price fall on exporting countries";
  const json out = f.search(question);
  CHECK(out["relaxed"] == true);
  CHECK(out["all_words_total"] == 1);
  REQUIRE(!out["hits"].empty());
  CHECK(QuestionPages::files(out).front() == "exporters.txt");
  RunResult r = f.text(question);
  CHECK(r.out.find("only 1 document has all 6 words; showing those with the most\n") != std::string::npos);
}

TEST_CASE("short keyword queries and well-matched long ones keep AND", "[cli][questions]") {
  QuestionPages f;
  // Two words no page holds together: no relaxation, no matches.
  json out = f.search("oil winter");
  CHECK(out["relaxed"] == false);
  CHECK(out.find("relaxed_words") == out.end());
  CHECK(out["hits"].empty());
  RunResult r = f.text("oil winter");
  CHECK(r.out.find("No matches") != std::string::npos);
  CHECK(r.out.find("showing those with the most") == std::string::npos);
  // Three words: still AND, exactly the pages holding all of them.
  out = f.search("oil price exporting");
  CHECK(out["relaxed"] == false);
  CHECK(QuestionPages::files(out) == std::vector<std::string>{"exporters.txt"});
  // Four words that three pages hold whole: AND, the other oil pages left out.
  out = f.search("oil price traders market");
  CHECK(out["relaxed"] == false);
  CHECK(out["total"] == 3);
  // Sorted by date, a question is not relaxed either.
  out = f.search(kQuestion, {"--sort", "newest"});
  CHECK(out["relaxed"] == false);
  CHECK(out["hits"].empty());
}

TEST_CASE("phrases and operators keep a question strict", "[cli][questions]") {
  QuestionPages f;
  for (const char* query :
       {"effects of the \"oil price\" fall on exporting countries in winter",
        "effects oil price fall exporting countries AND winter", "(effects oil price fall exporting countries winter)",
        "effects oil price fall export* winter"}) {
    INFO(query);
    const json out = f.search(query);
    CHECK(out["relaxed"] == false);
    CHECK(out["hits"].empty());
  }
}

TEST_CASE("+word, -word and fields stay strict inside a relaxed question", "[cli][questions]") {
  QuestionPages f;
  // +winter: no page holds it, so nothing, though the other words relax.
  json out = f.search(std::string(kQuestion) + " +winter");
  CHECK(out["hits"].empty());
  // +storms: only the page holding storms, whatever the other words.
  out = f.search(std::string(kQuestion) + " +storms");
  CHECK(out["relaxed"] == true);
  CHECK(QuestionPages::files(out) == std::vector<std::string>{"storms.txt"});
  // -budgets leaves out the page with most words.
  out = f.search(std::string(kQuestion) + " -budgets");
  CHECK(out["relaxed"] == true);
  std::vector<std::string> found = QuestionPages::files(out);
  REQUIRE(!found.empty());
  CHECK(std::find(found.begin(), found.end(), "exporters.txt") == found.end());
  CHECK(found.front() == "oil.txt");
  // title: words are required: only pages with "oil" in the title.
  out = f.search(std::string(kQuestion) + " title:oil");
  CHECK(out["relaxed"] == true);
  CHECK(QuestionPages::files(out) == std::vector<std::string>{"oil.txt"});
}

TEST_CASE("a boolean field inside a question filters and is not counted as a word", "[cli][questions]") {
  QuestionPages f;
  const json all = f.search(kQuestion);
  REQUIRE(all["hits"].size() >= 2);
  const std::string id = all["hits"][1]["id"];
  const json out = f.search(std::string(kQuestion) + " id:" + id);
  CHECK(out["relaxed"] == true);
  CHECK(out["relaxed_words"] == 7);
  REQUIRE(out["hits"].size() == 1);
  CHECK(out["hits"][0]["id"] == id);
}
