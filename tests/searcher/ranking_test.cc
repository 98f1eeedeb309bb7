// Ranking, sort orders, collapsing, pagination, and the option filters
// (--type, --author, --since, --until) against their in-query forms.
#include <catch2/catch.hpp>

#include <algorithm>

#include "byline/error.h"
#include "search_fixtures.h"

using namespace byline;
using namespace byline::test;

TEST_CASE("a page about a topic ranks above one that mentions it once", "[searcher][ranking]") {
  TempDir dir;
  Searcher searcher(build_fixture_index(dir, fixture_pages()));
  Results r = searcher.search(make_query("sanctions"));
  REQUIRE(r.hits.size() == 3);
  CHECK(hit_name(r.hits[0]) == "sanctions.txt");
  CHECK(hit_name(r.hits.back()) == "weather.txt");
  for (std::size_t i = 0; i < r.hits.size(); ++i) {
    CHECK(r.hits[i].rank == i + 1);
    if (i) CHECK(r.hits[i - 1].score >= r.hits[i].score);
  }
  // Title words weigh more than body words.
  Results boston = searcher.search(make_query("spring"));
  REQUIRE(boston.hits.size() == 2);
  CHECK(hit_name(boston.hits[0]) == "weather.txt");
}

TEST_CASE("equal scores: the newer document first", "[searcher][ranking]") {
  TempDir dir;
  Searcher searcher(build_fixture_index(dir, filler_pages(6)));
  // Pages 0 and 5 have the same text, so the same score; 5 is newer.
  Results r = searcher.search(make_query("budget"));
  REQUIRE(r.hits.size() == 6);
  int ties = 0;
  for (std::size_t i = 1; i < r.hits.size(); ++i) {
    if (r.hits[i - 1].score != r.hits[i].score) continue;
    ++ties;
    CHECK(*r.hits[i - 1].date > *r.hits[i].date);
  }
  CHECK(ties > 0);
}

TEST_CASE("sort newest and oldest", "[searcher][ranking]") {
  TempDir dir;
  Searcher searcher(build_fixture_index(dir, filler_pages(20)));
  Query q = make_query("budget");
  q.sort = SortOrder::Newest;
  Results newest = searcher.search(q);
  q.sort = SortOrder::Oldest;
  Results oldest = searcher.search(q);
  REQUIRE(newest.hits.size() == 20);
  REQUIRE(oldest.hits.size() == 20);
  for (std::size_t i = 1; i < 20; ++i) {
    CHECK(*newest.hits[i - 1].date >= *newest.hits[i].date);
    CHECK(*oldest.hits[i - 1].date <= *oldest.hits[i].date);
  }
  CHECK(newest.hits.front().id == oldest.hits.back().id);
}

TEST_CASE("collapse keeps at most one hit per page", "[searcher][ranking]") {
  TempDir dir;
  Searcher searcher(build_fixture_index(dir, fixture_pages()));
  Query q = make_query("");
  q.collapse = true;
  Results r = searcher.search(q);
  std::set<std::string> pages;
  for (const Hit& h : r.hits) CHECK(pages.insert(h.source).second);
  CHECK(pages.size() == 4);
  q.collapse = false;
  CHECK(searcher.search(q).hits.size() == 10);
}

TEST_CASE("pages of results have no overlap and no gap", "[searcher][ranking]") {
  TempDir dir;
  Searcher searcher(build_fixture_index(dir, filler_pages(30)));
  for (SortOrder sort : {SortOrder::Relevance, SortOrder::Newest}) {
    Query all = make_query("budget", 30);
    all.sort = sort;
    std::vector<std::string> expected = hit_ids(searcher.search(all));
    REQUIRE(expected.size() == 30);
    std::vector<std::string> paged;
    for (std::size_t offset = 0; offset < 30; offset += 7) {
      Query page = all;
      page.offset = offset;
      page.limit = 7;
      Results r = searcher.search(page);
      CHECK(r.total == 30);
      if (!r.hits.empty()) CHECK(r.hits.front().rank == offset + 1);
      for (const std::string& id : hit_ids(r)) paged.push_back(id);
    }
    CHECK(paged == expected);
  }
}

TEST_CASE("option filters equal their in-query forms", "[searcher][ranking]") {
  TempDir dir;
  Searcher searcher(build_fixture_index(dir, fixture_pages()));
  auto ids = [&](const Query& q) { return hit_id_set(searcher.search(q)); };
  Query q = make_query("missile");
  q.type = DocType::Comment;
  CHECK(ids(q) == ids(make_query("missile type:comment")));
  CHECK(ids(q).size() == 1);

  Query author = make_query("");
  author.author = "  YURY ";
  CHECK(ids(author) == ids(make_query("author:yury")));
  CHECK(ids(author).size() == 2);

  Query since = make_query("");
  since.since = "2013-04-11";
  since.until = "2013-04";
  CHECK(ids(since) == ids(make_query("date:2013-04-11..2013-04")));
  CHECK(ids(since).size() == 4);

  Query until = make_query("");
  until.until = "2012";
  CHECK(ids(until) == ids(make_query("date:..2012")));
  Query from = make_query("");
  from.since = "2013-05";
  CHECK(ids(from) == ids(make_query("date:2013-05..")));
  CHECK(ids(from).size() == 2);

  Query bad = make_query("");
  bad.since = "2013-00";
  CHECK_THROWS_AS(searcher.search(bad), BadQuery);
}
