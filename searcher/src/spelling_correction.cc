#include "spelling_correction.h"

#include <array>
#include <cctype>

#include "schema.h"
#include "word_suggestion.h"

namespace byline {
namespace {

constexpr std::array<std::string_view, 6> kOperators = {"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"};

// Unknown words looked up per query: each reads a list of terms, and a
// hostile query can hold thousands of words.
constexpr int kMaxLookups = 8;

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }
bool is_wrapper(char c) { return c == '"' || c == '(' || c == ')' || c == '+' || c == '-'; }

}  // namespace

std::string spelling_correction(const Xapian::Database& db, const Xapian::Stem& stemmer, std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool replaced = false;
  int lookups = 0;
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
    const char* prefix = "";  // of the terms the word is looked up among
    if (colon != std::string_view::npos) {
      std::string_view field = token.substr(begin, colon - begin);
      checked = field == "title" || field == "author";
      if (field == "title") prefix = schema::kPrefixTitle;
      if (field == "author") prefix = schema::kPrefixAuthorText;
      begin = colon + 1;
      while (begin < token.size() && is_wrapper(token[begin])) ++begin;
    }
    std::size_t stop = token.size();
    while (stop > begin && is_wrapper(token[stop - 1])) --stop;
    std::string_view raw = token.substr(begin, stop - begin);
    std::string word = Xapian::Unicode::tolower(std::string(raw));
    bool is_operator = false;
    for (std::string_view op : kOperators) is_operator = is_operator || raw == op;
    if (checked && !is_operator && !word.empty() && lookups < kMaxLookups &&
        !db.term_exists(schema::term(prefix, stemmer(word)))) {
      ++lookups;
      std::string suggestion = suggest_word(db, stemmer, word, prefix);
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
