// "Did you mean": the query text with each word that no document holds
// replaced by the nearest known word (word_suggestion.h).
//
// The index holds stems ("compani"), so a word is known when its stem is a
// term (under the field's prefix for title: and author:). Xapian's own
// FLAG_SPELLING_CORRECTION asks whether the word itself is a term, which with
// stems only would "correct" most inflected words, and it needs a spelling
// table, which Byline does not build.
#ifndef BYLINE_SPELLING_CORRECTION_H
#define BYLINE_SPELLING_CORRECTION_H

#include <xapian.h>

#include <string>
#include <string_view>

namespace byline {

// `text` with unknown words replaced, or "" when no word is unknown or none
// has a suggestion. Words are the whitespace-separated tokens of the query
// language, without surrounding quotes, parentheses and +/- signs; the values
// of title: and author: are words too, those of type:, tag: and date: are
// not, nor are operators (AND, OR, NOT, XOR, NEAR, ADJ), wildcards ("oil*")
// or tokens holding anything but letters. Costs one term look-up per word and
// a suggest_word per unknown word, for the first 8 unknown words.
std::string spelling_correction(const Xapian::Database& db, const Xapian::Stem& stemmer, std::string_view text);

}  // namespace byline

#endif  // BYLINE_SPELLING_CORRECTION_H
