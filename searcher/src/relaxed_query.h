// Questions, not only keywords: when a query of plain words is long (at least
// kMinRelaxedWords words that are not stop words) and fewer than
// kRelaxBelow documents hold all of them, the search ranks the documents
// that hold most of them instead of answering "No matches".
//
// The rule, and why:
//  - Only plain words relax. A query with a phrase, a boolean operator (AND,
//    OR, NOT, XOR, NEAR, ADJ), parentheses or a wildcard is the user's own
//    logic and stays as written. In a relaxed query `+word`, `-word`,
//    `title:`/`author:` words, the boolean fields (tag:, type:, date:, page:,
//    id:) and the option filters stay strict: only the bare words become
//    optional.
//  - Short keyword queries (fewer than kMinRelaxedWords words) keep the
//    default AND, even with no match: two or three keywords are a precise
//    request, and "No matches" (with "Did you mean") is the honest answer.
//  - The AND query runs first (a count that stops at kRelaxBelow matches);
//    only when it finds fewer does the relaxed query replace it, so a long
//    query whose words all occur in enough documents is unchanged.
//  - The relaxed query is Xapian OP_OR of the words (BM25, as the strict
//    query), AND_MAYBE a coordination boost: every query word a document
//    holds adds a fixed weight (FixedWeightPostingSource filtered by the
//    word; Lucene's classic "coord" factor did the same job), so documents
//    holding more of the words are favoured and a page that repeats two of
//    them many times does not beat one that holds them all but one. The
//    weight, 3, is about a common word's BM25 weight: on 300 Reuters
//    questions (bench/questions.cc, BENCHMARKS.md "Questions") it gave
//    MRR@10 0.919 where BM25 alone gave 0.885, strict tiers (weight 100,
//    most words first whatever BM25 says) 0.895, and FTS5's bm25 0.864. A
//    proximity boost (each pair of consecutive words within a window,
//    OP_NEAR) and a title boost (each word's title: weight added again) are
//    built in but off: both lowered MRR (0.796 and 0.856 with coordination),
//    and proximity cost 20-100 times the query time.
//  - Only for relevance order: sorted by date, a relaxed match would list
//    documents holding any one of the words.
#ifndef BYLINE_RELAXED_QUERY_H
#define BYLINE_RELAXED_QUERY_H

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "byline/query.h"
#include "query_builder.h"

namespace byline {

inline constexpr std::size_t kMinRelaxedWords = 4;
inline constexpr Xapian::doccount kRelaxBelow = 3;

// How the relaxed query weighs its boosts. The defaults are the measured
// best; BYLINE_RELAXED_RANKING="coord=C,near=S,window=W,title=T" overrides them, for
// bench_questions' comparisons only (not a user setting).
struct RelaxedRanking {
  double coordination = 3.0;  // weight per query word held; 0: BM25 alone
  double proximity = 0.0;     // scale of a near pair's weight; 0: none
  unsigned window = 6;        // OP_NEAR window of a pair, in word positions
  double title = 0.0;         // scale of a word's title: weight added again; 0: none
};
RelaxedRanking relaxed_ranking();

// The words of a query that may relax: text as prepare_query_text returns
// it. None when the query has phrases, operators, parentheses or wildcards.
struct RelaxablePlan {
  std::vector<std::string> words;  // the bare words, in query order
  std::string text;                // the query for an OR parse: title:/author: words made +required
};
std::optional<RelaxablePlan> plan_relaxable(std::string_view prepared_text);

struct Relaxation {
  Xapian::Query query;                  // replaces the strict query, option filters included
  std::size_t words = 0;                // distinct words that are not stop words
  std::uint64_t all_words_matches = 0;  // documents holding all of them (< kRelaxBelow)
};

// The relaxation of `query` when the rule above calls for one; `strict` is
// the query as QueryBuilder::build made it. Throws BadQuery.
std::optional<Relaxation> relax_question(QueryBuilder& builder, const Query& query, const Xapian::Database& db,
                                         const Xapian::Query& strict);

}  // namespace byline

#endif  // BYLINE_RELAXED_QUERY_H
