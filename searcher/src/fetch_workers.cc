#include "fetch_workers.h"

#include <system_error>

namespace byline {

FetchWorkers::~FetchWorkers() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  for (std::thread& thread : threads_) thread.join();
}

void FetchWorkers::work() {
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    wake_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
    if (queue_.empty()) return;  // stopping, nothing left
    const std::function<void()>* task = queue_.front();
    queue_.pop_front();
    lock.unlock();
    (*task)();
    lock.lock();
    if (--unfinished_ == 0) done_.notify_one();
  }
}

void FetchWorkers::run(const std::vector<std::function<void()>>& tasks) {
  if (tasks.empty()) return;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    for (std::size_t i = 1; i < tasks.size(); ++i) queue_.push_back(&tasks[i]);
    unfinished_ = tasks.size() - 1;
  }
  // More threads when this page needs more than ever before; a thread that
  // cannot be started leaves its task to the calling thread (below).
  while (threads_.size() + 1 < tasks.size()) {
    try {
      threads_.emplace_back([this] { work(); });
    } catch (const std::system_error&) {
      break;
    }
  }
  if (tasks.size() > 2)
    wake_.notify_all();
  else if (tasks.size() == 2)
    wake_.notify_one();
  tasks[0]();
  std::unique_lock<std::mutex> lock(mutex_);
  while (unfinished_ > 0) {
    if (!queue_.empty()) {
      const std::function<void()>* task = queue_.front();
      queue_.pop_front();
      lock.unlock();
      (*task)();
      lock.lock();
      --unfinished_;
      continue;
    }
    done_.wait(lock);
  }
}

}  // namespace byline
