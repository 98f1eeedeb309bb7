// `byline count QUERY...`: the number of matching documents (with
// --collapse: of pages), exact however many there are, as notmuch count
// prints it: the number alone on a line, or --format json
// {"format_version", "query", "total", "total_exact"}. The query language and
// filters are those of `byline search`.
//
// Exit status 0 when the count ran (0 matches included), 2 for a query or
// option it cannot understand, 3 when the index is missing or unusable.
#include <iostream>
#include <memory>

#include "byline/searcher.h"
#include "command.h"
#include "diagnostics.h"
#include "render_json.h"
#include "search_request.h"

namespace byline::cli {
namespace {

struct CountOptions : SearchRequest {
  std::string format = "text";
};

// The number alone; an estimate (only a remote shard that cannot count
// every match gives one) says its bounds.
std::string count_text(const Results& results) {
  if (results.total_exact) return std::to_string(results.total) + "\n";
  return std::to_string(results.total) + " (estimate: " + std::to_string(results.total_lower) + " to " +
         std::to_string(results.total_upper) + ")\n";
}

}  // namespace

void add_count_command(CLI::App& app, const GlobalOptions& global, RunFn& run) {
  auto* cmd = app.add_subcommand("count", "Print the exact number of documents that match a query");
  cmd->footer(
      "The query language and filters are those of 'byline search'. Use -- before a query that starts "
      "with '-'.");
  auto opts = std::make_shared<CountOptions>();
  cmd->add_option("query", opts->words, "Query words (joined with spaces)")->required();
  cmd->add_option("--type", opts->type, "Only articles or only comments")->check(CLI::IsMember(kTypeNames));
  cmd->add_option("--author", opts->query.author, "Only this author (exact name, any case)");
  cmd->add_option("--since", opts->query.since, "From this date on (YYYY, YYYY-MM or YYYY-MM-DD)");
  cmd->add_option("--until", opts->query.until, "Up to this date, inclusive (YYYY, YYYY-MM or YYYY-MM-DD)");
  cmd->add_flag("--collapse", opts->query.collapse, "Count pages (an article and its comments once)");
  cmd->add_flag("--partial", opts->query.allow_partial,
                "When a remote shard does not answer, count from the others (exit 1) instead of failing (exit 3)");
  cmd->add_option("--format", opts->format, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  cmd->callback([&run, &global, opts] {
    run = [&global, opts] {
      Query query = to_count_query(*opts);
      Searcher searcher(global.db);
      Results results = searcher.search(query);
      std::cout << (opts->format == "json" ? count_json(query, results) : count_text(results));
      std::cout.flush();
      for (const std::string& failure : results.failed_shards) print_warning("partial count: shard " + failure);
      if (!std::cout) return kExitPartial;
      return results.partial ? kExitPartial : kExitOk;
    };
  });
}

}  // namespace byline::cli
