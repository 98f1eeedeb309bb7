// A snippet's plain text with its highlights wrapped in markers of the
// caller's choosing (<mark>…</mark> in JSON, bold on a terminal).
#ifndef BYLINE_CLI_SNIPPET_MARKUP_H
#define BYLINE_CLI_SNIPPET_MARKUP_H

#include <string>
#include <string_view>

#include "byline/results.h"

namespace byline::cli {

inline std::string with_highlights(const Snippet& snippet, std::string_view open, std::string_view close) {
  std::string out;
  out.reserve(snippet.text.size() + snippet.highlights.size() * (open.size() + close.size()));
  std::size_t at = 0;
  for (const Highlight& h : snippet.highlights) {
    if (h.offset < at || h.offset + h.length > snippet.text.size()) continue;  // not in order: ignore
    out.append(snippet.text, at, h.offset - at);
    out.append(open);
    out.append(snippet.text, h.offset, h.length);
    out.append(close);
    at = h.offset + h.length;
  }
  out.append(snippet.text, at, std::string::npos);
  return out;
}

}  // namespace byline::cli

#endif  // BYLINE_CLI_SNIPPET_MARKUP_H
