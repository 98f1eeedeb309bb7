// The bytes of an HTML page decoded to UTF-8, in the order of precedence of
// the HTML standard: a byte order mark, then the charset of the HTTP
// Content-Type header (from a WARC record), then a <meta charset> or
// <meta http-equiv="Content-Type"> in the first 4 kB. Decoding is done by
// iconv. A page that declares a charset its bytes contradict (declared
// UTF-8 but invalid; declared Latin-1 but valid multi-byte UTF-8) is read as
// what the bytes are, with a warning.
#ifndef BYLINE_HTML_CHARSET_H
#define BYLINE_HTML_CHARSET_H

#include <string>
#include <string_view>
#include <vector>

namespace byline::html {

struct DecodedHtml {
  std::string text;     // valid UTF-8, no BOM
  std::string charset;  // what it was read as (lowercase: "utf-8", "windows-1252", ...)
  std::vector<std::string> warnings;
};

DecodedHtml decode_html(std::string_view bytes, std::string_view http_charset = {});

// The charset named in a Content-Type value ("text/html; charset=ISO-8859-1"), lowercase, "" if none.
std::string charset_of_content_type(std::string_view content_type);

}  // namespace byline::html

#endif  // BYLINE_HTML_CHARSET_H
