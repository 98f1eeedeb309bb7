// Hits grouped by page: `search --thread` (each page's article and its best
// matching comments) and the "+N more on this page" of `--collapse`.
//
// The main match collapses on the page (kSlotPage), so it yields one best
// document per page, in rank order, with offset and limit counting pages.
// One more match, the same query filtered to those pages (an OR of their XP
// terms, weighted and sorted as the main one: weights do not depend on the
// filter), lists every matching document of every shown page; its sort keys
// (kSlotOrder: date and id) say which page and which comment each one is
// without reading it. Then only the documents shown are read: each page's
// article and best comments, and the comments those answer (for "reply to
// #7 by Jane").
#ifndef BYLINE_THREAD_GROUPS_H
#define BYLINE_THREAD_GROUPS_H

#include <xapian.h>

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "byline/results.h"
#include "doc_record.h"
#include "document_fetch.h"

namespace byline {

// One matching document of a page.
struct PageMatch {
  Xapian::docid docid = 0;
  std::string id;  // "<page>" or "<page>.<n>"
  double weight = 0;
};

// Every match of `query` on each of `pages` (page id -> matches in rank
// order). `configure` sets the weighting and sort order of the main match.
std::map<std::string, std::vector<PageMatch>> matches_by_page(const Xapian::Database& db, const Xapian::Query& query,
                                                              const std::vector<std::string>& pages,
                                                              const std::function<void(Xapian::Enquire&)>& configure);

// A snippet of a text, leaving out what it quotes of `quoted_from`
// (normalised texts, quoted_text.h; empty for an article).
using ThreadSnippet = std::function<Snippet(const std::string& text, const std::vector<std::string>& quoted_from)>;

// The thread groups of the hits of a collapsed match (each its page's best
// document). `to_hit` makes a hit of a record, `snippet` its snippet.
std::vector<ThreadGroup> thread_groups(const Xapian::Database& db, const std::vector<Hit>& best,
                                       const std::map<std::string, std::vector<PageMatch>>& matches,
                                       std::size_t comments_per_group, const FetchDocuments& fetch,
                                       const std::function<Hit(const DocRecord&)>& to_hit,
                                       const ThreadSnippet& snippet);

// A hit of a stored record (searcher.cc).
Hit to_hit(const DocRecord& record);

// The page id of a document id ("<page>.<n>" -> "<page>").
std::string page_of_id(const std::string& id);

}  // namespace byline

#endif  // BYLINE_THREAD_GROUPS_H
