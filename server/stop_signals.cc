#include "stop_signals.h"

#include <pthread.h>

#include <ctime>

namespace byline::server {
namespace {

sigset_t stop_set() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  return set;
}

}  // namespace

StopSignals::StopSignals(std::function<void()> on_signal) {
  sigset_t set = stop_set();
  pthread_sigmask(SIG_BLOCK, &set, &old_mask_);
  waiter_ = std::thread([this, set, on_signal = std::move(on_signal)] {
    int signal = 0;
    sigwait(&set, &signal);
    if (!closing_) on_signal();
  });
}

StopSignals::~StopSignals() {
  // Wake the waiter with a signal of its own (blocked everywhere, so it stays
  // pending until sigwait takes it); closing_ tells it not to act on it.
  closing_ = true;
  pthread_kill(waiter_.native_handle(), SIGTERM);
  waiter_.join();
  // A second Ctrl-C during the stop is pending now: drop it rather than die of
  // it when the mask is restored.
  sigset_t set = stop_set();
  const timespec now{0, 0};
  while (sigtimedwait(&set, nullptr, &now) > 0) {
  }
  pthread_sigmask(SIG_SETMASK, &old_mask_, nullptr);
}

}  // namespace byline::server
