// One search as the front ends take it: `byline search` (options) and the
// server's `GET /api/search` (query parameters) both fill a SearchRequest and
// call to_query(), so an option means the same thing in both and they run
// the same byline::Query.
#ifndef BYLINE_CLI_SEARCH_REQUEST_H
#define BYLINE_CLI_SEARCH_REQUEST_H

#include <string>
#include <vector>

#include "byline/query.h"

namespace byline::cli {

// The accepted values of the options that take a name.
inline const std::vector<std::string> kSortNames = {"relevance", "newest", "oldest"};
inline const std::vector<std::string> kTypeNames = {"article", "comment"};
inline const std::vector<std::string> kFacetNames = {"author", "month", "type", "tag"};

struct SearchRequest {
  std::vector<std::string> words;  // the query, joined with spaces
  Query query;                     // every option the library takes as it is
  std::string type;                // "" (both), or one of kTypeNames
  std::string sort = "relevance";  // one of kSortNames
};

// The Query to run. Throws BadQuery naming the option for a type, sort or
// facet name that is not one of the accepted values (the CLI's parser checks
// these too; the server relies on this check).
Query to_query(const SearchRequest& request);

// The Query of `byline count` and `GET /api/count`: to_query's, without hits
// or snippets, and with a total exact however many match.
Query to_count_query(const SearchRequest& request);

}  // namespace byline::cli

#endif  // BYLINE_CLI_SEARCH_REQUEST_H
