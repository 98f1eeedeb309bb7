// Defaults in one file, read by CLI11's own config support (TOML, or INI):
// $XDG_CONFIG_HOME/byline/config (else ~/.config/byline/config), or the file
// --config names. Top-level keys are the global options (db, color,
// no-pager); a [search] (or [show], [index], ...) section holds the options
// of that subcommand, by their long names:
//
//   db = "/srv/news/index"
//   color = "never"
//   [search]
//   limit = 20
//   format = "json"
//
// Precedence: command line > environment (BYLINE_DB) > file > built-in
// (for db: index_choice.h).
#ifndef BYLINE_CLI_CONFIG_FILE_H
#define BYLINE_CLI_CONFIG_FILE_H

#include <CLI/CLI.hpp>

#include <optional>
#include <string>

namespace byline::cli {

// $XDG_CONFIG_HOME/byline/config, else $HOME/.config/byline/config, else "".
std::string default_config_path();

// Adds --config FILE (default: default_config_path(), read only when it
// exists; a FILE given on the command line must exist) and makes a key the
// app does not know an error. The file's top-level db is not applied but
// put in `file_db` (which must outlive the app) for choose_index. Call
// before adding the subcommands: they inherit how the file is read.
void add_config_file_option(CLI::App& app, std::optional<std::string>& file_db);

// Whether a parse error comes from the config file (then it is reported as
// "config file PATH: why").
bool is_config_error(const CLI::ParseError& error);

// The error in Byline's words ("unknown option or unreadable line 'x'").
std::string config_error_text(const CLI::ParseError& error);

// The config file that was read or asked for (for messages).
std::string config_file_in_use(const CLI::App& app);

}  // namespace byline::cli

#endif  // BYLINE_CLI_CONFIG_FILE_H
