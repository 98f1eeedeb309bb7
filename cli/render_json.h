// `--format json` for search, show and stats: one JSON object per run.
//
// Snippets mark highlights with <mark>…</mark> and are NOT HTML-escaped
// otherwise: the output is JSON, not HTML, so a consumer that puts a snippet
// into a web page must escape the text between the marks itself.
#ifndef BYLINE_CLI_RENDER_JSON_H
#define BYLINE_CLI_RENDER_JSON_H

#include <cstdint>
#include <string>
#include <vector>

#include "byline/query.h"
#include "byline/results.h"

namespace byline::cli {

// {"query", "total", "offset", "limit", "corrected", "hits": [...], "facets"?,
//  "partial"?: true, "failed_shards"?: ["tcp://HOST:PORT: why", ...]}
std::string search_json(const Query& query, const Results& results);

// The document, and for an article "comments": its comments in page order,
// each with its reply "depth" (0 for a top-level comment).
std::string document_json(const Document& document, const std::vector<Document>& comments);

// `byline stats --format json`: {"db", "documents", "articles", "comments",
// "authors", "files", "files_skipped": {"total",
// "binary", "too_large", "not_article"}, "first_date", "last_date", "language", "stopwords",
// "schema_version", "size_bytes"}, indented.
std::string stats_json(const IndexStats& stats, const std::string& db);

// Files skipped by the indexer, all reasons together.
std::uint64_t files_skipped(const IndexStats& stats);

}  // namespace byline::cli

#endif  // BYLINE_CLI_RENDER_JSON_H
