// `--format json` for search, show, stats and count: one JSON object per run, whose
// fields README.md ("JSON output") documents.
//
// A snippet is its plain text ("snippet", exactly as in the page), its
// highlights as code-point spans of that text ("highlights"), and, for web
// pages, the text HTML-escaped with <mark>…</mark> around the highlights
// ("snippet_html"): page text that reads "<mark>" can never pass for one.
#ifndef BYLINE_CLI_RENDER_JSON_H
#define BYLINE_CLI_RENDER_JSON_H

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "byline/query.h"
#include "byline/results.h"

namespace byline::cli {

// The version of every JSON object the CLI prints ("format_version"), raised
// whenever a field changes meaning or goes away (adding one does not):
// 1: before the field existed; 2: total_exact/total_min/total_max, snippet as
// plain text plus highlights and snippet_html.
constexpr int kJsonFormatVersion = 2;

// {"format_version", "query", "total", "total_exact", "total_min"?, "total_max"?, "offset", "limit", "corrected",
// "relaxed", "relaxed_words"?, "all_words_total"? (when relaxed), "hits": [...], "facets"?,
//  "time_limited"?: true (the time budget cut the match: counts are estimates,
//  and the hits are missing when it was abandoned), "partial"?: true,
//  "failed_shards"?: ["tcp://HOST:PORT: why", ...]}; with
// --collapse each hit has "more_on_page" (how many other documents of its
// page match).
std::string search_json(const Query& query, const Results& results);

// `byline count --format json`: {"format_version", "query", "total",
// "total_exact", "total_min"?, "total_max"?, "time_limited"?, "partial"?,
// "failed_shards"?}.
std::string count_json(const Query& query, const Results& results);

// One hit: {"rank", "id", "type", "score", "title", "author", "date",
// "source", "comment", "snippet", "highlights", "snippet_html"}: the same
// object in search's "hits" and in --thread's groups.
nlohmann::ordered_json hit_json(const Hit& hit);

// One document: {"id", "type", "page_id", "title", "author", "date",
// "source", "comment", "tags" (articles), "text"}.
nlohmann::ordered_json document_object(const Document& document);

// The document, and for an article "comments": its comments in page order,
// each with its reply "depth" (0 for a top-level comment).
std::string document_json(const Document& document, const std::vector<Document>& comments);

// Why a command uses the index it uses (index_choice.h in the CLI):
// chosen_by is "--db", "BYLINE_DB", "config" (config_file names the file)
// or "default".
struct IndexOrigin {
  std::string chosen_by;
  std::string config_file;
};

// `byline stats --format json`: {"format_version", "db", "documents", "articles", "comments",
// "authors", "files", "files_skipped": {"total",
// "binary", "too_large", "not_article"}, "first_date", "last_date", "language", "stopwords",
// "schema_version", "size_bytes"}, indented; with an origin also "index":
// {"path", "chosen_by", "config_file" (only for "config")}.
std::string stats_json(const IndexStats& stats, const std::string& db,
                       const std::optional<IndexOrigin>& origin = std::nullopt);

// Files skipped by the indexer, all reasons together.
std::uint64_t files_skipped(const IndexStats& stats);

}  // namespace byline::cli

#endif  // BYLINE_CLI_RENDER_JSON_H
