// `byline search --facets` in text output: each facet's values with their
// counts of matching documents, largest first.
#ifndef BYLINE_CLI_FACETS_TEXT_H
#define BYLINE_CLI_FACETS_TEXT_H

#include <cstddef>
#include <string>

#include "byline/results.h"

namespace byline::cli {

// Values shown per facet in text; JSON lists them all.
inline constexpr std::size_t kFacetValuesShown = 10;

// "" without facets. Counts are exact unless the results' total is an
// estimate (a time limit stopped the match), and then say so.
std::string facets_text(const Results& results);

}  // namespace byline::cli

#endif  // BYLINE_CLI_FACETS_TEXT_H
