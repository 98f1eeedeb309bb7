// "Did you mean": the query text with each free-text word that no document
// holds replaced by the index's spelling suggestion for it.
//
// The index holds stems ("compani") while the spelling table holds words as
// written ("companies"), so a word is known when its stem is a term. Xapian's
// own FLAG_SPELLING_CORRECTION asks whether the word itself is a term, which
// with stems only would "correct" most inflected words; this does the same
// per-word look-up (Database::get_spelling_suggestion) with the right test.
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
// a spelling look-up per unknown word.
std::string spelling_correction(const Xapian::Database& db, const Xapian::Stem& stemmer, std::string_view text);

}  // namespace byline

#endif  // BYLINE_SPELLING_CORRECTION_H
