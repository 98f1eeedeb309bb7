// Long text output through a pager, as git does: $PAGER (default
// "less -FRX": quit at once when the text fits the screen, pass colours,
// leave the text on the screen), only when stdout is a terminal. PAGER set
// to "" or "cat" means no pager.
#ifndef BYLINE_CLI_PAGER_H
#define BYLINE_CLI_PAGER_H

#include <sys/types.h>

#include <memory>
#include <optional>
#include <string>

namespace byline::cli {

// The pager command to run, or nothing: stdout is not a terminal, PAGER says
// no pager, or its program is not on PATH (`why_not` then says so, for a
// warning: output is then printed as it is rather than lost).
std::optional<std::string> pager_command(bool stdout_terminal, std::string& why_not);

// While it lives, stdout goes into the pager; the destructor flushes, gives
// the terminal back to stdout and waits until the reader quits the pager.
class Pager {
 public:
  // nullptr when the pager cannot be started (`why_not` says why).
  static std::unique_ptr<Pager> start(const std::string& command, std::string& why_not);
  ~Pager();
  Pager(const Pager&) = delete;
  Pager& operator=(const Pager&) = delete;

 private:
  Pager(pid_t pid, int saved_stdout) : pid_(pid), saved_stdout_(saved_stdout) {}
  pid_t pid_;
  int saved_stdout_;
};

}  // namespace byline::cli

#endif  // BYLINE_CLI_PAGER_H
