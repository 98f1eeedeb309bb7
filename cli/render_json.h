// `--format json` for search and show: one JSON object per run.
//
// Snippets mark highlights with <mark>…</mark> and are NOT HTML-escaped
// otherwise: the output is JSON, not HTML, so a consumer that puts a snippet
// into a web page must escape the text between the marks itself.
#ifndef BYLINE_CLI_RENDER_JSON_H
#define BYLINE_CLI_RENDER_JSON_H

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "byline/query.h"
#include "byline/results.h"

namespace byline::cli {

// {"query", "total", "offset", "limit", "corrected", "hits": [...], "facets"?,
//  "partial"?: true, "failed_shards"?: ["tcp://HOST:PORT: why", ...]}; with
// --collapse each hit has "more_on_page" (how many other documents of its
// page match).
std::string search_json(const Query& query, const Results& results);

// One hit: {"rank", "id", "type", "score", "title", "author", "date",
// "source", "comment", "snippet"}.
nlohmann::ordered_json hit_json(const Hit& hit);

// One document: {"id", "type", "page_id", "title", "author", "date",
// "source", "comment", "tags" (articles), "text"}.
nlohmann::ordered_json document_object(const Document& document);

// The document, and for an article "comments": its comments in page order,
// each with its reply "depth" (0 for a top-level comment).
std::string document_json(const Document& document, const std::vector<Document>& comments);

}  // namespace byline::cli

#endif  // BYLINE_CLI_RENDER_JSON_H
