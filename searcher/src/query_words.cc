#include "query_words.h"

#include <algorithm>
#include <cctype>
#include <vector>

#include "byline/error.h"
#include "schema.h"
#include "word_tokenizer.h"

namespace byline {
namespace {

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }
bool is_break(char c) { return is_space(c) || c == '(' || c == ')' || c == '"'; }
bool is_name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }

enum class ItemKind { Space, Open, Close, Phrase, Words, Operator, NotOperator };

struct Item {
  ItemKind kind;
  std::string text;
};

bool is_binary_operator(std::string_view word) {
  if (word == "AND" || word == "OR" || word == "XOR") return true;
  for (std::string_view op : {std::string_view("NEAR"), std::string_view("ADJ")}) {
    if (word.substr(0, op.size()) != op) continue;
    std::string_view rest = word.substr(op.size());
    if (rest.empty()) return true;
    if (rest.size() >= 2 && rest[0] == '/' &&
        std::all_of(rest.begin() + 1, rest.end(), [](char c) { return c >= '0' && c <= '9'; }))
      return true;
  }
  return false;
}

std::string with_thousands(std::size_t n) {
  std::string digits = std::to_string(n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

// Acronyms in a run of words (a value, or a phrase's text): their marker words.
std::string mark_acronyms(std::string_view text) {
  std::string out;
  WordTokenizer tokens(text);
  Token token;
  std::size_t copied = 0;
  while (tokens.next(token)) {
    bool two_capitals = token.kind == TokenKind::Word && token.caps && token.end - token.begin == 2 &&
                        !is_binary_operator(text.substr(token.begin, 2));
    if (token.kind != TokenKind::Acronym && !two_capitals) continue;
    out.append(text.substr(copied, token.begin - copied));
    out.append(kAcronymMarker);
    for (char c : token.kind == TokenKind::Acronym ? token.word : std::string(text.substr(token.begin, 2)))
      if (c != '.') out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    copied = token.end;
  }
  out.append(text.substr(copied));
  return out;
}

// A value that is one hyphenated word ("e-mail", "e-mail,"): its joined form.
std::string joined_form(std::string_view value) {
  WordTokenizer tokens(value);
  Token token;
  std::size_t words = 0;
  std::string joined;
  while (tokens.next(token)) {
    if (token.kind == TokenKind::Word) ++words;
    if (token.kind == TokenKind::Acronym) return "";
    if (token.kind == TokenKind::Joined) {
      if (token.parts != words || !joined.empty()) return "";
      joined = token.word;
    }
  }
  return joined;
}

// A wildcard's pattern as one plain word for Xapian's parser (hex digits):
// a pattern with '-' or '.' ("e-mail*") given to a field processor after a
// negated word ("oil -2 -e-mail*") crashes libxapian 1.4.22's parser
// (Query::operator|= on a null query, found by query_snippet_fuzzer), and
// hex digits leave nothing in the value for its lexer to split.
std::string pattern_as_word(std::string_view pattern) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string word;
  word.reserve(pattern.size() * 2);
  for (char c : pattern) {
    const auto byte = static_cast<unsigned char>(c);
    word.push_back(kDigits[byte >> 4]);
    word.push_back(kDigits[byte & 0x0f]);
  }
  return word;
}

// The pattern back from pattern_as_word; a value that is not its output
// (typed by hand after the hidden field's name) is taken as it is.
std::string pattern_from_word(const std::string& word) {
  auto value = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
  };
  if (word.size() % 2 != 0) return word;
  std::string pattern;
  pattern.reserve(word.size() / 2);
  for (std::size_t i = 0; i < word.size(); i += 2) {
    const int high = value(word[i]);
    const int low = value(word[i + 1]);
    if (high < 0 || low < 0) return word;
    pattern.push_back(static_cast<char>(high * 16 + low));
  }
  return pattern;
}

// One run of non-space text outside phrases and parentheses.
Item rewrite_chunk(std::string_view chunk, char next) {
  std::string_view rest = chunk;
  std::string sign;
  if (!rest.empty() && (rest[0] == '+' || rest[0] == '-')) {
    sign = std::string(1, rest[0]);
    rest.remove_prefix(1);
  }
  const bool group_follows = next == '"' || next == '(';
  if (rest.empty()) {
    // "-(...)" and '-"..."' negate what follows; a sign alone means nothing.
    if (group_follows) return {ItemKind::Words, sign};
    return {ItemKind::Space, " "};
  }
  if (sign.empty() && rest == "NOT") return {ItemKind::NotOperator, std::string(rest)};
  if (sign.empty() && is_binary_operator(rest)) return {ItemKind::Operator, std::string(rest)};
  std::string field;
  std::size_t name_end = 0;
  while (name_end < rest.size() && is_name_char(rest[name_end])) ++name_end;
  if (name_end > 0 && name_end < rest.size() && rest[name_end] == ':') {
    std::string_view name = rest.substr(0, name_end);
    if (name != "title" && name != "author") return {ItemKind::Words, std::string(chunk)};  // date:, tag:, ...
    field = std::string(name);
    rest.remove_prefix(name_end + 1);
    if (rest.empty()) {
      if (group_follows) return {ItemKind::Words, sign + field + ":"};
      throw BadQuery(field + ": has no word after it (write " + field + ":WORD or " + field + ":\"some words\")");
    }
  }
  const std::string prefix = sign + (field.empty() ? "" : field + ":");
  const std::size_t star = rest.find('*');
  if (star != std::string_view::npos) {
    std::string_view pattern = rest.substr(0, star);
    std::string_view after = rest.substr(star);
    bool only_stars = std::all_of(after.begin(), after.end(), [](char c) { return c == '*'; });
    bool has_word = std::any_of(pattern.begin(), pattern.end(), [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) != 0 || static_cast<unsigned char>(c) >= 0x80;
    });
    if (pattern.empty() && only_stars)
      throw BadQuery("'" + std::string(rest) +
                     "' alone matches nothing: a wildcard is the start of a word and '*', as in coff*");
    if (!only_stars || !has_word)
      throw BadQuery("'" + std::string(rest) +
                     "': a wildcard is the start of a word followed by one '*' at its end, as in coff*");
    const char* wildcard_field = field == "title"    ? kWildcardTitleField
                                 : field == "author" ? kWildcardAuthorField
                                                     : kWildcardField;
    return {ItemKind::Words, sign + wildcard_field + ":" + pattern_as_word(pattern)};
  }
  std::string joined = joined_form(rest);
  if (!joined.empty()) return {ItemKind::Words, prefix + "(" + joined + " OR \"" + std::string(rest) + "\")"};
  return {ItemKind::Words, prefix + mark_acronyms(rest)};
}

// Drops operators that have nothing to join.
void drop_stray_operators(std::vector<Item>& items) {
  auto meaningful = [](const Item& item) { return item.kind != ItemKind::Space; };
  bool changed = true;
  while (changed) {
    changed = false;
    for (std::size_t i = 0; i < items.size(); ++i) {
      ItemKind kind = items[i].kind;
      if (kind != ItemKind::Operator && kind != ItemKind::NotOperator) continue;
      const Item* before = nullptr;
      const Item* after = nullptr;
      for (std::size_t k = i; k-- > 0;)
        if (meaningful(items[k])) {
          before = &items[k];
          break;
        }
      for (std::size_t k = i + 1; k < items.size(); ++k)
        if (meaningful(items[k])) {
          after = &items[k];
          break;
        }
      auto operand_end = [](const Item* item) {
        return item != nullptr &&
               (item->kind == ItemKind::Words || item->kind == ItemKind::Phrase || item->kind == ItemKind::Close);
      };
      auto operand_start = [](const Item* item, bool not_ok) {
        return item != nullptr && (item->kind == ItemKind::Words || item->kind == ItemKind::Phrase ||
                                   item->kind == ItemKind::Open || (not_ok && item->kind == ItemKind::NotOperator));
      };
      bool keep = kind == ItemKind::Operator
                      ? operand_end(before) && operand_start(after, true)
                      : operand_start(after, false) && (before == nullptr || before->kind != ItemKind::NotOperator);
      if (!keep) {
        items[i] = {ItemKind::Space, " "};
        changed = true;
      }
    }
  }
}

}  // namespace

std::string rewrite_query_words(std::string_view text) {
  std::vector<Item> items;
  std::size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (is_space(c)) {
      items.push_back({ItemKind::Space, std::string(1, c)});
      ++i;
    } else if (c == '(') {
      items.push_back({ItemKind::Open, "("});
      ++i;
    } else if (c == ')') {
      items.push_back({ItemKind::Close, ")"});
      ++i;
    } else if (c == '"') {
      std::size_t close = text.find('"', i + 1);
      std::size_t end = close == std::string_view::npos ? text.size() : close + 1;
      // Inside a phrase only acronyms change: hyphenated words and '*' are
      // read by Xapian's parser (a phrase of the parts; no wildcard).
      std::string inner(text.substr(i + 1, (close == std::string_view::npos ? text.size() : close) - i - 1));
      std::string phrase(1, '"');
      phrase.append(mark_acronyms(inner));
      if (close != std::string_view::npos) phrase.push_back('"');
      items.push_back({ItemKind::Phrase, std::move(phrase)});
      i = end;
    } else {
      std::size_t end = i;
      while (end < text.size() && !is_break(text[end])) ++end;
      char next = end < text.size() ? text[end] : '\0';
      items.push_back(rewrite_chunk(text.substr(i, end - i), next));
      i = end;
    }
  }
  drop_stray_operators(items);
  std::string out;
  out.reserve(text.size() + 16);
  for (const Item& item : items) out += item.text;
  return out;
}

Xapian::Query WildcardExpander::operator()(const std::string& value) {
  const std::string pattern = pattern_from_word(value);
  const std::string start = normalize_word(Xapian::Unicode::tolower(pattern));
  const std::string word_prefix = schema::term(schema::kPrefixWord, start);
  std::vector<std::string> stems;
  std::size_t words = 0;
  for (Xapian::TermIterator it = db_->allterms_begin(word_prefix); it != db_->allterms_end(word_prefix); ++it) {
    if (++words > limit_) continue;  // counted, to say how many
    stems.push_back(schema::term(prefix_, word_term(stemmer_, (*it).substr(sizeof(schema::kPrefixWord) - 1))));
  }
  if (words > limit_) {
    if (error_->empty())
      *error_ = pattern + "*: matches " + with_thousands(words) + " words, more than the limit of " +
                with_thousands(limit_) + " (make the start of the word longer)";
    return no_match_query();
  }
  if (stems.empty()) return no_match_query();
  std::sort(stems.begin(), stems.end());
  stems.erase(std::unique(stems.begin(), stems.end()), stems.end());
  // The stems of the words, scored as one word (a synonym, as Xapian's own
  // wildcards are). A word sharing a stem with one of them matches too
  // ("run" for runn*): word forms are kept per page, not per document.
  return Xapian::Query(Xapian::Query::OP_SYNONYM, stems.begin(), stems.end());
}

}  // namespace byline
