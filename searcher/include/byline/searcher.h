// Searching an index: byline::Searcher.
#ifndef BYLINE_SEARCHER_H
#define BYLINE_SEARCHER_H

#include <memory>
#include <string>
#include <vector>

#include "byline/document.h"
#include "byline/query.h"
#include "byline/results.h"

namespace byline {

// A read-only view of an index. Never blocks on a writer: when a commit
// happens during a search, the searcher reopens the index and retries.
//
// Thread-safety: a Searcher is not safe to share between threads without
// external locking; open one per thread (opening is cheap).
class Searcher {
 public:
  // Throws IndexUnusable (missing, not a Byline index, schema mismatch).
  explicit Searcher(const std::string& db_path);
  ~Searcher();
  Searcher(const Searcher&) = delete;
  Searcher& operator=(const Searcher&) = delete;
  Searcher(Searcher&&) noexcept;
  Searcher& operator=(Searcher&&) noexcept;

  // Throws BadQuery for a query it cannot understand (the message says why).
  Results search(const Query& query);

  // The document with this id. Throws Error when there is none.
  Document document(const std::string& id);

  // The comments of the page whose article has id page_id, in page order.
  std::vector<Document> comments(const std::string& page_id);

  IndexStats stats();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace byline

#endif  // BYLINE_SEARCHER_H
