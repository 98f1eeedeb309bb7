// The `byline` command: a thin client of libbyline. Each subcommand lives in
// its own cmd_*.cc; this file wires them up and maps library errors to exit
// statuses in one place.
#include <cstdlib>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "api_words.h"
#include "byline/error.h"
#include "byline/version.h"
#include "command.h"
#include "diagnostics.h"
#include "usage_hints.h"

namespace byline::cli {
namespace {

constexpr AddCommandFn kCommands[] = {
    add_parse_command,
    add_search_command,
    add_count_command,
    add_show_command,
    add_index_command,
    add_stats_command,
    add_compact_command,
    add_shards_command,
    add_serve_command,
    add_check_command,
};

std::string default_db() {
  const char* env = std::getenv("BYLINE_DB");
  if (env != nullptr && *env != '\0') return env;
  return "./byline-index";
}

int run_main(int argc, char** argv) {
  CLI::App app{"Byline: full-text search for archives of news pages", "byline"};
  app.set_version_flag("--version", std::string("byline ") + BYLINE_VERSION_STRING + "\nbuilt with Xapian " +
                                        BYLINE_XAPIAN_VERSION + ", Snowball " + BYLINE_SNOWBALL_VERSION);
  app.require_subcommand(1);
  app.fallthrough();

  GlobalOptions global;
  global.db = default_db();
  app.add_option("--db", global.db, "Index folder (default: $BYLINE_DB, else ./byline-index)")
      ->capture_default_str();

  RunFn run;
  for (AddCommandFn add : kCommands) add(app, global, run);
  // No count wraps or means "unlimited": "--offset -5" and "--limit -1" are
  // usage errors, and so are pages far beyond any index Xapian can hold.
  check_unsigned_options(app, 1000000000000ull,
                         {{"--limit", 1000000000ull}, {"--offset", 1000000000ull}, {"--snippet-chars", 1000000ull}});

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    print_error(usage_error_text(app, std::vector<std::string>(argv + 1, argv + argc), e));
    return kExitUsage;
  }

  try {
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
