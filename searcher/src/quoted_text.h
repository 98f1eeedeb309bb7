// What a comment quotes: readers answer an article or another comment by
// repeating a line of it ("> the line", or the line pasted as it was) or a
// sentence in quotation marks, then writing their own words. A snippet that
// shows the quote shows the words the reader answered, not theirs, so the
// snippet of a comment leaves its quotes out when its own words match
// (snippet_generator.h make_skipping).
#ifndef BYLINE_QUOTED_TEXT_H
#define BYLINE_QUOTED_TEXT_H

#include <string>
#include <string_view>
#include <vector>

#include "byline/results.h"
#include "fragment_chooser.h"

namespace byline {

// Text compared as readers copy it: ASCII letters in lower case, every run
// of whitespace and quotation marks one space. Texts quoted from are
// normalised once per hit.
std::string normalize_for_quotes(std::string_view text);

// The byte ranges of `comment` (in order, not overlapping) that quote one of
// `sources` (normalize_for_quotes'd): a line starting with '>', a line of
// at least kMinQuotedWords words found in a source, and a passage in
// quotation marks ("...", “...”) of at least that many words found in one.
inline constexpr std::size_t kMinQuotedWords = 4;
std::vector<TextRange> quoted_ranges(std::string_view comment, const std::vector<std::string>& sources);

// True when `comment` can hold a quote and words of its own: two lines with
// text, or a line starting with '>' or a quotation mark. Comments without
// that shape need no source read.
bool may_quote(std::string_view comment);

class SnippetGenerator;

// The snippet of a comment without its quotes of `sources`, when its own
// words match the query; else (no quote, or the quote holds every match)
// the snippet of the whole text.
Snippet snippet_skipping_quotes(SnippetGenerator& snippets, std::string_view comment,
                                const std::vector<std::string>& sources, std::size_t chars, std::size_t fragments);

}  // namespace byline

#endif  // BYLINE_QUOTED_TEXT_H
