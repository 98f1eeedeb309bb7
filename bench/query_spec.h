// One benchmark query, engine-neutral: each engine turns it into its own
// syntax (Byline's query language, a Xapian QueryParser string, an FTS5 MATCH
// expression with WHERE filters). The list is written by bench_make_queries
// and read by every engine, one query per line, tab-separated:
//   kind<TAB>words<TAB>type<TAB>author<TAB>year
// kind is "words" (all words, AND) or "phrase" (the words, adjacent, in
// order); words are lowercase [a-z]{3,}, space-separated; type is "",
// "article" or "comment"; author is "" or an author as printed; year is "" or
// "YYYY" (the whole year).
#ifndef BYLINE_BENCH_QUERY_SPEC_H
#define BYLINE_BENCH_QUERY_SPEC_H

#include <string>
#include <vector>

namespace byline::bench {

struct QuerySpec {
  std::vector<std::string> words;
  bool phrase = false;
  std::string type;
  std::string author;
  std::string year;
};

// Throws std::runtime_error with a one-line reason.
std::vector<QuerySpec> load_queries(const std::string& path);
void save_queries(const std::string& path, const std::vector<QuerySpec>& queries);

// The words as one string: "a b c", or "\"a b\"" for a phrase.
std::string query_words_text(const QuerySpec& query);

// As a user would type it in Byline: `"a b" type:comment author:"X" date:2013`.
std::string describe(const QuerySpec& query);

}  // namespace byline::bench

#endif  // BYLINE_BENCH_QUERY_SPEC_H
