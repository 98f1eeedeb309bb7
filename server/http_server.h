// `byline serve`: the JSON API and the search page over HTTP.
//
// Read-only: the index is opened with one byline::Searcher per worker thread
// (see searcher_pool.h), each search sees the latest commit of a running
// `byline index`, and a commit never fails a request (the Searcher reopens
// and retries).
#ifndef BYLINE_SERVER_HTTP_SERVER_H
#define BYLINE_SERVER_HTTP_SERVER_H

#include <cstddef>
#include <string>

namespace byline::server {

struct ServerOptions {
  std::string db;
  // What chose the index (the CLI's --db, BYLINE_DB, config or default), for
  // /api/stats' "index", as `byline stats` says it.
  std::string db_chosen_by = "--db";
  std::string db_config_file;
  std::string bind = "127.0.0.1";  // loopback unless asked otherwise
  int port = 8080;                 // 0: any free port (the line on stderr says which)
  unsigned threads = 0;            // worker threads; 0: the number of cores, at least 4
  double time_limit = 1.0;         // each search's budget, in seconds (Query::time_limit)
  std::size_t max_limit = 100;     // `limit` above this is served as this
};

// Listens, prints one line on stderr ("byline: serving index DB at
// http://HOST:PORT/"), and serves until SIGTERM or SIGINT; then answers the
// requests in flight and returns. Throws byline::Error when it cannot listen.
void serve(const ServerOptions& options);

}  // namespace byline::server

#endif  // BYLINE_SERVER_HTTP_SERVER_H
