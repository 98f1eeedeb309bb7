// A comment's record leaves its article's title and source out (schema.h:
// repeating them on every comment made the index 5% larger); a comment shown
// to a user gets them back from its article's record here.
#ifndef BYLINE_COMMENT_CONTEXT_H
#define BYLINE_COMMENT_CONTEXT_H

#include <xapian.h>

#include <vector>

#include "doc_record.h"
#include "document_fetch.h"

namespace byline {

// Fills title and source of each comment record in `records` (articles, and
// records that already have a source, are left alone) from its article, read
// in one boolean match over all their pages (an exchange of two round trips
// per remote shard, shards in parallel, whatever the number of comments);
// `fetch` reads the articles found (DocumentFetcher: concurrently on remote
// shards). A comment whose article is missing keeps an empty title and source.
void add_comment_context(const Xapian::Database& db, std::vector<DocRecord*>& records, const FetchDocuments& fetch);

}  // namespace byline

#endif  // BYLINE_COMMENT_CONTEXT_H
