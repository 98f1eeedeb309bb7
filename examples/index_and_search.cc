// Indexes a folder of news pages and prints the top hits for a query, through
// libbyline's public API only.
//
//   index_and_search INDEX_DIR PAGES_DIR QUERY...
#include <byline/byline.h>

#include <iostream>
#include <string>

int main(int argc, char** argv) {
  if (argc < 4) {
    std::cerr << "usage: index_and_search INDEX_DIR PAGES_DIR QUERY...\n";
    return 2;
  }
  const std::string index_dir = argv[1];
  std::string query_text;
  for (int i = 3; i < argc; ++i) query_text += (i > 3 ? " " : "") + std::string(argv[i]);

  try {
    {
      byline::Indexer indexer(index_dir);  // creates the index if needed
      byline::IndexCallbacks callbacks;
      callbacks.on_error = [](const std::string& message) { std::cerr << "skipped: " << message << "\n"; };
      byline::IndexSummary summary = indexer.add_paths({argv[2]}, callbacks);
      std::cout << "indexed " << summary.articles << " articles, " << summary.comments << " comments\n";
    }  // the Indexer commits and releases the index's lock here

    // index_stats() comes from byline/stats.h, through the umbrella header.
    byline::IndexStats stats = byline::index_stats(index_dir);
    std::cout << "index holds " << stats.documents << " documents (Byline " << BYLINE_VERSION_STRING << ")\n";

    byline::Searcher searcher(index_dir);
    byline::Query query;
    query.text = query_text;
    query.limit = 5;
    byline::Results results = searcher.search(query);
    std::cout << results.total << " matches for '" << query_text << "'\n";
    for (const byline::Hit& hit : results.hits) {
      std::cout << hit.rank << ". [" << byline::to_string(hit.type) << "] " << hit.title;
      if (hit.author) std::cout << " (" << *hit.author << ")";
      std::cout << "\n   " << hit.snippet.text << "\n";
    }
  } catch (const byline::Error& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
