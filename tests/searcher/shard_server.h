// xapian-tcpsrv processes on loopback for the remote-shard tests
// (header-only: only *_test.cc files are globbed).
#ifndef BYLINE_TESTS_SHARD_SERVER_H
#define BYLINE_TESTS_SHARD_SERVER_H

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace byline::test {

inline std::string find_tcpsrv() {
  for (const char* dir : {"/usr/bin", "/usr/local/bin"}) {
    std::filesystem::path p = std::filesystem::path(dir) / "xapian-tcpsrv";
    if (access(p.c_str(), X_OK) == 0) return p.string();
  }
  return "";
}

// A port nothing listens on right now (the kernel's pick for port 0).
inline int free_loopback_port() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  socklen_t size = sizeof addr;
  int port = -1;
  if (bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
      getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &size) == 0)
    port = ntohs(addr.sin_port);
  close(fd);
  return port;
}

inline bool accepts_connections(int port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  bool ok = connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  close(fd);
  return ok;
}

// One xapian-tcpsrv on 127.0.0.1, in its own process group (it signals its
// group when it stops); killed with its connection children on destruction.
class ShardServer {
 public:
  ShardServer(const std::string& program, const std::string& shard) {
    for (int attempt = 0; attempt < 5 && pid_ <= 0; ++attempt) {
      port_ = free_loopback_port();
      std::string port = std::to_string(port_);
      std::vector<std::string> args = {program, "--interface", "127.0.0.1", "--port", port, shard};
      std::vector<char*> argv;
      for (auto& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      posix_spawnattr_t attr;
      posix_spawnattr_init(&attr);
      posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
      posix_spawnattr_setpgroup(&attr, 0);
      posix_spawn_file_actions_t actions;
      posix_spawn_file_actions_init(&actions);
      posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
      posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
      pid_t pid = 0;
      int rc = posix_spawn(&pid, program.c_str(), &actions, &attr, argv.data(), environ);
      posix_spawn_file_actions_destroy(&actions);
      posix_spawnattr_destroy(&attr);
      if (rc != 0) continue;
      pid_ = pid;
      auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
      while (!accepts_connections(port_) && std::chrono::steady_clock::now() < deadline) {
        int status = 0;
        if (waitpid(pid_, &status, WNOHANG) == pid_) {  // exited: the port was taken; try another
          pid_ = -1;
          break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
      }
    }
    REQUIRE(pid_ > 0);
    REQUIRE(accepts_connections(port_));
  }
  ~ShardServer() { stop(); }
  ShardServer(const ShardServer&) = delete;
  ShardServer& operator=(const ShardServer&) = delete;

  void stop() {
    if (pid_ <= 0) return;
    kill(-pid_, SIGKILL);  // its group: the server and the children serving connections
    waitpid(pid_, nullptr, 0);
    pid_ = -1;
  }
  std::string address() const { return "tcp://127.0.0.1:" + std::to_string(port_); }

  // The processes the server forked, one per open connection (and, briefly,
  // per connection just closed).
  std::set<pid_t> children() const {
    std::set<pid_t> out;
    for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
      const std::string name = entry.path().filename().string();
      if (name.find_first_not_of("0123456789") != std::string::npos) continue;
      std::ifstream stat(entry.path() / "stat");
      std::string line;
      if (!std::getline(stat, line)) continue;
      // pid (comm) state ppid ...: comm may hold spaces, so read after ')'.
      const auto close = line.rfind(')');
      if (close == std::string::npos) continue;
      std::istringstream rest(line.substr(close + 1));
      char state = 0;
      pid_t ppid = 0;
      rest >> state >> ppid;
      if (ppid == pid_) out.insert(static_cast<pid_t>(std::stoi(name)));
    }
    return out;
  }
  // Ends the connections served by these children (the server goes on).
  static void kill_children(const std::set<pid_t>& pids) {
    for (pid_t pid : pids) kill(pid, SIGKILL);
  }

 private:
  pid_t pid_ = -1;
  int port_ = -1;
};

}  // namespace byline::test

#endif  // BYLINE_TESTS_SHARD_SERVER_H
