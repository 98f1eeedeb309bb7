#include "diagnostics.h"

#include <cstdio>

#include "terminal_text.h"

namespace byline::cli {

std::string one_line(std::string text) {
  // Messages quote page text and file names: nothing in them may drive the terminal.
  text = terminal_safe(text, Layout::OneLine);
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return text;
}

void print_error(const std::string& message) {
  std::fprintf(stderr, "byline: %s\n", one_line(message).c_str());
}

void print_warning(const std::string& message) {
  std::fprintf(stderr, "byline: warning: %s\n", one_line(message).c_str());
}

}  // namespace byline::cli
