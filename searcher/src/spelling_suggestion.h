// "Did you mean": the query as typed with its misspelt words replaced by the
// words of the archive they most likely misspell (word_suggestion.h), offered
// only when a person would accept it:
//  - only a word that matches little is looked at: one that a hundredth of
//    the pages hold as typed (or a hundredth of the documents by its stem,
//    under its field's prefix) is never changed, nor is any word of a search
//    that already matches that many documents;
//  - a correction is a real word as people spell it (never a stem), far more
//    frequent than the typed word (word_suggestion.h);
//  - the corrected query must match more documents than the typed one;
//  - the query's structure stays as typed: field names (`title:`,
//    `author:`, in any case), quotes of phrases, parentheses, `+` signs,
//    operators (AND, OR, NOT, XOR, NEAR, ADJ, NEAR/3), wildcards (`oil*`),
//    the values of tag:, type:, date:, page: and id:, and tokens that hold
//    anything but letters (numbers, dates, "U.S.", "e-mail", "obama's"; in
//    author:, letters and digits are a name: "sierra415") are kept byte for
//    byte; an excluded word (`-word`, `NOT word`) is never corrected; the
//    words inside on:(...), discussed:(...) and reply:(...) are words;
//  - `author:` words are corrected from the words of the author names in the
//    index, `title:` words only into words that titles hold;
//  - a long query (more than kMaxQueryWords words: a pasted sentence) gets no
//    suggestion, nor one where more than half of the words (and more than
//    two) would change.
// A corrected word keeps the typed word's capitals ("Goverment" ->
// "Government", "GOVERMENT" -> "GOVERNMENT").
#ifndef BYLINE_SPELLING_SUGGESTION_H
#define BYLINE_SPELLING_SUGGESTION_H

#include <xapian.h>

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "word_suggestion.h"

namespace byline {

inline constexpr std::size_t kMaxQueryWords = 8;

// The number of documents a query text matches (with the search's filters),
// counted exactly at least up to `at_least`; 0 for a text that is not a
// valid query.
using CountMatches = std::function<Xapian::doccount(const std::string& text, Xapian::doccount at_least)>;

// The suggestion for `text`, whose search matched `matches` documents, or
// nothing. `stemmer` and `stopwords` (a list name, stopwords.h) are the
// index's; a stop word is never a correction (the query would drop it, and
// "fort" is no typo of "for"). Costs two term look-ups per
// word, a suggest_word per rare word (at most kMaxQueryWords, reading the
// vocabulary from `ranges` when given), and two counts when a correction was
// found.
std::optional<std::string> suggest_spelling(const Xapian::Database& db, const Xapian::Stem& stemmer,
                                            const std::string& stopwords, std::string_view text,
                                            Xapian::doccount matches, const CountMatches& count,
                                            WordRanges* ranges = nullptr);

}  // namespace byline

#endif  // BYLINE_SPELLING_SUGGESTION_H
