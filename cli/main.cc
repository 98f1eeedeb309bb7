// The `byline` command: a thin client of libbyline. Each subcommand lives in
// its own cmd_*.cc and app.cc wires them up; this file parses the command
// line, sets up colour and the pager, and maps library errors to exit
// statuses in one place.
#include <cstdlib>
#include <exception>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "api_words.h"
#include "app.h"
#include "byline/error.h"
#include "color_choice.h"
#include "command.h"
#include "config_file.h"
#include "diagnostics.h"
#include "pager.h"
#include "terminal.h"
#include "usage_hints.h"

namespace byline::cli {
namespace {

// $PAGER for the text output of a paged subcommand on a terminal; nullptr
// otherwise (a pager that cannot start is a warning: the output is printed
// as it is).
std::unique_ptr<Pager> start_pager(const CLI::App& app, const GlobalOptions& global) {
  if (global.no_pager || !pages_text_output(app)) return nullptr;
  std::string why_not;
  std::optional<std::string> command = pager_command(stdout_is_terminal(), why_not);
  std::unique_ptr<Pager> pager = command ? Pager::start(*command, why_not) : nullptr;
  if (!why_not.empty()) print_warning(why_not);
  return pager;
}

// Whether a parse error comes from the config file: a file error, or the
// same command line parses without the file (a bad value in the file
// fails only when the file is read).
bool caused_by_config_file(const CLI::ParseError& error, int argc, char** argv) {
  if (is_config_error(error)) return true;
  CLI::App app{"", "byline"};
  GlobalOptions global;
  RunFn run;
  build_app(app, global, run);
  app.set_config();  // no file; --config still accepted
  app.add_option("--config");
  try {
    app.parse(argc, argv);
  } catch (const CLI::Error&) {
    return false;
  }
  return true;
}

int run_main(int argc, char** argv) {
  CLI::App app{"Byline: full-text search for archives of news pages", "byline"};
  GlobalOptions global;
  RunFn run;
  build_app(app, global, run);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    if (caused_by_config_file(e, argc, argv))
      print_error("config file " + config_file_in_use(app) + ": " + config_error_text(e));
    else
      print_error(usage_error_text(app, std::vector<std::string>(argv + 1, argv + argc), e));
    return kExitUsage;
  }

  // Decided before the pager takes stdout, so that "auto" sees the terminal.
  decide_color(global.color);
  try {
    // Declared in the try: the pager is closed (and waited for) before an
    // error is printed, so the message is not lost behind the pager.
    std::unique_ptr<Pager> pager = start_pager(app, global);
    return run ? run() : kExitUsage;
  } catch (const IndexLocked& e) {
    print_error(in_cli_words(e.what()));
    return kExitIndex;
  } catch (const IndexUnusable& e) {
    print_error(in_cli_words(e.what()));
    return kExitIndex;
  } catch (const BadQuery& e) {
    print_error(in_cli_words(e.what()));
    return kExitUsage;
  } catch (const Error& e) {
    print_error(in_cli_words(e.what()));
    return kExitPartial;
  } catch (const std::bad_alloc&) {
    print_error("out of memory");
    return kExitPartial;
  } catch (const std::exception& e) {
    print_error(std::string("internal error: ") + e.what());
    return kExitPartial;
  }
}

}  // namespace
}  // namespace byline::cli

int main(int argc, char** argv) { return byline::cli::run_main(argc, argv); }
