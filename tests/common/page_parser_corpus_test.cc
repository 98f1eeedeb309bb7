// The bundled sample pages in corpus/ all parse as news pages, and the small
// ones written for the parser show what they were written to show.
#include <catch2/catch.hpp>

#include <filesystem>

#include "byline/page.h"
#include "test_support.h"

namespace fs = std::filesystem;

namespace {

byline::ParseResult corpus_page(const std::string& prefix) {
  for (const auto& entry : fs::directory_iterator(byline::test::source_path("corpus")))
    if (entry.path().filename().string().rfind(prefix, 0) == 0) return byline::parse_file(entry.path().string());
  FAIL("no corpus page " << prefix);
  return {};
}

}  // namespace

TEST_CASE("every corpus page is a news page with a date and a body", "[parser][corpus]") {
  int pages = 0;
  for (const auto& entry : fs::directory_iterator(byline::test::source_path("corpus"))) {
    if (entry.path().extension() != ".txt") continue;
    CAPTURE(entry.path().string());
    auto r = byline::parse_file(entry.path().string());
    CHECK(r.is_news_page);
    CHECK(r.warnings.empty());
    CHECK(r.page.article.date.has_value());
    CHECK_FALSE(r.page.article.text.empty());
    for (const auto& c : r.page.comments) CHECK(c.date.has_value());
    ++pages;
  }
  CHECK(pages >= 5);
}

TEST_CASE("corpus pages: no comments, nested replies, many comments, outlet bylines", "[parser][corpus]") {
  auto no_comments = corpus_page("001_");
  CHECK(no_comments.page.article.author == "Maya Ortega");
  CHECK(no_comments.page.comments.empty());

  auto nested = corpus_page("002_");
  CHECK(nested.page.article.author == "Samir Qadri");  // only in "Post by:"
  REQUIRE(nested.page.comments.size() == 5);
  CHECK(nested.page.comments[3].parent == 3);
  CHECK(nested.page.comments[2].parent == 2);
  CHECK_FALSE(nested.page.comments[4].parent.has_value());

  auto many = corpus_page("003_");
  CHECK(many.page.article.author == "Daniel Reyes and Priya Shah");
  REQUIRE(many.page.comments.size() == 12);
  CHECK(many.page.comments[2].text.empty());
  CHECK(many.page.comments[11].author == "Ivo");

  auto outlet = corpus_page("004_");
  CHECK(outlet.page.article.author == "Tom Hale");
  CHECK(outlet.page.article.tags.empty());
  CHECK(outlet.page.article.date == "2017-01-09T00:15");
}
