#include "page_dates.h"

#include <array>
#include <cstdio>

namespace byline::page_text {
namespace {

constexpr std::array<std::string_view, 12> kMonths = {"january",   "february", "march",    "april",
                                                      "may",       "june",     "july",     "august",
                                                      "september", "october",  "november", "december"};

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return (m == 2 && is_leap(y)) ? 29 : kDays[m - 1];
}

// A hand-written scanner: std::regex would be slow and can recurse deeply.
class Scanner {
 public:
  explicit Scanner(std::string_view s) : s_(s) {}

  bool at_end() const { return pos_ >= s_.size(); }
  std::size_t pos() const { return pos_; }
  void reset(std::size_t pos) { pos_ = pos; }

  // Spaces, including NBSP (C2 A0). Returns whether any were skipped.
  bool skip_spaces() {
    std::size_t start = pos_;
    while (pos_ < s_.size()) {
      if (s_[pos_] == ' ') {
        ++pos_;
      } else if (s_.compare(pos_, 2, "\xC2\xA0") == 0) {
        pos_ += 2;
      } else {
        break;
      }
    }
    return pos_ != start;
  }

  bool accept(char c) {
    if (pos_ < s_.size() && s_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }

  // Case-insensitive literal.
  bool accept_word(std::string_view word) {
    if (s_.size() - pos_ < word.size()) return false;
    for (std::size_t i = 0; i < word.size(); ++i)
      if (lower(s_[pos_ + i]) != word[i]) return false;
    pos_ += word.size();
    return true;
  }

  std::optional<int> number(std::size_t min_digits, std::size_t max_digits) {
    std::size_t start = pos_;
    int value = 0;
    while (pos_ < s_.size() && is_digit(s_[pos_]) && pos_ - start < max_digits) value = value * 10 + (s_[pos_++] - '0');
    std::size_t n = pos_ - start;
    if (n < min_digits || (pos_ < s_.size() && is_digit(s_[pos_]))) {
      pos_ = start;
      return std::nullopt;
    }
    return value;
  }

  std::string_view letters() {
    std::size_t start = pos_;
    while (pos_ < s_.size() && is_alpha(s_[pos_])) ++pos_;
    return s_.substr(start, pos_ - start);
  }

  bool letter_next() const { return pos_ < s_.size() && is_alpha(s_[pos_]); }

  std::string_view rest() const { return s_.substr(pos_); }

 private:
  std::string_view s_;
  std::size_t pos_ = 0;
};

// "April", "Apr", "Apr.", "Sept": any prefix of at least three letters.
std::optional<int> month(Scanner& in) {
  std::size_t start = in.pos();
  std::string_view word = in.letters();
  if (word.size() >= 3) {
    for (std::size_t m = 0; m < kMonths.size(); ++m) {
      std::string_view name = kMonths[m];
      if (word.size() > name.size()) continue;
      bool match = true;
      for (std::size_t i = 0; i < word.size() && match; ++i) match = lower(word[i]) == name[i];
      if (match) {
        in.accept('.');
        return static_cast<int>(m) + 1;
      }
    }
  }
  in.reset(start);
  return std::nullopt;
}

std::optional<int> day(Scanner& in) {
  auto d = in.number(1, 2);
  if (!d) return std::nullopt;
  for (std::string_view suffix : {"st", "nd", "rd", "th"})
    if (in.accept_word(suffix)) break;
  return d;
}

std::optional<CalendarDate> date(Scanner& in) {
  CalendarDate out;
  if (auto m = month(in)) {  // April 22nd, 2013
    out.month = *m;
    in.skip_spaces();
    auto d = day(in);
    if (!d) return std::nullopt;
    out.day = *d;
  } else {  // 22 April 2013
    auto d = day(in);
    if (!d) return std::nullopt;
    out.day = *d;
    if (!in.skip_spaces()) return std::nullopt;
    auto m2 = month(in);
    if (!m2) return std::nullopt;
    out.month = *m2;
  }
  in.accept(',');
  in.skip_spaces();
  auto y = in.number(4, 4);
  if (!y) return std::nullopt;
  out.year = *y;
  if (out.year < 1000 || out.day < 1 || out.day > days_in_month(out.year, out.month)) return std::nullopt;
  return out;
}

// "10:08 PM", "7:43 pm", "12:05 a.m.", "22:08"; then an optional zone word.
std::optional<ClockTime> clock(Scanner& in) {
  auto h = in.number(1, 2);
  if (!h || !in.accept(':')) return std::nullopt;
  auto m = in.number(2, 2);
  if (!m || *m > 59) return std::nullopt;
  std::size_t before_suffix = in.pos();
  in.skip_spaces();
  int half = -1;  // 0 am, 1 pm
  if (in.accept_word("a.m.") || (in.accept_word("am") && !in.letter_next())) {
    half = 0;
  } else if (in.accept_word("p.m.") || (in.accept_word("pm") && !in.letter_next())) {
    half = 1;
  } else {
    in.reset(before_suffix);
  }
  ClockTime out;
  out.minute = *m;
  if (half < 0) {
    if (*h > 23) return std::nullopt;
    out.hour = *h;
  } else {
    if (*h < 1 || *h > 12) return std::nullopt;
    out.hour = *h % 12 + (half == 1 ? 12 : 0);
  }
  // Zone word (ET, EST, GMT, UTC+1, ...): read and ignored.
  std::size_t before_zone = in.pos();
  if (in.skip_spaces()) {
    std::string_view zone = in.letters();
    bool upper = true;
    for (char c : zone) upper = upper && c >= 'A' && c <= 'Z';
    if (zone.size() < 2 || zone.size() > 5 || !upper) {
      in.reset(before_zone);
    } else if (in.accept('+') || in.accept('-')) {
      in.number(1, 4);
    }
  }
  return out;
}

bool finished(Scanner& in) {
  in.skip_spaces();
  return in.at_end();
}

}  // namespace

std::optional<DateTime> parse_date_line(std::string_view line) {
  Scanner in(line);
  in.skip_spaces();
  auto d = date(in);
  if (!d) return std::nullopt;
  DateTime out{*d, std::nullopt};
  if (finished(in)) return out;
  if (!in.accept(',') && !in.accept('-')) in.accept_word("at");  // "April 22, 2013 at 10:08 PM"
  in.skip_spaces();
  auto t = clock(in);
  if (!t || !finished(in)) return std::nullopt;
  out.time = t;
  return out;
}

std::optional<ClockTime> parse_time_line(std::string_view line) {
  Scanner in(line);
  in.skip_spaces();
  auto t = clock(in);
  if (!t || !finished(in)) return std::nullopt;
  return t;
}

std::optional<std::string> parse_comment_date_line(std::string_view line) {
  constexpr std::size_t kMaxTrailer = 40;  // "| Reply", "| Report abuse | Reply"
  Scanner in(line);
  in.skip_spaces();
  auto d = date(in);
  if (!d) return std::nullopt;
  in.skip_spaces();
  in.accept(',');
  in.skip_spaces();
  if (in.accept_word("at")) in.skip_spaces();
  auto t = clock(in);
  if (!t) return std::nullopt;
  in.skip_spaces();
  if (in.accept('|')) {
    if (in.rest().size() > kMaxTrailer) return std::nullopt;
  } else if (!finished(in)) {
    return std::nullopt;
  }
  return format_iso_minute(*d, t);
}

std::string format_iso_minute(const CalendarDate& date, std::optional<ClockTime> time) {
  ClockTime t = time.value_or(ClockTime{});
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d", date.year, date.month, date.day, t.hour, t.minute);
  return buffer;
}

bool is_calendar_date(const CalendarDate& date) {
  return date.year >= 1000 && date.month >= 1 && date.month <= 12 && date.day >= 1 &&
         date.day <= days_in_month(date.year, date.month);
}

}  // namespace byline::page_text
