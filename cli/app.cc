#include "app.h"

#include "byline/version.h"
#include "color_choice.h"
#include "config_file.h"
#include "index_choice.h"
#include "usage_hints.h"

namespace byline::cli {
namespace {

constexpr AddCommandFn kCommands[] = {
    add_parse_command, add_search_command, add_count_command,      add_authors_command, add_tags_command,
    add_show_command,  add_index_command,  add_stats_command,      add_compact_command, add_shards_command,
    add_serve_command, add_check_command,  add_completion_command,
};

// Subcommands whose text output can be long: paged on a terminal.
constexpr const char* kPagedCommands[] = {"search", "show", "authors", "tags"};

}  // namespace

void build_app(CLI::App& app, GlobalOptions& global, RunFn& run) {
  app.set_version_flag("--version", std::string("byline ") + BYLINE_VERSION_STRING + "\nbuilt with Xapian " +
                                        BYLINE_XAPIAN_VERSION + ", Snowball " + BYLINE_SNOWBALL_VERSION);
  app.require_subcommand(1);
  app.fallthrough();
  add_config_file_option(app, global.config_db);

  CLI::Option* db = app.add_option(
      "--db", global.db,
      "Index folder (default: $BYLINE_DB, else the config file's db, else $XDG_DATA_HOME/byline/index, else "
      "~/.local/share/byline/index)");
  app.parse_complete_callback([&app, db, &global] { choose_index(app, *db, global); });
  app.add_option("--color", global.color,
                 "Colour in text output: auto (on a terminal, unless NO_COLOR is set), always, never")
      ->check(CLI::IsMember(kColorNames))
      ->capture_default_str();
  app.add_flag("--no-pager", global.no_pager,
               "Never page text output (default: $PAGER, else 'less -FRX', on a terminal)");

  for (AddCommandFn add : kCommands) add(app, global, run);
  // No count wraps or means "unlimited": "--offset -5" and "--limit -1" are
  // usage errors, and so are pages far beyond any index Xapian can hold.
  check_unsigned_options(app, 1000000000000ull,
                         {{"--limit", 1000000000ull}, {"--offset", 1000000000ull}, {"--snippet-chars", 1000000ull}});
}

bool pages_text_output(const CLI::App& app) {
  for (const char* name : kPagedCommands) {
    const CLI::App* sub = app.get_subcommand(name);
    if (!sub->parsed()) continue;
    const CLI::Option* format = sub->get_option_no_throw("--format");
    return format == nullptr || format->as<std::string>() == "text";
  }
  return false;
}

}  // namespace byline::cli
