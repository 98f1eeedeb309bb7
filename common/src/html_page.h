// Reading a saved HTML page into a Page: charset (html_charset.h), gumbo's
// HTML5 tree (html_dom.h), the page's metadata (html_metadata.h), its
// comments (html_comments.h) and its body (html_body.h). Each article field
// comes from the most trusted source that has it: JSON-LD, then microdata /
// RDFa, then OpenGraph and <meta>, then the markup (<article>, <h1>,
// <time datetime>, rel=author, rel=tag).
#ifndef BYLINE_HTML_PAGE_H
#define BYLINE_HTML_PAGE_H

#include <string_view>

#include "byline/page.h"

namespace byline {

// is_news_page is false for a page that is no article (a section front, a
// list of teasers, an error page): the indexer skips those.
// `http_charset` is the charset of the HTTP response that carried the page
// (a WARC record), "" when there is none.
ParseResult parse_html_bytes(std::string_view bytes, std::string_view http_charset = {});

}  // namespace byline

#endif  // BYLINE_HTML_PAGE_H
