// Archive text made safe to print on a terminal. Page and comment text is
// hostile input: an ESC or OSC sequence in it could recolour, retitle or
// clear the terminal, a carriage return could overwrite what was printed,
// and a C1 control (U+0080..U+009F) acts as ESC on some terminals. Every
// piece of archive text that the text output shows (titles, authors, dates,
// sources, snippets, show's text, stats, facet values, error lines quoting
// page text) goes through here.
#ifndef BYLINE_CLI_TERMINAL_TEXT_H
#define BYLINE_CLI_TERMINAL_TEXT_H

#include <string>
#include <string_view>

#include "byline/results.h"

namespace byline::cli {

// What to do with line breaks and tabs, the only controls that may stay.
enum class Layout {
  OneLine,   // newline and tab become spaces (titles, snippets, messages)
  KeepLines  // newline and tab stay (show's text)
};

// `text` with every escape sequence (ESC [ ... CSI, ESC ] ... OSC and the
// other ESC string and two-byte sequences) removed, every other C0 control
// and DEL shown as its Unicode control picture (U+2400..U+2421: "␇" for
// BEL), every C1 control and every byte that is not valid UTF-8 shown as
// U+FFFD; nothing else changes.
std::string terminal_safe(std::string_view text, Layout layout = Layout::OneLine);

// The same for a snippet, its highlights moved to the same words of the
// cleaned text (highlights are byte spans).
Snippet terminal_safe(const Snippet& snippet, Layout layout = Layout::OneLine);

}  // namespace byline::cli

#endif  // BYLINE_CLI_TERMINAL_TEXT_H
