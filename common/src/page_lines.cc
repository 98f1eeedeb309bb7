#include "page_lines.h"

namespace byline::page_text {
namespace {

constexpr std::string_view kNbsp = "\xC2\xA0";

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool contains_ci(std::string_view s, std::string_view word) {
  if (word.size() > s.size()) return false;
  for (std::size_t i = 0; i + word.size() <= s.size(); ++i)
    if (starts_with_ci(s.substr(i), word)) return true;
  return false;
}

bool is_space_byte(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

}  // namespace

std::string_view trim(std::string_view s) {
  for (;;) {
    if (!s.empty() && is_space_byte(s.front())) {
      s.remove_prefix(1);
    } else if (s.substr(0, kNbsp.size()) == kNbsp) {
      s.remove_prefix(kNbsp.size());
    } else {
      break;
    }
  }
  for (;;) {
    if (!s.empty() && is_space_byte(s.back())) {
      s.remove_suffix(1);
    } else if (s.size() >= kNbsp.size() && s.substr(s.size() - kNbsp.size()) == kNbsp) {
      s.remove_suffix(kNbsp.size());
    } else {
      break;
    }
  }
  return s;
}

std::vector<Line> split_lines(std::string_view text) {
  std::vector<Line> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view raw = text.substr(start, end - start);
    Line line;
    while (line.indent < raw.size() && raw[line.indent] == ' ') ++line.indent;
    line.content = trim(raw);
    lines.push_back(line);
    if (end == text.size()) break;
    start = end + 1;
  }
  return lines;
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (lower(s[i]) != lower(prefix[i])) return false;
  return true;
}

bool is_navigation_line(std::string_view content) {
  constexpr std::string_view kLeft = "\xC2\xAB";   // «
  constexpr std::string_view kRight = "\xC2\xBB";  // »
  constexpr std::size_t kMaxLength = 120;
  if (content.size() > kMaxLength) return false;
  bool left = content.substr(0, kLeft.size()) == kLeft;
  bool right = content.size() >= kRight.size() && content.substr(content.size() - kRight.size()) == kRight;
  if (left == right) return false;  // « a quotation » is text
  for (std::string_view word : {"entry", "post", "previous", "next", "older", "newer", "story"})
    if (contains_ci(content, word)) return true;
  return false;
}

bool is_soundoff_line(std::string_view content) {
  return starts_with_ci(content, "soundoff (") && content.back() == ')' &&
         (contains_ci(content, "response") || contains_ci(content, "comment"));
}

std::size_t next_content(const std::vector<Line>& lines, std::size_t from, std::size_t end) {
  while (from < end && (lines[from].blank() || is_navigation_line(lines[from].content))) ++from;
  return from;
}

void ParagraphBuilder::add_line(std::string_view content) {
  if (pending_break_) {
    text_ += "\n\n";
  } else if (!text_.empty()) {
    text_ += '\n';
  }
  pending_break_ = false;
  text_ += content;
}

}  // namespace byline::page_text
