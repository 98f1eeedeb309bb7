// A comment's record leaves its article's title and source out (schema.h:
// repeating them on every comment made the index 5% larger); a comment shown
// to a user gets them back from its article's record here.
#ifndef BYLINE_COMMENT_CONTEXT_H
#define BYLINE_COMMENT_CONTEXT_H

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

#include "doc_record.h"
#include "document_fetch.h"

namespace byline {

// Fills title and source of each comment record in `records` (articles, and
// records that already have a source, are left alone) from its article.
// docids[i] is records[i]'s docid in db; `fetch` reads documents of db
// (DocumentFetcher: concurrently on remote shards).
//
// The indexer adds a page's article and then its comments in order, so in a
// shard the article of comment number k (1-based) is usually k docids before
// it: that document is read first (one concurrent round of reads) and used
// when it is the comment's article. Comments whose article is elsewhere
// (pages indexed again, with more comments) are looked up by their page in
// one boolean match over all their pages (two round trips per remote shard,
// shards in parallel). A comment whose article is missing keeps an empty
// title and source.
void add_comment_context(const Xapian::Database& db, std::vector<DocRecord*>& records,
                         const std::vector<Xapian::docid>& docids, const FetchDocuments& fetch);

// Where the article of hit `did` of db probably is, when the hit's sort key
// (schema.h kSlotOrder: flag, date, id) shows a comment (an id ending in
// ".<index>"); 0 otherwise. Lets a search read those articles in the same
// round as its hits; add_comment_context checks what it reads.
Xapian::docid likely_article(Xapian::docid did, std::string_view sort_key, std::size_t shard_count);

// The docid of the document with public id `id` in db, 0 when none.
Xapian::docid docid_of(const Xapian::Database& db, const std::string& id);

// For each of `records`, the texts it may quote (quoted_text.h), normalised:
// a comment's article and the comment it answers; none for articles and for
// comments whose shape holds no quote (may_quote), so most hits read
// nothing. One round of reads for all the hits.
std::vector<std::vector<std::string>> quote_sources(const Xapian::Database& db, const std::vector<DocRecord*>& records,
                                                    const FetchDocuments& fetch);

}  // namespace byline

#endif  // BYLINE_COMMENT_CONTEXT_H
