// libFuzzer target: query parsing and search over a small fixed index (the
// corpus/ pages, indexed once into a temporary folder at start-up). Any input
// must give results or a byline::Error (BadQuery for a query it cannot
// understand); another exception, a crash or a sanitizer report is a bug.
//
// The first byte picks the options (sort, collapse, type, facets, paging,
// snippets, document lookup), the rest is the query text.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "byline/error.h"
#include "byline/indexer.h"
#include "byline/searcher.h"

namespace {

std::filesystem::path g_index_dir;
std::unique_ptr<byline::Searcher> g_searcher;

void remove_index() {
  g_searcher.reset();
  std::error_code ec;
  std::filesystem::remove_all(g_index_dir, ec);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  std::string pattern = (std::filesystem::temp_directory_path() / "byline-fuzz-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) std::abort();
  g_index_dir = pattern;
  const std::string db = (g_index_dir / "db").string();
  {
    byline::IndexOptions options;
    options.batch_pages = 2;
    byline::Indexer indexer(db, options);
    byline::IndexSummary summary = indexer.add_paths({std::string(BYLINE_SOURCE_DIR) + "/corpus"});
    if (summary.pages == 0) std::abort();
  }
  g_searcher = std::make_unique<byline::Searcher>(db);
  std::atexit(remove_index);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::uint8_t flags = data[0];
  std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  try {
    if ((flags & 0xC0) == 0xC0) {
      // Document lookups by id take text from users too.
      g_searcher->document(text);
      g_searcher->comments(text);
      return 0;
    }
    byline::Query query;
    query.text = text;
    query.sort = static_cast<byline::SortOrder>(flags % 3);
    query.collapse = (flags & 0x04) != 0;
    if (flags & 0x08) query.type = (flags & 0x10) ? byline::DocType::Comment : byline::DocType::Article;
    if (flags & 0x20) query.facets = {"author", "month", "type", "tag"};
    query.limit = (flags & 0x40) ? 0 : 10;
    query.offset = (flags & 0x80) ? 3 : 0;
    query.snippet_chars = (flags & 0x02) ? 0 : 200;
    byline::Results results = g_searcher->search(query);
    if (results.hits.size() > query.limit) std::abort();
    for (const byline::Hit& hit : results.hits)
      for (const byline::Highlight& h : hit.snippet.highlights)
        if (h.offset + h.length > hit.snippet.text.size()) std::abort();  // highlight outside its snippet
  } catch (const byline::Error&) {
    // A clear refusal: fine.
  }
  return 0;
}
