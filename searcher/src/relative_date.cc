#include "relative_date.h"

#include <cstdio>
#include <cstdlib>
#include <ctime>

#include "byline/error.h"

namespace byline {
namespace {

// Days since 1970-01-01 of a civil date and back (H. Hinnant's algorithms):
// exact over any Gregorian date, no time zone involved.
long days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Moment civil_from_days(long z, int minute = 0) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  Moment out;
  out.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  out.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  out.year = static_cast<int>(yoe + era * 400 + (out.month <= 2));
  out.minute = minute;
  return out;
}

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

std::string slot_value(const Moment& m, int minute) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d%02d%02d%02d%02d", m.year, m.month, m.day, minute / 60, minute % 60);
  return buf;
}

RelativePeriod days(const Moment& first, const Moment& last) {
  return RelativePeriod{slot_value(first, 0), slot_value(last, 1439)};
}

Moment add_months(const Moment& m, long months) {
  long index = static_cast<long>(m.year) * 12 + (m.month - 1) + months;
  Moment out = m;
  // Floor division: an index before year 0 ("2054y" ago in 2026) must still
  // give a month of 1..12 (the caller then refuses the year).
  const long year = index >= 0 ? index / 12 : (index - 11) / 12;
  out.year = static_cast<int>(year);
  out.month = static_cast<int>(index - year * 12) + 1;
  if (out.day > days_in_month(out.year, out.month)) out.day = days_in_month(out.year, out.month);
  return out;
}

// 'text', quoted for messages (append, not operator+: GCC 12 -Wrestrict).
std::string quoted(std::string_view text) {
  std::string out(1, '\'');
  out.append(text);
  out.push_back('\'');
  return out;
}

bool digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

}  // namespace

std::optional<Moment> parse_moment(std::string_view text) {
  if (text.size() != 10 && text.size() != 16) return std::nullopt;
  if (!digits(text.substr(0, 4)) || text[4] != '-' || !digits(text.substr(5, 2)) || text[7] != '-' ||
      !digits(text.substr(8, 2)))
    return std::nullopt;
  Moment m;
  m.year = std::atoi(std::string(text.substr(0, 4)).c_str());
  m.month = std::atoi(std::string(text.substr(5, 2)).c_str());
  m.day = std::atoi(std::string(text.substr(8, 2)).c_str());
  if (m.month < 1 || m.month > 12 || m.day < 1 || m.day > days_in_month(m.year, m.month)) return std::nullopt;
  if (text.size() == 16) {
    if (text[10] != 'T' || !digits(text.substr(11, 2)) || text[13] != ':' || !digits(text.substr(14, 2)))
      return std::nullopt;
    int h = std::atoi(std::string(text.substr(11, 2)).c_str());
    int min = std::atoi(std::string(text.substr(14, 2)).c_str());
    if (h > 23 || min > 59) return std::nullopt;
    m.minute = h * 60 + min;
  }
  return m;
}

Moment reference_now() {
  if (const char* env = std::getenv("BYLINE_NOW"); env != nullptr && *env != '\0') {
    std::optional<Moment> m = parse_moment(env);
    if (!m) throw BadQuery(std::string("BYLINE_NOW=") + env + ": not a date (use YYYY-MM-DD or YYYY-MM-DDTHH:MM)");
    return *m;
  }
  // Page dates are local times as printed, so "now" is the local time too.
  std::time_t t = std::time(nullptr);
  std::tm local{};
  localtime_r(&t, &local);
  Moment m;
  m.year = local.tm_year + 1900;
  m.month = local.tm_mon + 1;
  m.day = local.tm_mday;
  m.minute = local.tm_hour * 60 + local.tm_min;
  return m;
}

bool is_time_ago(std::string_view text) {
  if (text.size() < 2) return false;
  char unit = text.back();
  return digits(text.substr(0, text.size() - 1)) &&
         (unit == 'h' || unit == 'd' || unit == 'w' || unit == 'm' || unit == 'y');
}

std::optional<RelativePeriod> parse_relative_date(std::string_view text, const Moment& now, std::string* why) {
  const long today = days_from_civil(now.year, now.month, now.day);
  if (text == "now") return RelativePeriod{slot_value(now, now.minute), slot_value(now, now.minute)};
  if (text == "today") return days(now, now);
  if (text == "yesterday") {
    Moment y = civil_from_days(today - 1);
    return days(y, y);
  }
  // 1970-01-01 was a Thursday: Monday-based weekday = (days + 3) mod 7.
  const long weekday = ((today + 3) % 7 + 7) % 7;
  if (text == "this-week" || text == "last-week") {
    long monday = today - weekday - (text == "last-week" ? 7 : 0);
    return days(civil_from_days(monday), civil_from_days(monday + 6));
  }
  if (text == "this-month" || text == "last-month") {
    Moment first = now;
    first.day = 1;
    if (text == "last-month") first = add_months(first, -1);
    Moment last = first;
    last.day = days_in_month(first.year, first.month);
    return days(first, last);
  }
  if (text == "this-year" || text == "last-year") {
    Moment first{now.year - (text == "last-year" ? 1 : 0), 1, 1, 0};
    Moment last{first.year, 12, 31, 0};
    return days(first, last);
  }
  if (!is_time_ago(text)) {
    // Digits with an unknown unit: say what the units are.
    if (text.size() >= 2 && digits(text.substr(0, text.size() - 1)) && why)
      *why = quoted(text) + ": a time ago ends in h, d, w, m (months) or y";
    return std::nullopt;
  }
  const std::string count_text(text.substr(0, text.size() - 1));
  if (count_text.size() > 6) {
    if (why) *why = quoted(text) + " is too long ago";
    return std::nullopt;
  }
  const long n = std::atol(count_text.c_str());
  Moment at = now;
  switch (text.back()) {
    case 'h': {
      long minutes = today * 1440 + now.minute - n * 60;
      long day = minutes >= 0 ? minutes / 1440 : (minutes - 1439) / 1440;
      at = civil_from_days(day, static_cast<int>(minutes - day * 1440));
      break;
    }
    case 'd':
      at = civil_from_days(today - n, now.minute);
      break;
    case 'w':
      at = civil_from_days(today - 7 * n, now.minute);
      break;
    case 'm':
      at = add_months(now, -n);
      break;
    case 'y':
      at = add_months(now, -12 * n);
      break;
  }
  if (at.year < 0 || at.year > 9999) {
    if (why) *why = quoted(text) + " is too long ago";
    return std::nullopt;
  }
  return RelativePeriod{slot_value(at, at.minute), slot_value(at, at.minute)};
}

}  // namespace byline
