// `byline search --format jsonl|csv|ids|files`, --exit-status and --color,
// run as the real binary on a small index; the pager in pager_cli_test.cc.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "../searcher/search_fixtures.h"
#include "test_support.h"

using namespace byline;
using namespace byline::test;
using nlohmann::json;

namespace {

// The fixture pages, plus one whose title and text need CSV quoting and one
// whose source name holds a line break (it cannot be a line of --format files).
std::vector<FixturePage> pages_for_formats() {
  std::vector<FixturePage> pages = fixture_pages();
  FixturePage quoted;
  quoted.source = "quoted.txt";
  quoted.page.article.title = "Tariffs, \"quotas\" and sanctions";
  quoted.page.article.author = "Dee, Jr.";
  quoted.page.article.date = "2013-06-01T10:00";
  quoted.page.article.text = "The \"sanctions\" bill, line one.\r\nLine two, with sanctions again.";
  pages.push_back(quoted);
  FixturePage odd;
  odd.source = "odd\nname.txt";
  odd.page.article.title = "Zebra crossing";
  odd.page.article.text = "A zebra crossing, far from any town.";
  pages.push_back(odd);
  return pages;
}

struct FormatFixture {
  TempDir dir;
  std::string db = build_fixture_index(dir, pages_for_formats());
  RunResult search(std::vector<std::string> args, std::vector<std::string> env = {}) {
    args.insert(args.begin(), {"--db", db, "search"});
    return run_byline(args, env);
  }
  json json_hits(std::vector<std::string> args) {
    args.insert(args.end(), {"--format", "json"});
    RunResult r = search(args);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return json::parse(r.out)["hits"];
  }
};

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// An RFC 4180 reader: records end with CRLF, a quoted field may hold commas,
// CR, LF, and quotes doubled. Fails the test on anything else.
std::vector<std::vector<std::string>> read_csv(const std::string& text) {
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> record;
  std::string field;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '"') {
      ++i;
      while (true) {
        REQUIRE(i < text.size());
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            field += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        field += text[i++];
      }
    } else {
      while (i < text.size() && text[i] != ',' && text[i] != '\r') {
        REQUIRE(text[i] != '"');
        REQUIRE(text[i] != '\n');
        field += text[i++];
      }
    }
    REQUIRE(i < text.size());
    record.push_back(field);
    field.clear();
    if (text[i] == ',') {
      ++i;
      continue;
    }
    REQUIRE(text.compare(i, 2, "\r\n") == 0);
    i += 2;
    records.push_back(record);
    record.clear();
  }
  return records;
}

}  // namespace

TEST_CASE("search --format jsonl prints each hit of --format json on its own line", "[cli][formats]") {
  FormatFixture f;
  json hits = f.json_hits({"sanctions"});
  REQUIRE(hits.size() >= 4);
  RunResult r = f.search({"sanctions", "--format", "jsonl"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  std::vector<std::string> lines = lines_of(r.out);
  REQUIRE(lines.size() == hits.size());
  for (std::size_t i = 0; i < lines.size(); ++i) CHECK(json::parse(lines[i]) == hits[i]);
  CHECK(f.search({"nothingmatchesthis", "--format", "jsonl"}).out.empty());
}

TEST_CASE("search --format csv is RFC 4180 with a header row", "[cli][formats]") {
  FormatFixture f;
  json hits = f.json_hits({"sanctions"});
  RunResult r = f.search({"sanctions", "--format", "csv"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  std::vector<std::vector<std::string>> records = read_csv(r.out);
  REQUIRE(records.size() == hits.size() + 1);
  CHECK(records[0] == std::vector<std::string>{"rank", "id", "type", "score", "date", "author", "title", "source",
                                               "comment", "parent", "snippet"});
  bool saw_quoting = false;
  for (std::size_t i = 0; i < hits.size(); ++i) {
    const std::vector<std::string>& row = records[i + 1];
    REQUIRE(row.size() == 11);
    const json& hit = hits[i];
    CHECK(row[0] == std::to_string(hit["rank"].get<int>()));
    CHECK(row[1] == hit["id"]);
    CHECK(row[2] == hit["type"]);
    CHECK(std::stod(row[3]) == Approx(hit["score"].get<double>()).epsilon(1e-5));
    CHECK(row[4] == (hit["date"].is_null() ? "" : hit["date"].get<std::string>()));
    CHECK(row[5] == (hit["author"].is_null() ? "" : hit["author"].get<std::string>()));
    CHECK(row[6] == hit["title"]);
    CHECK(row[7] == hit["source"]);
    CHECK(row[8] == (hit["comment"].is_null() ? "" : std::to_string(hit["comment"]["index"].get<int>())));
    CHECK(row[10] == hit["snippet"]);
    if (row[6].find('"') != std::string::npos && row[10].find(',') != std::string::npos) saw_quoting = true;
  }
  // The page with quotes, commas and a CRLF in its text came through intact.
  CHECK(saw_quoting);
  // No match: the header alone.
  RunResult none = f.search({"nothingmatchesthis", "--format", "csv"});
  CHECK(none.out == "rank,id,type,score,date,author,title,source,comment,parent,snippet\r\n");
}

TEST_CASE("search --format ids and files print one per line", "[cli][formats]") {
  FormatFixture f;
  json hits = f.json_hits({"sanctions"});
  RunResult ids = f.search({"sanctions", "--format", "ids"});
  REQUIRE(ids.exit_code == 0);
  std::vector<std::string> expected_ids;
  for (const json& hit : hits) expected_ids.push_back(hit["id"]);
  CHECK(lines_of(ids.out) == expected_ids);

  // Each source once, in the order of the hits (comments share their page's).
  RunResult files = f.search({"sanctions", "--format", "files"});
  INFO(files.err);
  REQUIRE(files.exit_code == 0);
  std::vector<std::string> expected_files;
  for (const json& hit : hits)
    if (std::find(expected_files.begin(), expected_files.end(), hit["source"]) == expected_files.end())
      expected_files.push_back(hit["source"]);
  CHECK(expected_files.size() < hits.size());
  CHECK(lines_of(files.out) == expected_files);
  CHECK(files.err.empty());
}

TEST_CASE("search --format files leaves out a source name with a line break, and says so", "[cli][formats]") {
  FormatFixture f;
  RunResult r = f.search({"zebra", "--format", "files"});
  CHECK(r.out.empty());
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("byline: warning: source name with a control character, not listed: odd name.txt") !=
        std::string::npos);
}

TEST_CASE("search --exit-status: no match is exit 1, other statuses unchanged", "[cli][formats]") {
  FormatFixture f;
  CHECK(f.search({"nothingmatchesthis"}).exit_code == 0);
  RunResult none = f.search({"nothingmatchesthis", "--exit-status"});
  CHECK(none.exit_code == 1);
  CHECK(none.err.empty());
  CHECK(f.search({"nothingmatchesthis", "--exit-status", "--format", "ids"}).exit_code == 1);
  CHECK(f.search({"sanctions", "--exit-status"}).exit_code == 0);
  // Matches with no hit on this page (-n 0) are still matches.
  CHECK(f.search({"sanctions", "--exit-status", "-n", "0"}).exit_code == 0);
  CHECK(f.search({"date:2013-13", "--exit-status"}).exit_code == 2);
  RunResult no_index = run_byline({"--db", (f.dir / "missing").string(), "search", "x", "--exit-status"});
  CHECK(no_index.exit_code == 3);
}

TEST_CASE("colour in text output as --color=always|never|auto decide", "[cli][formats]") {
  FormatFixture f;
  const std::string bold = "\x1b[1m";
  // Piped: auto is plain, always is coloured (also with NO_COLOR: an explicit option wins), never is plain.
  CHECK(f.search({"sanctions"}).out.find(bold) == std::string::npos);
  RunResult always = f.search({"sanctions", "--color=always"});
  CHECK(always.exit_code == 0);
  CHECK(always.out.find(bold) != std::string::npos);
  CHECK(f.search({"sanctions", "--color", "always"}, {"NO_COLOR=1"}).out.find(bold) != std::string::npos);
  CHECK(f.search({"sanctions", "--color=never"}).out.find(bold) == std::string::npos);
  // Before the subcommand too, and for show.
  std::string id = f.json_hits({"sanctions"})[0]["id"];
  RunResult show = run_byline({"--color=always", "--db", f.db, "show", id});
  CHECK(show.out.find(bold) != std::string::npos);
  RunResult bad = f.search({"sanctions", "--color=sometimes"});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.rfind("byline: ", 0) == 0);
}

TEST_CASE("search --thread --format jsonl prints each group of --format json on its own line", "[cli][formats]") {
  FormatFixture f;
  RunResult whole = f.search({"sanctions", "--thread", "--format", "json"});
  INFO(whole.err);
  REQUIRE(whole.exit_code == 0);
  json groups = json::parse(whole.out)["groups"];
  REQUIRE(groups.size() >= 2);
  RunResult r = f.search({"sanctions", "--thread", "--format", "jsonl"});
  REQUIRE(r.exit_code == 0);
  std::vector<std::string> lines = lines_of(r.out);
  REQUIRE(lines.size() == groups.size());
  for (std::size_t i = 0; i < lines.size(); ++i) CHECK(json::parse(lines[i]) == groups[i]);
}
