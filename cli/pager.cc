#include "pager.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>

extern char** environ;

namespace byline::cli {
namespace {

constexpr const char* kDefaultPager = "less -FRX";

// The first word of a shell command ("less -FRX" -> "less").
std::string program_of(const std::string& command) {
  std::size_t start = command.find_first_not_of(" \t");
  if (start == std::string::npos) return "";
  std::size_t end = command.find_first_of(" \t", start);
  return command.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

bool is_executable(const std::string& path) {
  struct stat st {};
  return stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) && access(path.c_str(), X_OK) == 0;
}

// Whether the shell will find `program`. Anything but a plain name or path
// (an assignment, a quote, a shell builtin) is left to the shell.
bool program_found(const std::string& program) {
  if (program.find_first_of("=\"'$`\\;|&<>(){}") != std::string::npos) return true;
  if (program.find('/') != std::string::npos) return is_executable(program);
  const char* path = std::getenv("PATH");
  std::string dirs = path ? path : "/usr/bin:/bin";
  std::size_t start = 0;
  while (start <= dirs.size()) {
    std::size_t end = dirs.find(':', start);
    if (end == std::string::npos) end = dirs.size();
    std::string dir = dirs.substr(start, end - start);
    if (is_executable((dir.empty() ? "." : dir) + "/" + program)) return true;
    start = end + 1;
  }
  return false;
}

}  // namespace

std::optional<std::string> pager_command(bool stdout_terminal, std::string& why_not) {
  if (!stdout_terminal) return std::nullopt;
  const char* env = std::getenv("PAGER");
  std::string command = env ? env : kDefaultPager;
  // As git: an empty PAGER, or exactly "cat", means no pager.
  std::string program = program_of(command);
  if (program.empty() || command == "cat") return std::nullopt;
  if (!program_found(program)) {
    why_not = "pager '" + program + "' not found (PAGER); printing without a pager";
    return std::nullopt;
  }
  return command;
}

std::unique_ptr<Pager> Pager::start(const std::string& command, std::string& why_not) {
  int fds[2];
  if (pipe(fds) != 0) {
    why_not = std::string("cannot start the pager: ") + std::strerror(errno);
    return nullptr;
  }
  fcntl(fds[1], F_SETFD, FD_CLOEXEC);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fds[0], STDIN_FILENO);
  posix_spawn_file_actions_addclose(&actions, fds[0]);
  const char* argv[] = {"/bin/sh", "-c", command.c_str(), nullptr};
  pid_t pid = 0;
  int rc = posix_spawn(&pid, "/bin/sh", &actions, nullptr, const_cast<char* const*>(argv), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(fds[0]);
  if (rc != 0) {
    close(fds[1]);
    why_not = std::string("cannot start the pager: ") + std::strerror(rc);
    return nullptr;
  }
  std::cout.flush();
  std::fflush(stdout);
  int saved = dup(STDOUT_FILENO);
  dup2(fds[1], STDOUT_FILENO);
  close(fds[1]);
  return std::unique_ptr<Pager>(new Pager(pid, saved));
}

Pager::~Pager() {
  std::cout.flush();
  std::fflush(stdout);
  // The pager sees the end of its input once stdout is the terminal again.
  if (saved_stdout_ >= 0) {
    dup2(saved_stdout_, STDOUT_FILENO);
    close(saved_stdout_);
  }
  int status = 0;
  while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
}

}  // namespace byline::cli
