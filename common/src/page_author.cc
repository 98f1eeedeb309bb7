#include "page_author.h"

#include <array>

#include "page_lines.h"

namespace byline::page_text {
namespace {

constexpr std::size_t kMaxBylineBytes = 100;
constexpr std::size_t kMaxBylineWords = 12;

// Organisations a byline may credit after the names.
constexpr std::array<std::string_view, 10> kOutlets = {
    "CNN", "Reuters", "AP", "AFP", "Associated Press", "The Associated Press", "Bloomberg", "BBC", "UPI", "CNN Wire"};

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }

// "CNN's ", "BBC’s ": two or more capitals and a possessive, then a space.
std::size_t organisation_possessive_length(std::string_view s) {
  std::size_t caps = 0;
  while (caps < s.size() && is_upper(s[caps])) ++caps;
  if (caps < 2) return 0;
  for (std::string_view apostrophe : {std::string_view("'s "), std::string_view("\xE2\x80\x99s ")})
    if (s.substr(caps, apostrophe.size()) == apostrophe) return caps + apostrophe.size();
  return 0;
}

// The trailing ", CNN" / ", Special to CNN" / ", Reuters" credit.
bool is_outlet_credit(std::string_view tail) {
  for (std::string_view outlet : kOutlets) {
    if (tail == outlet) return true;
    // "Special to CNN", "CNN Senior Producer": the outlet as a whole word.
    std::size_t at = tail.find(outlet);
    while (at != std::string_view::npos) {
      bool starts = at == 0 || tail[at - 1] == ' ';
      bool ends = at + outlet.size() == tail.size() || tail[at + outlet.size()] == ' ';
      if (starts && ends) return true;
      at = tail.find(outlet, at + 1);
    }
  }
  return false;
}

}  // namespace

std::optional<std::string> tidy_author(std::string_view name) {
  name = trim(name);
  name.remove_prefix(organisation_possessive_length(name));
  for (;;) {
    std::size_t comma = name.rfind(',');
    if (comma == std::string_view::npos || !is_outlet_credit(trim(name.substr(comma + 1)))) break;
    name = trim(name.substr(0, comma));
  }
  name = trim(name);
  if (name.empty()) return std::nullopt;
  return std::string(name);
}

std::optional<std::string> byline_name(std::string_view content) {
  if (!starts_with_ci(content, "by ") || content.size() > kMaxBylineBytes) return std::nullopt;
  std::string_view rest = trim(content.substr(3));
  if (rest.empty() || !(is_upper(rest.front()) || static_cast<unsigned char>(rest.front()) >= 0x80))
    return std::nullopt;
  std::size_t words = 1;
  for (char c : rest) words += c == ' ';
  if (words > kMaxBylineWords) return std::nullopt;
  char last = rest.back();
  if (last == '?' || last == '!' || last == ':' || last == ';' || last == '"') return std::nullopt;
  if (last == '.') {  // "Jr." or "J." ends a name; a sentence ends in a longer word
    std::size_t space = rest.rfind(' ');
    std::string_view last_word = space == std::string_view::npos ? rest : rest.substr(space + 1);
    if (last_word.size() > 3) return std::nullopt;
  }
  return tidy_author(rest);
}

}  // namespace byline::page_text
