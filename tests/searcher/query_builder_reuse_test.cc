// The Searcher builds its QueryParser once per search, and asks for spelling
// corrections only when few documents match (spelling_suggestion.h).
#include <catch2/catch.hpp>

#include "byline/error.h"
#include "query_builder.h"
#include "search_fixtures.h"

using namespace byline;
using namespace byline::test;

TEST_CASE("a reused query parser keeps no state between searches", "[searcher][query]") {
  TempDir dir;
  Searcher searcher(build_fixture_index(dir, fixture_pages()));
  const std::size_t sanctions = searcher.search(make_query("sanctions")).hits.size();
  REQUIRE(sanctions > 0);
  // A field processor's error must not leak into the next search.
  CHECK_THROWS_AS(searcher.search(make_query("type:foo sanctions")), BadQuery);
  CHECK(searcher.search(make_query("sanctions")).hits.size() == sanctions);
  CHECK_THROWS_AS(searcher.search(make_query("date:2013-13")), BadQuery);
  CHECK(searcher.search(make_query("sanctions type:article")).hits.size() == 2);
  // Wildcard limits are per query.
  Query narrow = make_query("s*");  // "sanction", "second", ...
  narrow.wildcard_limit = 1;
  CHECK_THROWS_AS(searcher.search(narrow), BadQuery);
  CHECK_FALSE(searcher.search(make_query("sanc*")).hits.empty());
}

TEST_CASE("corrections still come for misspelt words next to fields", "[searcher][spelling]") {
  TempDir dir;
  Searcher searcher(build_fixture_index(dir, fixture_pages()));
  Results r = searcher.search(make_query("sanctoins type:article"));
  CHECK(r.total == 0);
  REQUIRE(r.corrected);
  CHECK(*r.corrected == "sanctions type:article");
  // Known words: no correction, whatever the match count.
  CHECK_FALSE(searcher.search(make_query("sanctions type:comment tag:russia")).corrected);
}
