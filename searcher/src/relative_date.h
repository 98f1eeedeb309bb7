// Dates as people say them, for `date:` and --since/--until: "now", "today",
// "yesterday", a time ago ("7d", "2w", "3m", "1y", "12h"), and calendar
// periods ("this-week", "last-week", "this-month", "last-month",
// "this-year", "last-year"; weeks run Monday to Sunday). They are read
// against a reference time: the local time now, or BYLINE_NOW
// ("YYYY-MM-DD" or "YYYY-MM-DDTHH:MM") when it is set, so that tests and
// scripts give the same answers any day.
#ifndef BYLINE_RELATIVE_DATE_H
#define BYLINE_RELATIVE_DATE_H

#include <optional>
#include <string>
#include <string_view>

namespace byline {

// A reference time: a calendar day and a minute of it.
struct Moment {
  int year = 1970, month = 1, day = 1;
  int minute = 0;  // 0 .. 1439
};

// The reference time: BYLINE_NOW when set, else the local time now. Throws
// BadQuery for a BYLINE_NOW that is not a date.
Moment reference_now();

// Parses "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM" (a real date and time).
std::optional<Moment> parse_moment(std::string_view text);

// The first and last date-slot values ("YYYYMMDDHHMM") of a relative date's
// period: a whole day for "today", a single minute for "now" and "7d".
// std::nullopt when `text` is not a relative date; *why says why when it
// looks like one but is wrong ("0x" unit).
struct RelativePeriod {
  std::string first;
  std::string last;
};
std::optional<RelativePeriod> parse_relative_date(std::string_view text, const Moment& now, std::string* why);

// True for a time ago ("7d", "2w"): alone, `date:7d` means "7d..now".
bool is_time_ago(std::string_view text);

}  // namespace byline

#endif  // BYLINE_RELATIVE_DATE_H
