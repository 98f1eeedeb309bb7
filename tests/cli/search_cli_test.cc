// `byline search` and `byline show`, run as the real binary: output formats,
// exit statuses, and the acceptance queries on the indexed seed page.
#include <catch2/catch.hpp>

#include <cctype>
#include <string>

#include <nlohmann/json.hpp>

#include "../searcher/search_fixtures.h"
#include "test_support.h"

using namespace byline;
using namespace byline::test;
using nlohmann::json;

namespace {

struct CliFixture {
  TempDir dir;
  std::string db = build_fixture_index(dir, fixture_pages());
  RunResult run(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db});
    return run_byline(args);
  }
  json search_json(std::vector<std::string> args) {
    args.insert(args.begin(), "search");
    args.insert(args.end(), {"--format", "json"});
    RunResult r = run(args);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return json::parse(r.out);
  }
};

std::size_t count_lines(const std::string& text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

}  // namespace

TEST_CASE("search --format json has the documented shape", "[cli][search]") {
  CliFixture f;
  json out = f.search_json({"sanctions", "-n", "2", "--facets", "author,month"});
  CHECK(out["query"] == "sanctions");
  CHECK(out["total"] == 3);
  CHECK(out["offset"] == 0);
  CHECK(out["limit"] == 2);
  CHECK(out["corrected"].is_null());
  REQUIRE(out["hits"].size() == 2);
  const json& first = out["hits"][0];
  CHECK(first["rank"] == 1);
  CHECK(first["id"].is_string());
  CHECK(first["type"] == "article");
  CHECK(first["score"].is_number_float());
  CHECK(first["title"] == "Sanctions on Russia tighten");
  CHECK(first["author"] == "Anna Smith");
  CHECK(first["date"] == "2013-04-10T09:00");
  CHECK(first["source"] == "sanctions.txt");
  CHECK(first["comment"].is_null());
  std::string snippet = first["snippet_html"];
  CHECK(snippet.find("<mark>sanctioned</mark>") != std::string::npos);
  const json& comment = out["hits"][1];
  CHECK(comment["type"] == "comment");
  CHECK(comment["comment"]["index"] == 1);
  CHECK(comment["comment"]["parent"].is_null());
  CHECK(out["facets"]["author"].is_array());
  CHECK(out["facets"]["month"][0] == json::array({"2013-04", 2}));
  CHECK(out.contains("facets"));
  // Facets appear only when asked. "snippet" is the page's plain text,
  // "snippet_html" the same HTML-escaped, and the code-point spans of
  // "highlights" cut out exactly the highlighted words.
  CHECK(out["format_version"] == 2);
  CHECK(out["total_exact"] == true);
  CHECK_FALSE(out.contains("total_min"));
  json plain = f.search_json({"critics", "--type", "article", "--snippet-chars", "400"});
  CHECK_FALSE(plain.contains("facets"));
  std::string text = plain["hits"][0]["snippet"];
  CHECK(text.find("& cost <jobs>") != std::string::npos);
  CHECK(text.find("<mark>") == std::string::npos);
  std::string html = plain["hits"][0]["snippet_html"];
  CHECK(html.find("&amp; cost &lt;jobs&gt;") != std::string::npos);
  const json& spans = plain["hits"][0]["highlights"];
  REQUIRE_FALSE(spans.empty());
  // Code points, not bytes: decode to UTF-32 to cut the spans out.
  std::u32string wide;
  for (std::size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = n == 1 ? c : (c & (0xFF >> (n + 1)));
    for (std::size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    wide.push_back(cp);
    i += n;
  }
  for (const json& span : spans) {
    std::size_t start = span[0], end = span[1];
    REQUIRE(start < end);
    REQUIRE(end <= wide.size());
    std::u32string word = wide.substr(start, end - start);
    std::string ascii;
    for (char32_t cp : word) ascii += static_cast<char>(cp < 0x80 ? std::tolower(static_cast<int>(cp)) : '?');
    CHECK(ascii.rfind("critic", 0) == 0);
  }
  json reply = f.search_json({"disagree"});
  CHECK(reply["hits"][0]["comment"]["parent"] == 1);
  json undated = f.search_json({"magnets"});
  CHECK(undated["hits"][0]["author"].is_null());
  CHECK(undated["hits"][0]["date"].is_null());
  json fixed = f.search_json({"sanctoins"});
  CHECK(fixed["corrected"] == "sanctions");
}

TEST_CASE("search text output", "[cli][search]") {
  CliFixture f;
  RunResult r = f.run({"search", "missile", "defense", "--type", "comment"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.rfind("1 match (", 0) == 0);
  CHECK(r.out.find("1. comment  2013-01-01 00:10  Yury") != std::string::npos);
  CHECK(r.out.find("missile.txt, comment 1\n") != std::string::npos);
  CHECK(r.out.find("\n   id ") != std::string::npos);
  CHECK(r.out.find('\x1b') == std::string::npos);  // not a terminal: no escape codes
  RunResult reply = f.run({"search", "author:yury", "date:2013-04"});
  CHECK(reply.out.find("comment 3 (reply to 2)") != std::string::npos);
  RunResult none = f.run({"search", "zebra"});
  CHECK(none.exit_code == 0);
  CHECK(none.out == "No matches for 'zebra'.\n");
  RunResult spelt = f.run({"search", "sanctoins"});
  CHECK(spelt.out.find("Did you mean: sanctions\n") != std::string::npos);
  RunResult all = f.run({"search", "--type", "comment", ""});
  CHECK(all.out.rfind("6 matches", 0) == 0);
}

TEST_CASE("search errors: one line, exit 2 for queries, 3 for the index", "[cli][search]") {
  CliFixture f;
  const std::vector<std::vector<std::string>> bad = {{"search", "title:"},
                                                     {"search", "*"},
                                                     {"search", "date:2013-13-45.."},
                                                     {"search", "type:blog"},
                                                     {"search", "x", "--since", "2013-13"},
                                                     {"search", "x", "--until", "tomorrow"},
                                                     {"search", "x", "--facets", "colour"},
                                                     {"search", "x", "--sort", "random"}};
  for (const auto& args : bad) {
    RunResult r = f.run(args);
    INFO(args[1] << " -> " << r.err);
    CHECK(r.exit_code == 2);
    CHECK(r.err.rfind("byline: ", 0) == 0);
    CHECK(count_lines(r.err) == 1);
    CHECK(r.out.empty());
  }
  RunResult empty_field = f.run({"search", "title:"});
  CHECK(empty_field.err == "byline: title: has no word after it (write title:WORD or title:\"some words\")\n");
  RunResult missing = run_byline({"--db", (f.dir / "nothing").string(), "search", "x"});
  CHECK(missing.exit_code == 3);
  CHECK(count_lines(missing.err) == 1);
  for (const char* text : {"\"open quote", "(a OR", "10:08", "http://x.org", "a..b"}) {
    RunResult r = f.run({"search", text});
    INFO(text << " -> " << r.err);
    CHECK(r.exit_code == 0);
  }
}

TEST_CASE("show prints a document and its thread", "[cli][show]") {
  CliFixture f;
  json hit = f.search_json({"title:missile", "--type", "article"})["hits"][0];
  std::string id = hit["id"];
  RunResult text = f.run({"show", id});
  REQUIRE(text.exit_code == 0);
  CHECK(text.out.rfind("Missile defense talks resume\n", 0) == 0);
  CHECK(text.out.find("tags: Russia, Defense") != std::string::npos);
  CHECK(text.out.find("3 comments:") != std::string::npos);
  CHECK(text.out.find("\n  2. Ted") != std::string::npos);
  CHECK(text.out.find("\n      3. Yury") != std::string::npos);  // a reply, indented
  RunResult js = f.run({"show", id, "--format", "json"});
  REQUIRE(js.exit_code == 0);
  json doc = json::parse(js.out);
  CHECK(doc["id"] == id);
  CHECK(doc["type"] == "article");
  REQUIRE(doc["comments"].size() == 3);
  CHECK(doc["comments"][2]["depth"] == 1);
  CHECK(doc["comments"][2]["comment"]["parent"] == 2);
  RunResult comment = f.run({"show", id + ".2", "--format", "json"});
  CHECK(json::parse(comment.out)["author"] == "Ted");
  RunResult unknown = f.run({"show", "feedfacefeedface"});
  CHECK(unknown.exit_code == 1);
  CHECK(unknown.err == "byline: show feedfacefeedface: no such document\n");
}

TEST_CASE("acceptance: searching the indexed seed page", "[cli][search][e2e]") {
  TempDir dir;
  std::string db = (dir / "index").string();
  RunResult indexed = run_byline({"--db", db, "index", source_path("corpus/000_22e4804a8479d9b0.txt").string()});
  INFO(indexed.err);
  REQUIRE(indexed.exit_code == 0);
  auto search = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db, "search"});
    args.insert(args.end(), {"--format", "json", "-n", "50"});
    RunResult r = run_byline(args);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return json::parse(r.out);
  };

  json phrase = search({"\"missile defense\""});
  REQUIRE(phrase["hits"].size() == 1);
  CHECK(phrase["hits"][0]["type"] == "article");
  CHECK(phrase["hits"][0]["snippet_html"].get<std::string>().find("<mark>missile defense</mark>") != std::string::npos);

  // Every hit's snippet shows a match (on long texts Xapian's fast snippet
  // mode can miss them; the searcher then falls back to the exhaustive one).
  for (const char* word : {"russia", "magnitsky", "terror"}) {
    const json result = search({word});  // the loop below must not outlive it
    for (const json& h : result["hits"]) {
      INFO(word << " " << h["id"]);
      CHECK(h["snippet_html"].get<std::string>().find("<mark>") != std::string::npos);
    }
  }

  json magnitsky = search({"type:comment magnitsky"});
  REQUIRE(!magnitsky["hits"].empty());
  CHECK(magnitsky["hits"][0]["author"] == "Ted");

  json yury = search({"author:yury"});
  REQUIRE(yury["hits"].size() == 1);
  CHECK(yury["hits"][0]["author"] == "Yury");

  json day = search({"date:2013-04-24..2013-04-24 type:comment"});
  std::set<std::string> authors;
  for (const json& h : day["hits"]) authors.insert(h["author"].get<std::string>());
  CHECK(day["total"] == 3);
  CHECK(authors == std::set<std::string>{"JZG", "Gdgjhuk Msftj", "Name*sidx1"});

  json facets = search({"--type", "comment", "", "--facets", "author"});
  std::map<std::string, int> brute;
  for (const json& h : facets["hits"]) ++brute[h["author"].get<std::string>()];
  std::map<std::string, int> counted;
  for (const json& pair : facets["facets"]["author"]) counted[pair[0].get<std::string>()] = pair[1].get<int>();
  CHECK(facets["total"] == facets["hits"].size());
  CHECK(counted == brute);
  CHECK(counted["Yury"] == 1);
}

TEST_CASE("the number of matches does not depend on --limit or --offset", "[cli][search][count]") {
  CliFixture f;
  // A word of many documents of the fixture pages, and a filter that matches none.
  for (const char* q : {"sanctions", "the", "type:comment", "sanctions type:comment"}) {
    INFO(q);
    json all = f.search_json({q, "-n", "1000"});
    REQUIRE(all["total_exact"] == true);
    const auto total = all["total"].get<std::size_t>();
    CHECK(total == all["hits"].size());
    for (const std::vector<std::string>& page : {std::vector<std::string>{"-n", "0"},
                                                 {"-n", "1"},
                                                 {"-n", "3"},
                                                 {"-n", "2", "--offset", "1"},
                                                 {"-n", "5", "--offset", "100"}}) {
      std::vector<std::string> args{q};
      args.insert(args.end(), page.begin(), page.end());
      json got = f.search_json(args);
      CHECK(got["total"] == total);
      CHECK(got["total_exact"] == true);
    }
    json collapsed_all = f.search_json({q, "--collapse", "-n", "1000"});
    json collapsed = f.search_json({q, "--collapse", "-n", "1"});
    CHECK(collapsed["total"] == collapsed_all["hits"].size());
    CHECK(collapsed["total_exact"] == true);
    // -n 0 is a count in text too: never "No matches" when there are some.
    RunResult zero = f.run({"search", q, "-n", "0"});
    REQUIRE(zero.exit_code == 0);
    CHECK(zero.out.find("No matches") == std::string::npos);
    CHECK(zero.out.rfind(std::to_string(total) + (total == 1 ? " match" : " matches"), 0) == 0);
    CHECK(zero.out.find("none from offset") == std::string::npos);
  }
  RunResult none = f.run({"search", "sanctions", "type:comment", "author:nobody-at-all", "-n", "0"});
  CHECK(none.out.rfind("No matches", 0) == 0);
}
