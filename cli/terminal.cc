#include "terminal.h"

#include <unistd.h>

#include "color_choice.h"

namespace byline::cli {

bool stdout_is_terminal() { return isatty(STDOUT_FILENO) == 1; }
bool stderr_is_terminal() { return isatty(STDERR_FILENO) == 1; }

bool use_color() {
  if (const bool* decided = decided_color()) return *decided;
  return color_wanted("auto", stdout_is_terminal());
}

}  // namespace byline::cli
