#include "name_list_command.h"

#include <iostream>
#include <memory>

#include "byline/searcher.h"
#include "render_names.h"
#include "search_request.h"

namespace byline::cli {
namespace {

const std::vector<std::string> kNameOrders = {"count", "name", "recent"};

struct NameListOptions : SearchRequest {
  std::string order = "count";
  std::string format = "text";
};

NameOrder name_order(const std::string& name) {
  if (name == "name") return NameOrder::Name;
  if (name == "recent") return NameOrder::Recent;
  return NameOrder::Count;
}

}  // namespace

void add_name_list_command(CLI::App& app, const GlobalOptions& global, RunFn& run, NameList list) {
  const bool authors = list == NameList::Authors;
  auto* cmd = app.add_subcommand(authors ? "authors" : "tags",
                                 authors ? "List the authors of the matching documents, with counts and dates"
                                         : "List the tags of the matching articles, with counts and dates");
  cmd->footer(
      std::string("Without a query: every document. The query language and filters are those of 'byline "
                  "search'; counts are exact. ") +
      (authors ? "Documents without an author are left out." : "Tags are an article's: comments count for none.") +
      " Use -- before a query that starts with '-'.");
  auto opts = std::make_shared<NameListOptions>();
  cmd->add_option("query", opts->words, "Query words (joined with spaces; none: every document)");
  cmd->add_option("--type", opts->type, "Only articles or only comments")->check(CLI::IsMember(kTypeNames));
  cmd->add_option("--author", opts->query.author, "Only this author (exact name, any case)");
  cmd->add_option("--since", opts->query.since, "From this date on (YYYY, YYYY-MM, YYYY-MM-DD or 2w, 3m, ...)");
  cmd->add_option("--until", opts->query.until, "Up to this date, inclusive (as --since)");
  cmd->add_option("--sort", opts->order, "count (largest first), name, or recent (latest date first)")
      ->check(CLI::IsMember(kNameOrders))
      ->capture_default_str();
  cmd->add_option("--format", opts->format, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  cmd->callback([&run, &global, opts, authors] {
    run = [&global, opts, authors] {
      Query query = to_query(*opts);
      Searcher searcher(global.db);
      const NameOrder order = name_order(opts->order);
      std::vector<NameSummary> names = authors ? searcher.authors(query, order) : searcher.tags(query, order);
      const std::string what = authors ? "author" : "tag";
      std::cout << (opts->format == "json" ? names_json(what, query, opts->order, names) : names_text(what, names));
      std::cout.flush();
      return std::cout ? kExitOk : kExitPartial;
    };
  });
}

void add_authors_command(CLI::App& app, const GlobalOptions& global, RunFn& run) {
  add_name_list_command(app, global, run, NameList::Authors);
}

void add_tags_command(CLI::App& app, const GlobalOptions& global, RunFn& run) {
  add_name_list_command(app, global, run, NameList::Tags);
}

}  // namespace byline::cli
