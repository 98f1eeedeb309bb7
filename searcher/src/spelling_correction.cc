#include "spelling_correction.h"

#include <array>
#include <cctype>

namespace byline {
namespace {

constexpr std::array<std::string_view, 6> kOperators = {"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"};

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }
bool is_wrapper(char c) { return c == '"' || c == '(' || c == ')' || c == '+' || c == '-'; }

// Letters only, by Xapian's Unicode tables (TermGenerator's word characters
// less digits and '_'): "U.S.", "3d" or "don't" are not looked up.
bool is_plain_word(const std::string& word) {
  for (Xapian::Utf8Iterator it(word); it != Xapian::Utf8Iterator(); ++it)
    if (!Xapian::Unicode::is_wordchar(*it) ||
        Xapian::Unicode::get_category(*it) == Xapian::Unicode::DECIMAL_DIGIT_NUMBER || *it == '_')
      return false;
  return !word.empty();
}

}  // namespace

std::string spelling_correction(const Xapian::Database& db, const Xapian::Stem& stemmer, std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool replaced = false;
  std::size_t i = 0;
  while (i < text.size()) {
    if (is_space(text[i])) {
      out.push_back(text[i++]);
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && !is_space(text[end])) ++end;
    std::string_view token = text.substr(i, end - i);
    i = end;
    // The word inside the token: after a field name, between wrappers.
    std::size_t begin = 0;
    while (begin < token.size() && is_wrapper(token[begin])) ++begin;
    std::size_t colon = token.find(':', begin);
    bool checked = true;
    if (colon != std::string_view::npos) {
      std::string_view field = token.substr(begin, colon - begin);
      checked = field == "title" || field == "author";
      begin = colon + 1;
      while (begin < token.size() && is_wrapper(token[begin])) ++begin;
    }
    std::size_t stop = token.size();
    while (stop > begin && is_wrapper(token[stop - 1])) --stop;
    std::string_view raw = token.substr(begin, stop - begin);
    std::string word = Xapian::Unicode::tolower(std::string(raw));
    bool is_operator = false;
    for (std::string_view op : kOperators) is_operator = is_operator || raw == op;
    if (checked && !is_operator && is_plain_word(word) && !db.term_exists(stemmer(word))) {
      std::string suggestion = db.get_spelling_suggestion(word);
      if (!suggestion.empty() && suggestion != word) {
        out.append(token.substr(0, begin)).append(suggestion).append(token.substr(stop));
        replaced = true;
        continue;
      }
    }
    out.append(token);
  }
  return replaced ? out : std::string();
}

}  // namespace byline
