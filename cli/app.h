// The whole `byline` command line as one CLI11 app: the global options and
// every subcommand. main.cc parses and runs it; the man page generator
// (man/) and `byline completion` walk the same app, so that pages, shell
// completions and --help cannot disagree.
#ifndef BYLINE_CLI_APP_H
#define BYLINE_CLI_APP_H

#include <CLI/CLI.hpp>

#include "command.h"

namespace byline::cli {

// Registers everything on `app` (made with the name "byline"); `global` and
// `run` must outlive it (subcommand callbacks fill them).
void build_app(CLI::App& app, GlobalOptions& global, RunFn& run);

// The subcommands whose text output goes through the pager.
bool pages_text_output(const CLI::App& app);

}  // namespace byline::cli

#endif  // BYLINE_CLI_APP_H
