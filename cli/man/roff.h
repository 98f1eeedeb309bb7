// Text as roff (man(7)) reads it literally: backslashes, hyphens that are
// minus signs in option names, and a leading '.' or '\'' that would be a
// request.
#ifndef BYLINE_CLI_MAN_ROFF_H
#define BYLINE_CLI_MAN_ROFF_H

#include <string>

namespace byline::cli {

inline std::string roff_escaped(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\\')
      out += "\\e";
    else if (c == '-')
      out += "\\-";
    else
      out += c;
  }
  if (!out.empty() && (out.front() == '.' || out.front() == '\'')) out.insert(0, "\\&");
  return out;
}

}  // namespace byline::cli

#endif  // BYLINE_CLI_MAN_ROFF_H
