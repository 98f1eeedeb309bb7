#include "config_file.h"

#include <cstdlib>
#include <memory>

namespace byline::cli {
namespace {

std::string non_empty_env(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr ? value : "";
}

// CLI11 applies the file before the environment, and an option set by the
// file no longer looks at the environment; the environment must win
// (BYLINE_DB over the file's db), so a top-level db leaves the file here
// when BYLINE_DB is set.
class ConfigUnderEnvironment : public CLI::ConfigTOML {
 public:
  std::vector<CLI::ConfigItem> from_config(std::istream& input) const override {
    std::vector<CLI::ConfigItem> items = CLI::ConfigTOML::from_config(input);
    if (non_empty_env("BYLINE_DB").empty()) return items;
    std::erase_if(items, [](const CLI::ConfigItem& item) { return item.parents.empty() && item.name == "db"; });
    return items;
  }
};

}  // namespace

std::string default_config_path() {
  std::string xdg = non_empty_env("XDG_CONFIG_HOME");
  // The XDG spec: a relative XDG_CONFIG_HOME is invalid and is ignored.
  if (!xdg.empty() && xdg.front() == '/') return xdg + "/byline/config";
  std::string home = non_empty_env("HOME");
  if (!home.empty()) return home + "/.config/byline/config";
  return "";
}

void add_config_file_option(CLI::App& app) {
  app.config_formatter(std::make_shared<ConfigUnderEnvironment>());
  app.allow_config_extras(CLI::config_extras_mode::error);
  app.set_config("--config", default_config_path(),
                 "Defaults for any option (TOML or INI; default: $XDG_CONFIG_HOME/byline/config, else "
                 "~/.config/byline/config, read when it exists)");
}

bool is_config_error(const CLI::ParseError& error) {
  return dynamic_cast<const CLI::ConfigError*>(&error) != nullptr ||
         dynamic_cast<const CLI::FileError*>(&error) != nullptr;
}

std::string config_file_in_use(const CLI::App& app) {
  const CLI::Option* option = app.get_config_ptr();
  if (option == nullptr) return "";
  if (option->count() > 0) return option->results().front();
  return option->get_default_str();
}

}  // namespace byline::cli

namespace byline::cli {

std::string config_error_text(const CLI::ParseError& error) {
  std::string text = error.what();
  // CLI11's words for a key or line the app does not know.
  const std::string unknown = "INI was not able to parse ";
  if (text.rfind(unknown, 0) == 0) return "unknown option or unreadable line '" + text.substr(unknown.size()) + "'";
  const std::string missing = " was not readable (missing?)";
  if (text.size() > missing.size() && text.compare(text.size() - missing.size(), missing.size(), missing) == 0)
    return "cannot be read (missing?)";
  return text;
}

}  // namespace byline::cli
