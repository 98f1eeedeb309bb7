// Dates as HTML pages give them, written as Byline's "YYYY-MM-DDTHH:MM"
// (local time as printed: a zone or offset is dropped, never converted, as
// for the text layout).
#ifndef BYLINE_HTML_DATES_H
#define BYLINE_HTML_DATES_H

#include <optional>
#include <string>
#include <string_view>

namespace byline::html {

// ISO 8601 as in datetime attributes, JSON-LD and meta tags:
// "2013-04-22", "2013-04-22T22:08", "2013-04-22 22:08:31-04:00", "20130422".
std::optional<std::string> iso_date(std::string_view text);

// Any date a page prints: ISO 8601 first, then the text layout's forms
// ("April 24, 2013 at 7:43 pm", "April 22nd, 2013 10:08 PM ET", "22 April 2013").
std::optional<std::string> any_date(std::string_view text);

}  // namespace byline::html

#endif  // BYLINE_HTML_DATES_H
