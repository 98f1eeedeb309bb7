#include "comment_parser.h"

#include <xapian.h>

#include <optional>
#include <string>

#include "page_dates.h"

namespace byline::page_text {
namespace {

constexpr std::string_view kBullet = "\xE2\x80\xA2";  // •
constexpr std::size_t kMaxTopIndent = 16;             // numbers sit at the left margin
constexpr std::size_t kMaxNumberDigits = 7;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Emoji and other pictographs (a flag, a heart, a star): Unicode's "other
// symbol" class, plus the emoji blocks, which Xapian 1.4's Unicode tables may
// not know yet (emoji added after its Unicode version are "unassigned").
bool is_pictograph(unsigned cp) {
  if (cp >= 0x1F000 && cp <= 0x1FAFF) return true;
  return Xapian::Unicode::get_category(cp) == Xapian::Unicode::OTHER_SYMBOL;
}

// What follows a header's marker ("12." or "•"): the name after a space (or
// NBSP), or glued to the marker when it begins with a pictograph, as people's
// names do ("•❤Love", "3.🇺🇸Patriot"); nullopt for prose ("3.5 percent",
// "•item").
std::optional<std::string_view> name_after_marker(std::string_view rest) {
  if (rest.empty() || rest.front() == ' ' || rest.substr(0, 2) == "\xC2\xA0") return trim(rest);
  Xapian::Utf8Iterator first(rest.data(), rest.size());
  if (is_pictograph(*first)) return trim(rest);
  return std::nullopt;
}

// "12. Name" (or "12." alone): the name, else nullopt.
std::optional<std::string_view> top_header_name(std::string_view content) {
  std::size_t digits = 0;
  while (digits < content.size() && is_digit(content[digits])) ++digits;
  if (digits == 0 || digits > kMaxNumberDigits || digits >= content.size() || content[digits] != '.')
    return std::nullopt;
  return name_after_marker(content.substr(digits + 1));
}

// "• Name": the name, else nullopt.
std::optional<std::string_view> reply_header_name(std::string_view content) {
  if (content.substr(0, kBullet.size()) != kBullet) return std::nullopt;
  return name_after_marker(content.substr(kBullet.size()));
}

// A cut-off date line at the very end of a truncated page: "April 24, 2013 at 7:4".
bool looks_like_cut_date(std::string_view content) {
  std::size_t letters = 0;
  while (letters < content.size() && ((content[letters] | 0x20) >= 'a' && (content[letters] | 0x20) <= 'z')) ++letters;
  if (letters == 0) return false;
  static constexpr std::string_view kMonthPrefixes[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                        "jul", "aug", "sep", "oct", "nov", "dec"};
  bool month = false;
  for (std::string_view m : kMonthPrefixes)
    month = month || starts_with_ci(m, content.substr(0, std::min<std::size_t>(letters, 3)));
  if (!month) return false;
  for (char c : content.substr(letters))
    if (std::string_view(" 0123456789,.:apmtAPMT|Reply").find(c) == std::string_view::npos) return false;
  return true;
}

class CommentSectionParser {
 public:
  CommentSectionParser(const std::vector<Line>& lines, std::size_t begin, std::size_t end, bool last_line_may_be_cut)
      : lines_(lines), begin_(begin), end_(end), last_line_may_be_cut_(last_line_may_be_cut) {}

  std::vector<Comment> run() {
    for (std::size_t i = begin_; i < end_; ++i) {
      const Line& line = lines_[i];
      if (line.blank()) {
        if (in_text_) text_.add_blank();
        continue;
      }
      if (is_post_a_comment(line)) break;
      if (in_text_ && line.indent > header_indent_) {
        text_line(i);
        continue;
      }
      // Between comments, or a line at or left of the open comment's header
      // (which then lost its date line): only a header may come here.
      if (start_comment(line)) continue;
      if (top_indent_ && line.indent <= *top_indent_) break;  // the footer
      // Anything else before the first comment (or stray deeper lines) is skipped.
    }
    finish(std::nullopt);
    return std::move(comments_);
  }

 private:
  bool is_post_a_comment(const Line& line) const {
    return line.content == "Post a comment" && (!top_indent_ || line.indent <= *top_indent_);
  }

  void text_line(std::size_t i) {
    const Line& line = lines_[i];
    const bool cut = i + 1 == lines_.size() && last_line_may_be_cut_ && i > 0 && lines_[i - 1].blank();
    if (auto date = parse_comment_date_line(line.content); date && closes_comment(i)) {
      if (!cut || ends_complete(line.content)) finish(date);  // "at 7:43" may have lost its "pm"
      return;
    }
    if (cut && looks_like_cut_date(line.content)) return;
    text_.add_line(line.content);
  }

  // A date line that cannot have lost anything at its end.
  static bool ends_complete(std::string_view content) {
    for (std::string_view end : {"Reply", "am", "pm", "a.m.", "p.m."})
      if (content.size() >= end.size() && starts_with_ci(content.substr(content.size() - end.size()), end)) return true;
    return content.find('|') != std::string_view::npos;
  }

  // A date line ends the comment only when what follows is the next comment,
  // the end of the section, or nothing: a comment may quote a date.
  bool closes_comment(std::size_t i) const {
    std::size_t j = i + 1;
    while (j < end_ && lines_[j].blank()) ++j;
    if (j == end_) return true;
    const Line& next = lines_[j];
    if (next.indent <= header_indent_) return true;
    return reply_header_name(next.content).has_value() && next.indent <= lines_[i].indent;
  }

  bool start_comment(const Line& line) {
    bool top_position = top_indent_ ? line.indent == *top_indent_ : line.indent <= kMaxTopIndent;
    if (top_position) {
      if (auto name = top_header_name(line.content)) {
        open(line.indent, *name);
        top_indent_ = line.indent;
        return true;
      }
    }
    if (top_indent_ && line.indent > *top_indent_) {
      if (auto name = reply_header_name(line.content)) {
        open(line.indent, *name);
        return true;
      }
    }
    return false;
  }

  void open(std::size_t indent, std::string_view name) {
    finish(std::nullopt);
    while (!thread_.empty() && thread_.back().indent >= indent) thread_.pop_back();
    Comment comment;
    comment.index = static_cast<int>(comments_.size()) + 1;
    if (!thread_.empty()) comment.parent = thread_.back().index;
    comment.author = std::string(name);
    thread_.push_back({indent, comment.index});
    comments_.push_back(std::move(comment));
    header_indent_ = indent;
    in_text_ = true;
  }

  void finish(std::optional<std::string> date) {
    if (!in_text_) return;
    Comment& comment = comments_.back();
    comment.date = std::move(date);
    comment.text = text_.take();
    text_ = ParagraphBuilder();
    in_text_ = false;
  }

  struct Open {
    std::size_t indent;
    int index;
  };

  const std::vector<Line>& lines_;
  std::size_t begin_, end_;
  bool last_line_may_be_cut_;
  std::optional<std::size_t> top_indent_;  // indentation of "N." headers, from the first one
  std::vector<Open> thread_;               // the open comment and its ancestors
  std::vector<Comment> comments_;
  std::size_t header_indent_ = 0;
  bool in_text_ = false;
  ParagraphBuilder text_;
};

}  // namespace

std::vector<Comment> parse_comments(const std::vector<Line>& lines, std::size_t begin, std::size_t end,
                                    bool last_line_may_be_cut) {
  return CommentSectionParser(lines, begin, end, last_line_may_be_cut).run();
}

}  // namespace byline::page_text
