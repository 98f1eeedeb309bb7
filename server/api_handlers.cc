#include "api_handlers.h"

#include <nlohmann/json.hpp>

#include "byline/stats.h"
#include "render_json.h"
#include "render_thread.h"

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

std::string count_json(const Query& query, const Results& results) {
  nlohmann::ordered_json out = {{"format_version", cli::kJsonFormatVersion},
                                {"query", query.text},
                                {"total", results.total},
                                {"total_exact", results.total_exact}};
  return out.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace

ApiResponse Api::search(const Parameters& parameters) {
  return answer([&] {
    Query query = cli::to_query(search_request(parameters, limits_));
    return searchers_.with_searcher([&](Searcher& s) { return cli::search_json(query, s.search(query)); });
  });
}

ApiResponse Api::count(const Parameters& parameters) {
  return answer([&] {
    Query query = cli::to_query(count_request(parameters, limits_));
    return searchers_.with_searcher([&](Searcher& s) { return count_json(query, s.search(query)); });
  });
}

ApiResponse Api::show(const std::string& id, const Parameters& parameters) {
  return answer([&] {
    check_parameter_names(parameters, {});
    return searchers_.with_searcher([&](Searcher& s) {
      std::optional<Document> document = s.document(id);
      if (!document) throw ApiError(404, "show " + id + ": no such document");
      // As `byline show ID --format json` (query= and thread= are not served yet).
      std::optional<std::vector<Document>> comments;
      if (document->type == DocType::Article) comments = s.comments(document->page_id);
      return cli::thread_json(*document, comments, cli::ThreadMarks{}, false);
    });
  });
}

ApiResponse Api::stats(const Parameters& parameters) {
  return answer([&] {
    check_parameter_names(parameters, {});
    return cli::stats_json(index_stats(db_), db_);
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
