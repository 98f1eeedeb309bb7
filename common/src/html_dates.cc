#include "html_dates.h"

#include <cctype>

#include "html_dom.h"
#include "page_dates.h"

namespace byline::html {
namespace {

bool digits(std::string_view text, std::size_t at, std::size_t count, int& out) {
  if (at + count > text.size()) return false;
  out = 0;
  for (std::size_t i = at; i < at + count; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return false;
    out = out * 10 + (text[i] - '0');
  }
  return true;
}

}  // namespace

std::optional<std::string> iso_date(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  int year = 0, month = 0, day = 0, hour = 0, minute = 0;
  std::size_t at = 0;
  if (!digits(text, 0, 4, year)) return std::nullopt;
  if (text.size() > 4 && text[4] == '-') {
    if (!digits(text, 5, 2, month) || text.size() < 8 || text[7] != '-' || !digits(text, 8, 2, day))
      return std::nullopt;
    at = 10;
  } else {
    if (!digits(text, 4, 2, month) || !digits(text, 6, 2, day)) return std::nullopt;
    at = 8;
  }
  page_text::CalendarDate date{year, month, day};
  // 2013-02-30 is refused as "February 30, 2013" is.
  if (!page_text::is_calendar_date(date)) return std::nullopt;
  std::optional<page_text::ClockTime> time;
  if (at < text.size() && (text[at] == 'T' || text[at] == ' ' || text[at] == 't')) {
    if (digits(text, at + 1, 2, hour) && at + 3 < text.size() && text[at + 3] == ':' &&
        digits(text, at + 4, 2, minute) && hour < 24 && minute < 60)
      time = page_text::ClockTime{hour, minute};
  }
  return page_text::format_iso_minute(date, time);
}

std::optional<std::string> any_date(std::string_view text) {
  std::string line = collapse_space(text);
  if (auto iso = iso_date(line)) return iso;
  if (auto comment = page_text::parse_comment_date_line(line)) return comment;
  if (auto dated = page_text::parse_date_line(line)) return page_text::format_iso_minute(dated->date, dated->time);
  // "Posted on April 24, 2013 at 7:43 pm" and the like: try from each word on.
  for (std::size_t i = 0; i < line.size() && i < 200; ++i) {
    if (line[i] != ' ') continue;
    std::string_view rest(line.data() + i + 1, line.size() - i - 1);
    if (auto comment = page_text::parse_comment_date_line(rest)) return comment;
    if (auto dated = page_text::parse_date_line(rest)) return page_text::format_iso_minute(dated->date, dated->time);
  }
  return std::nullopt;
}

}  // namespace byline::html
