#include "quoted_text.h"

#include <cctype>

#include "snippet_generator.h"

namespace byline {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

// The length of a quotation mark at `at` (", “, ”, „, «, »), 0 if none.
std::size_t quote_mark_at(std::string_view text, std::size_t at) {
  if (at >= text.size()) return 0;
  if (text[at] == '"') return 1;
  const std::string_view rest = text.substr(at);
  for (std::string_view mark : {"\u201c", "\u201d", "\u201e", "\u00ab", "\u00bb"})
    if (rest.substr(0, mark.size()) == mark) return mark.size();
  return 0;
}

std::size_t word_count(std::string_view normalized) {
  std::size_t words = 0;
  bool in_word = false;
  for (char c : normalized) {
    const bool word = c != ' ';
    if (word && !in_word) ++words;
    in_word = word;
  }
  return words;
}

// Whether `piece` of a comment, normalised, is long enough and found whole
// in one of the sources.
bool found_in(std::string_view piece, const std::vector<std::string>& sources) {
  std::string needle = normalize_for_quotes(piece);
  if (!needle.empty() && needle.front() == ' ') needle.erase(0, 1);
  if (!needle.empty() && needle.back() == ' ') needle.pop_back();
  if (word_count(needle) < kMinQuotedWords) return false;
  for (const std::string& source : sources)
    if (source.find(needle) != std::string::npos) return true;
  return false;
}

}  // namespace

std::string normalize_for_quotes(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t mark = quote_mark_at(text, i);
    if (mark > 0 || is_space(text[i])) {
      space = true;
      i += mark > 0 ? mark : 1;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(text[i]))));
    ++i;
  }
  return out;
}

bool may_quote(std::string_view comment) {
  std::size_t lines_with_text = 0;
  for (std::size_t begin = 0; begin < comment.size();) {
    std::size_t end = comment.find('\n', begin);
    if (end == std::string_view::npos) end = comment.size();
    std::size_t first = begin;
    while (first < end && is_space(comment[first])) ++first;
    if (first < end) {
      if (comment[first] == '>' || quote_mark_at(comment, first) > 0) return true;
      if (++lines_with_text >= 2) return true;
    }
    begin = end + 1;
  }
  return false;
}

std::vector<TextRange> quoted_ranges(std::string_view comment, const std::vector<std::string>& sources) {
  std::vector<TextRange> out;
  for (std::size_t begin = 0; begin < comment.size();) {
    std::size_t end = comment.find('\n', begin);
    if (end == std::string_view::npos) end = comment.size();
    std::size_t first = begin;
    while (first < end && is_space(comment[first])) ++first;
    const std::string_view line = comment.substr(first, end - first);
    if (!line.empty() && (line.front() == '>' || found_in(line, sources))) {
      out.push_back({begin, end});
    } else {
      // Passages in quotation marks within the line.
      for (std::size_t at = first; at < end;) {
        const std::size_t open = quote_mark_at(comment, at);
        if (open == 0) {
          ++at;
          continue;
        }
        std::size_t close = at + open;
        while (close < end && quote_mark_at(comment, close) == 0) ++close;
        if (close >= end) break;
        const std::size_t after = close + quote_mark_at(comment, close);
        if (found_in(comment.substr(at + open, close - at - open), sources)) {
          out.push_back({at, after});
          at = after;
        } else {
          at = close;  // the closing mark may open the next passage
        }
      }
    }
    begin = end + 1;
  }
  return out;
}

Snippet snippet_skipping_quotes(SnippetGenerator& snippets, std::string_view comment,
                                const std::vector<std::string>& sources, std::size_t chars, std::size_t fragments) {
  const std::vector<TextRange> quoted = sources.empty() ? std::vector<TextRange>() : quoted_ranges(comment, sources);
  if (!quoted.empty()) {
    // The comment's own words, the pieces between its quotes on lines of
    // their own (shown as one space each, as any line break).
    std::string own;
    std::size_t at = 0;
    for (const TextRange& q : quoted) {
      own.append(comment.substr(at, q.begin - at));
      own.push_back('\n');
      at = q.end;
    }
    own.append(comment.substr(at));
    Snippet snippet = snippets.make(own, chars, fragments);
    if (!snippet.highlights.empty()) return snippet;
  }
  return snippets.make(comment, chars, fragments);
}

}  // namespace byline
