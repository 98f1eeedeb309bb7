#include "diagnostics.h"

#include <cstdio>

namespace byline::cli {

std::string one_line(std::string text) {
  for (char& c : text)
    if (static_cast<unsigned char>(c) < 0x20) c = ' ';
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
