// The library's errors name its API's parameters (Query::until,
// IndexOptions::jobs), never a CLI flag; the `byline` binary shows the same
// errors in its own flags' words.
#include <catch2/catch.hpp>

#include "../searcher/search_fixtures.h"
#include "byline/error.h"
#include "byline/indexer.h"
#include "byline/searcher.h"
#include "test_support.h"

using namespace byline;
using namespace byline::test;

namespace {

std::string bad_query_message(Searcher& searcher, const Query& query) {
  try {
    searcher.search(query);
  } catch (const BadQuery& e) {
    return e.what();
  }
  FAIL("no BadQuery thrown");
  return "";
}

}  // namespace

TEST_CASE("library errors name Query's own members, not CLI flags", "[cli][api]") {
  TempDir dir;
  std::string db = build_fixture_index(dir, fixture_pages());
  Searcher searcher(db);

  Query until;
  until.until = "2013-13";
  std::string message = bad_query_message(searcher, until);
  CHECK(message.find("Query::until") != std::string::npos);
  CHECK(message.find("--") == std::string::npos);

  Query since;
  since.since = "20x3";
  message = bad_query_message(searcher, since);
  CHECK(message.find("Query::since") != std::string::npos);
  CHECK(message.find("--") == std::string::npos);

  Query backwards;
  backwards.since = "2013-05";
  backwards.until = "2013-04";
  message = bad_query_message(searcher, backwards);
  CHECK(message.find("Query::since..until") != std::string::npos);
  CHECK(message.find("--") == std::string::npos);

  Query author;
  author.author = "  ";
  message = bad_query_message(searcher, author);
  CHECK(message.find("Query::author") != std::string::npos);
  CHECK(message.find("--") == std::string::npos);
}

TEST_CASE("library errors name IndexOptions' own members, not CLI flags", "[cli][api]") {
  TempDir dir;
  IndexOptions options;
  options.jobs = 0;
  try {
    Indexer indexer((dir / "index").string(), options);
    FAIL("jobs = 0 was accepted");
  } catch (const BadQuery& e) {
    std::string message = e.what();
    CHECK(message.find("IndexOptions::jobs") != std::string::npos);
    CHECK(message.find("--") == std::string::npos);
  }
}

TEST_CASE("the CLI shows the library's errors with its own flags", "[cli][api]") {
  TempDir dir;
  std::string db = build_fixture_index(dir, fixture_pages());
  RunResult r = run_byline({"--db", db, "search", "--until", "2013-13", "sanctions"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.rfind("byline: --until", 0) == 0);
  CHECK(r.err.find("Query::") == std::string::npos);

  r = run_byline({"--db", db, "search", "--since", "2013-05", "--until", "2013-04", "sanctions"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.rfind("byline: --since/--until", 0) == 0);
}
