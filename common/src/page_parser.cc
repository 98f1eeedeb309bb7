// parse_page: the glue. The page is decoded (text_decode), cut into lines
// (page_lines), and read top to bottom: title, date and time lines
// (page_dates), the title again, a byline (page_author), body paragraphs up
// to the trailer ("Post by:", "Filed under:", "soundoff (...)"), then the
// comments (comment_parser) up to "Post a comment"; the footer is ignored.
//
// Choices where pages are ambiguous (tests/common/page_parser_variants_test.cc):
// - a date line without a time line gives "YYYY-MM-DDT00:00"; no date line, null;
// - lines within one paragraph keep their "\n", paragraphs are joined by "\n\n";
// - text that is not a news page (no date line under the first line, and no
//   "Post by:" / "soundoff" line) gives title = first non-empty line, text =
//   the rest, and the warning "does not look like a news page";
// - "By CNN's Jane Doe" and "By Jane Doe, CNN" give "Jane Doe"; "By Jane Doe
//   and John Roe" stays one string (page_author.h);
// - a truncated page keeps what is complete: a comment cut before its date
//   line keeps author and text with date null, and a date line or trailer
//   label cut on the last line is dropped rather than kept as text.
#include <exception>

#include "byline/page.h"
#include "comment_parser.h"
#include "page_author.h"
#include "page_dates.h"
#include "page_lines.h"
#include "text_decode.h"

namespace byline {
namespace {

using page_text::Line;

constexpr std::string_view kNotNews = "does not look like a news page";
constexpr std::string_view kBullet = "\xE2\x80\xA2";

std::size_t skip_blank(const std::vector<Line>& lines, std::size_t i) {
  while (i < lines.size() && lines[i].blank()) ++i;
  return i;
}

std::optional<std::string_view> after_label(std::string_view content, std::initializer_list<std::string_view> labels) {
  for (std::string_view label : labels)
    if (page_text::starts_with_ci(content, label)) return page_text::trim(content.substr(label.size()));
  return std::nullopt;
}

std::optional<std::string_view> post_by(std::string_view content) {
  return after_label(content, {"Post by:", "Posted by:"});
}

std::optional<std::string_view> filed_under(std::string_view content) { return after_label(content, {"Filed under:"}); }

bool starts_with_digit(std::string_view s) { return !s.empty() && s.front() >= '0' && s.front() <= '9'; }

bool is_trailer_line(const Line& line) {
  return post_by(line.content) || filed_under(line.content) || page_text::is_soundoff_line(line.content) ||
         line.content == "Post a comment" || (line.indent > 0 && starts_with_digit(line.content));
}

// The start of a trailer label, as a page cut inside that line leaves it.
bool is_cut_label(std::string_view content) {
  for (std::string_view label : {"Post by:", "Posted by:", "Filed under:", "soundoff (", "Post a comment"})
    if (content.size() < label.size() && page_text::starts_with_ci(label, content)) return true;
  return false;
}

// Where the body ends: the first "Post by:" / "Filed under:" line followed by
// more trailer (or nothing), a soundoff line, or "Post a comment" (or the
// start of one of these on the cut last line of a truncated page).
std::size_t find_trailer(const std::vector<Line>& lines, std::size_t from, bool last_line_may_be_cut) {
  const std::size_t n = lines.size();
  for (std::size_t k = from; k < n; ++k) {
    std::string_view c = lines[k].content;
    if (c.empty()) continue;
    if (k + 1 == n && last_line_may_be_cut && is_cut_label(c)) return k;
    if (c == "Post a comment" || page_text::is_soundoff_line(c)) return k;
    if (post_by(c) || filed_under(c)) {
      std::size_t next = page_text::next_content(lines, k + 1, n);
      if (next == n || is_trailer_line(lines[next]) ||
          (next + 1 == n && last_line_may_be_cut && is_cut_label(lines[next].content)))
        return k;
    }
  }
  return n;
}

bool has_news_structure(const std::vector<Line>& lines, std::size_t from) {
  for (std::size_t k = from; k < lines.size(); ++k)
    if (post_by(lines[k].content) || page_text::is_soundoff_line(lines[k].content)) return true;
  return false;
}

std::vector<std::string> split_tags(std::string_view list) {
  std::vector<std::string> tags;
  while (!list.empty()) {
    std::size_t sep = list.find(kBullet);
    std::string_view tag = page_text::trim(list.substr(0, sep));
    if (!tag.empty()) tags.emplace_back(tag);
    if (sep == std::string_view::npos) break;
    list.remove_prefix(sep + kBullet.size());
  }
  return tags;
}

void parse_not_news(const std::vector<Line>& lines, std::size_t title_line, ParseResult& result) {
  result.page.article.title = std::string(lines[title_line].content);
  page_text::ParagraphBuilder text;
  for (std::size_t k = title_line + 1; k < lines.size(); ++k) {
    if (lines[k].blank())
      text.add_blank();
    else
      text.add_line(lines[k].content);
  }
  result.page.article.text = text.take();
  result.warnings.emplace_back(kNotNews);
}

// Title, date and time; returns the line after them, or nullopt when the
// page has no date line under its title.
std::optional<std::size_t> parse_date_lines(const std::vector<Line>& lines, std::size_t title_line, Article& article) {
  std::size_t d = skip_blank(lines, title_line + 1);
  if (d == lines.size()) return std::nullopt;
  auto when = page_text::parse_date_line(lines[d].content);
  if (!when) return std::nullopt;
  std::size_t next = d + 1;
  if (!when->time) {
    std::size_t t = skip_blank(lines, d + 1);
    if (t < lines.size()) {
      if (auto time = page_text::parse_time_line(lines[t].content)) {
        when->time = time;
        next = t + 1;
      }
    }
  }
  article.date = page_text::format_iso_minute(when->date, when->time);
  return next;
}

void parse_news(const std::vector<Line>& lines, std::size_t after_header, bool last_line_may_be_cut,
                ParseResult& result) {
  const std::size_t n = lines.size();
  Article& article = result.page.article;
  std::size_t i = page_text::next_content(lines, after_header, n);
  if (i < n && lines[i].content == article.title) i = page_text::next_content(lines, i + 1, n);
  std::optional<std::string> byline;
  if (i < n) {
    byline = page_text::byline_name(lines[i].content);
    if (byline) ++i;
  }

  std::size_t body_end = find_trailer(lines, i, last_line_may_be_cut);
  page_text::ParagraphBuilder body;
  for (std::size_t k = i; k < body_end; ++k) {
    if (lines[k].blank())
      body.add_blank();
    else if (!page_text::is_navigation_line(lines[k].content))
      body.add_line(lines[k].content);
  }
  article.text = body.take();

  std::optional<std::string> post_by_name;
  std::size_t k = body_end;
  while ((k = page_text::next_content(lines, k, n)) < n) {
    std::string_view c = lines[k].content;
    if (auto name = post_by(c)) {
      if (!post_by_name) post_by_name = page_text::tidy_author(*name);
    } else if (auto list = filed_under(c)) {
      for (auto& tag : split_tags(*list)) article.tags.push_back(std::move(tag));
    } else if (page_text::is_soundoff_line(c)) {
      ++k;
      break;
    } else {
      break;
    }
    ++k;
  }
  article.author = byline ? byline : post_by_name;
  result.page.comments = page_text::parse_comments(lines, k, n, last_line_may_be_cut);
}

ParseResult parse(std::string_view bytes) {
  ParseResult result;
  page_text::DecodedText decoded = page_text::decode_page_bytes(bytes);
  if (decoded.from_cp1252) result.warnings.emplace_back("not valid UTF-8, read as Windows-1252");
  const std::vector<Line> lines = page_text::split_lines(decoded.text);
  const bool last_line_may_be_cut = !decoded.text.empty() && decoded.text.back() != '\n';

  std::size_t title_line = page_text::next_content(lines, 0, lines.size());  // "« Previous entry" is no title
  if (title_line == lines.size()) {
    result.warnings.emplace_back(kNotNews);
    return result;
  }
  result.page.article.title = std::string(lines[title_line].content);
  std::optional<std::size_t> after_header = parse_date_lines(lines, title_line, result.page.article);
  if (!after_header && !has_news_structure(lines, title_line + 1)) {
    parse_not_news(lines, title_line, result);
    return result;
  }
  result.is_news_page = true;
  parse_news(lines, after_header.value_or(title_line + 1), last_line_may_be_cut, result);
  return result;
}

}  // namespace

ParseResult parse_page(std::string_view bytes) {
  try {
    return parse(bytes);
  } catch (const std::exception& e) {  // only std::bad_alloc is possible
    ParseResult result;
    result.warnings.emplace_back(std::string("could not parse: ") + e.what());
    return result;
  }
}

}  // namespace byline
