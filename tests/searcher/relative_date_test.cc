// Times ago counted in months and years (relative_date.h), at the edges of
// the calendar: the end of a month, the turn of a year, and a time so long
// ago that it falls before year 0, which query_snippet_fuzzer reached with
// `date:..2054y` (a month index of -1 read before the table of month lengths;
// UBSan in ./test.sh --sanitize sees that read).
#include <catch2/catch.hpp>

#include <string>

#include "relative_date.h"

using namespace byline;

namespace {

Moment at(int year, int month, int day, int minute = 600) {
  Moment m;
  m.year = year;
  m.month = month;
  m.day = day;
  m.minute = minute;
  return m;
}

// The "YYYYMMDDHHMM" slot value of a time ago, or "refused: WHY".
std::string ago(const std::string& text, const Moment& now) {
  std::string why;
  std::optional<RelativePeriod> period = parse_relative_date(text, now, &why);
  if (!period) return "refused: " + why;
  return period->first;
}

}  // namespace

TEST_CASE("months and years ago keep the day where the month has it", "[searcher][dates]") {
  CHECK(ago("1m", at(2026, 3, 31)) == "202602281000");   // February has no 31st
  CHECK(ago("1m", at(2024, 3, 31)) == "202402291000");   // a leap year's
  CHECK(ago("13m", at(2026, 1, 15)) == "202412151000");  // across a year's turn
  CHECK(ago("12m", at(2026, 1, 15)) == ago("1y", at(2026, 1, 15)));
  CHECK(ago("1y", at(2024, 2, 29)) == "202302281000");
  CHECK(ago("2026y", at(2026, 12, 4)) == "000012041000");  // year 0 is still a year
}

TEST_CASE("a time ago before year 0 is refused, not read off the calendar", "[searcher][dates]") {
  for (const char* text : {"2027y", "2054y", "24400m", "999999m", "999999y"}) {
    INFO(text);
    CHECK(ago(text, at(2026, 12, 4)) == std::string("refused: '") + text + "' is too long ago");
  }
  // Months before year 0 in every position of the year: each index mod 12.
  for (int month = 1; month <= 12; ++month) {
    INFO("month " << month);
    CHECK(ago("24336m", at(2026, month, 28)).rfind("refused: ", 0) == 0);
  }
}
