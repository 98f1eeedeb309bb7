#include "searcher_pool.h"

namespace byline::server {

Searcher& SearcherPool::mine() {
  const std::thread::id self = std::this_thread::get_id();
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto found = searchers_.find(self);
    if (found != searchers_.end()) return *found->second;
  }
  // Opened outside the lock: other threads keep searching meanwhile.
  auto opened = std::make_unique<Searcher>(db_);
  std::lock_guard<std::mutex> lock(mutex_);
  // Only this thread adds its own entry, so the slot is still free.
  return *(searchers_[self] = std::move(opened));
}

void SearcherPool::drop() {
  std::lock_guard<std::mutex> lock(mutex_);
  searchers_.erase(std::this_thread::get_id());
}

}  // namespace byline::server
