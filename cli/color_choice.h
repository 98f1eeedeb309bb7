// --color=auto|always|never, as ripgrep and git spell it. "auto" is the rule
// the text output has always followed: colour only when stdout is a terminal,
// NO_COLOR is unset or empty and TERM is not "dumb"; "always" and "never"
// override it (NO_COLOR included, as the NO_COLOR convention asks of an
// explicit option).
#ifndef BYLINE_CLI_COLOR_CHOICE_H
#define BYLINE_CLI_COLOR_CHOICE_H

#include <string>
#include <vector>

namespace byline::cli {

inline const std::vector<std::string> kColorNames = {"auto", "always", "never"};

// The decision for one of kColorNames, given whether stdout is a terminal
// and NO_COLOR/TERM from the environment.
bool color_wanted(const std::string& choice, bool stdout_terminal);

// Decides once for the whole run (main.cc, before a pager takes stdout, so
// that "auto" still sees the terminal). use_color() (terminal.h) answers this
// decision from then on.
void decide_color(const std::string& choice);

// The decision, or nothing when decide_color() was not called.
const bool* decided_color();

}  // namespace byline::cli

#endif  // BYLINE_CLI_COLOR_CHOICE_H
