// page_dates: the article date and time lines and the comment date lines.
#include <catch2/catch.hpp>

#include "page_dates.h"

using namespace byline::page_text;

namespace {

std::optional<std::string> article_date(std::string_view line) {
  auto d = parse_date_line(line);
  if (!d) return std::nullopt;
  return format_iso_minute(d->date, d->time);
}

std::optional<std::string> clock_of(std::string_view line) {
  auto t = parse_time_line(line);
  if (!t) return std::nullopt;
  return format_iso_minute(CalendarDate{2000, 1, 1}, t).substr(11);
}

}  // namespace

TEST_CASE("article date lines: ordinals, abbreviations, day-first", "[dates]") {
  CHECK(article_date("April 22nd, 2013") == "2013-04-22T00:00");
  CHECK(article_date("February 1st, 1987") == "1987-02-01T00:00");
  CHECK(article_date("March 3rd 2014") == "2014-03-03T00:00");
  CHECK(article_date("Apr. 22, 2013") == "2013-04-22T00:00");
  CHECK(article_date("Sept 3, 2013") == "2013-09-03T00:00");
  CHECK(article_date("22 April 2013") == "2013-04-22T00:00");
  CHECK(article_date("april 22, 2013") == "2013-04-22T00:00");
  CHECK(article_date("April 22nd, 2013 10:08 PM ET") == "2013-04-22T22:08");
  CHECK(article_date("April 22, 2013 at 10:08 pm") == "2013-04-22T22:08");
}

TEST_CASE("article date lines reject what is not a calendar date", "[dates]") {
  CHECK_FALSE(article_date("February 30, 2013"));
  CHECK(article_date("February 29, 2012") == "2012-02-29T00:00");
  CHECK_FALSE(article_date("February 29, 2013"));
  CHECK_FALSE(article_date("Ma 3, 2013"));
  CHECK_FALSE(article_date("April 22nd, 13"));
  CHECK_FALSE(article_date("April 22nd, 2013 was a Monday"));
  CHECK_FALSE(article_date("Boston bombing looms large"));
  CHECK_FALSE(article_date(""));
}

TEST_CASE("time lines: 12-hour clock, midnight and noon, zone words ignored", "[dates]") {
  CHECK(clock_of("10:08 PM ET") == "22:08");
  CHECK(clock_of("03:01 PM ET") == "15:01");
  CHECK(clock_of("12:05 AM") == "00:05");
  CHECK(clock_of("12:40 PM EST") == "12:40");
  CHECK(clock_of("9:15 a.m. EDT") == "09:15");
  CHECK(clock_of("22:08 GMT") == "22:08");
  CHECK_FALSE(clock_of("13:05 PM"));
  CHECK_FALSE(clock_of("10:60 AM"));
  CHECK_FALSE(clock_of("10:08 PM and more words"));
  CHECK_FALSE(clock_of("10.08"));
}

TEST_CASE("comment date lines", "[dates]") {
  CHECK(parse_comment_date_line("April 24, 2013 at 7:43 pm | Reply") == "2013-04-24T19:43");
  CHECK(parse_comment_date_line("April 24, 2013 at 12:10 am | Reply") == "2013-04-24T00:10");
  CHECK(parse_comment_date_line("April 24, 2013 at 12:10 pm") == "2013-04-24T12:10");
  CHECK(parse_comment_date_line("Apr. 4, 2014 at 9:05 am | Report abuse | Reply") == "2014-04-04T09:05");
  CHECK_FALSE(parse_comment_date_line("April 24, 2013"));
  CHECK_FALSE(parse_comment_date_line("April 24, 2013 at 7:43 p"));
  CHECK_FALSE(parse_comment_date_line("April 24, 2013 at 7:43 pm we met"));
}
