// A news page: the article and its readers' comments, and the parser that
// recovers them from the text of a page.
#ifndef BYLINE_PAGE_H
#define BYLINE_PAGE_H

#include "byline/export.h"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace byline {

// Dates are local times as printed on the page, "YYYY-MM-DDTHH:MM", without
// any zone conversion; std::nullopt when the page gives none.
struct Article {
  std::string title;
  std::optional<std::string> date;
  std::optional<std::string> author;  // the byline's name, else the "Post by:" name
  std::vector<std::string> tags;      // "Filed under:" entries, in page order
  std::string text;                   // body paragraphs joined by "\n\n"
};

struct Comment {
  int index = 0;              // 1-based position in page order, replies included
  std::optional<int> parent;  // index of the comment this one answers
  std::string author;
  std::optional<std::string> date;
  std::string text;  // paragraphs joined by "\n\n"; "" when empty
};

struct Page {
  Article article;
  std::vector<Comment> comments;
};

struct ParseResult {
  Page page;
  // True when the bytes had the shape of a news page (a date line under the
  // first line, or a "Post by:" / "soundoff (...)" line); false for other
  // text, parsed as title = first non-empty line, text = the rest.
  bool is_news_page = false;
  // Things a user should know (charset fallback, not a news page), each one
  // short line without a trailing period.
  std::vector<std::string> warnings;
};

// Parses the bytes of one page. Pure and total: never throws on any input
// (invalid UTF-8 is decoded as Windows-1252, with a warning), thread-safe.
BYLINE_EXPORT ParseResult parse_page(std::string_view bytes);

// Parses the bytes of one saved HTML page (in the charset it declares):
// article fields from JSON-LD, microdata / RDFa, OpenGraph and <meta>, then
// the markup; comments from schema.org Comment and blog engines' markup
// (README: Input formats). is_news_page is false for pages that are no
// article (a section front, an error page). Pure and total, like parse_page.
BYLINE_EXPORT ParseResult parse_html(std::string_view bytes);

// Reads and parses one page file, by its content: an HTML page with
// parse_html, else a text page with parse_page; gzip-compressed files are
// decompressed first. Throws byline::IoError with a one-line
// reason ("PATH: No such file or directory", "PATH: is a directory",
// "PATH: empty file", "PATH: binary file, not a page", "PATH: a WARC
// archive, not one page", ...) when the file cannot be read or is no page.
BYLINE_EXPORT ParseResult parse_file(const std::string& path);

// One page read from a file: a page file gives one, a WARC archive one per
// response record that carries an HTML article.
struct FilePage {
  std::string source;  // the file's path, or the record's WARC-Target-URI
  std::string date;    // the record's WARC-Date ("" for a page file)
  ParseResult result;
};

// Reads the pages of one file, by its content (a WARC archive, plain or
// .warc.gz, or one page as parse_file reads it), handing each to on_page.
// Records of a WARC archive that hold no HTML article are passed over (a
// page file that is no article is still handed over, with is_news_page
// false and a warning); a damaged record gives on_problem("offset N: why") and the rest is
// still read. Throws byline::IoError as parse_file does.
BYLINE_EXPORT void read_file_pages(const std::string& path, const std::function<void(const FilePage&)>& on_page,
                                   const std::function<void(const std::string&)>& on_problem);

// Reads a whole file. Throws byline::IoError as parse_file does (an empty
// file is not an error here).
BYLINE_EXPORT std::string read_file(const std::string& path);

}  // namespace byline

#endif  // BYLINE_PAGE_H
