// `byline search --fragments N` on the real binary: words far apart in a
// page each get a fragment of the snippet, joined with " … ", within
// --snippet-chars; --fragments 1 is the single passage; other values are
// usage errors.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "test_support.h"

using namespace byline::test;
using nlohmann::json;

namespace {

const std::string kJoin = " \xE2\x80\xA6 ";

std::string filler(int sentences) {
  std::string out;
  for (int i = 0; i < sentences; ++i) out += "The weather stayed calm over the quiet harbour all day long. ";
  return out;
}

}  // namespace

TEST_CASE("search --fragments: far-apart words get a fragment each", "[cli][fragments]") {
  TempDir dir;
  const std::string db = (dir / "db").string();
  json page = {{"source", "fragments-1"},
               {"article",
                {{"title", "Harbour news"},
                 {"text", filler(3) + "Ministers debated the new sanctions late into the night. " + filler(8) +
                              "Oil prices, however, barely moved. " + filler(3)},
                 {"date", "2013-05-01T10:00"}}}};
  write_file(dir / "pages.jsonl", page.dump() + "\n");
  REQUIRE(run_byline({"--db", db, "index", (dir / "pages.jsonl").string()}).exit_code == 0);

  RunResult r = run_byline({"--db", db, "search", "sanctions oil", "--format", "json"});
  REQUIRE(r.exit_code == 0);
  const json hit = json::parse(r.out)["hits"][0];
  const std::string snippet = hit["snippet"];
  INFO(snippet);
  CHECK(snippet.find("Ministers debated the new sanctions late into the night." + kJoin +
                     "Oil prices, however, barely moved.") != std::string::npos);
  CHECK(hit["highlights"].size() == 2);
  CHECK(hit["snippet_html"].get<std::string>().find("<mark>sanctions</mark>") != std::string::npos);
  CHECK(hit["snippet_html"].get<std::string>().find("<mark>Oil</mark>") != std::string::npos);

  // Text output shows the same fragments; the budget holds.
  RunResult text = run_byline({"--db", db, "search", "sanctions oil", "--color", "never", "--snippet-chars", "120"});
  CHECK(text.out.find(kJoin) != std::string::npos);
  json small = json::parse(
      run_byline({"--db", db, "search", "sanctions oil", "--snippet-chars", "120", "--format", "json"}).out);
  std::string small_snippet = small["hits"][0]["snippet"];
  CHECK(small_snippet.size() <= 120 + 2 * 3);  // plus a leading and a trailing "…"

  // --fragments 1: one passage, no join.
  json one = json::parse(run_byline({"--db", db, "search", "sanctions oil", "--fragments", "1", "--format", "json"}).out);
  CHECK(one["hits"][0]["snippet"].get<std::string>().find(kJoin) == std::string::npos);
  CHECK(one["hits"][0]["highlights"].size() == 1);

  for (const char* bad : {"0", "4", "two"}) {
    RunResult u = run_byline({"--db", db, "search", "oil", "--fragments", bad});
    INFO(bad);
    CHECK(u.exit_code == 2);
    CHECK(u.err.rfind("byline: ", 0) == 0);
  }
}
