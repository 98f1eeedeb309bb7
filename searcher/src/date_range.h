// Dates in queries: `date:FROM..TO` in the query language and the --since /
// --until options. A date may be partial: "2013" is the whole year, "2013-04"
// the whole month, "2013-04-22" the whole day. Bounds are compared with the
// date value slot ("YYYYMMDDHHMM", see schema.h) as strings.
#ifndef BYLINE_DATE_RANGE_H
#define BYLINE_DATE_RANGE_H

#include <xapian.h>

#include <optional>
#include <string>
#include <string_view>

namespace byline {

// The first and last date-slot values of a (partial) date's period:
// "2013-04" -> {"201304000000", "201304999999"}.
struct DatePeriod {
  std::string first;
  std::string last;
};

// Parses YYYY, YYYY-MM or YYYY-MM-DD (a real calendar date). Returns
// std::nullopt and sets *why (e.g. "month 13 does not exist") when malformed.
std::optional<DatePeriod> parse_partial_date(std::string_view text, std::string* why);

// A query on the date slot: values from the start of `from`'s period to the end
// of `to`'s; an empty end is open. Throws BadQuery ("date: ...") for a bad
// date or a range that ends before it starts. `what` names the source of the
// dates in messages ("date:", "--since").
Xapian::Query date_range_query(std::string_view from, std::string_view to, const std::string& what = "date:");

// The `date:` range processor for Xapian::QueryParser. Errors cannot leave a
// QueryParser safely as exceptions: they are stored in *error (first one wins)
// and the range matches nothing; the caller throws after parsing.
class DateRangeProcessor : public Xapian::RangeProcessor {
 public:
  DateRangeProcessor(std::string field, std::string* error);
  Xapian::Query operator()(const std::string& begin, const std::string& end) override;

 private:
  std::string* error_;
};

}  // namespace byline

#endif  // BYLINE_DATE_RANGE_H
