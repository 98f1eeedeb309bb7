// Snippets: a short passage of a hit's own text with every matched term
// highlighted (stemmed variants included), as plain text plus byte ranges so
// that each output format chooses its own markup.
#ifndef BYLINE_SNIPPETS_H
#define BYLINE_SNIPPETS_H

#include <xapian.h>

#include <string>
#include <string_view>

#include "byline/results.h"

namespace byline {

// A snippet of `text` of about `chars` characters for a hit of `mset`, with
// at least one highlight whenever the text contains a matched term.
//
// Measured on the seed page (6 queries, top 10, 200 chars): Xapian's fast
// mode (SNIPPET_BACKGROUND_MODEL alone) takes 75-260 us per query but returns
// a passage without any match for 1 hit in 3 ("russia" on the article); with
// SNIPPET_EXHAUSTIVE it always finds one but takes 500-1000 us. So: the fast
// mode first, and the exhaustive one only when the fast one found nothing.
Snippet make_snippet(const Xapian::MSet& mset, const std::string& text, std::size_t chars, const Xapian::Stem& stemmer);

// Xapian::MSet::snippet's output with kHighlightStart/kHighlightEnd markers
// and HTML escapes -> plain text and highlight spans.
Snippet snippet_from_marked(std::string_view marked);

inline constexpr char kHighlightStart[] = "\x01";
inline constexpr char kHighlightEnd[] = "\x02";

}  // namespace byline

#endif  // BYLINE_SNIPPETS_H
