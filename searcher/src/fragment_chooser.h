// Snippets of several fragments: when a hit's query words stand far apart,
// one passage cannot show them all; up to three short passages can. This file
// chooses those fragments and writes them out, joined with " … "; the
// matching itself stays SnippetGenerator's (snippet_generator.h).
//
// Fragments are chosen greedily to cover query words not yet shown (a word
// already shown is never the reason for another fragment), and each is cut at
// a sentence start or a clause start (after , ; : or a dash) before its
// first match and at a sentence or clause end after its last, falling back
// to word boundaries. The fragments together, with their " … " joins, never
// hold more than the budget's bytes. Cost: O(matches) per fragment plus the
// bytes of the fragments, whatever the text's size.
#ifndef BYLINE_FRAGMENT_CHOOSER_H
#define BYLINE_FRAGMENT_CHOOSER_H

#include <cstddef>
#include <string_view>
#include <vector>

#include "byline/results.h"

namespace byline {

struct FragmentMatch {
  std::size_t begin, end;  // bytes of the text
  int group;               // which query word (0 .. groups-1)
};

struct TextRange {
  std::size_t begin, end;
};

inline constexpr std::size_t kMaxFragments = 3;

// The fragments (in text order, not overlapping) that show the query words of
// `matches` (in text order, not overlapping) within `chars` bytes, at most
// `fragments` of them. Fewer than two when one passage of `chars` bytes holds
// every query word the text has (or the text fits whole, or has no match):
// the caller then shows one passage.
std::vector<TextRange> choose_fragments(std::string_view text, const std::vector<FragmentMatch>& matches,
                                        std::size_t groups, std::size_t chars, std::size_t fragments);

// The snippet of those ranges: whitespace runs as one space, " … " between
// fragments, "…" where the text goes on before the first or after the last,
// and every match inside a range highlighted (words separated only by
// spaces as one highlight).
Snippet render_fragments(std::string_view text, const std::vector<FragmentMatch>& matches,
                         const std::vector<TextRange>& ranges);

}  // namespace byline

#endif  // BYLINE_FRAGMENT_CHOOSER_H
