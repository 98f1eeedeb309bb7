// Recognising the date and time lines of a news page and writing them as
// "YYYY-MM-DDTHH:MM" (local time as printed; zone words are ignored).
//
//   article date line   "April 22nd, 2013", "Apr. 22, 2013", "Sept 3 2013", "22 April 2013"
//                       (a time may follow on the same line)
//   article time line   "10:08 PM ET", "12:05 AM", "22:08 GMT"
//   comment date line   "April 24, 2013 at 7:43 pm | Reply" ("| Reply" optional)
#ifndef BYLINE_PAGE_DATES_H
#define BYLINE_PAGE_DATES_H

#include <optional>
#include <string>
#include <string_view>

namespace byline::page_text {

struct CalendarDate {
  int year = 0, month = 0, day = 0;
};

struct ClockTime {
  int hour = 0, minute = 0;  // 24-hour
};

struct DateTime {
  CalendarDate date;
  std::optional<ClockTime> time;
};

// The whole line must be a date, optionally followed by a time.
std::optional<DateTime> parse_date_line(std::string_view line);

// The whole line must be a time of day with an optional zone word.
std::optional<ClockTime> parse_time_line(std::string_view line);

// A comment's date line: a date, optional "at" or ",", a time, optional "| Reply".
std::optional<std::string> parse_comment_date_line(std::string_view line);

// A day that exists: years 1000 on, February 29 only in leap years.
bool is_calendar_date(const CalendarDate& date);

// "YYYY-MM-DDTHH:MM"; a missing time is written as 00:00.
std::string format_iso_minute(const CalendarDate& date, std::optional<ClockTime> time);

}  // namespace byline::page_text

#endif  // BYLINE_PAGE_DATES_H
