#include "word_suggestion.h"

#include <algorithm>
#include <unordered_map>
#include <vector>

#include "doc_record.h"
#include "schema.h"

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

// Longer "words" get no suggestion: no language has them, and the neighbours
// of a word grow with the square of its length (a 10,000-letter query word
// took over 10 s before this bound).
constexpr std::size_t kMaxLetters = 40;

std::u32string distinct_letters(std::u32string letters) {
  std::sort(letters.begin(), letters.end());
  letters.erase(std::unique(letters.begin(), letters.end()), letters.end());
  return letters;
}

// Edits allowed for a word of this many letters: a short word one edit away
// from another is already a different word more often than a typo.
std::size_t max_edits(std::size_t letters) { return letters <= 4 ? 1 : 2; }

// The words of `word` one edit away, in a fixed order (transpositions,
// deletions, substitutions, insertions), with the given letters.
std::vector<std::u32string> one_edit_neighbours(const std::u32string& word, std::u32string_view letters) {
  std::vector<std::u32string> out;
  for (std::size_t i = 0; i + 1 < word.size(); ++i) {
    std::u32string w = word;
    std::swap(w[i], w[i + 1]);
    out.push_back(w);
  }
  for (std::size_t i = 0; i < word.size(); ++i) out.push_back(word.substr(0, i) + word.substr(i + 1));
  for (std::size_t i = 0; i < word.size(); ++i)
    for (char32_t ch : letters) {
      if (ch == word[i]) continue;
      std::u32string w = word;
      w[i] = ch;
      out.push_back(w);
    }
  for (std::size_t i = 0; i <= word.size(); ++i)
    for (char32_t ch : letters) out.push_back(word.substr(0, i) + ch + word.substr(i));
  return out;
}

// Of the words in `text` whose stem is `stem`, the one nearest `word`.
std::string nearest_word_with_stem(std::string_view text, const Xapian::Stem& stemmer, const std::string& stem,
                                   const std::u32string& word) {
  std::string best;
  std::size_t best_distance = SIZE_MAX;
  std::string current;
  auto consider = [&] {
    if (current.empty()) return;
    std::string lower = Xapian::Unicode::tolower(current);
    current.clear();
    if (stemmer(lower) != stem) return;
    const std::size_t d = edit_distance(to_utf32(lower), word, word.size() + lower.size());
    if (d < best_distance) {
      best_distance = d;
      best = std::move(lower);
    }
  };
  for (Xapian::Utf8Iterator it(text.data(), text.size()); it != Xapian::Utf8Iterator(); ++it) {
    if (Xapian::Unicode::is_wordchar(*it))
      Xapian::Unicode::append_utf8(current, *it);
    else
      consider();
  }
  consider();
  return best;
}

// The stem `stem` as a word a user would type, near the typed `word`.
std::string spell_out(const Xapian::Database& db, const Xapian::Stem& stemmer, const std::string& stem,
                      const std::u32string& word, std::string_view prefix) {
  for (const std::u32string& candidate : one_edit_neighbours(word, distinct_letters(to_utf32(stem) + word))) {
    std::string text = to_utf8(candidate);
    if (stemmer(text) == stem) return text;
  }
  const std::string term = std::string(prefix).append(stem);
  Xapian::PostingIterator posting = db.postlist_begin(term);
  if (posting != db.postlist_end(term)) {
    DocRecord record = decode_doc_record(db.get_document(*posting).get_data());
    const std::string text = prefix == schema::kPrefixAuthorText ? record.author.value_or("")
                             : prefix == schema::kPrefixTitle    ? record.title
                                                                 : record.title + "\n" + record.text;
    std::string found = nearest_word_with_stem(text, stemmer, stem, word);
    if (!found.empty()) return found;
  }
  return stem;
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

std::string suggest_word(const Xapian::Database& db, const Xapian::Stem& stemmer, const std::string& word,
                         const char* prefix_text) {
  const std::string_view prefix = prefix_text;
  const std::u32string typed = to_utf32(word);
  if (!letters_only(typed) || typed.size() > kMaxLetters) return {};
  // The terms of the word's first letter (a typo rarely changes it, and the
  // list stays short: one message per remote shard), and their letters.
  struct Term {
    std::string text;
    std::u32string letters;
    Xapian::doccount frequency;
  };
  std::vector<Term> terms;
  std::unordered_map<std::string, Xapian::doccount> frequency_of;
  std::u32string alphabet = typed;
  const std::string start = std::string(prefix).append(to_utf8(typed.substr(0, 1)));
  for (Xapian::TermIterator it = db.allterms_begin(start); it != db.allterms_end(start); ++it) {
    const std::string term = *it;
    Term t{term.substr(prefix.size()), {}, it.get_termfreq()};
    t.letters = to_utf32(t.text);
    if (!letters_only(t.letters)) continue;
    alphabet += t.letters;
    frequency_of.emplace(t.text, t.frequency);
    terms.push_back(std::move(t));
  }
  if (terms.empty()) return {};
  alphabet = distinct_letters(std::move(alphabet));

  // A word one edit away whose stem is a term: the most frequent stem wins.
  std::string best;
  Xapian::doccount best_frequency = 0;
  for (const std::u32string& neighbour : one_edit_neighbours(typed, alphabet)) {
    std::string text = to_utf8(neighbour);
    auto found = frequency_of.find(stemmer(text));
    if (found != frequency_of.end() && found->second > best_frequency) {
      best_frequency = found->second;
      best = std::move(text);
    }
  }
  if (!best.empty()) return best;

  // Else the term nearest the word or its stem, within max_edits.
  const std::u32string stem = to_utf32(stemmer(word));
  const std::size_t limit = max_edits(typed.size());
  std::size_t best_distance = limit + 1;
  const Term* nearest = nullptr;
  for (const Term& t : terms) {
    const std::size_t d = std::min(edit_distance(typed, t.letters, limit), edit_distance(stem, t.letters, limit));
    if (d > limit) continue;
    if (nearest != nullptr && (d > best_distance || (d == best_distance && t.frequency <= nearest->frequency)))
      continue;
    best_distance = d;
    nearest = &t;
  }
  if (nearest == nullptr) return {};
  return spell_out(db, stemmer, nearest->text, typed, prefix);
}

}  // namespace byline
