// Usage errors that explain themselves: an unknown command or option names
// the closest valid one ("did you mean 'search'?"), and a query word that
// begins with '-' is told to come after "--". Counts given on the command
// line are whole numbers in range, never wrapped ("--offset -5").
#ifndef BYLINE_CLI_USAGE_HINTS_H
#define BYLINE_CLI_USAGE_HINTS_H

#include <CLI/CLI.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace byline::cli {

// The one-line message for a failed parse of `args` (argv without argv[0]):
// Byline's own words when the arguments show what is wrong, else CLI11's.
std::string usage_error_text(const CLI::App& app, const std::vector<std::string>& args, const CLI::ParseError& error);

// The name among `names` closest to `typed` (edit distance, a swap of two
// neighbours counting as one edit), or "" when none is close enough to be a
// typing slip.
std::string closest_name(std::string_view typed, const std::vector<std::string>& names);

// A check for an option: a whole number from `least` to `most`, written in
// digits alone ("must be a whole number from 1 to 1024, not '-2'").
CLI::Validator whole_number(unsigned long long least, unsigned long long most);

// Gives every unsigned-number option of `app` and its subcommands a check: a
// whole number (no sign: "-1" is not "unlimited"), at most `most` (and for
// the options named in `smaller`, at most their own bound).
struct NumberBound {
  std::string option;  // "--limit"
  unsigned long long most = 0;
};
void check_unsigned_options(CLI::App& app, unsigned long long most, const std::vector<NumberBound>& smaller);

}  // namespace byline::cli

#endif  // BYLINE_CLI_USAGE_HINTS_H
