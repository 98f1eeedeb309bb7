// A real `byline serve` for the server tests: started on a free loopback
// port (--port 0), its address read from the one line it prints on stderr,
// stopped with a signal and its exit status collected (header-only: only
// *_test.cc files are globbed).
#ifndef BYLINE_TESTS_SERVER_PROCESS_H
#define BYLINE_TESTS_SERVER_PROCESS_H

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "test_support.h"

extern char** environ;

namespace byline::test {

class ServerProcess {
 public:
  // Starts `byline --db DB serve --port 0 EXTRA...` and waits (up to 20 s)
  // for its "serving ... at http://HOST:PORT/" line.
  explicit ServerProcess(const std::string& db, const std::vector<std::string>& extra = {}) {
    std::vector<std::string> args = {"--db", db, "serve", "--port", "0"};
    args.insert(args.end(), extra.begin(), extra.end());
    int err_pipe[2];
    if (pipe(err_pipe) != 0) throw std::runtime_error("pipe failed");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, err_pipe[1], 2);
    posix_spawn_file_actions_addclose(&actions, err_pipe[0]);
    posix_spawn_file_actions_addclose(&actions, err_pipe[1]);
    std::vector<std::string> storage;
    std::vector<char*> argv = byline_argv(args, storage);
    int rc = posix_spawn(&pid_, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(err_pipe[1]);
    err_fd_ = err_pipe[0];
    if (rc != 0) throw std::runtime_error("cannot start byline serve");
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (port_ == 0 && std::chrono::steady_clock::now() < deadline) {
      if (!read_some(200)) break;  // stderr closed: it exited
      std::size_t at = err_.find("http://127.0.0.1:");
      std::size_t end = at == std::string::npos ? at : err_.find('/', at + 17);
      if (end != std::string::npos) port_ = std::stoi(err_.substr(at + 17, end - at - 17));
    }
  }

  ~ServerProcess() {
    if (pid_ > 0 && !reaped_) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    if (err_fd_ >= 0) close(err_fd_);
  }
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  int port() const { return port_; }  // 0: it did not start (see err())
  const std::string& err() const { return err_; }
  pid_t pid() const { return pid_; }

  void signal(int sig) { kill(pid_, sig); }

  // Waits up to `timeout` for the process to exit; its exit code, -1 when it
  // died of a signal, -2 when it is still running (it is then killed).
  int wait(std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    int status = 0;
    while (std::chrono::steady_clock::now() < deadline) {
      read_some(0);
      pid_t done = waitpid(pid_, &status, WNOHANG);
      if (done == pid_) {
        reaped_ = true;
        while (read_some(0)) {
        }
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return -2;
  }

 private:
  // Reads what stderr has within timeout_ms; false once it is closed.
  bool read_some(int timeout_ms) {
    if (err_fd_ < 0) return false;
    pollfd p{err_fd_, POLLIN, 0};
    if (poll(&p, 1, timeout_ms) <= 0) return true;
    char buffer[4096];
    ssize_t n = read(err_fd_, buffer, sizeof buffer);
    if (n <= 0) {
      close(err_fd_);
      err_fd_ = -1;
      return false;
    }
    err_.append(buffer, static_cast<std::size_t>(n));
    return true;
  }

  pid_t pid_ = -1;
  int err_fd_ = -1;
  int port_ = 0;
  bool reaped_ = false;
  std::string err_;
};

}  // namespace byline::test

#endif  // BYLINE_TESTS_SERVER_PROCESS_H
