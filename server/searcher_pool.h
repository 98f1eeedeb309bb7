// One byline::Searcher per worker thread, as the library asks ("Threads" in
// the README): a Searcher is not shared between threads, and opening one per
// request would cost a few file opens each time.
#ifndef BYLINE_SERVER_SEARCHER_POOL_H
#define BYLINE_SERVER_SEARCHER_POOL_H

#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>

#include "byline/error.h"
#include "byline/searcher.h"

namespace byline::server {

class SearcherPool {
 public:
  explicit SearcherPool(std::string db) : db_(std::move(db)) {}

  // Runs body(Searcher&) with the calling thread's Searcher, opened on first
  // use. When the index is unusable the Searcher is dropped and opened again
  // once (the index may have been created, compacted or rebuilt since it was
  // opened); a second failure propagates (IndexUnusable: 503).
  template <typename Body>
  auto with_searcher(Body&& body) -> decltype(body(std::declval<Searcher&>())) {
    try {
      return body(mine());
    } catch (const IndexUnusable&) {
      drop();
    }
    return body(mine());
  }

 private:
  Searcher& mine();
  void drop();

  const std::string db_;
  std::mutex mutex_;  // guards the map only, never a search
  std::unordered_map<std::thread::id, std::unique_ptr<Searcher>> searchers_;
};

}  // namespace byline::server

#endif  // BYLINE_SERVER_SEARCHER_POOL_H
