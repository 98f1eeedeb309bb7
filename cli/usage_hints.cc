#include "usage_hints.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <limits>

namespace byline::cli {
namespace {

// Optimal string alignment distance: insertions, deletions, substitutions
// and swaps of neighbours ("serach" -> "search" is one edit).
std::size_t edit_distance(std::string_view a, std::string_view b) {
  const std::size_t n = a.size(), m = b.size();
  std::vector<std::vector<std::size_t>> d(n + 1, std::vector<std::size_t>(m + 1));
  for (std::size_t i = 0; i <= n; ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= m; ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[n][m];
}

bool is_option_word(const std::string& arg) { return arg.size() > 1 && arg[0] == '-'; }

// An option's value comes as the next argument unless it is given "--name=value".
bool takes_separate_value(const CLI::Option& option, const std::string& arg) {
  return option.get_expected_min() > 0 && arg.find('=') == std::string::npos;
}

const CLI::Option* find_option(const CLI::App& app, const std::string& name) {
  for (const CLI::App* level = &app; level != nullptr; level = level->get_parent()) {
    if (const CLI::Option* option = level->get_option_no_throw(name)) return option;
  }
  return nullptr;
}

// "-qv": short flags given together.
bool is_short_flags(const CLI::App& app, const std::string& arg) {
  if (arg.size() < 3 || arg[1] == '-') return false;
  for (std::size_t i = 1; i < arg.size(); ++i) {
    const CLI::Option* option = find_option(app, std::string("-") + arg[i]);
    if (option == nullptr || option->get_expected_min() > 0) return false;
  }
  return true;
}

std::vector<std::string> command_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
    if (!sub->get_name().empty()) names.push_back(sub->get_name());
  return names;
}

const CLI::App* find_command(const CLI::App& app, const std::string& name) {
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
    if (sub->get_name() == name) return sub;
  return nullptr;
}

// "--limit", "-n", ... of a command and of the commands above it (their
// options are accepted after it too).
std::vector<std::string> option_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* level = &app; level != nullptr; level = level->get_parent()) {
    for (const CLI::Option* option : level->get_options()) {
      for (const std::string& name : option->get_lnames()) names.push_back("--" + name);
      for (const std::string& name : option->get_snames()) names.push_back("-" + name);
    }
  }
  return names;
}

std::string listed(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& name : names) out += (out.empty() ? "" : ", ") + name;
  return out;
}

// "byline search" for the search command.
std::string command_path(const CLI::App& app) {
  std::string path;
  for (const CLI::App* level = &app; level != nullptr; level = level->get_parent())
    path = level->get_name() + (path.empty() ? "" : " ") + path;
  return path;
}

bool needs_command(const CLI::App& command) { return command.get_require_subcommand_min() > 0; }

// "search: MESSAGE" for a message about the search command; top level as it is.
std::string in_command(const CLI::App& command, const std::string& message) {
  if (command.get_parent() == nullptr) return message;
  return command_path(command).substr(std::string("byline ").size()) + ": " + message;
}

bool takes_free_words(const CLI::App& command) {
  for (const CLI::Option* option : command.get_options())
    if (option->get_positional()) return true;
  return false;
}

std::string unknown_option(const CLI::App& command, const std::string& arg) {
  const std::string name = arg.substr(0, arg.find('='));
  std::string out = "unknown option '" + name + "'";
  std::string close = closest_name(name, option_names(command));
  // "-limit" for "--limit".
  if (close.empty() && name.rfind("--", 0) != 0) close = closest_name("-" + name, option_names(command));
  if (!close.empty()) out += " (did you mean '" + close + "'?)";
  if (name.rfind("--", 0) != 0 && takes_free_words(command))
    out += "; to give a word that begins with '-', put -- before it: " + command_path(command) + " -- " + arg;
  return out + " (see '" + command_path(command) + " --help')";
}

std::string unknown_command(const CLI::App& app, const std::string& word) {
  std::string out = "unknown command '" + word + "'";
  const std::string close = closest_name(word, command_names(app));
  if (!close.empty()) return out + " (did you mean '" + close + "'?)";
  return out + " (commands: " + listed(command_names(app)) + ")";
}

// Whole number checks for unsigned options (see check_unsigned_options).
std::string whole_number_problem(const std::string& value, unsigned long long least, unsigned long long most) {
  const std::string range = "must be a whole number from " + std::to_string(least) + " to " + std::to_string(most);
  if (value.empty() || !std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return range + ", not '" + value + "'";
  unsigned long long n = 0;
  for (char c : value) {
    const unsigned digit = static_cast<unsigned>(c - '0');
    if (n > (std::numeric_limits<unsigned long long>::max() - digit) / 10) return range + ", not " + value;
    n = n * 10 + digit;
  }
  if (n < least || n > most) return range + ", not " + value;
  return "";
}

}  // namespace

std::string closest_name(std::string_view typed, const std::vector<std::string>& names) {
  std::string best;
  std::size_t best_distance = std::numeric_limits<std::size_t>::max();
  for (const std::string& name : names) {
    const std::size_t distance = edit_distance(typed, name);
    if (distance < best_distance) {
      best_distance = distance;
      best = name;
    }
  }
  // A slip, not another word: at most 2 edits, and fewer than half the letters.
  const std::size_t letters = std::max(typed.size(), best.size());
  if (best.empty() || best_distance > 2 || best_distance * 2 >= letters) return "";
  return best;
}

std::string usage_error_text(const CLI::App& app, const std::vector<std::string>& args, const CLI::ParseError& error) {
  const CLI::App* command = &app;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--") break;
    if (is_option_word(arg)) {
      const CLI::Option* option = find_option(*command, arg.substr(0, arg.find('=')));
      if (option == nullptr && is_short_flags(*command, arg)) continue;
      if (option == nullptr) return in_command(*command, unknown_option(*command, arg));
      if (takes_separate_value(*option, arg)) ++i;
      continue;
    }
    // A word: a command (of the command chosen so far), else a value.
    if (const CLI::App* sub = find_command(*command, arg)) {
      command = sub;
      continue;
    }
    if (needs_command(*command)) return in_command(*command, unknown_command(*command, arg));
  }
  if (needs_command(*command))
    return in_command(*command, "a command is required (one of: " + listed(command_names(*command)) + "; see '" +
                                    command_path(*command) + " --help')");
  return in_command(*command, std::string(error.what()) + " (see '" + command_path(*command) + " --help')");
}

CLI::Validator whole_number(unsigned long long least, unsigned long long most) {
  return CLI::Validator([least, most](std::string& value) { return whole_number_problem(value, least, most); }, "",
                        "whole number");
}

void check_unsigned_options(CLI::App& app, unsigned long long most, const std::vector<NumberBound>& smaller) {
  for (CLI::Option* option : app.get_options()) {
    if (option->get_type_name() != "UINT") continue;
    unsigned long long bound = most;
    for (const NumberBound& b : smaller)
      if (option->check_name(b.option)) bound = std::min(bound, b.most);
    option->check(whole_number(0, bound));
  }
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) check_unsigned_options(*sub, most, smaller);
}

}  // namespace byline::cli
