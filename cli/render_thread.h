// Conversations on the terminal and in JSON: `search --thread` (hits grouped
// by page) and `show --thread` / `show --query` (a page's reply tree, with
// the matches of a query highlighted).
//
// Text output marks highlights in bold on a terminal; without colour, `show
// --query` wraps them in *asterisks* (the point of that command is to see
// them), while search snippets stay plain as elsewhere.
#ifndef BYLINE_CLI_RENDER_THREAD_H
#define BYLINE_CLI_RENDER_THREAD_H

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "byline/query.h"
#include "byline/results.h"

namespace byline::cli {

// `search --thread`: "N pages match", then per group the article, "N of M
// comments match" and the best comments ("reply to #7 by Jane").
std::string thread_search_text(const Query& query, const Results& results, bool color);

// {"format_version", "query", "total", "total_exact", "total_min"?,
//  "total_max"?, "offset", "limit", "corrected", "groups": [{"rank",
//  "page", "article": {hit}, "article_matched", "comments": {"total",
//  "matching", "hits": [{hit, "parent_author"}]}}], "facets"?, "partial"?,
//  "failed_shards"?}
std::string thread_search_json(const Query& query, const Results& results);

// What a query found on a page, for `show --query`.
struct ThreadMarks {
  bool has_query = false;
  std::set<std::string> matching;              // ids of the matching documents
  std::map<std::string, Snippet> highlighted;  // id -> its whole text, highlighted
};

// A comment's place in the reply tree: the comments answering it follow
// their parent (in page order among themselves), indented one step deeper.
struct TreeNode {
  const Document* document = nullptr;
  int depth = 0;
  bool context_only = false;  // kept (with --matching) only as an ancestor of a match
};
// The comments in tree order; with matching_only, only the matching ones
// and their ancestors.
std::vector<TreeNode> reply_tree(const std::vector<Document>& comments, const ThreadMarks& marks, bool matching_only);

// `show`: the document (an article with its reply tree, when `comments` is
// given, or one comment) with the query's matches highlighted.
std::string thread_text(const Document& document, const std::optional<std::vector<Document>>& comments,
                        const ThreadMarks& marks, bool matching_only, bool color);

// The document_json keys, plus for an article "replies": the tree (each
// comment with its own "replies"); with a query, each document also has
// "matched" and "highlights" ([[start, end], ...] in code points of "text",
// end exclusive, as search's)
// and the article "matching" (how many comments match).
std::string thread_json(const Document& document, const std::optional<std::vector<Document>>& comments,
                        const ThreadMarks& marks, bool matching_only);

}  // namespace byline::cli

#endif  // BYLINE_CLI_RENDER_THREAD_H
