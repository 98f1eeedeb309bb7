// Which index folder a command uses, and why: --db on the command line, else
// $BYLINE_DB, else the config file's top-level `db`, else the built-in
// default $XDG_DATA_HOME/byline/index (~/.local/share/byline/index when
// XDG_DATA_HOME is unset, empty or relative, as the XDG spec says).
// `byline stats` prints the reason.
#ifndef BYLINE_CLI_INDEX_CHOICE_H
#define BYLINE_CLI_INDEX_CHOICE_H

#include <CLI/CLI.hpp>

#include <optional>
#include <string>

#include "command.h"

namespace byline::cli {

// $XDG_DATA_HOME/byline/index, else HOME's (from $HOME, else the password
// database) .local/share/byline/index, else "byline-index" (no home at all).
std::string default_index_path();

// Sets global.db and global.db_chosen_by after parsing. `db_option` is the
// --db option; the config file's db comes from global.config_db (the
// config reader puts it there, see config_file.h).
void choose_index(const CLI::App& app, const CLI::Option& db_option, GlobalOptions& global);

}  // namespace byline::cli

#endif  // BYLINE_CLI_INDEX_CHOICE_H
