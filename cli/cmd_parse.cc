// `byline parse FILE...`: the parser's output as JSON, one object per file.
#include <iostream>

#include "byline/page.h"
#include "command.h"

namespace byline::cli {

void add_parse_command(CLI::App& app, const GlobalOptions&, RunFn& run) {
  auto* cmd = app.add_subcommand("parse", "Parse news pages and print their structure as JSON");
  auto files = std::make_shared<std::vector<std::string>>();
  cmd->add_option("files", *files, "Page files")->required();
  cmd->callback([&run, files] {
    run = [files] {
      std::cout << "not implemented\n";
      return 0;
    };
  });
}

}  // namespace byline::cli
