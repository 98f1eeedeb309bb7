#include "date_range.h"

#include "byline/error.h"
#include "relative_date.h"
#include "schema.h"

namespace byline {
namespace {

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

int to_number(std::string_view s) {
  int n = 0;
  for (char c : s) n = n * 10 + (c - '0');
  return n;
}

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

// "2013" + padding to the 12 characters of the date slot.
std::string padded(std::string digits, char fill) {
  digits.resize(12, fill);
  return digits;
}

}  // namespace

std::optional<DatePeriod> parse_partial_date(std::string_view text, std::string* why) {
  auto fail = [&](const std::string& reason) -> std::optional<DatePeriod> {
    if (why) *why = reason;
    return std::nullopt;
  };
  std::string shown(1, '\'');  // (append, not operator+: GCC 12 -Wrestrict)
  shown.append(text);
  shown.push_back('\'');
  std::string_view year = text.substr(0, 4);
  if (text.size() < 4 || !all_digits(year) || (text.size() > 4 && text[4] != '-')) {
    // Not a calendar date: maybe one as people say it (relative_date.h).
    std::string relative_why;
    if (std::optional<RelativePeriod> r = parse_relative_date(text, reference_now(), &relative_why))
      return DatePeriod{r->first, r->last};
    if (!relative_why.empty()) return fail(relative_why);
    return fail(shown + " is not a date (use YYYY, YYYY-MM, YYYY-MM-DD, today, yesterday, 7d, 2w, 3m, 1y, " +
                "last-week, last-month or now)");
  }
  std::string digits(year);
  if (text.size() > 4) {
    std::string_view month = text.substr(5, 2);
    if (text.size() < 7 || !all_digits(month) || (text.size() > 7 && text[7] != '-'))
      return fail(shown + " is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)");
    int m = to_number(month);
    if (m < 1 || m > 12) return fail(shown + ": month " + std::to_string(m) + " does not exist");
    digits += month;
    if (text.size() > 7) {
      std::string_view day = text.substr(8);
      if (day.size() != 2 || !all_digits(day)) return fail(shown + " is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)");
      int d = to_number(day);
      if (d < 1 || d > days_in_month(to_number(year), m))
        return fail(shown + ": day " + std::to_string(d) + " does not exist in that month");
      digits += day;
    }
  }
  // Slot values are digits only, so '0'/'9' padding brackets the whole period.
  return DatePeriod{padded(digits, '0'), padded(digits, '9')};
}

Xapian::Query date_range_query(std::string_view from, std::string_view to, const std::string& what) {
  // `date:7d` alone is the last seven days (the query builder rewrites a
  // single date X as X..X).
  if (from == to && is_time_ago(from)) to = "now";
  std::string why;
  std::optional<DatePeriod> start, finish;
  if (!from.empty() && !(start = parse_partial_date(from, &why))) throw BadQuery(what + " " + why);
  if (!to.empty() && !(finish = parse_partial_date(to, &why))) throw BadQuery(what + " " + why);
  if (start && finish) {
    if (finish->last < start->first)
      throw BadQuery(what + " range " + std::string(from) + ".." + std::string(to) + " ends before it starts");
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kSlotDate, start->first, finish->last);
  }
  if (start) return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kSlotDate, start->first);
  if (finish) return Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::kSlotDate, finish->last);
  // date:.. : every dated document. (Undated documents have no value.)
  return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kSlotDate, std::string("0"));
}

DateRangeProcessor::DateRangeProcessor(std::string field, std::string* error)
    : Xapian::RangeProcessor(schema::kSlotDate, std::move(field)), error_(error) {}

Xapian::Query DateRangeProcessor::operator()(const std::string& begin, const std::string& end) {
  try {
    return date_range_query(begin, end);
  } catch (const BadQuery& e) {
    if (error_ != nullptr && error_->empty()) *error_ = e.what();
    return Xapian::Query::MatchNothing;
  }
}

}  // namespace byline
