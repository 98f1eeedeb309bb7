#include "word_suggestion.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <vector>

#include "schema.h"
#include "word_tokenizer.h"

namespace byline {
namespace {

std::u32string to_utf32(std::string_view text) {
  std::u32string out;
  for (Xapian::Utf8Iterator it(text.data(), text.size()); it != Xapian::Utf8Iterator(); ++it)
    out.push_back(static_cast<char32_t>(*it));
  return out;
}

std::string to_utf8(std::u32string_view text) {
  std::string out;
  for (char32_t ch : text) Xapian::Unicode::append_utf8(out, ch);
  return out;
}

bool is_letter(char32_t ch) {
  return Xapian::Unicode::is_wordchar(ch) &&
         Xapian::Unicode::get_category(ch) != Xapian::Unicode::DECIMAL_DIGIT_NUMBER && ch != U'_';
}

bool letters_only(std::u32string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), is_letter);
}

// Author names are often user names: letters and digits ("sierra415").
bool name_chars_only(std::u32string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(),
                                      [](char32_t ch) { return Xapian::Unicode::is_wordchar(ch) && ch != U'_'; });
}

bool is_vowel(char32_t ch) { return ch == U'a' || ch == U'e' || ch == U'i' || ch == U'o' || ch == U'u'; }

// Longer "words" get no suggestion: no language has them, and the distances
// grow with the square of their length.
constexpr std::size_t kMaxLetters = 40;

// Edits allowed for a word of this many letters: a short word one edit away
// from another is already a different word more often than a typo.
std::size_t max_edits(std::size_t letters) { return letters <= 4 ? 1 : 2; }

// Of two edits, one must be of the kinds people make most: two full edits
// ("missle" -> "middle") are another word more often than a typo.
double max_typo_distance(std::size_t edits) { return edits == 1 ? 1.0 : 1.5; }

// What one (full) edit costs against the log of the frequency: a candidate
// one edit further must be e^3.5 ~ 33 times more frequent to win. Measured on
// tests/fixtures/spelling/misspellings.txt (tests/searcher): 3.5 is in the
// middle of the range that gives the most right first suggestions.
constexpr double kEditCost = 3.5;

// Edits people make most often cost half an edit.
constexpr double kCheapEdit = 0.5;

struct Candidate {
  std::u32string letters;
  Xapian::doccount frequency = 0;
};

// The candidates of `vocabulary` that start with `first` (one letter, as UTF-8).
void add_word_candidates(const Xapian::Database& db, const std::string& first,
                         std::unordered_map<std::string, Xapian::doccount>& out) {
  const std::string start = schema::term(schema::kPrefixWord, first);
  const std::size_t prefix_size = sizeof(schema::kPrefixWord) - 1;
  for (Xapian::TermIterator it = db.allterms_begin(start); it != db.allterms_end(start); ++it) {
    const std::string term = *it;
    out.emplace(term.substr(prefix_size), it.get_termfreq());
  }
}

// Every word of every author name, with the documents of those authors.
std::unordered_map<std::string, Xapian::doccount> author_words(const Xapian::Database& db) {
  std::unordered_map<std::string, Xapian::doccount> out;
  const std::string prefix = schema::kPrefixAuthorExact;
  for (Xapian::TermIterator it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
    const std::string name = (*it).substr(prefix.size());
    WordTokenizer tokens(name);
    Token token;
    while (tokens.next(token))
      if (token.kind == TokenKind::Word && !token.word.empty()) out[token.word] += it.get_termfreq();
  }
  return out;
}

}  // namespace

std::size_t edit_distance(std::u32string_view a, std::u32string_view b, std::size_t limit) {
  const std::size_t n = a.size();
  const std::size_t m = b.size();
  if ((n > m ? n - m : m - n) > limit) return limit + 1;
  // Three rows of the dynamic programme: two back for transpositions.
  std::vector<std::size_t> before(m + 1), previous(m + 1), row(m + 1);
  for (std::size_t j = 0; j <= m; ++j) previous[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    row[0] = i;
    std::size_t row_min = row[0];
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      row[j] = std::min({previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) row[j] = std::min(row[j], before[j - 2] + 1);
      row_min = std::min(row_min, row[j]);
    }
    if (row_min > limit) return limit + 1;
    std::swap(before, previous);
    std::swap(previous, row);
  }
  return std::min(previous[m], limit + 1);
}

double typo_distance(std::u32string_view a, std::u32string_view b, double limit) {
  const std::size_t n = a.size();
  const std::size_t m = b.size();
  const double over = limit + 1;
  // Each letter of difference in length is at least a cheap edit.
  if (kCheapEdit * static_cast<double>(n > m ? n - m : m - n) > limit) return over;
  // The typed letter a[i] is an extra copy of a neighbour: a doubled letter.
  auto doubled = [](std::u32string_view s, std::size_t i) {
    return (i > 0 && s[i - 1] == s[i]) || (i + 1 < s.size() && s[i + 1] == s[i]);
  };
  std::vector<double> before(m + 1), previous(m + 1), row(m + 1);
  previous[0] = 0;
  for (std::size_t j = 1; j <= m; ++j) previous[j] = previous[j - 1] + (doubled(b, j - 1) ? kCheapEdit : 1.0);
  for (std::size_t i = 1; i <= n; ++i) {
    row[0] = previous[0] + (doubled(a, i - 1) ? kCheapEdit : 1.0);
    double row_min = row[0];
    for (std::size_t j = 1; j <= m; ++j) {
      const char32_t x = a[i - 1], y = b[j - 1];
      const double substitute = x == y ? 0.0 : (is_vowel(x) && is_vowel(y) ? kCheapEdit : 1.0);
      const double remove = doubled(a, i - 1) ? kCheapEdit : 1.0;  // a letter typed twice
      const double insert = doubled(b, j - 1) ? kCheapEdit : 1.0;  // a double typed once
      row[j] = std::min({previous[j] + remove, row[j - 1] + insert, previous[j - 1] + substitute});
      if (i > 1 && j > 1 && x == b[j - 2] && a[i - 2] == y) row[j] = std::min(row[j], before[j - 2] + kCheapEdit);
      row_min = std::min(row_min, row[j]);
    }
    if (row_min > limit) return over;
    std::swap(before, previous);
    std::swap(previous, row);
  }
  return previous[m] > limit ? over : previous[m];
}

Xapian::doccount word_frequency(const Xapian::Database& db, const std::string& word, Vocabulary vocabulary) {
  if (vocabulary == Vocabulary::Words) return db.get_termfreq(schema::term(schema::kPrefixWord, word));
  const auto words = author_words(db);
  const auto found = words.find(word);
  return found == words.end() ? 0 : found->second;
}

std::string suggest_word(const Xapian::Database& db, const std::string& word, Vocabulary vocabulary) {
  const std::u32string typed = to_utf32(word);
  const auto acceptable = vocabulary == Vocabulary::Words ? letters_only : name_chars_only;
  if (!acceptable(typed) || typed.size() > kMaxLetters) return {};
  const std::string first = to_utf8(typed.substr(0, 1));
  const std::string swapped = typed.size() > 1 ? to_utf8(std::u32string{typed[1], typed[0]}) : std::string();

  std::unordered_map<std::string, Xapian::doccount> words;
  if (vocabulary == Vocabulary::Words) {
    add_word_candidates(db, first, words);
    if (!swapped.empty() && typed[1] != typed[0]) {
      std::unordered_map<std::string, Xapian::doccount> more;
      add_word_candidates(db, swapped, more);
      words.insert(more.begin(), more.end());
    }
  } else {
    words = author_words(db);
  }
  const auto own = words.find(word);
  const Xapian::doccount own_frequency = own == words.end() ? 0 : own->second;
  const Xapian::doccount needed = std::max<Xapian::doccount>(kMinFrequency, kFrequencyRatio * own_frequency);

  const std::size_t edits = max_edits(typed.size());
  const double limit = max_typo_distance(edits);
  // The typed word is a candidate too, at no edit: a rarer word may just be
  // one (a name, a term of the trade). Only when the best candidate is far
  // more frequent than the word is it a correction.
  std::string best = own_frequency > 0 ? word : std::string();
  double best_score = own_frequency > 0 ? std::log(static_cast<double>(own_frequency)) : -1e300;
  Xapian::doccount best_frequency = own_frequency;
  for (const auto& [text, frequency] : words) {
    if (text == word) continue;
    if (text.compare(0, first.size(), first) != 0 && text.compare(0, swapped.size(), swapped) != 0) continue;
    const std::u32string letters = to_utf32(text);
    if (!acceptable(letters)) continue;
    // At most `limit` edits, of any kind; cheap ones only rank closer.
    if (edit_distance(typed, letters, edits) > edits) continue;
    const double d = typo_distance(typed, letters, limit);
    const double score = std::log(static_cast<double>(frequency)) - kEditCost * d;
    // Ties go to the word first in code-point order, whatever the hash order.
    if (score > best_score || (score == best_score && text < best)) {
      best_score = score;
      best = text;
      best_frequency = frequency;
    }
  }
  if (best == word || best_frequency < needed) return {};
  return best;
}

}  // namespace byline
