#include "snippets.h"

#include <algorithm>
#include <charconv>

namespace byline {
namespace {

// The markers must not occur in the text itself.
std::string without_markers(const std::string& text) {
  if (text.find_first_of("\x01\x02") == std::string::npos) return text;
  std::string out = text;
  std::replace(out.begin(), out.end(), '\x01', ' ');
  std::replace(out.begin(), out.end(), '\x02', ' ');
  return out;
}

void append_code_point(std::string& out, unsigned cp) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Decodes the entity starting at in[0] == '&'; returns the bytes consumed
// (0 when it is not an entity Xapian emits, and the '&' stays as it is).
std::size_t decode_entity(std::string_view in, std::string& out) {
  static constexpr std::pair<std::string_view, char> kNamed[] = {
      {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
  for (auto [name, ch] : kNamed) {
    if (in.substr(0, name.size()) == name) {
      out.push_back(ch);
      return name.size();
    }
  }
  if (in.size() < 4 || in[1] != '#') return 0;
  std::size_t semi = in.find(';');
  if (semi == std::string_view::npos || semi > 12) return 0;
  bool hex = in[2] == 'x' || in[2] == 'X';
  std::string_view digits = in.substr(hex ? 3 : 2, semi - (hex ? 3 : 2));
  unsigned cp = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), cp, hex ? 16 : 10);
  if (ec != std::errc() || end != digits.data() + digits.size() || digits.empty()) return 0;
  append_code_point(out, cp);
  return semi + 1;
}

}  // namespace

Snippet snippet_from_marked(std::string_view in) {
  Snippet snippet;
  snippet.text.reserve(in.size());
  std::size_t open_at = std::string::npos;
  auto close = [&] {
    if (open_at != std::string::npos && snippet.text.size() > open_at) {
      // Xapian marks each word of a phrase separately: join spans that only
      // spaces separate, so "missile defense" is one highlight.
      if (!snippet.highlights.empty()) {
        Highlight& last = snippet.highlights.back();
        std::size_t last_end = last.offset + last.length;
        bool only_spaces = last_end <= open_at && snippet.text.find_first_not_of(' ', last_end) >= open_at;
        if (only_spaces) {
          last.length = snippet.text.size() - last.offset;
          open_at = std::string::npos;
          return;
        }
      }
      snippet.highlights.push_back({open_at, snippet.text.size() - open_at});
    }
    open_at = std::string::npos;
  };
  for (std::size_t i = 0; i < in.size();) {
    char c = in[i];
    if (c == kHighlightStart[0]) {
      close();
      open_at = snippet.text.size();
      ++i;
    } else if (c == kHighlightEnd[0]) {
      close();
      ++i;
    } else if (c == '&') {
      std::size_t used = decode_entity(in.substr(i), snippet.text);
      if (used == 0) {
        snippet.text.push_back('&');
        used = 1;
      }
      i += used;
    } else {
      snippet.text.push_back(c);
      ++i;
    }
  }
  close();
  return snippet;
}

Snippet make_snippet(const Xapian::MSet& mset, const std::string& text, std::size_t chars,
                     const Xapian::Stem& stemmer) {
  if (chars == 0 || text.empty()) return {};
  const std::string clean = without_markers(text);
  Snippet fast = snippet_from_marked(
      mset.snippet(clean, chars, stemmer, Xapian::MSet::SNIPPET_BACKGROUND_MODEL, kHighlightStart, kHighlightEnd));
  if (!fast.highlights.empty()) return fast;
  return snippet_from_marked(mset.snippet(clean, chars, stemmer,
                                          Xapian::MSet::SNIPPET_BACKGROUND_MODEL | Xapian::MSet::SNIPPET_EXHAUSTIVE,
                                          kHighlightStart, kHighlightEnd));
}

}  // namespace byline
