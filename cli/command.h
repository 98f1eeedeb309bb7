// The contract between main.cc and the one-file-per-subcommand CLI.
#ifndef BYLINE_CLI_COMMAND_H
#define BYLINE_CLI_COMMAND_H

#include <CLI/CLI.hpp>

#include <functional>
#include <optional>
#include <string>

namespace byline::cli {

// Exit statuses, the same for every subcommand.
enum Exit : int {
  kExitOk = 0,
  kExitPartial = 1,  // some inputs failed, the rest was done
  kExitUsage = 2,    // bad usage or bad query
  kExitIndex = 3,    // index locked or unusable
};

// Options shared by all subcommands.
struct GlobalOptions {
  std::string db;                        // the index folder, chosen by choose_index (index_choice.h)
  std::string db_chosen_by;              // "--db", "BYLINE_DB", "config" or "default"
  std::string db_config_file;            // the config file, when db_chosen_by is "config"
  std::optional<std::string> config_db;  // the config file's top-level db, if it has one
  std::string color = "auto";            // --color: auto, always or never (color_choice.h)
  bool no_pager = false;                 // --no-pager (pager.h)
};

// Each subcommand file defines one add_*_command: it registers the subcommand
// and its options on `app`, and sets `run` (called when that subcommand is
// chosen) to a function returning the exit status. Library errors propagate
// as exceptions; main.cc maps them to exit statuses in one place.
using RunFn = std::function<int()>;
using AddCommandFn = void (*)(CLI::App& app, const GlobalOptions& global, RunFn& run);

void add_parse_command(CLI::App& app, const GlobalOptions& global, RunFn& run);
void add_search_command(CLI::App& app, const GlobalOptions& global, RunFn& run);
void add_count_command(CLI::App& app, const GlobalOptions& global, RunFn& run);
// `byline authors` and `byline tags` (name_list_command.cc).
void add_authors_command(CLI::App& app, const GlobalOptions& global, RunFn& run);
void add_tags_command(CLI::App& app, const GlobalOptions& global, RunFn& run);
void add_show_command(CLI::App& app, const GlobalOptions& global, RunFn& run);
void add_index_command(CLI::App& app, const GlobalOptions& global, RunFn& run);
void add_stats_command(CLI::App& app, const GlobalOptions& global, RunFn& run);
void add_compact_command(CLI::App& app, const GlobalOptions& global, RunFn& run);
void add_shards_command(CLI::App& app, const GlobalOptions& global, RunFn& run);
void add_serve_command(CLI::App& app, const GlobalOptions& global, RunFn& run);
void add_check_command(CLI::App& app, const GlobalOptions& global, RunFn& run);
void add_completion_command(CLI::App& app, const GlobalOptions& global, RunFn& run);

}  // namespace byline::cli

#endif  // BYLINE_CLI_COMMAND_H
