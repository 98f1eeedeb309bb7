// Threads kept for the life of a DocumentFetcher, so that reading a result
// page's documents concurrently does not start (and join) a thread per
// connection on every search.
#ifndef BYLINE_FETCH_WORKERS_H
#define BYLINE_FETCH_WORKERS_H

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace byline {

class FetchWorkers {
 public:
  FetchWorkers() = default;
  // Stops and joins the threads (none is running a task then: run() waits).
  ~FetchWorkers();
  FetchWorkers(const FetchWorkers&) = delete;
  FetchWorkers& operator=(const FetchWorkers&) = delete;

  // Runs every task and returns when all have ended: the first in the calling
  // thread, the others on the pool's threads (started as needed, up to
  // tasks.size() - 1); the calling thread also takes queued tasks no thread
  // has picked up yet. Tasks must not throw (std::terminate otherwise).
  // Not reentrant: one caller at a time.
  void run(const std::vector<std::function<void()>>& tasks);

  std::size_t threads() const { return threads_.size(); }

 private:
  void work();

  std::mutex mutex_;
  std::condition_variable wake_;  // a task was queued, or stopping
  std::condition_variable done_;  // a task ended
  std::deque<const std::function<void()>*> queue_;
  std::size_t unfinished_ = 0;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace byline

#endif  // BYLINE_FETCH_WORKERS_H
