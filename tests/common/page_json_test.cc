// The parser's output through page_to_json and back.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "byline/page.h"
#include "byline/page_json.h"
#include "test_support.h"

TEST_CASE("a parsed page survives page_to_json and page_from_json", "[parser][json]") {
  auto parsed =
      byline::parse_page(byline::test::read_file(byline::test::source_path("corpus/000_22e4804a8479d9b0.txt")));
  std::string line = byline::page_to_json(parsed.page, "seed.txt");
  CHECK(line.find('\n') == std::string::npos);
  auto json = nlohmann::json::parse(line);
  CHECK(json["source"] == "seed.txt");
  CHECK(json["article"]["date"] == "2013-04-22T22:08");
  CHECK(json["comments"][6]["parent"] == 6);
  CHECK(json["comments"][0]["parent"].is_null());

  byline::JsonPage back = byline::page_from_json(line);
  CHECK(back.source == "seed.txt");
  CHECK(back.page.article.title == parsed.page.article.title);
  CHECK(back.page.article.text == parsed.page.article.text);
  CHECK(back.page.article.tags == parsed.page.article.tags);
  REQUIRE(back.page.comments.size() == parsed.page.comments.size());
  for (std::size_t i = 0; i < back.page.comments.size(); ++i) {
    CHECK(back.page.comments[i].text == parsed.page.comments[i].text);
    CHECK(back.page.comments[i].parent == parsed.page.comments[i].parent);
    CHECK(back.page.comments[i].date == parsed.page.comments[i].date);
  }
}

TEST_CASE("a page that is not news gives null date and author in JSON", "[parser][json]") {
  auto parsed = byline::parse_page("Shopping list\n\neggs\n");
  auto json = nlohmann::json::parse(byline::page_to_json(parsed.page, "list.txt"));
  CHECK(json["article"]["date"].is_null());
  CHECK(json["article"]["author"].is_null());
  CHECK(json["article"]["tags"].empty());
  CHECK(json["comments"].empty());
}
