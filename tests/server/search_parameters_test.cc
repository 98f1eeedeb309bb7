// The server's query parameters mapped onto a search (server/search_parameters.h):
// the limits every request gets, checked where they are set.
#include <catch2/catch.hpp>

#include "api_error.h"
#include "search_parameters.h"

using namespace byline::server;

TEST_CASE("search parameters: the time budget and the caps reach the Query", "[server]") {
  SearchLimits limits;
  limits.max_limit = 25;
  limits.time_limit = 0.25;
  byline::cli::SearchRequest search = search_request({{"q", "oil*"}, {"limit", "500"}}, limits);
  CHECK(search.query.time_limit == 0.25);
  CHECK(search.query.limit == 25);
  CHECK(search_request({{"q", "oil"}, {"limit", "3"}}, limits).query.limit == 3);
  byline::cli::SearchRequest count = count_request({{"q", "oil*"}}, limits);
  CHECK(count.query.time_limit == 0.25);
  CHECK(byline::cli::to_count_query(count).limit == 0);
  CHECK(byline::cli::to_count_query(count).exact_total);
}

TEST_CASE("search parameters: strict names and values", "[server]") {
  SearchLimits limits;
  auto status_of = [&](const Parameters& parameters) {
    try {
      search_request(parameters, limits);
      return 200;
    } catch (const ApiError& e) {
      return e.status();
    }
  };
  CHECK(status_of({{"q", "oil"}, {"limit", "+3"}}) == 400);
  CHECK(status_of({{"q", "oil"}, {"limit", " 3"}}) == 400);
  CHECK(status_of({{"q", "oil"}, {"limit", "0x3"}}) == 400);
  CHECK(status_of({{"q", "oil"}, {"collapse", "true"}}) == 200);
  CHECK(status_of({{"q", "oil"}, {"Q", "oil"}}) == 400);
  CHECK(status_of({{"q", std::string(limits.max_query_bytes, 'a')}}) == 200);
  CHECK(status_of({{"q", std::string(limits.max_query_bytes + 1, 'a')}}) == 400);
  CHECK(search_request({{"q", "oil"}, {"facets", "author,,month,"}}, limits).query.facets ==
        std::vector<std::string>{"author", "month"});
}
