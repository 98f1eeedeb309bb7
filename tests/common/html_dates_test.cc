// html_dates: the dates HTML pages give (ISO 8601 in attributes and
// metadata, the printed forms of the text layout) written as
// "YYYY-MM-DDTHH:MM", a zone or offset dropped, never converted.
#include <catch2/catch.hpp>

#include <optional>
#include <string>

#include "html_dates.h"

using byline::html::any_date;
using byline::html::iso_date;

namespace {

std::string shown(const std::optional<std::string>& date) { return date ? *date : "<none>"; }

}  // namespace

TEST_CASE("ISO 8601 dates are read in each form the pages use", "[html][dates]") {
  CHECK(shown(iso_date("2013-04-22")) == "2013-04-22T00:00");
  CHECK(shown(iso_date("2013-04-22T22:08")) == "2013-04-22T22:08");
  CHECK(shown(iso_date("2013-04-22T22:08:31Z")) == "2013-04-22T22:08");
  CHECK(shown(iso_date("2013-04-22t06:05")) == "2013-04-22T06:05");
  CHECK(shown(iso_date("20130422")) == "2013-04-22T00:00");
  CHECK(shown(iso_date("2013-04-22T22:08:31.123456+02:00")) == "2013-04-22T22:08");
}

TEST_CASE("an ISO offset is dropped, never converted", "[html][dates]") {
  CHECK(shown(iso_date("2013-04-22 22:08:31-04:00")) == "2013-04-22T22:08");
  CHECK(shown(iso_date("2013-04-22T23:30:00+14:00")) == "2013-04-22T23:30");
  CHECK(shown(iso_date("2013-04-23T00:15-09:30")) == "2013-04-23T00:15");
}

TEST_CASE("leading whitespace before an ISO date is skipped", "[html][dates]") {
  CHECK(shown(iso_date("  \n\t2021-03-05T14:20:00")) == "2021-03-05T14:20");
}

TEST_CASE("an ISO date with a time out of range or cut short keeps its day at midnight", "[html][dates]") {
  CHECK(shown(iso_date("2013-04-22T24:00")) == "2013-04-22T00:00");
  CHECK(shown(iso_date("2013-04-22T22:60")) == "2013-04-22T00:00");
  CHECK(shown(iso_date("2013-04-22T22")) == "2013-04-22T00:00");
  CHECK(shown(iso_date("2013-04-22T2:08")) == "2013-04-22T00:00");
  CHECK(shown(iso_date("2013-04-22 noon")) == "2013-04-22T00:00");
}

TEST_CASE("ISO dates that are not dates are refused", "[html][dates]") {
  for (const char* bad : {"", "   ", "garbage", "2013", "2013-04", "2013-4-22", "2013-04-2", "2013/04/22", "201304",
                          "2013042", "April 22, 2013", "13-04-22"}) {
    INFO(bad);
    CHECK_FALSE(iso_date(bad).has_value());
  }
}

TEST_CASE("ISO dates with an impossible month, day or year are refused", "[html][dates]") {
  for (const char* bad :
       {"2013-13-01", "2013-00-10", "2013-04-00", "2013-04-32", "20131301", "20130400", "0999-01-01", "0000-01-01"}) {
    INFO(bad);
    CHECK_FALSE(iso_date(bad).has_value());
  }
  // The edges of the ranges are accepted.
  CHECK(shown(iso_date("1000-01-01")) == "1000-01-01T00:00");
  CHECK(shown(iso_date("2013-12-31T23:59")) == "2013-12-31T23:59");
}

TEST_CASE("ISO dates are refused on days their month does not have, as printed dates are", "[html][dates]") {
  for (const char* bad : {"2013-02-30", "2013-02-29", "1900-02-29", "2013-04-31", "20130431", "2013-06-31T10:00"}) {
    INFO(bad);
    CHECK_FALSE(iso_date(bad).has_value());
    CHECK_FALSE(any_date(bad).has_value());
  }
  CHECK(shown(iso_date("2012-02-29")) == "2012-02-29T00:00");  // leap years: every 4th, and 2000
  CHECK(shown(iso_date("2000-02-29T06:30")) == "2000-02-29T06:30");
  CHECK(shown(iso_date("2013-04-30")) == "2013-04-30T00:00");
}

TEST_CASE("any date tries ISO 8601 first", "[html][dates]") {
  CHECK(shown(any_date("2013-04-22T22:08:31-04:00")) == "2013-04-22T22:08");
  CHECK(shown(any_date("20130422")) == "2013-04-22T00:00");
}

TEST_CASE("any date reads the printed forms of the text layout", "[html][dates]") {
  CHECK(shown(any_date("April 24, 2013 at 7:43 pm")) == "2013-04-24T19:43");
  CHECK(shown(any_date("April 22nd, 2013 10:08 PM ET")) == "2013-04-22T22:08");
  CHECK(shown(any_date("22 April 2013")) == "2013-04-22T00:00");
  CHECK(shown(any_date("Apr. 22, 2013")) == "2013-04-22T00:00");
  CHECK(shown(any_date("Sept 3 2013")) == "2013-09-03T00:00");
  CHECK(shown(any_date("April 24, 2013 at 12:05 am | Reply")) == "2013-04-24T00:05");
}

TEST_CASE("any date collapses the whitespace and no-break spaces of markup text", "[html][dates]") {
  CHECK(shown(any_date("  April\n   24,\t2013\n at 7:43\xC2\xA0pm  ")) == "2013-04-24T19:43");
  CHECK(shown(any_date("\xC2\xA0"
                       "22\xC2\xA0"
                       "April\xC2\xA0"
                       "2013")) == "2013-04-22T00:00");
}

TEST_CASE("any date finds a date after leading words", "[html][dates]") {
  CHECK(shown(any_date("Posted on April 24, 2013 at 7:43 pm")) == "2013-04-24T19:43");
  CHECK(shown(any_date("Published: 22 April 2013")) == "2013-04-22T00:00");
  CHECK(shown(any_date("Submitted by Dee on 5 March 2021")) == "2021-03-05T00:00");
}

TEST_CASE("any date refuses text without a date and impossible printed dates", "[html][dates]") {
  for (const char* bad : {"", "   ", "yesterday", "no date here at all", "10:08 PM ET", "April 2013",
                          "February 30, 2013", "April 31, 2013", "Smarch 3, 2013"}) {
    INFO(bad);
    CHECK_FALSE(any_date(bad).has_value());
  }
  CHECK(shown(any_date("February 29, 2012")) == "2012-02-29T00:00");  // a leap year
  CHECK_FALSE(any_date("February 29, 2013").has_value());
}
