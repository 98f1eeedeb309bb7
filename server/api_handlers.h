// The JSON API's endpoints, independent of HTTP: each takes the request's
// parameters and returns a status and a JSON body. Every body is rendered by
// the CLI's own render_json (byline_frontend), so /api/search answers exactly
// what `byline search --format json` prints for the same options.
#ifndef BYLINE_SERVER_API_HANDLERS_H
#define BYLINE_SERVER_API_HANDLERS_H

#include <string>

#include "api_error.h"
#include "render_json.h"
#include "search_parameters.h"
#include "searcher_pool.h"

namespace byline::server {

class Api {
 public:
  Api(std::string db, cli::IndexOrigin origin, SearchLimits limits)
      : db_(db), origin_(std::move(origin)), limits_(limits), searchers_(std::move(db)) {}

  ApiResponse search(const Parameters& parameters);                       // GET /api/search
  ApiResponse count(const Parameters& parameters);                        // GET /api/count
  ApiResponse show(const std::string& id, const Parameters& parameters);  // GET /api/show/ID
  ApiResponse stats(const Parameters& parameters);                        // GET /api/stats
  ApiResponse health(const Parameters& parameters);                       // GET /api/health

 private:
  const std::string db_;
  const cli::IndexOrigin origin_;
  const SearchLimits limits_;
  SearcherPool searchers_;
};

}  // namespace byline::server

#endif  // BYLINE_SERVER_API_HANDLERS_H
