// What to search for: the query string and the options of `byline search`.
#ifndef BYLINE_QUERY_H
#define BYLINE_QUERY_H

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "byline/document.h"

namespace byline {

enum class SortOrder { Relevance, Newest, Oldest };

struct Query {
  // The query language: free text (stemmed), AND by default; OR, NOT, -word,
  // +word, parentheses, "phrases", NEAR, word* ; fields title:, author:,
  // tag:, type:article|comment, date:FROM..TO (YYYY, YYYY-MM or YYYY-MM-DD,
  // or today, yesterday, now, 7d / 2w / 3m / 1y / 12h ago, this-week,
  // last-week, this-month, last-month, this-year, last-year, read against
  // BYLINE_NOW when set; either end optional; date:DAY alone is that whole
  // day, date:7d alone 7d..now), page:ID, id:ID, and the thread clauses
  // on:(Q) (comments whose article matches Q), discussed:(Q) (articles with
  // a comment matching Q), reply:(Q) (comments answering a comment matching
  // Q). A comment answers its article's tag: and title: as filters.
  // A query of at least 4 plain words (not stop words) that fewer than 3
  // documents hold whole is relaxed to the documents holding most of them
  // (Results::relaxed).
  std::string text;
  std::size_t limit = 10;
  std::size_t offset = 0;
  std::optional<DocType> type;
  std::optional<std::string> author;   // exact, case-insensitive
  std::optional<std::string> page;     // only this page's documents (its article's id)
  std::optional<std::string> since;    // YYYY[-MM[-DD]] or a relative date (2w), inclusive
  std::optional<std::string> until;    // the same, inclusive (whole period)
  // Relevance: by score, then newest, then document id (descending). Newest /
  // Oldest: by date, then document id (descending / ascending; hits without a
  // date come last / first). The id makes the order the same whatever the
  // shards.
  SortOrder sort = SortOrder::Relevance;
  bool collapse = false;               // at most one hit per page (Hit::more_on_page: the others)
  // Group the hits by page (Results::groups): limit and offset count groups.
  bool thread = false;
  std::size_t thread_comments = 3;     // matching comments shown per group
  std::size_t snippet_chars = 200;     // 0: no snippets
  // Passages per snippet, 1 to 3: when the query's words stand too far apart
  // for one passage of snippet_chars bytes, up to this many shorter ones
  // (cut at sentence or clause boundaries, joined with " … ", each adding
  // query words the others lack) share the same budget. Else BadQuery.
  std::size_t snippet_fragments = 2;
  // Facets to count over all matches: any of "author", "month", "type", "tag".
  std::vector<std::string> facets;
  // Results::total is exact up to 100,000 matches, whatever limit and offset;
  // true makes it exact however many there are (every match is visited:
  // slower on huge result sets). `byline count` sets it.
  bool exact_total = false;
  // A time budget in seconds for counting matches beyond the hits (Xapian's
  // Enquire::set_time_limit): after it, the match stops visiting every
  // match, so `total` and facet counts become estimates (total_lower <
  // total_upper) while the hits stay right; a match still running at twice
  // the budget (one that must visit every candidate to find its hits: a
  // broad wildcard, a sort by date) is abandoned without hits (local
  // databases only). Results::time_limited says so. For servers, so that one
  // heavy query cannot hold a thread for long. 0: no budget.
  double time_limit = 0;
  // Maximum number of terms a wildcard may expand to before BadQuery.
  std::size_t wildcard_limit = 1000;
  // A sharded index with remote shards: when one cannot be reached or does
  // not answer in time (BYLINE_REMOTE_TIMEOUT seconds, default 5), false
  // (the default) throws IndexUnusable naming the shard; true answers from
  // the shards that respond and marks the results partial.
  bool allow_partial = false;
};

}  // namespace byline

#endif  // BYLINE_QUERY_H
