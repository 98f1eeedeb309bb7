#include "word_suggestion.h"

#include <algorithm>
#include <array>
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

namespace {

// Three rows of a dynamic programme over a word of m letters: on the stack
// for the words suggestions compare (at most kMaxLetters + 2 letters), so
// that scanning thousands of candidates allocates nothing.
template <typename T>
class Rows {
 public:
  explicit Rows(std::size_t m) {
    if (m + 1 > kStack) heap_.resize(3 * (m + 1));
    T* base = m + 1 > kStack ? heap_.data() : stack_.data();
    before = base;
    previous = base + (m + 1);
    row = base + 2 * (m + 1);
  }
  Rows(const Rows&) = delete;
  Rows& operator=(const Rows&) = delete;
  T* before;
  T* previous;
  T* row;

 private:
  static constexpr std::size_t kStack = 64;
  std::array<T, 3 * kStack> stack_;
  std::vector<T> heap_;
};

}  // namespace

std::size_t edit_distance(std::u32string_view a, std::u32string_view b, std::size_t limit) {
  const std::size_t n = a.size();
  const std::size_t m = b.size();
  if ((n > m ? n - m : m - n) > limit) return limit + 1;
  // Three rows of the dynamic programme: two back for transpositions.
  Rows<std::size_t> rows(m);
  std::size_t* before = rows.before;
  std::size_t* previous = rows.previous;
  std::size_t* row = rows.row;
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
  Rows<double> rows(m);
  double* before = rows.before;
  double* previous = rows.previous;
  double* row = rows.row;
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

namespace {

// The best candidate so far, the typed word included.
class BestCandidate {
 public:
  BestCandidate(const std::u32string& typed, const std::string& word, Xapian::doccount own_frequency,
                bool (*acceptable)(std::u32string_view))
      : typed_(typed),
        word_(word),
        acceptable_(acceptable),
        edits_(max_edits(typed.size())),
        limit_(max_typo_distance(edits_)) {
    // The typed word is a candidate too, at no edit: a rarer word may just be
    // one (a name, a term of the trade). Only when the best candidate is far
    // more frequent than the word is it a correction.
    if (own_frequency > 0) {
      best_ = word;
      score_ = std::log(static_cast<double>(own_frequency));
      frequency_ = own_frequency;
    }
  }

  void consider(std::string_view text, Xapian::doccount frequency) {
    if (text == word_) return;
    // Skipped unread: what cannot win. A word whose letters differ in number
    // by more than the edits allowed is too far (checked first: the cheapest
    // and most selective test). Another word is at least one edit of
    // kCheapEdit away, so its score is at most log(f) - kEditCost * kCheapEdit
    // (computed as the score is, so the bound holds in floating point too).
    // Neither check changes which word wins.
    bool ascii = true;
    for (char c : text) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
    const std::size_t n = typed_.size();
    if (ascii && (n > text.size() ? n - text.size() : text.size() - n) > edits_) return;
    const double frequency_score = std::log(static_cast<double>(frequency));
    if (frequency_score - kEditCost * kCheapEdit < score_) return;
    letters_.clear();
    if (ascii) {
      for (char c : text) letters_.push_back(static_cast<char32_t>(static_cast<unsigned char>(c)));
    } else {
      for (Xapian::Utf8Iterator it(text.data(), text.size()); it != Xapian::Utf8Iterator(); ++it)
        letters_.push_back(static_cast<char32_t>(*it));
    }
    if (!acceptable_(letters_)) return;
    // At most `limit` edits, of any kind; cheap ones only rank closer.
    if (edit_distance(typed_, letters_, edits_) > edits_) return;
    const double d = typo_distance(typed_, letters_, limit_);
    const double score = frequency_score - kEditCost * d;
    // Ties go to the word first in code-point order, whatever the order seen.
    if (score > score_ || (score == score_ && text < best_)) {
      score_ = score;
      best_ = std::string(text);
      frequency_ = frequency;
    }
  }

  const std::string& best() const { return best_; }
  Xapian::doccount frequency() const { return frequency_; }

 private:
  const std::u32string& typed_;
  const std::string& word_;
  bool (*acceptable_)(std::u32string_view);
  const std::size_t edits_;
  const double limit_;
  std::string best_;
  double score_ = -1e300;
  Xapian::doccount frequency_ = 0;
  std::u32string letters_;  // scratch: the candidate's letters
};

// Calls f(word, pages) for every word of the vocabulary that starts with
// `start` (one or two letters, as UTF-8), in term order.
template <typename F>
void for_words(const Xapian::Database& db, const std::string& start, F&& f) {
  const std::string from = schema::term(schema::kPrefixWord, start);
  const std::size_t prefix_size = sizeof(schema::kPrefixWord) - 1;
  for (Xapian::TermIterator it = db.allterms_begin(from); it != db.allterms_end(from); ++it) {
    const std::string term = *it;
    f(std::string_view(term).substr(prefix_size), it.get_termfreq());
  }
}

// Offers every word of the vocabulary that starts with `start`: from
// `ranges` when there is one, else straight from the term list.
void consider_words(const Xapian::Database& db, const std::string& start, WordRanges* ranges, BestCandidate& best) {
  if (ranges == nullptr) {
    for_words(db, start, [&](std::string_view word, Xapian::doccount pages) { best.consider(word, pages); });
    return;
  }
  for (const auto& [word, pages] : ranges->words(db, start)) best.consider(word, pages);
}

}  // namespace

const WordRanges::Words& WordRanges::words(const Xapian::Database& db, const std::string& start) {
  auto found = ranges_.find(start);
  if (found != ranges_.end()) return found->second;
  Words words;
  for_words(db, start, [&](std::string_view word, Xapian::doccount pages) { words.emplace_back(word, pages); });
  if (held_ + words.size() > kMaxWords) clear();
  held_ += words.size();
  return ranges_.emplace(start, std::move(words)).first->second;
}

std::string suggest_word(const Xapian::Database& db, const std::string& word, Vocabulary vocabulary,
                         WordRanges* ranges) {
  const std::u32string typed = to_utf32(word);
  const auto acceptable = vocabulary == Vocabulary::Words ? letters_only : name_chars_only;
  if (!acceptable(typed) || typed.size() > kMaxLetters) return {};
  const std::string first = to_utf8(typed.substr(0, 1));
  const std::string swapped = typed.size() > 1 ? to_utf8(std::u32string{typed[1], typed[0]}) : std::string();

  // Candidates start with the word's first letter or its first two swapped:
  // for words, two ranges of the term list, read in place.
  std::unordered_map<std::string, Xapian::doccount> names;
  Xapian::doccount own_frequency = 0;
  if (vocabulary == Vocabulary::Words) {
    own_frequency = db.get_termfreq(schema::term(schema::kPrefixWord, word));
  } else {
    names = author_words(db);
    const auto own = names.find(word);
    if (own != names.end()) own_frequency = own->second;
  }
  const Xapian::doccount needed = std::max<Xapian::doccount>(kMinFrequency, kFrequencyRatio * own_frequency);

  BestCandidate best(typed, word, own_frequency, acceptable);
  if (vocabulary == Vocabulary::Words) {
    consider_words(db, first, ranges, best);
    // (A range of its own only when the swap changes the first letter.)
    if (!swapped.empty() && typed[1] != typed[0]) consider_words(db, swapped, ranges, best);
  } else {
    for (const auto& [text, frequency] : names)
      if (text.compare(0, first.size(), first) == 0 || text.compare(0, swapped.size(), swapped) == 0)
        best.consider(text, frequency);
  }
  if (best.best() == word || best.frequency() < needed) return {};
  return best.best();
}

}  // namespace byline
