// End-to-end tests of the committed HTML fixtures (issue 18, "Test data"):
// the real `byline` binary on tests/fixtures/html/*.html, each page written
// for one kind of markup a saved archive holds, plus a page with a 10 MB
// inline script made at test time (too big to commit).
#include <catch2/catch.hpp>

#include <chrono>
#include <nlohmann/json.hpp>

#include "test_support.h"

using byline::test::read_file;
using byline::test::run_byline;
using byline::test::source_path;
using byline::test::TempDir;
using byline::test::write_file;
using Catch::Contains;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

json parse_fixture(const std::string& name, std::string* err = nullptr) {
  auto r = run_byline({"parse", source_path("tests/fixtures/html/" + name).string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  if (err) *err = r.err;
  return json::parse(r.out);
}

json index_json(const std::string& db, const std::string& input) {
  auto r = run_byline({"--db", db, "index", "--json", input});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return json::parse(r.out);
}

json search_json(const std::string& db, const std::string& query) {
  auto r = run_byline({"--db", db, "search", "--format", "json", query});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return json::parse(r.out);
}

}  // namespace

TEST_CASE("a news article's JSON-LD NewsArticle gives its headline, date, author, keywords and body",
          "[cli][html][fixtures]") {
  json page = parse_fixture("jsonld_news_article.html");
  const json& a = page["article"];
  // JSON-LD is trusted over og:title, the <title> (with the site's name) and the <h2>.
  CHECK(a["title"] == "Port strike ends after nine days");
  CHECK(a["date"] == "2021-03-05T14:20");  // datePublished, not dateModified
  CHECK(a["author"] == "Dana Whitfield");
  CHECK(a["tags"] == json::array({"Labour", "Shipping", "Harbour"}));
  CHECK(a["text"] ==
        "Dock workers voted on Friday to accept a new contract, ending a nine-day strike that left forty ships "
        "waiting offshore.\n\nThe union said the deal raises wages by six percent over three years.");
  CHECK(page["comments"].empty());
}

TEST_CASE("a page with only OpenGraph and <meta> tags gives them, and its body without menus, shares or footer",
          "[cli][html][fixtures]") {
  json page = parse_fixture("opengraph_only.html");
  const json& a = page["article"];
  CHECK(a["title"] == "Library reopens after flood repairs");  // og:title, not <title>
  CHECK(a["date"] == "2018-11-02T07:45");                      // article:published_time
  CHECK(a["author"] == "Priya Natarajan");                     // <meta name=author>
  CHECK(a["tags"] == json::array({"Libraries", "Floods"}));    // article:tag, in order
  const std::string text = a["text"];
  CHECK(text.rfind("The central library reopened on Thursday", 0) == 0);
  CHECK_THAT(text, Contains("children's books.\n\nVolunteers catalogued"));
  CHECK_THAT(text, Contains("in time for the winter season."));
  for (const char* chrome : {"Share on", "Market Square", "Home", "Local"}) {
    INFO(chrome);
    CHECK(text.find(chrome) == std::string::npos);
  }
}

TEST_CASE("a section front is skipped and counted as not an article, and none of its teasers is found",
          "[cli][html][fixtures]") {
  TempDir dir;
  write_file(dir / "in" / "front.html", read_file(source_path("tests/fixtures/html/section_front.html")));
  write_file(dir / "in" / "story.html", read_file(source_path("tests/fixtures/html/jsonld_news_article.html")));
  const std::string db = (dir / "db").string();
  json j = index_json(db, (dir / "in").string());
  CHECK(j["files"] == 2);
  CHECK(j["articles"] == 1);
  CHECK(j["skipped"]["not_article"] == 1);
  CHECK(search_json(db, "bakery")["total"] == 0);
  CHECK(search_json(db, "strike")["total"] == 1);
  auto stats = run_byline({"--db", db, "stats", "--format", "json"});
  REQUIRE(stats.exit_code == 0);
  CHECK(json::parse(stats.out)["files_skipped"]["not_article"] == 1);
}

TEST_CASE("hostile markup: a wrong declared charset, unclosed tags and <script> in a reader's comment",
          "[cli][html][fixtures]") {
  std::string err;
  json page = parse_fixture("hostile_markup.html", &err);
  // Declared UTF-8, written in Windows-1252: said on stderr, and decoded.
  CHECK_THAT(err, Contains("declared UTF-8 but is not"));
  const json& a = page["article"];
  CHECK(a["title"] == "Caf\u00e9 owner wins appeal");
  CHECK(a["author"] == "In\u00e9s Duarte");
  CHECK(a["date"] == "2020-06-01T16:40");
  // Unclosed <p>s still end paragraphs; misnested <b><i> loses no words.
  CHECK(a["text"] ==
        "The owner of the Caf\u00e9 Ren\u00e9e on the harbour front won her appeal against the licensing board on "
        "Monday \u2013 the third ruling in her favour.\n\nHer lawyer said the board had ignored its own rules for "
        "two years.");
  REQUIRE(page["comments"].size() == 1);
  const json& c = page["comments"][0];
  CHECK(c["author"] == "Sam Ortiz");
  CHECK(c["date"] == "2020-06-02T09:15");
  // The escaped script is the reader's text; the HTML comment and the real
  // script element are not text at all.
  CHECK(c["text"] == "Try this: <script>alert(1)</script> in the form");

  TempDir dir;
  const std::string db = (dir / "db").string();
  index_json(db, source_path("tests/fixtures/html/hostile_markup.html").string());
  json hit = search_json(db, "alert");
  REQUIRE(hit["total"] == 1);
  CHECK(hit["hits"][0]["type"] == "comment");
  // Shown as text in HTML: escaped, never live markup.
  const std::string shown = hit["hits"][0]["snippet_html"];
  CHECK(shown.find("<script") == std::string::npos);
  CHECK_THAT(shown, Contains("&lt;script&gt;"));
  CHECK(search_json(db, "Ren\u00e9e")["total"] == 1);
}

TEST_CASE("a page with a 10 MB inline script: the script is not indexed and the page takes bounded time",
          "[cli][html][fixtures]") {
  TempDir dir;
  // Made here, not committed: 10 MiB of script statements naming words that
  // appear nowhere else.
  std::string script;
  script.reserve((10u << 20) + 64);
  for (int i = 0; script.size() < (10u << 20); ++i)
    script += "var zqx" + std::to_string(i) + " = \"scriptonlyword" + std::to_string(i % 97) + "\";\n";
  write_file(dir / "in" / "big.html",
             "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Tram line opens</title><script>" + script +
                 "</script></head><body><article><h1>Tram line opens</h1>"
                 "<p>The new tram line opened on Sunday with free rides all day.</p>"
                 "<p>Commuters said the trip downtown now takes twelve minutes.</p></article></body></html>");
  const std::string db = (dir / "db").string();
  const auto start = std::chrono::steady_clock::now();
  json j = index_json(db, (dir / "in").string());
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  // About 1 s on a busy 2-core machine; 60 s is a hang, not slowness.
  CHECK(seconds < 60.0);
  CHECK(j["articles"] == 1);
  CHECK(search_json(db, "scriptonlyword5")["total"] == 0);
  CHECK(search_json(db, "zqx1")["total"] == 0);
  json tram = search_json(db, "tram");
  REQUIRE(tram["total"] == 1);
  CHECK(tram["hits"][0]["title"] == "Tram line opens");

  auto parsed = run_byline({"parse", (dir / "in" / "big.html").string()});
  REQUIRE(parsed.exit_code == 0);
  json page = json::parse(parsed.out);
  CHECK(page["article"]["text"] ==
        "The new tram line opened on Sunday with free rides all day.\n\nCommuters said the trip downtown now takes "
        "twelve minutes.");
  CHECK(parsed.out.size() < 4096);  // nothing of the script came along
}
