// Real-page variation, one small page per case in tests/fixtures/pages/
// (text written for these tests), plus byte-level variants of the seed page
// built here: CRLF, lone CR, BOM, Windows-1252.
#include <catch2/catch.hpp>

#include "byline/page.h"
#include "byline/page_json.h"
#include "test_support.h"

namespace {

using byline::ParseResult;

std::string fixture_bytes(const std::string& name) {
  return byline::test::read_file(byline::test::source_path("tests/fixtures/pages/" + name + ".txt"));
}

ParseResult fixture(const std::string& name) { return byline::parse_page(fixture_bytes(name)); }

std::string seed_bytes() {
  return byline::test::read_file(byline::test::source_path("corpus/000_22e4804a8479d9b0.txt"));
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
  return s;
}

std::string as_json(const ParseResult& r) { return byline::page_to_json(r.page, "x"); }

const std::string kBody =
    "HARBOURTON - A late frost closed the ferry pier on Monday, the port office said.\n\n"
    "Crews expect to reopen it by Wednesday if the ice keeps thinning.";

}  // namespace

TEST_CASE("CRLF, lone CR and a BOM parse like the plain page", "[parser][variants]") {
  const std::string plain = as_json(byline::parse_page(seed_bytes()));
  auto crlf = byline::parse_page(replace_all(seed_bytes(), "\n", "\r\n"));
  CHECK(as_json(crlf) == plain);
  CHECK(crlf.warnings.empty());
  CHECK(as_json(byline::parse_page(replace_all(seed_bytes(), "\n", "\r"))) == plain);
  auto bom = byline::parse_page("\xEF\xBB\xBF" + seed_bytes());
  CHECK(as_json(bom) == plain);
  CHECK(bom.page.article.title == "Boston bombing looms large at U.S./Russia meeting");
  CHECK(bom.warnings.empty());
}

TEST_CASE("Windows-1252 bytes are decoded, with a warning", "[parser][variants]") {
  std::string bytes = replace_all(fixture_bytes("no_tags"), "Ferryman", "Fran\xE7ois");
  bytes = replace_all(bytes, "closed the ferry pier",
                      "closed the \x93"
                      "ferry pier\x94");
  auto r = byline::parse_page(bytes);
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0].find("Windows-1252") != std::string::npos);
  REQUIRE(r.page.comments.size() == 1);
  CHECK(r.page.comments[0].author == "Fran\xC3\xA7ois");
  CHECK(r.page.article.text.find("closed the \xE2\x80\x9C"
                                 "ferry pier\xE2\x80\x9D") != std::string::npos);
  CHECK(r.page.article.author == "Nora Pell");
}

TEST_CASE("bylines: none, CNN's, two names, outlet suffix, a sentence, Post by only", "[parser][variants]") {
  CHECK_FALSE(fixture("no_byline").page.article.author.has_value());
  CHECK(fixture("no_byline").page.article.text == kBody);
  CHECK(fixture("by_cnns").page.article.author == "Jane Doe");
  CHECK(fixture("byline_two_authors").page.article.author == "Jane Doe and John Roe");
  CHECK(fixture("byline_outlet_suffix").page.article.author == "Jane Doe");
  auto sentence = fixture("byline_like_sentence");
  CHECK_FALSE(sentence.page.article.author.has_value());
  CHECK(sentence.page.article.text ==
        "By contrast, the northern pier stayed open all week.\n\nCrews expect to reopen it by Wednesday.");
  CHECK(fixture("post_by_only").page.article.author == "Marta Quill");
  CHECK(fixture("by_cnns").page.article.text == kBody);
}

TEST_CASE("tags and soundoff variants", "[parser][variants]") {
  auto no_tags = fixture("no_tags");
  CHECK(no_tags.page.article.tags.empty());
  CHECK(no_tags.page.comments.size() == 1);
  CHECK(fixture("no_responses").page.comments.empty());
  CHECK(fixture("no_responses").page.article.tags == std::vector<std::string>{"Weather", "Harbour"});
  auto many = fixture("many_responses");
  REQUIRE(many.page.comments.size() == 2);
  CHECK(many.page.comments[1].author == "Gull");
  auto none = fixture("no_comments_section");
  CHECK(none.is_news_page);
  CHECK(none.page.comments.empty());
  CHECK(none.page.article.text == kBody);
  CHECK(none.page.article.tags.size() == 2);
}

TEST_CASE("replies to replies nest by indentation", "[parser][variants]") {
  auto r = fixture("reply_to_reply");
  REQUIRE(r.page.comments.size() == 6);
  const auto& c = r.page.comments;
  CHECK_FALSE(c[0].parent.has_value());
  CHECK(c[1].parent == 1);
  CHECK(c[2].parent == 2);
  CHECK(c[3].parent == 3);
  CHECK(c[3].author == "Skua");
  CHECK(c[3].text == "Reply to Tern.");
  CHECK(c[4].parent == 1);
  CHECK(c[4].author == "Puffin");
  CHECK_FALSE(c[5].parent.has_value());
  CHECK(c[5].author == "Dockhand");
  CHECK(c[5].date == "2014-03-03T09:50");
}

TEST_CASE("comment paragraphs and empty comments", "[parser][variants]") {
  auto r = fixture("multi_paragraph_comment");
  REQUIRE(r.page.comments.size() == 2);
  CHECK(r.page.comments[0].text ==
        "First paragraph.\n\nSecond paragraph, line one.\nSecond paragraph, line two.\n\nThird paragraph.");
  CHECK(r.page.comments[1].text.empty());
  CHECK(r.page.comments[1].date == "2014-03-03T10:01");
}

TEST_CASE("comment text that looks like a date line stays text", "[parser][variants]") {
  auto r = fixture("comment_looks_like_date");
  REQUIRE(r.page.comments.size() == 2);
  CHECK(r.page.comments[0].text ==
        "The pier last froze on\n\nApril 24, 2013 at 7:43 pm | Reply\n\nand again on\n\nMay 1, 2013");
  CHECK(r.page.comments[0].date == "2014-03-03T10:02");
  CHECK(r.page.comments[1].text == "March 3, 2014 at 10:00 am");
  CHECK(r.page.comments[1].date == "2014-03-03T10:01");
}

TEST_CASE("comment text that looks like numbered comments or replies stays text", "[parser][variants]") {
  auto r = fixture("comment_looks_like_numbered_list");
  REQUIRE(r.page.comments.size() == 2);
  CHECK(r.page.comments[0].text ==
        "Three things:\n1. salt\n2. sand\n3. patience\n\n2. Also this\n\n\xE2\x80\xA2 and a bullet");
  CHECK(r.page.comments[1].author == "Gull");
  CHECK_FALSE(r.page.comments[1].parent.has_value());
}

TEST_CASE("Unicode names, including a zero-width space, are kept", "[parser][variants]") {
  auto r = fixture("unicode_names");
  CHECK(r.page.article.author == "\xC5\x81ukasz \xC5\xBB\xC3\xB3\xC5\x82\xC4\x87");
  REQUIRE(r.page.comments.size() == 3);
  CHECK(r.page.comments[0].author == "Zo\xC3\xAB \xC3\x85ngstr\xC3\xB6m");
  CHECK(r.page.comments[1].author == "\xE6\x9D\x8E\xE5\xB0\x8F\xE9\xBE\x99");
  CHECK(r.page.comments[1].parent == 1);
  CHECK(r.page.comments[2].author == "\xE2\x80\x8BHiddenStart");
}

TEST_CASE("times: 12 AM is 00, 12 PM is 12, a missing time line gives 00:00", "[parser][variants]") {
  auto r = fixture("time_12am");
  CHECK(r.page.article.date == "2014-03-03T00:05");
  REQUIRE(r.page.comments.size() == 2);
  CHECK(r.page.comments[0].date == "2014-03-03T12:30");
  CHECK(r.page.comments[1].date == "2014-03-03T00:00");
  CHECK(fixture("missing_time_line").page.article.date == "2014-03-03T00:00");
  CHECK(fixture("missing_time_line").page.article.text == kBody);
  auto abbreviated = fixture("abbreviated_month");
  CHECK(abbreviated.page.article.date == "2013-09-03T21:15");
  REQUIRE(abbreviated.page.comments.size() == 1);
  CHECK(abbreviated.page.comments[0].date == "2014-04-04T09:05");
}

TEST_CASE("tabs work as indentation", "[parser][variants]") {
  auto r = fixture("tabs");
  CHECK(r.page.article.text == "HARBOURTON - A late frost closed the ferry pier.\n\nCrews expect it to reopen.");
  REQUIRE(r.page.comments.size() == 3);
  CHECK(r.page.comments[0].text == "Tabbed text.");
  CHECK(r.page.comments[1].parent == 1);
  CHECK(r.page.comments[1].text == "Tabbed reply.");
  CHECK(r.page.comments[1].date == "2014-03-03T10:03");
  CHECK_FALSE(r.page.comments[2].parent.has_value());
  CHECK(r.page.comments[2].text.empty());
}

TEST_CASE("navigation lines are dropped", "[parser][variants]") {
  auto r = fixture("navigation_lines");
  CHECK(r.page.article.text == "HARBOURTON - A late frost closed the ferry pier.");
  REQUIRE(r.page.comments.size() == 1);
  CHECK(r.page.comments[0].author == "Ferryman");
  auto above_title = byline::parse_page("\xC2\xAB Previous entry\n\n" + fixture_bytes("navigation_lines"));
  CHECK(above_title.page.article.title == "Frost Closes Ferry Pier");
  CHECK(as_json(above_title) == as_json(r));
}

TEST_CASE("comment numbers of several digits", "[parser][variants]") {
  auto r = fixture("comment_numbers");
  REQUIRE(r.page.comments.size() == 3);
  CHECK(r.page.comments[1].author == "Ten");
  CHECK(r.page.comments[2].author == "Hundred");
  CHECK(r.page.comments[2].index == 3);
}

TEST_CASE("extra blank lines, trailing spaces, final newline", "[parser][variants]") {
  auto r = fixture("extra_blank_lines");
  CHECK(r.page.article.title == "Frost Closes Ferry Pier");
  CHECK(r.page.article.text == kBody);
  REQUIRE(r.page.comments.size() == 1);
  CHECK(r.page.comments[0].text == "Hope they salt the ramp first.");
  CHECK(r.page.comments[0].date == "2014-03-03T10:02");
}

TEST_CASE("a truncated page keeps what is complete", "[parser][variants]") {
  auto r = fixture("truncated");
  CHECK(r.page.article.text == kBody);
  REQUIRE(r.page.comments.size() == 2);
  CHECK(r.page.comments[0].date == "2014-03-03T10:02");
  CHECK(r.page.comments[1].author == "Gull");
  CHECK(r.page.comments[1].text == "Cut before the date.");
  CHECK_FALSE(r.page.comments[1].date.has_value());
}

TEST_CASE("text that is not a news page", "[parser][variants]") {
  auto r = fixture("not_a_news_page");
  CHECK_FALSE(r.is_news_page);
  CHECK(r.page.article.title == "Shopping list");
  CHECK(r.page.article.text == "eggs\nflour\n\nAsk about the ferry timetable.");
  CHECK_FALSE(r.page.article.date.has_value());
  CHECK(r.page.comments.empty());
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0] == "does not look like a news page");
  auto empty = byline::parse_page("");
  CHECK(empty.page.article.title.empty());
  CHECK_FALSE(empty.is_news_page);
}
