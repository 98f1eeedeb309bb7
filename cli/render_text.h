// Text output of search and show, for people.
//
// Highlights in snippets are bold when colour is on (stdout is a terminal and
// NO_COLOR is unset); otherwise the text is printed plain, without markers,
// so that it can be piped and grepped as it is.
#ifndef BYLINE_CLI_RENDER_TEXT_H
#define BYLINE_CLI_RENDER_TEXT_H

#include <cstdint>
#include <string>
#include <vector>

#include "byline/query.h"
#include "byline/results.h"

namespace byline::cli {

std::string search_text(const Query& query, const Results& results, bool color);

std::string document_text(const Document& document, const std::vector<Document>& comments, bool color);

// Reply depth of each comment (0 = answers the article), in the given order.
std::vector<int> reply_depths(const std::vector<Document>& comments);

// Files skipped by reason, as `byline index` and `byline stats` both say it:
// "2 binary, 1 too large" (reasons with no file left out).
struct SkippedFiles {
  std::uint64_t binary = 0, too_large = 0, not_article = 0, duplicate = 0;
};
std::string skipped_reasons_text(const SkippedFiles& skipped);

// "12.3 ms": a search's time as the text outputs print it.
std::string format_millis(double seconds);
// The text, each line prefixed with `indent` (blank lines stay blank).
std::string indented(const std::string& text, const std::string& indent);

}  // namespace byline::cli

#endif  // BYLINE_CLI_RENDER_TEXT_H
