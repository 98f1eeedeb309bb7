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
#include "terminal.h"

namespace byline::cli {
namespace {

struct ShowOptions {
  std::string id;
  std::string format = "text";
  std::optional<std::string> query;
  bool thread = false;
  bool matching = false;
};

// Which documents of the page match, and each shown text highlighted.
ThreadMarks mark(Searcher& searcher, const std::string& text, const Document& document,
                 const std::optional<std::vector<Document>>& comments) {
  ThreadMarks marks;
  marks.has_query = true;
  Query q;
  q.text = text;
  q.page = document.page_id;
  q.limit = 1 + (comments ? comments->size() : 0) + 1;
  q.snippet_chars = 0;
  if (!comments) q.limit = 1000000;  // one comment: its page's matches, to see whether it is one
  for (const Hit& hit : searcher.search(q).hits) marks.matching.insert(hit.id);
  auto highlight = [&](const Document& d) {
    if (marks.matching.count(d.id) && !d.text.empty()) marks.highlighted[d.id] = searcher.highlight(q, d.text);
  };
  highlight(document);
  if (comments)
    for (const Document& c : *comments) highlight(c);
  return marks;
}

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
      if (opts->matching && !opts->query) throw BadQuery("show --matching: needs --query");
      Searcher searcher(global.db);
      std::optional<Document> document = searcher.document(opts->id);
      if (!document) throw Error("show " + opts->id + ": no such document");
      if (opts->thread && document->type == DocType::Comment) {
        // The thread of the comment's page.
        std::optional<Document> article = searcher.document(document->page_id);
        if (!article) throw Error("show " + opts->id + ": its article " + document->page_id + " is not in the index");
        document = std::move(article);
      }
      std::optional<std::vector<Document>> comments;
      if (document->type == DocType::Article) comments = searcher.comments(document->page_id);
      ThreadMarks marks;
      if (opts->query) marks = mark(searcher, *opts->query, *document, comments);
      if (opts->format == "json")
        std::cout << thread_json(*document, comments, marks, opts->matching);
      else if (!opts->query && !opts->thread)
        std::cout << document_text(*document, comments ? *comments : std::vector<Document>(), use_color());
      else
        std::cout << thread_text(*document, comments, marks, opts->matching, use_color());
      std::cout.flush();
      return std::cout ? kExitOk : kExitPartial;
    };
  });
}

}  // namespace byline::cli
