// bench_byline_query: Byline's query side, in-process through the public
// library (byline::Searcher), as an embedder would run it: top 10, with
// 200-character snippets (and, for comparison, without).
//
//   bench_byline_query DB QUERIES [--warmup N] [--passes N]
// Prints one JSON object on stdout.
#include <exception>
#include <iostream>
#include <string>

#include "bench_common.h"
#include "byline/byline.h"
#include "query_spec.h"

namespace byline::bench {
namespace {

constexpr const char* kProgram = "bench_byline_query";

Query to_query(const QuerySpec& spec) {
  Query query;
  query.text = query_words_text(spec);
  query.limit = 10;
  if (spec.type == "article") query.type = DocType::Article;
  if (spec.type == "comment") query.type = DocType::Comment;
  if (!spec.author.empty()) query.author = spec.author;
  if (!spec.year.empty()) query.since = query.until = spec.year;
  return query;
}

int run(int argc, char** argv) {
  Options options;
  std::string why;
  if (!parse_options(argc, argv, 1, options, why)) return usage_error(kProgram, why);
  if (options.positional.size() != 2)
    return usage_error(kProgram, "usage: bench_byline_query DB QUERIES [--warmup N] [--passes N]");
  Searcher searcher(options.positional[0]);
  auto queries = load_queries(options.positional[1]);

  std::size_t sink = 0;
  auto loop = run_query_loop(queries, {options.warmup, options.passes}, [&](const QuerySpec& spec, bool snippets) {
    Query query = to_query(spec);
    query.snippet_chars = snippets ? 200 : 0;
    Results results = searcher.search(query);
    for (const auto& hit : results.hits) sink += hit.snippet.text.size() + hit.title.size();
    return results.hits.size();
  });
  // Asking for a facet makes Results::total exact (see results.h).
  bool exact = true;
  auto counts = count_matches(queries, [&](const QuerySpec& spec) -> std::uint64_t {
    Query query = to_query(spec);
    query.snippet_chars = 0;
    query.facets = {"type"};
    Results results = searcher.search(query);
    if (results.total_lower != results.total_upper) exact = false;
    return results.total;
  });
  nlohmann::json out = {{"engine", "byline"},
                        {"docs", nullptr},
                        {"queries", queries.size()},
                        {"with_snippets", to_json(loop.with_snippets)},
                        {"without_snippets", to_json(loop.without_snippets)},
                        {"mean_returned", loop.mean_returned},
                        {"mean_matches", counts.mean},
                        {"zero_match_queries", counts.zero},
                        {"exact_counts", exact},
                        {"sink", sink}};
  try {
    out["docs"] = searcher.stats().documents;
  } catch (const Error&) {
    // stats() is optional here: the index run already reported the count.
  }
  std::cout << out.dump() << "\n";
  return 0;
}

}  // namespace
}  // namespace byline::bench

int main(int argc, char** argv) {
  try {
    return byline::bench::run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << byline::bench::kProgram << ": " << e.what() << "\n";
  }
  return 1;
}
