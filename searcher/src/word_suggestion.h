// "Did you mean" for one word: the real word of the archive, as people spell
// it, that the typed word most likely misspells.
//
// Candidates are the index's words as written (schema kPrefixWord: folded,
// lowercased, never stems, termfreq = pages holding them), or for `author:`
// the words of the author names the index holds (schema kPrefixAuthorExact,
// termfreq = documents by that author). No spelling table: Xapian's rewrote a
// zlib-compressed n-gram list for every word a commit added, a quarter of the
// indexing time (BENCHMARKS.md), and the XW terms are already there, summed
// over every shard by the combined database.
//
// The choice is a noisy channel: among the candidates within two edits (one
// for words of up to 4 letters), the one with the highest
//   log(frequency) - kEditCost * edits,
// where the edits people make most (a doubled or undoubled letter, two
// neighbours swapped, one vowel for another) cost less than others. So a
// typo that itself occurs in comments ("goverment", in 8 pages) still goes to
// "government" (613 pages, one edit) rather than a rarer typo nearer by.
#ifndef BYLINE_WORD_SUGGESTION_H
#define BYLINE_WORD_SUGGESTION_H

#include <xapian.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace byline {

enum class Vocabulary {
  Words,        // the words of every page (XW terms): free text and title:
  AuthorNames,  // the words of the author names: author:
};

// A correction for `word` (lowercased, folded as the tokenizer folds words;
// letters only, or for author names letters and digits) from `vocabulary`,
// or "" when none is good enough:
//  - it starts with the word's first letter, or with its first two letters
//    swapped ("teh" -> "the");
//  - it is at most 1 edit away (words of up to 4 letters), else 2 of which
//    one is a cheap edit (typo_distance at most 1.5);
//  - it has the best score of all candidates, the typed word included (at no
//    edit, when the vocabulary holds it: a rare word may be right);
//  - it is far more frequent than the word: at least kMinFrequency and at
//    least kFrequencyRatio times the word's own frequency in the vocabulary.
// Words over 40 letters get none (their neighbours grow with the square of
// their length).
//
// The words of the vocabulary by their first one or two letters, as read
// from one state of an index: a searcher keeps one so that it reads each
// range of the term list once, not at every search, and clears it whenever
// the index it reads moves (a commit, a reopen). Not thread-safe.
class WordRanges {
 public:
  using Words = std::vector<std::pair<std::string, Xapian::doccount>>;  // word, pages
  // The words starting with `start`, read from db the first time.
  const Words& words(const Xapian::Database& db, const std::string& start);
  void clear() {
    ranges_.clear();
    held_ = 0;
  }

 private:
  // Past this many words (a very large vocabulary), ranges read before are
  // dropped: memory stays bounded (about 50 MB at most).
  static constexpr std::size_t kMaxWords = 1000000;
  std::unordered_map<std::string, Words> ranges_;
  std::size_t held_ = 0;
};

// Reads the terms of one or two initial letters (one message per remote
// shard) unless `ranges` holds them, or every author term.
std::string suggest_word(const Xapian::Database& db, const std::string& word, Vocabulary vocabulary,
                         WordRanges* ranges = nullptr);

// How often `word` occurs in `vocabulary`: pages holding it (Words), or
// documents by an author whose name holds it (AuthorNames).
Xapian::doccount word_frequency(const Xapian::Database& db, const std::string& word, Vocabulary vocabulary);

inline constexpr Xapian::doccount kMinFrequency = 2;
inline constexpr Xapian::doccount kFrequencyRatio = 20;

// Optimal string alignment distance between a and b (insertions, deletions,
// substitutions and transpositions of neighbours, one each), or limit + 1
// when it is larger than limit.
std::size_t edit_distance(std::u32string_view a, std::u32string_view b, std::size_t limit);

// The weighted distance the choice uses: as edit_distance, but a doubled or
// undoubled letter, a transposition and a vowel for a vowel cost 0.5 each.
// Above `limit`: some value > limit.
double typo_distance(std::u32string_view typed, std::u32string_view word, double limit);

}  // namespace byline

#endif  // BYLINE_WORD_SUGGESTION_H
