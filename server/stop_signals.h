// Stopping the server on SIGTERM and SIGINT without a signal handler: the
// signals are blocked in every thread and one thread waits for them
// (sigwait), so the stop runs as ordinary code, outside any handler.
#ifndef BYLINE_SERVER_STOP_SIGNALS_H
#define BYLINE_SERVER_STOP_SIGNALS_H

#include <atomic>
#include <csignal>
#include <functional>
#include <thread>

namespace byline::server {

class StopSignals {
 public:
  // Blocks SIGTERM and SIGINT in the calling thread (threads started after
  // this inherit the mask) and starts the waiting thread, which calls
  // on_signal once when one arrives. Construct before starting other threads.
  explicit StopSignals(std::function<void()> on_signal);
  // Ends the waiting thread (if no signal came) and restores the mask.
  ~StopSignals();
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;

 private:
  sigset_t old_mask_;
  std::atomic<bool> closing_{false};
  std::thread waiter_;
};

}  // namespace byline::server

#endif  // BYLINE_SERVER_STOP_SIGNALS_H
