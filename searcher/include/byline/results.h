// What a search returns.
#ifndef BYLINE_RESULTS_H
#define BYLINE_RESULTS_H

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "byline/document.h"

namespace byline {

// A highlighted span of a snippet: byte offset and length.
struct Highlight {
  std::size_t offset = 0;
  std::size_t length = 0;
};

struct Snippet {
  std::string text;                   // plain text, UTF-8, no markup
  std::vector<Highlight> highlights;  // in order, not overlapping
};

struct Hit {
  std::size_t rank = 0;  // 1-based, counting from offset 0
  std::string id;
  DocType type = DocType::Article;
  double score = 0;
  std::string title;
  std::optional<std::string> author;
  std::optional<std::string> date;
  std::string source;
  std::optional<CommentRef> comment;
  Snippet snippet;
  // Query::collapse: how many other documents of this hit's page match.
  std::size_t more_on_page = 0;
  // In thread groups: the author of the comment this one answers, when known.
  std::optional<std::string> parent_author;
};

// Query::thread: one page's matches. Its rank is its best document's.
struct ThreadGroup {
  std::size_t rank = 0;  // 1-based, counting from offset 0
  std::string page_id;
  Hit article;  // the page's article; a snippet only when it matched
  bool article_matched = false;
  std::size_t comments_total = 0;     // the page's comments
  std::size_t comments_matching = 0;  // of those, how many match
  std::vector<Hit> comments;          // the best Query::thread_comments of them, in rank order
};

struct FacetCount {
  std::string value;
  std::uint64_t count = 0;
};

// A question that few documents hold whole (see Results::relaxed).
struct RelaxedSearch {
  std::size_t words = 0;                // distinct query words, stop words left out
  std::uint64_t all_words_matches = 0;  // documents holding all of them (fewer than 3)
};

struct Results {
  // Number of matches (with Query::collapse: of pages), the same whatever
  // limit and offset. Exact (total_exact, and total_lower == total == total_upper)
  // up to kExactTotalUpTo matches, with facets, and with Query::exact_total;
  // beyond, Xapian's estimate (on a sharded index, the sum of the shards'
  // estimates) within [total_lower, total_upper].
  static constexpr std::uint64_t kExactTotalUpTo = 100000;
  std::uint64_t total = 0;
  bool total_exact = false;
  std::uint64_t total_lower = 0;  // bounds of the estimate
  std::uint64_t total_upper = 0;
  std::optional<std::string> corrected;  // spelling suggestion for the query
  // Set when a query of at least 4 plain words matched fewer than 3
  // documents with all of them: the hits and total are then those of the
  // documents holding most of the words (any one of them counts in total),
  // best first. Phrases, operators, fields and +word stay strict.
  std::optional<RelaxedSearch> relaxed;
  std::vector<Hit> hits;            // Query::thread: each group's best document
  std::vector<ThreadGroup> groups;  // Query::thread only
  // Facet name -> values by decreasing count. Always exact: facets visit
  // every match.
  std::map<std::string, std::vector<FacetCount>> facets;
  double seconds = 0;
  // Query::time_limit ran out: the match stopped counting (total and facet
  // counts are estimates, total_exact false), or, when it could not find
  // its hits within twice the budget, was abandoned (no hits, no facets).
  bool time_limited = false;
  // Query::allow_partial: some shards did not answer and these results come
  // from the others. failed_shards: "tcp://HOST:PORT: what happened".
  bool partial = false;
  std::vector<std::string> failed_shards;
};

// Searcher::authors() and Searcher::tags(): one author or tag of the
// matching documents.
struct NameSummary {
  std::string name;                       // as printed on the pages
  std::uint64_t count = 0;                // matching documents with it (exact)
  std::optional<std::string> first_date;  // "YYYY-MM-DDTHH:MM" of the oldest dated one;
  std::optional<std::string> last_date;   // of the newest; none when none is dated
};

// Orders of a NameSummary list: by count (largest first), by name (case
// folded, then as written), by last date (newest first, undated last). Ties
// end by name.
enum class NameOrder { Count, Name, Recent };

struct IndexStats {
  std::uint64_t documents = 0;
  std::uint64_t articles = 0;
  std::uint64_t comments = 0;
  std::uint64_t authors = 0;  // distinct exact authors
  std::optional<std::string> first_date;
  std::optional<std::string> last_date;
  std::string language;
  std::string stopwords;
  int schema_version = 0;
  std::uint64_t size_bytes = 0;  // on disk
  // Input files the index has a state for (local shards; index_stats() only:
  // 0 from Searcher::stats()), and those of them that were skipped, by
  // reason, as `byline index` counts them.
  std::uint64_t files = 0;
  std::uint64_t files_skipped_binary = 0;
  std::uint64_t files_skipped_too_large = 0;
  std::uint64_t files_skipped_not_article = 0;
};

}  // namespace byline

#endif  // BYLINE_RESULTS_H
