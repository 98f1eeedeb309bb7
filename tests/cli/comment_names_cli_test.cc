// Comment authors named with emoji and symbols, end to end: a page is
// indexed by the real binary, and each such comment is found as a comment of
// its own, with its author and only its own text.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "test_support.h"

using byline::test::run_byline;
using byline::test::TempDir;
using nlohmann::json;

namespace {

// A page whose replies and comments carry pictograph names glued to their
// marker, as some pages print them: "•❤Love", "3.🇺🇸Patriot".
const std::string kPage =
    "Frost Closes Ferry Pier\nMarch 3rd, 2014\n09:15 AM ET\n\nFrost Closes Ferry Pier\n\nBy Ann Lee\n\n"
    "HARBOURTON - A late frost closed the ferry pier on Monday.\n\nPost by:\nFiled under: Weather\n"
    "soundoff (4 Responses)\n"
    "  1. Ferryman\n\n    Nothing about mackerel here.\n\n    March 3, 2014 at 10:02 am | Reply\n"
    "    \xE2\x80\xA2\xE2\x9D\xA4\xEF\xB8\x8FLove\n\n      Hearts for the herring crews.\n\n"
    "      March 3, 2014 at 10:03 am | Reply\n"
    "  2.\xF0\x9F\x87\xBA\xF0\x9F\x87\xB8Patriot\n\n    Flags over the walrus pier.\n\n"
    "    March 3, 2014 at 10:04 am | Reply\n"
    "  3. \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D \xCC\x81x\n\n    Shalom to the sturgeon.\n\n"
    "    March 3, 2014 at 10:05 am | Reply\n"
    "\nPost a comment\n\n\nThe site welcomes civil discussion.";

json search(const std::string& db, const std::string& word) {
  byline::test::RunResult r = run_byline({"--db", db, "search", word, "--format", "json"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return json::parse(r.out);
}

}  // namespace

TEST_CASE("comments whose authors begin with an emoji are indexed as their own comments", "[cli][names]") {
  TempDir dir;
  byline::test::write_file(dir / "pages" / "frost.txt", kPage);
  const std::string db = (dir / "db").string();
  byline::test::RunResult indexed = run_byline({"--db", db, "index", "--jobs", "1", (dir / "pages").string()});
  INFO(indexed.err);
  REQUIRE(indexed.exit_code == 0);

  json herring = search(db, "herring");
  REQUIRE(herring["hits"].size() == 1);
  CHECK(herring["hits"][0]["author"] == "\xE2\x9D\xA4\xEF\xB8\x8FLove");
  CHECK(herring["hits"][0]["comment"]["index"] == 2);
  CHECK(herring["hits"][0]["comment"]["parent"] == 1);
  json walrus = search(db, "walrus");
  REQUIRE(walrus["hits"].size() == 1);
  CHECK(walrus["hits"][0]["author"] == "\xF0\x9F\x87\xBA\xF0\x9F\x87\xB8Patriot");
  CHECK(walrus["hits"][0]["comment"]["index"] == 3);
  json sturgeon = search(db, "sturgeon");
  REQUIRE(sturgeon["hits"].size() == 1);
  CHECK(sturgeon["hits"][0]["author"] == "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D \xCC\x81x");
  // No comment swallowed another one's text.
  CHECK(search(db, "mackerel")["hits"].size() == 1);
  CHECK(search(db, "mackerel AND herring")["total"] == 0);
  CHECK(search(db, "type:comment")["total"] == 4);
}
