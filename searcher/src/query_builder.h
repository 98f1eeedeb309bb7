// From a byline::Query to a Xapian::Query: the query language (fields, dates,
// operators, wildcards) and the option filters (--type, --author, --since,
// --until), stemmed and stopped as the index's documents were.
#ifndef BYLINE_QUERY_BUILDER_H
#define BYLINE_QUERY_BUILDER_H

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

#include "byline/query.h"
#include "index_meta.h"
#include "query_words.h"
#include "thread_query.h"

namespace byline {

// Checks the fields of a query string and rewrites what Xapian's parser does
// not understand by itself. A field is `name:` at the start of a word followed
// by a non-space character, where name starts with a letter ("10:08" is text)
// and is not followed by "//" ("http://x" is text). Known fields: title,
// author, tag, type, date, in any case (written lowercase); another name
// ("NOTE:Dividend") is text: its ':' becomes a space. Rewrites `date:X` (no
// "..") to `date:X..X` and validates every date; ".." elsewhere becomes ". ."
// (text, not a range). Throws BadQuery: bad dates, a type other than
// article/comment.
std::string prepare_query_text(std::string_view text);

// The option filters of a query (type, author, since, until) as one boolean
// query; an empty query when there are none. Throws BadQuery.
Xapian::Query option_filters(const Query& query);

struct ParsedQuery {
  Xapian::Query query;  // the query string and every option filter
};

// Turns queries into Xapian queries for one index: one QueryParser, stemmer
// and stopper. Not thread-safe.
class QueryBuilder {
 public:
  // depth: how deep inside thread clauses (on:(...)) this builder parses.
  explicit QueryBuilder(const IndexSettings& settings, int depth = 0);
  QueryBuilder(const QueryBuilder&) = delete;
  QueryBuilder& operator=(const QueryBuilder&) = delete;

  // Parses query.text (an empty or all-blank text matches every document)
  // and adds query's filters (spelling: spelling_correction.h). Throws
  // BadQuery. Reads db for wildcards.
  ParsedQuery build(const Query& query, const Xapian::Database& db);

  // Parses text that has been through prepare_query_text and
  // rewrite_query_words, joining loose words with default_op, without the
  // option filters (relaxed_query.h builds its query from these). Throws
  // BadQuery.
  Xapian::Query parse(const std::string& text, const Query& query, const Xapian::Database& db,
                      Xapian::Query::op default_op = Xapian::Query::OP_AND);
  // The stop words the last parse dropped, lowercased as typed.
  std::vector<std::string> dropped_stop_words() const;

 private:
  // Joins the thread clauses of text (by number, as extract_thread_subqueries
  // left them) into joined_, as semi-joins where the query needs them.
  void join_thread_clauses(const std::vector<ThreadClause>& clauses, const std::string& text, const Query& q,
                           const Xapian::Query& filters, const Xapian::Database& db);

  IndexSettings settings_;
  int depth_;
  Xapian::QueryParser parser_;
  std::string error_;                         // set by the field processors during a parse
  std::vector<Xapian::Query> joined_;         // this parse's thread clauses, by number
  std::vector<WildcardExpander*> wildcards_;  // owned by parser_
};

}  // namespace byline

#endif  // BYLINE_QUERY_BUILDER_H
