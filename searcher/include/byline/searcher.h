// Searching an index: byline::Searcher.
#ifndef BYLINE_SEARCHER_H
#define BYLINE_SEARCHER_H

#include "byline/export.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "byline/document.h"
#include "byline/query.h"
#include "byline/results.h"

namespace byline {

// A read-only view of an index. Never blocks on a writer: when a commit
// happens during a search, the searcher reopens the index and retries.
//
// Thread-safety: a Searcher is not safe to share between threads without
// external locking; open one per thread (opening is cheap).
class BYLINE_EXPORT Searcher {
 public:
  // Throws IndexUnusable (missing, not a Byline index, schema mismatch, a
  // local shard missing). An index may be sharded (a XAPIANDB stub listing
  // local and remote shards, see byline/shards.h); remote shards that do not
  // answer within BYLINE_REMOTE_TIMEOUT seconds (default 5) are noted and left
  // out (see Query::allow_partial).
  explicit Searcher(const std::string& db_path);
  ~Searcher();
  Searcher(const Searcher&) = delete;
  Searcher& operator=(const Searcher&) = delete;
  Searcher(Searcher&&) noexcept;
  Searcher& operator=(Searcher&&) noexcept;

  // Runs a query against the latest committed state of the index (of a
  // remote shard: as of at most a second ago). A remote shard that cannot be
  // reached throws IndexUnusable naming it, unless query.allow_partial. Throws
  // BadQuery for a query it cannot understand (one line that says why: unknown
  // field or facet, impossible date, wildcard matching too many words).
  // Malformed quotes or parentheses are parsed leniently, never an error.
  Results search(const Query& query);

  // The document with this id ("<page id>" or "<page id>.<n>"), or
  // std::nullopt when the index holds none. With a remote shard down, a
  // document found on the others is returned (a page lives in one shard);
  // one not found throws IndexUnusable naming the shard.
  std::optional<Document> document(const std::string& id);

  // The comments of the page whose article has id page_id, in page order
  // (empty when there are none or no such page). With a shard down, as
  // document().
  std::vector<Document> comments(const std::string& page_id);

  // `text` as it is, with every word of query.text that a search highlights
  // highlighted (`byline show --query`). Throws BadQuery as search() does.
  Snippet highlight(const Query& query, const std::string& text);

  IndexStats stats();

  // The authors of the documents matching query (its text and filters; limit,
  // offset, sort, snippets and facets are ignored), each with its exact count
  // and first and last date, in `order`. Documents without an author are left
  // out. Throws as search() does.
  std::vector<NameSummary> authors(const Query& query, NameOrder order = NameOrder::Count);

  // The same for tags. Tags belong to articles: a tag counts the matching
  // articles that carry it (the "tag" facet's count); comments, which have no
  // tags of their own, count for none (a query may still select them by their
  // article's tag:, which then counts nothing here).
  std::vector<NameSummary> tags(const Query& query, NameOrder order = NameOrder::Count);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace byline

#endif  // BYLINE_SEARCHER_H
