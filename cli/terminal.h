// What the terminal can show: colour only on a terminal, honouring NO_COLOR;
// progress only when stderr is a terminal.
#ifndef BYLINE_CLI_TERMINAL_H
#define BYLINE_CLI_TERMINAL_H

namespace byline::cli {

bool stdout_is_terminal();
bool stderr_is_terminal();
// As --color decided (color_choice.h); without a decision, "auto": stdout is
// a terminal, NO_COLOR is unset or empty, and TERM is not "dumb".
bool use_color();

}  // namespace byline::cli

#endif  // BYLINE_CLI_TERMINAL_H
