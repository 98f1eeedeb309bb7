// The JSON form of a page: what `byline parse` prints, and what `byline index`
// reads from JSON Lines files (one page per line), so other tools can feed
// Byline directly.
//
//   {"source": str,
//    "article": {"title": str, "date": "YYYY-MM-DDTHH:MM" | null, "author": str | null,
//                "tags": [str], "text": str},
//    "comments": [{"index": int, "parent": int | null, "author": str,
//                  "date": "YYYY-MM-DDTHH:MM" | null, "text": str}]}
#ifndef BYLINE_PAGE_JSON_H
#define BYLINE_PAGE_JSON_H

#include "byline/export.h"

#include <optional>
#include <string>
#include <string_view>

#include "byline/page.h"

namespace byline {

// One JSON object on one line, or indented over several with pretty = true.
// Strings that are not valid UTF-8 are written with U+FFFD replacements.
BYLINE_EXPORT std::string page_to_json(const Page& page, const std::string& source, bool pretty = false);

struct JsonPage {
  Page page;
  std::optional<std::string> source;  // the "source" member, when present
};

// Reads one page object. Missing optional members take their defaults
// ("comments" may be absent; a comment without "index" gets its position).
// Throws byline::Error with a one-line reason for JSON that is not a page.
BYLINE_EXPORT JsonPage page_from_json(std::string_view json);

}  // namespace byline

#endif  // BYLINE_PAGE_JSON_H
