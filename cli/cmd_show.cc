// `byline show ID`: one stored document in full; for an article, its comments
// in thread order. An unknown id is an error with exit status 1 ("byline:
// show ID: no such document"): the command ran but found nothing to show.
#include <iostream>
#include <memory>

#include "byline/error.h"
#include "byline/searcher.h"
#include "command.h"
#include "render_json.h"
#include "render_text.h"
#include "terminal.h"

namespace byline::cli {

void add_show_command(CLI::App& app, const GlobalOptions& global, RunFn& run) {
  auto* cmd = app.add_subcommand("show", "Print one document (as found by 'byline search') in full");
  auto id = std::make_shared<std::string>();
  auto format = std::make_shared<std::string>("text");
  cmd->add_option("id", *id, "Document id: PAGE for an article, PAGE.N for its comment N")->required();
  cmd->add_option("--format", *format, "Output format")->check(CLI::IsMember({"text", "json"}))->capture_default_str();
  cmd->callback([&run, &global, id, format] {
    run = [&global, id, format] {
      Searcher searcher(global.db);
      std::optional<Document> document = searcher.document(*id);
      if (!document) throw Error("show " + *id + ": no such document");
      std::vector<Document> comments;
      if (document->type == DocType::Article) comments = searcher.comments(document->page_id);
      if (*format == "json")
        std::cout << document_json(*document, comments);
      else
        std::cout << document_text(*document, comments, use_color());
      std::cout.flush();
      return std::cout ? kExitOk : kExitPartial;
    };
  });
}

}  // namespace byline::cli
