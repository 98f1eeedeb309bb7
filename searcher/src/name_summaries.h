// `byline authors` and `byline tags`: the authors (or tags) of every document
// a query matches, each with its exact count and its first and last date.
//
// Counts come from the facet machinery (facets.h: Xapian's
// ValueCountMatchSpy, exact because the match visits every document). The
// dates come from two more matches over the dated matches, collapsed on the
// author (or tag list) slot and sorted by date: the document each collapse
// keeps is the newest (or oldest) of its value, and its sort key is that
// date. Every step is a plain Xapian match, so it runs the same on local,
// sharded and remote indexes; each MSet holds one item per distinct value.
#ifndef BYLINE_NAME_SUMMARIES_H
#define BYLINE_NAME_SUMMARIES_H

#include <xapian.h>

#include <vector>

#include "byline/results.h"

namespace byline {

enum class SummarisedField { Author, Tag };

// Every author (or tag) of the documents of db that `query` matches, in
// `order`. Reads every match: cost grows with the matches, not the hits.
std::vector<NameSummary> summarise_names(const Xapian::Database& db, const Xapian::Query& query, SummarisedField field,
                                         NameOrder order);

// Sorts a list as NameOrder says (exposed for tests).
void sort_name_summaries(std::vector<NameSummary>& names, NameOrder order);

}  // namespace byline

#endif  // BYLINE_NAME_SUMMARIES_H
