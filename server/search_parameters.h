// Query parameters of the API mapped onto the CLI's SearchRequest (see
// cli/search_request.h), so that `GET /api/search?q=oil&limit=5&sort=newest`
// runs the same byline::Query as `byline search oil -n 5 --sort newest`.
//
// Parameter names are the CLI's option names (`snippet_chars` for
// --snippet-chars, `thread=1` for --thread). Parsing is strict: an unknown or repeated parameter, a
// number that is not a plain non-negative decimal, or a flag other than
// 0/1/true/false is a 400, never silently ignored.
#ifndef BYLINE_SERVER_SEARCH_PARAMETERS_H
#define BYLINE_SERVER_SEARCH_PARAMETERS_H

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "search_request.h"
#include "show_request.h"

namespace byline::server {

// A request's decoded query parameters (httplib::Params is this type).
using Parameters = std::multimap<std::string, std::string>;

struct SearchLimits {
  std::size_t max_limit = 100;         // a larger `limit` is served as this (the answer's "limit" says so)
  std::size_t max_offset = 10000;      // a larger `offset` is a 400: deep paging costs the whole match
  std::size_t max_query_bytes = 2000;  // a longer `q` is a 400
  double time_limit = 1.0;             // Query::time_limit of every search
};

// The parameters of /api/search.
cli::SearchRequest search_request(const Parameters& parameters, const SearchLimits& limits);

// The parameters of /api/count: the search's filters, without paging (run
// as cli::to_count_query, as `byline count`).
cli::SearchRequest count_request(const Parameters& parameters, const SearchLimits& limits);

// The parameters of /api/show/ID: query= (as --query, at most
// max_query_bytes), thread= and matching= (flags, as --thread and --matching).
cli::ShowRequest show_request(const std::string& id, const Parameters& parameters, const SearchLimits& limits);

// Throws a 400 ApiError naming the first parameter not in `known`, or one given twice.
void check_parameter_names(const Parameters& parameters, const std::vector<std::string>& known);

// The value of a parameter given at most once, if given.
std::optional<std::string> parameter(const Parameters& parameters, const std::string& name);

// A flag's value: absent = false; "1"/"true" = true, "0"/"false" = false, else 400.
bool flag_parameter(const Parameters& parameters, const std::string& name);

}  // namespace byline::server

#endif  // BYLINE_SERVER_SEARCH_PARAMETERS_H
