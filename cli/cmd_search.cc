// `byline search QUERY...`: runs one query and prints the hits.
//
// Exit status 0 when the search ran (with or without matches; with
// --exit-status, 1 when nothing matched), 2 for a query
// or option it cannot understand, 3 when the index is missing or unusable (or
// a remote shard does not answer), 1 for a --partial answer that lacks some
// shards (the hits of the others are printed, with a warning per shard).
#include <iostream>
#include <memory>

#include "byline/searcher.h"
#include "command.h"
#include "diagnostics.h"
#include "output_format.h"
#include "search_request.h"
#include "terminal.h"

namespace byline::cli {
namespace {

// The search itself (shared with the server, see search_request.h) and how to print it.
struct SearchOptions : SearchRequest {
  SearchOutput output;  // --format, --exit-status
};

}  // namespace

void add_search_command(CLI::App& app, const GlobalOptions& global, RunFn& run) {
  auto* cmd = app.add_subcommand("search", "Search the index (see 'byline search --help' for the query language)");
  cmd->footer(
      "Query language: words (stemmed, all required), OR, NOT, -word, +word, (...), \"a phrase\", a NEAR b, "
      "prefix*, title:, author:, tag:, type:article|comment, date:2013-04-01..2013-04-30 (also date:2013-04, "
      "date:..2013, date:2013-04-22.., date:today, date:yesterday, date:7d, date:2w.., date:last-week, "
      "date:last-month, date:2013-04..now; BYLINE_NOW=YYYY-MM-DD[THH:MM] sets now), page:ID, id:ID, "
      "on:(Q) (comments on articles matching Q), discussed:(Q) (articles with a comment matching Q), "
      "reply:(Q) (comments answering a comment matching Q). Comments answer their article's tag: and title:. "
      "A question of 4 or more plain words that fewer than 3 documents hold whole lists those holding most of its "
      "words, and says so. An empty query matches every document. Use -- before a query that starts with '-'.");
  auto opts = std::make_shared<SearchOptions>();
  cmd->add_option("query", opts->words, "Query words (joined with spaces)")->required();
  cmd->add_option("-n,--limit", opts->query.limit, "Number of hits to show")->capture_default_str();
  cmd->add_option("--offset", opts->query.offset, "Hits to skip (for the next page)")->capture_default_str();
  cmd->add_option("--type", opts->type, "Only articles or only comments")->check(CLI::IsMember(kTypeNames));
  cmd->add_option("--author", opts->query.author, "Only this author (exact name, any case)");
  cmd->add_option("--since", opts->query.since,
                  "From this date on (YYYY, YYYY-MM, YYYY-MM-DD, or 2w, 3d, yesterday, ...)");
  cmd->add_option("--until", opts->query.until, "Up to this date, inclusive (as --since)");
  cmd->add_option("--sort", opts->sort, "Order of the hits")->check(CLI::IsMember(kSortNames))->capture_default_str();
  cmd->add_flag("--collapse", opts->query.collapse, "At most one hit per page (and how many more it has)");
  cmd->add_flag("--thread", opts->query.thread,
                "Group hits by page: the article, then its matching comments (--limit and --offset count pages)");
  cmd->add_option("--thread-comments", opts->query.thread_comments, "With --thread: matching comments shown per page")
      ->capture_default_str();
  cmd->add_option("--snippet-chars", opts->query.snippet_chars, "Snippet length (0: no snippets)")
      ->capture_default_str();
  cmd->add_option("--fragments", opts->query.snippet_fragments,
                  "Snippet passages, 1 to 3: words far apart get one short passage each, joined with ' … '")
      ->check(CLI::Range(1, 3))
      ->capture_default_str();
  cmd->add_option("--facets", opts->query.facets, "Count matches by author, month, type, tag (comma-separated)")
      ->delimiter(',')
      ->allow_extra_args(false)  // one comma-separated list: the words after it are the query
      ->check(CLI::IsMember(kFacetNames));
  cmd->add_flag("--partial", opts->query.allow_partial,
                "When a remote shard does not answer, answer from the others (exit 1) instead of failing (exit 3)");
  add_search_output_options(*cmd, opts->output);
  cmd->callback([&run, &global, opts] {
    run = [&global, opts] {
      Query query = to_query(*opts);
      Searcher searcher(global.db);
      Results results = searcher.search(query);
      std::vector<std::string> unlisted;
      std::cout << search_output(opts->output.format, query, results, use_color(), unlisted);
      std::cout.flush();
      for (const std::string& failure : results.failed_shards) print_warning("partial results: shard " + failure);
      for (const std::string& source : unlisted)
        print_warning("source name with a control character, not listed: " + source);
      return search_exit_status(opts->output, results, std::cout && unlisted.empty());
    };
  });
}

}  // namespace byline::cli
