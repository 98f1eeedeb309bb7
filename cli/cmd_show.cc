// `byline show ID`: one stored document in full; for an article, its comments
// as the reply tree. `--query Q` highlights every match of Q (and says which
// comments match), `--thread` shows the whole thread of a comment's page,
// `--matching` keeps only the matching comments and their ancestors. An
// unknown id is an error with exit status 1 ("byline: show ID: no such
// document"): the command ran but found nothing to show.
#include <iostream>
#include <memory>

#include "byline/error.h"
#include "byline/searcher.h"
#include "command.h"
#include "render_json.h"
#include "render_text.h"
#include "render_thread.h"
#include "show_request.h"
#include "terminal.h"

namespace byline::cli {
namespace {

struct ShowOptions : ShowRequest {
  std::string format = "text";
};

}  // namespace

void add_show_command(CLI::App& app, const GlobalOptions& global, RunFn& run) {
  auto* cmd = app.add_subcommand("show", "Print one document (as found by 'byline search') in full");
  auto opts = std::make_shared<ShowOptions>();
  cmd->add_option("id", opts->id, "Document id: PAGE for an article, PAGE.N for its comment N")->required();
  cmd->add_option("-q,--query", opts->query, "Highlight every match of this query, and say which comments match");
  cmd->add_flag("--thread", opts->thread, "The whole thread: the article and its comments as a reply tree");
  cmd->add_flag("--matching", opts->matching,
                "With --query: only the comments that match, with the comments they answer for context");
  cmd->add_option("--format", opts->format, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  cmd->callback([&run, &global, opts] {
    run = [&global, opts] {
      Searcher searcher(global.db);
      const Shown shown = load_shown(searcher, *opts);
      const Document& document = shown.document;
      const auto& comments = shown.comments;
      const ThreadMarks& marks = shown.marks;
      if (opts->format == "json")
        std::cout << thread_json(document, comments, marks, opts->matching);
      else if (!opts->query && !opts->thread)
        std::cout << document_text(document, comments ? *comments : std::vector<Document>(), use_color());
      else
        std::cout << thread_text(document, comments, marks, opts->matching, use_color());
      std::cout.flush();
      return std::cout ? kExitOk : kExitPartial;
    };
  });
}

}  // namespace byline::cli
