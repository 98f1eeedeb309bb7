// A snippet's highlights: wrapped in markers of the caller's choosing (bold
// on a terminal), as code-point spans and as HTML (JSON output).
#ifndef BYLINE_CLI_SNIPPET_MARKUP_H
#define BYLINE_CLI_SNIPPET_MARKUP_H

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

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

// A highlight in code points of the snippet's text: [start, end).
struct CodePointSpan {
  std::size_t start = 0;
  std::size_t end = 0;
};

// The highlights in code points (what JavaScript and Python index by, give or
// take surrogates), skipping any that are out of order or out of range.
inline std::vector<CodePointSpan> highlight_code_points(const Snippet& snippet) {
  std::vector<CodePointSpan> out;
  std::size_t byte = 0;
  std::size_t code_points = 0;
  // Code points in text[byte, to): every byte that does not continue one.
  auto advance_to = [&](std::size_t to) {
    for (; byte < to; ++byte)
      if ((static_cast<unsigned char>(snippet.text[byte]) & 0xC0) != 0x80) ++code_points;
  };
  for (const Highlight& h : snippet.highlights) {
    if (h.offset < byte || h.offset + h.length > snippet.text.size()) continue;
    advance_to(h.offset);
    const std::size_t start = code_points;
    advance_to(h.offset + h.length);
    out.push_back({start, code_points});
  }
  return out;
}

inline std::string html_escaped(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// The snippet for a web page: its text HTML-escaped, highlights in <mark>.
inline std::string snippet_html(const Snippet& snippet) {
  std::string out;
  std::size_t at = 0;
  for (const Highlight& h : snippet.highlights) {
    if (h.offset < at || h.offset + h.length > snippet.text.size()) continue;
    out += html_escaped(std::string_view(snippet.text).substr(at, h.offset - at));
    out += "<mark>";
    out += html_escaped(std::string_view(snippet.text).substr(h.offset, h.length));
    out += "</mark>";
    at = h.offset + h.length;
  }
  out += html_escaped(std::string_view(snippet.text).substr(at));
  return out;
}

}  // namespace byline::cli

#endif  // BYLINE_CLI_SNIPPET_MARKUP_H
