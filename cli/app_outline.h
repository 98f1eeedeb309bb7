// What a CLI11 app offers, as plain data: its subcommands and their options,
// read from the app itself. The man page generator (man/) and
// `byline completion` both write from this outline, so a new option or
// subcommand appears in --help, the man pages and the completions at once.
#ifndef BYLINE_CLI_APP_OUTLINE_H
#define BYLINE_CLI_APP_OUTLINE_H

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace byline::cli {

struct OptionOutline {
  std::vector<std::string> names;    // "-n", "--limit"; a positional: its name ("query")
  std::string value;                 // "" for a flag; else CLI11's name of the value ("INT", "TEXT")
  std::vector<std::string> choices;  // the accepted values, when CLI::IsMember lists them
  std::string description;
  std::string default_value;  // as --help shows it, "" when none is shown
  bool positional = false;
  bool required = false;
  bool several = false;  // takes more than one value
};

struct CommandOutline {
  std::string name;  // "byline" for the app itself
  std::string description;
  std::string footer;
  std::vector<OptionOutline> options;  // in the order --help lists them, positionals first
  std::vector<CommandOutline> subcommands;
};

CommandOutline outline_of(const CLI::App& app);

// "--limit" (the long name), else the first name.
std::string main_name(const OptionOutline& option);

}  // namespace byline::cli

#endif  // BYLINE_CLI_APP_OUTLINE_H
