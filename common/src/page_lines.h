// The page as lines: each line's indentation and trimmed content, plus the
// small recognisers and the paragraph joiner the article and comment parsers
// share. Input is text from decode_page_bytes (LF only, no tabs).
#ifndef BYLINE_PAGE_LINES_H
#define BYLINE_PAGE_LINES_H

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace byline::page_text {

struct Line {
  std::string_view content;  // without leading and trailing spaces (ASCII and NBSP)
  std::size_t indent = 0;    // leading spaces
  bool blank() const { return content.empty(); }
};

std::vector<Line> split_lines(std::string_view text);

// Trims ASCII whitespace and NBSP at both ends (not other Unicode spaces such
// as U+200B, which belong to user names).
std::string_view trim(std::string_view s);

bool starts_with_ci(std::string_view s, std::string_view prefix);

// "« Previous entry", "Next entry »" and the like: site navigation, dropped.
bool is_navigation_line(std::string_view content);

// "soundoff (15 Responses)", "soundoff (No Responses)", "soundoff (One Response)".
bool is_soundoff_line(std::string_view content);

// The first index >= from whose line is neither blank nor navigation; `end` if none.
std::size_t next_content(const std::vector<Line>& lines, std::size_t from, std::size_t end);

// Collects paragraphs: lines added one by one, a blank line ends a paragraph.
// Lines within a paragraph are joined by "\n", paragraphs by "\n\n".
class ParagraphBuilder {
 public:
  void add_line(std::string_view content);
  void add_blank() { pending_break_ = !text_.empty(); }
  const std::string& text() const { return text_; }
  std::string take() { return std::move(text_); }

 private:
  std::string text_;
  bool pending_break_ = false;
};

}  // namespace byline::page_text

#endif  // BYLINE_PAGE_LINES_H
