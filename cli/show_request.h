// One `show` as the front ends take it: `byline show ID [--query Q]
// [--thread] [--matching]` and the server's `GET /api/show/ID?query=&thread=&matching=`
// both fill a ShowRequest and call load_shown(), so that they show the same
// document, the same reply tree and the same highlights (rendered by
// render_thread.h's thread_json / thread_text).
#ifndef BYLINE_CLI_SHOW_REQUEST_H
#define BYLINE_CLI_SHOW_REQUEST_H

#include <optional>
#include <string>
#include <vector>

#include "byline/error.h"
#include "byline/searcher.h"
#include "render_thread.h"

namespace byline::cli {

struct ShowRequest {
  std::string id;
  std::optional<std::string> query;  // highlight its matches, say which comments match
  bool thread = false;               // a comment's id shows its article's whole thread
  bool matching = false;             // only the matching comments and their ancestors (needs query)
};

// What to show: the document (for thread, a comment's article), for an
// article its comments, and what the query found.
struct Shown {
  Document document;
  std::optional<std::vector<Document>> comments;
  ThreadMarks marks;
};

// The id is not in the index (or, with thread, its article is not): the CLI
// exits 1 with this message, the server answers 404.
class NothingToShow : public Error {
 public:
  using Error::Error;
};

// Throws BadQuery for matching without a query or a bad query, NothingToShow
// for an unknown id.
Shown load_shown(Searcher& searcher, const ShowRequest& request);

}  // namespace byline::cli

#endif  // BYLINE_CLI_SHOW_REQUEST_H
