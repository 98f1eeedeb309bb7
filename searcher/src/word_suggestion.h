// "Did you mean" candidates from the index's own terms, with no spelling
// table: the nearest term to an unknown word, turned back into a word.
//
// Why no spelling table: Xapian's rewrites a zlib-compressed n-gram list for
// every word a commit adds, which cost a quarter of the indexing time
// (callgrind, BENCHMARKS.md); it also had to choose whose words to hold
// (articles only, by default), and sharded indexes scored its candidates per
// shard, so a typo could get another suggestion than on a single index. The
// terms are already there, summed over every shard by the combined database,
// and a suggestion is looked for only when a search finds almost nothing.
#ifndef BYLINE_WORD_SUGGESTION_H
#define BYLINE_WORD_SUGGESTION_H

#include <xapian.h>

#include <cstddef>
#include <string>
#include <string_view>

namespace byline {

// The known word nearest to `word` (lowercased letters, with no term of its
// own under `prefix`: "" for free text, schema::kPrefixTitle for titles,
// schema::kPrefixAuthorText for author names), among the terms under
// `prefix` that begin with the word's first letter and hold letters only:
//  1. the word one edit away (a transposition counts one) whose stem is the
//     most frequent such term ("presidnet" -> "president", stem "presid");
//  2. else the term at the smallest edit distance from the word or from its
//     stem (at most 1 for words of up to 4 letters, else 2), the most
//     frequent on ties, then the first in term order. The term is a stem
//     ("missil"), so it comes back as a word: a one-edit neighbour of `word`
//     with that stem, else the nearest word with that stem in the first
//     document holding it (on another layout of the same pages, possibly
//     another document), else the stem.
// "" when no term is near enough, or the word is over 40 letters long.
//
// Reads the terms of one initial letter (one message per remote shard) and,
// only for the document fallback, one document; stems some hundreds of
// neighbours (25 per letter of the word, times the letters in use).
std::string suggest_word(const Xapian::Database& db, const Xapian::Stem& stemmer, const std::string& word,
                         const char* prefix);

// Optimal string alignment distance between a and b (insertions, deletions,
// substitutions and transpositions of neighbours, one each), or limit + 1
// when it is larger than limit.
std::size_t edit_distance(std::u32string_view a, std::u32string_view b, std::size_t limit);

}  // namespace byline

#endif  // BYLINE_WORD_SUGGESTION_H
