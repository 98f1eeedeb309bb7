// Messages for people on stderr: "byline: what: why", one line each.
#ifndef BYLINE_CLI_DIAGNOSTICS_H
#define BYLINE_CLI_DIAGNOSTICS_H

#include <string>

namespace byline::cli {

void print_error(const std::string& message);                          // "byline: message"
void print_warning(const std::string& message);                        // "byline: warning: message"

// Replaces newlines and other control characters so a message stays on one line.
std::string one_line(std::string text);

}  // namespace byline::cli

#endif  // BYLINE_CLI_DIAGNOSTICS_H
