#include "render_names.h"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "render_json.h"
#include "terminal_text.h"

namespace byline::cli {
namespace {

// "2013-04-22T22:08" as "2013-04-22 22:08"; "-" for no date.
std::string shown_date(const std::optional<std::string>& date) {
  if (!date) return "-";
  std::string out = terminal_safe(*date);
  std::replace(out.begin(), out.end(), 'T', ' ');
  return out;
}

}  // namespace

std::string names_text(const std::string& what, const std::vector<NameSummary>& names) {
  if (names.empty()) return "no " + what + "s\n";
  std::size_t count_width = std::string("count").size();
  std::size_t date_width = std::string("first").size();
  for (const NameSummary& n : names) {
    count_width = std::max(count_width, std::to_string(n.count).size());
    date_width = std::max({date_width, shown_date(n.first_date).size(), shown_date(n.last_date).size()});
  }
  auto pad_left = [](const std::string& s, std::size_t w) { return std::string(w - std::min(w, s.size()), ' ') + s; };
  auto pad_right = [](const std::string& s, std::size_t w) { return s + std::string(w - std::min(w, s.size()), ' '); };
  std::string out = pad_left("count", count_width) + "  " + pad_right("first", date_width) + "  " +
                    pad_right("last", date_width) + "  " + what + "\n";
  for (const NameSummary& n : names)
    out += pad_left(std::to_string(n.count), count_width) + "  " + pad_right(shown_date(n.first_date), date_width) +
           "  " + pad_right(shown_date(n.last_date), date_width) + "  " + terminal_safe(n.name) + "\n";
  return out;
}

std::string names_json(const std::string& what, const Query& query, const std::string& sort,
                       const std::vector<NameSummary>& names) {
  using nlohmann::ordered_json;
  ordered_json list = ordered_json::array();
  for (const NameSummary& n : names) {
    ordered_json entry = {{"name", n.name}, {"count", n.count}, {"first_date", nullptr}, {"last_date", nullptr}};
    if (n.first_date) entry["first_date"] = *n.first_date;
    if (n.last_date) entry["last_date"] = *n.last_date;
    list.push_back(std::move(entry));
  }
  ordered_json out = {{"format_version", kJsonFormatVersion}, {"query", query.text}, {"sort", sort}};
  out[what + "s"] = std::move(list);
  // Page text may hold bytes that are not UTF-8: replaced, never an exception.
  return out.dump(-1, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace byline::cli
