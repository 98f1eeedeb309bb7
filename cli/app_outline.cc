#include "app_outline.h"

namespace byline::cli {
namespace {

// CLI::IsMember describes itself as "{a,b,c}" after the value's type
// ("TEXT:{text,json}"); anything else has no fixed set of values.
std::vector<std::string> choices_in(const std::string& type_name) {
  std::size_t open = type_name.find('{');
  std::size_t close = type_name.rfind('}');
  if (open == std::string::npos || close == std::string::npos || close < open) return {};
  std::vector<std::string> out;
  std::string list = type_name.substr(open + 1, close - open - 1);
  std::size_t start = 0;
  while (start <= list.size()) {
    std::size_t end = list.find(',', start);
    if (end == std::string::npos) end = list.size();
    if (end > start) out.push_back(list.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

OptionOutline option_outline(const CLI::Option& option) {
  OptionOutline out;
  out.positional = option.get_positional();
  if (out.positional) {
    out.names.push_back(option.get_name(true, false));
  } else {
    for (const std::string& s : option.get_snames()) out.names.push_back("-" + s);
    for (const std::string& l : option.get_lnames()) out.names.push_back("--" + l);
  }
  std::string type_name = option.get_type_name();
  // A flag expects no value (CLI11's own test when it reads a config file).
  if (option.get_expected_min() != 0 || out.positional) {
    out.value = type_name.substr(0, type_name.find(':'));
    if (out.value.empty()) out.value = "FILE";  // --config: CLI11 gives it no type name
    out.choices = choices_in(type_name);
  }
  out.description = option.get_description();
  out.default_value = option.get_default_str();
  out.required = option.get_required();
  out.several = option.get_items_expected_max() > 1;
  return out;
}

}  // namespace

CommandOutline outline_of(const CLI::App& app) {
  CommandOutline out;
  out.name = app.get_name();
  out.description = app.get_description();
  out.footer = app.get_footer();
  // Positionals first, as in the synopsis; hidden options (no group) left out.
  for (bool positional : {true, false})
    for (const CLI::Option* option : app.get_options()) {
      if (option->get_group().empty() || option->get_positional() != positional) continue;
      out.options.push_back(option_outline(*option));
    }
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
    if (!sub->get_group().empty()) out.subcommands.push_back(outline_of(*sub));
  return out;
}

std::string main_name(const OptionOutline& option) {
  for (const std::string& name : option.names)
    if (name.rfind("--", 0) == 0) return name;
  return option.names.empty() ? "" : option.names.front();
}

}  // namespace byline::cli
