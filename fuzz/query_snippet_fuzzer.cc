// libFuzzer target: a query from its text to what the user sees. A small
// fixture (corpus/ and tests/fixtures/pages/, every page variation) is
// indexed once at start-up; each input is a query that is parsed, searched
// with snippets, and rendered as `byline search` does (text, with and without
// colour, and --format json), then the first hit is shown as `byline show`
// does. Any input must give output or a byline::Error; highlights must lie
// inside their snippet, a hit must be found again by its id, and the JSON
// output must parse back.
//
// The first byte picks the options (sort, collapse, type, facets, paging,
// snippet length), the rest is the query text.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "byline/error.h"
#include "byline/indexer.h"
#include "byline/searcher.h"
#include "render_json.h"
#include "render_text.h"

namespace {

std::filesystem::path g_index_dir;
std::unique_ptr<byline::Searcher> g_searcher;

void remove_index() {
  g_searcher.reset();
  std::error_code ec;
  std::filesystem::remove_all(g_index_dir, ec);
}

void require_json(const std::string& text) {
  if (!nlohmann::json::accept(text)) std::abort();
}

void render_first_hit(const byline::Results& results) {
  if (results.hits.empty()) return;
  std::optional<byline::Document> doc = g_searcher->document(results.hits.front().id);
  if (!doc) std::abort();  // a hit just found must be there
  std::vector<byline::Document> comments;
  if (doc->type == byline::DocType::Article) comments = g_searcher->comments(doc->id);
  (void)byline::cli::document_text(*doc, comments, true);
  (void)byline::cli::document_text(*doc, comments, false);
  require_json(byline::cli::document_json(*doc, comments));
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  std::string pattern = (std::filesystem::temp_directory_path() / "byline-fuzz-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) std::abort();
  g_index_dir = pattern;
  const std::string db = (g_index_dir / "db").string();
  {
    byline::IndexOptions options;
    options.batch_pages = 4;
    byline::Indexer indexer(db, options);
    byline::IndexSummary summary = indexer.add_paths(
        {std::string(BYLINE_SOURCE_DIR) + "/corpus", std::string(BYLINE_SOURCE_DIR) + "/tests/fixtures/pages"});
    if (summary.pages < 20) std::abort();
  }
  g_searcher = std::make_unique<byline::Searcher>(db);
  std::atexit(remove_index);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::uint8_t flags = data[0];
  byline::Query query;
  query.text.assign(reinterpret_cast<const char*>(data) + 1, size - 1);
  query.sort = static_cast<byline::SortOrder>(flags % 3);
  query.collapse = (flags & 0x04) != 0;
  if (flags & 0x08) query.type = (flags & 0x10) ? byline::DocType::Comment : byline::DocType::Article;
  if (flags & 0x20) query.facets = {"author", "month", "type", "tag"};
  query.offset = (flags & 0x80) ? 2 : 0;
  query.snippet_chars = (flags & 0x40) ? 24 : 200;  // short snippets cut words and highlights
  try {
    byline::Results results = g_searcher->search(query);
    for (const byline::Hit& hit : results.hits)
      for (const byline::Highlight& h : hit.snippet.highlights)
        if (h.offset + h.length > hit.snippet.text.size()) std::abort();  // highlight outside its snippet
    (void)byline::cli::search_text(query, results, true);
    (void)byline::cli::search_text(query, results, false);
    require_json(byline::cli::search_json(query, results));
    render_first_hit(results);
  } catch (const byline::Error&) {
    // A clear refusal: fine.
  }
  return 0;
}
