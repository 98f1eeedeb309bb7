// Queries across a conversation: `on:(Q)` (comments whose article matches
// Q), `discussed:(Q)` (articles with a comment matching Q) and `reply:(Q)`
// (comments answering a comment that matches Q). Q is a whole Byline query.
//
// How: a join at query time (except for on: over title words and tags, which
// comments carry as copies: on_from_copied_terms below). Q runs first, on its own, as a boolean match
// over every document (its articles for on:, its comments otherwise), with
// Xapian's ValueCountMatchSpy collecting the page ids (kSlotPage) or the
// document ids (kSlotOrder) of its matches; the clause becomes an OR, with
// no weight, of those pages' XP terms filtered to comments (on:), of their
// articles' Q terms (discussed:) or of the XR terms of their replies (reply:). The spy is Xapian's own, so the join
// runs the same on local and remote shards. (Copying an article's words to
// each of its comments instead would have made every comment as large as
// its article; only the article's tags and title stems are copied, as
// boolean terms: schema.h.)
//
// A semi-join when the clause must hold for the whole query to match (an AND
// or filter term, not under NOT or OR): the rest of the query, with the
// clause matching everything, is a superset of the answer; unless it is much
// larger than the subquery, its matches' pages are collected too, and only
// the subquery's matches on those pages become terms of the clause's OR (a
// reply and its parent, a comment and its article share the page). Without
// it, `soybean discussed:(talking)` became an OR of one term per page where a
// comment says "talking", and that OR, not the matches, was the cost
// (BENCHMARKS.md, "Thread queries").
#ifndef BYLINE_THREAD_QUERY_H
#define BYLINE_THREAD_QUERY_H

#include <xapian.h>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace byline {

enum class ThreadRelation { On, Discussed, Reply };

// Thread queries nest at most this deep (`on:(discussed:(reply:(x)))`).
inline constexpr int kMaxThreadDepth = 3;

// A thread clause taken out of a query string.
struct ThreadClause {
  ThreadRelation relation = ThreadRelation::On;
  std::string text;  // its subquery
};

// Replaces each `on:(...)`, `discussed:(...)` and `reply:(...)` (at the start
// of a word, outside quotes; the parentheses balanced, else to the end of the
// text), and each `on:WORD` without parentheses, by `on:N` (the field's own
// name) where N indexes *clauses, which receives the subquery. The joins then
// run before the outer query is parsed (a Xapian error, such as a remote
// shard that does not answer, must not be thrown through QueryParser).
std::string extract_thread_subqueries(std::string_view text, std::vector<ThreadClause>* clauses);

// The Xapian query of a thread clause, given its subquery's Xapian query:
// runs the subquery's match on db.
// pages: when not null, only the subquery's matches on these pages (page
// ids, as kSlotPage holds them, sorted) take part.
Xapian::Query thread_join(ThreadRelation relation, const Xapian::Query& sub, const Xapian::Database& db,
                          const std::vector<std::string>* pages = nullptr);

// on:(Q) without a join, when Q asks only about what a comment carries of its
// article (schema.h): title words (S, copied as XS) and tags (K, copied as
// they are), under AND, OR, AND_NOT, FILTER, SYNONYM, AND_MAYBE and weight
// scales. The answer is those terms on comments, the same documents the join
// finds. Nothing (nullopt) for anything else: body words, authors, dates,
// phrases (copies have no positions), wildcards left to expand, "everything"
// (a comment whose article is missing would match it).
std::optional<Xapian::Query> on_from_copied_terms(const Xapian::Query& sub);

// The query that stands for thread clause n while the outer query's shape is
// looked at (a term no document has).
Xapian::Query thread_marker(std::size_t n);

// Which thread clauses (by number, count of them) the whole query needs:
// their markers appear only where the query cannot match without them (AND,
// FILTER, the left of AND_NOT or AND_MAYBE, a weight scale), never under OR,
// NOT or anything else.
std::vector<bool> required_thread_clauses(const Xapian::Query& marked, std::size_t count);

// The pages (sorted) of the documents that match `rest` and could take part
// in the clause (comments for on: and reply:, articles for discussed:): the
// semi-join's page filter. Nothing (false) when the rest is so much larger
// than the subquery that the plain join is cheaper.
bool semi_join_pages(ThreadRelation relation, const Xapian::Query& rest, const Xapian::Query& sub,
                     const Xapian::Database& db, std::vector<std::string>* pages);

// The field processor of on:, discussed: and reply: for Xapian::QueryParser:
// `N` is the already joined clause N; anything else matches nothing.
// What extract_thread_subqueries puts before "on:", "discussed:" and
// "reply:", and the names QueryBuilder gives the join's field processors.
inline constexpr char kThreadJoinFieldPrefix[] = "bylinejoin";

class ThreadFieldProcessor : public Xapian::FieldProcessor {
 public:
  explicit ThreadFieldProcessor(const std::vector<Xapian::Query>* joined) : joined_(joined) {}
  Xapian::Query operator()(const std::string& value) override;

 private:
  const std::vector<Xapian::Query>* joined_;
};

}  // namespace byline

#endif  // BYLINE_THREAD_QUERY_H
