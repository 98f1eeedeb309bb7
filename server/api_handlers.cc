#include "api_handlers.h"

#include <nlohmann/json.hpp>

#include "byline/stats.h"
#include "render_json.h"
#include "render_thread.h"
#include "show_request.h"

namespace byline::server {
namespace {

// Runs an endpoint: its body's exceptions become JSON errors.
template <typename Body>
ApiResponse answer(Body&& body) {
  try {
    return ApiResponse{200, body()};
  } catch (...) {
    return current_error_response();
  }
}

}  // namespace

ApiResponse Api::search(const Parameters& parameters) {
  return answer([&] {
    Query query = cli::to_query(search_request(parameters, limits_));
    return searchers_.with_searcher([&](Searcher& s) {
      Results results = s.search(query);
      // As `byline search --format json`, with --thread too.
      return query.thread ? cli::thread_search_json(query, results) : cli::search_json(query, results);
    });
  });
}

ApiResponse Api::count(const Parameters& parameters) {
  return answer([&] {
    Query query = cli::to_count_query(count_request(parameters, limits_));
    return searchers_.with_searcher([&](Searcher& s) { return cli::count_json(query, s.search(query)); });
  });
}

ApiResponse Api::show(const std::string& id, const Parameters& parameters) {
  return answer([&] {
    cli::ShowRequest request = show_request(id, parameters, limits_);
    return searchers_.with_searcher([&](Searcher& s) {
      // As `byline show ID [--query Q] [--thread] [--matching] --format json`.
      try {
        cli::Shown shown = cli::load_shown(s, request);
        return cli::thread_json(shown.document, shown.comments, shown.marks, request.matching);
      } catch (const cli::NothingToShow& e) {
        throw ApiError(404, e.what());
      }
    });
  });
}

ApiResponse Api::stats(const Parameters& parameters) {
  return answer([&] {
    check_parameter_names(parameters, {});
    return cli::stats_json(index_stats(db_), db_, origin_);
  });
}

ApiResponse Api::health(const Parameters& parameters) {
  return answer([&] {
    check_parameter_names(parameters, {});
    // A search through this thread's Searcher: the index opens and answers.
    Query probe;
    probe.limit = 0;
    probe.snippet_chars = 0;
    Results results = searchers_.with_searcher([&](Searcher& s) { return s.search(probe); });
    nlohmann::ordered_json out = {{"status", "ok"}, {"documents", results.total}};
    return out.dump() + "\n";
  });
}

}  // namespace byline::server
