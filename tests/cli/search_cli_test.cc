// `byline search` and `byline show`, run as the real binary: output formats,
// exit statuses, and the acceptance queries on the indexed seed page.
#include <catch2/catch.hpp>

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
  std::string snippet = first["snippet"];
  CHECK(snippet.find("<mark>sanctioned</mark>") != std::string::npos);
  const json& comment = out["hits"][1];
  CHECK(comment["type"] == "comment");
  CHECK(comment["comment"]["index"] == 1);
  CHECK(comment["comment"]["parent"].is_null());
  CHECK(out["facets"]["author"].is_array());
  CHECK(out["facets"]["month"][0] == json::array({"2013-04", 2}));
  CHECK(out.contains("facets"));
  // Facets appear only when asked; the rest of a snippet is not HTML-escaped.
  json plain = f.search_json({"critics", "--type", "article", "--snippet-chars", "400"});
  CHECK_FALSE(plain.contains("facets"));
  std::string text = plain["hits"][0]["snippet"];
  CHECK(text.find("& cost <jobs>") != std::string::npos);
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
  const std::vector<std::vector<std::string>> bad = {{"search", "foo:bar"},
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
  RunResult unknown = f.run({"search", "foo:bar"});
  CHECK(unknown.err == "byline: unknown field 'foo' (fields: title:, author:, tag:, type:, date:, page:, id:, on:, discussed:, reply:)\n");
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
  CHECK(phrase["hits"][0]["snippet"].get<std::string>().find("<mark>missile defense</mark>") != std::string::npos);

  // Every hit's snippet shows a match (on long texts Xapian's fast snippet
  // mode can miss them; the searcher then falls back to the exhaustive one).
  for (const char* word : {"russia", "magnitsky", "terror"}) {
    const json result = search({word});  // the loop below must not outlive it
    for (const json& h : result["hits"]) {
      INFO(word << " " << h["id"]);
      CHECK(h["snippet"].get<std::string>().find("<mark>") != std::string::npos);
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
