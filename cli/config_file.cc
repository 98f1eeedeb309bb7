#include "config_file.h"

#include <cstdlib>
#include <memory>
#include <optional>

namespace byline::cli {
namespace {

std::string non_empty_env(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr ? value : "";
}

// The file's top-level db is taken out of what CLI11 applies and kept for
// choose_index (index_choice.h): CLI11 would apply it before the
// environment, and an option it sets no longer tells whether the command
// line gave it; the order (--db > BYLINE_DB > file > default) and the
// reason `byline stats` prints are decided there.
class ConfigKeepingDb : public CLI::ConfigTOML {
 public:
  explicit ConfigKeepingDb(std::optional<std::string>* db) : db_(db) {}
  std::vector<CLI::ConfigItem> from_config(std::istream& input) const override {
    std::vector<CLI::ConfigItem> items = CLI::ConfigTOML::from_config(input);
    std::erase_if(items, [this](const CLI::ConfigItem& item) {
      // One value; anything else stays for CLI11 to refuse as it would.
      if (!item.parents.empty() || item.name != "db" || item.inputs.size() != 1) return false;
      *db_ = item.inputs.front();
      return true;
    });
    return items;
  }

 private:
  std::optional<std::string>* db_;
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

void add_config_file_option(CLI::App& app, std::optional<std::string>& file_db) {
  app.config_formatter(std::make_shared<ConfigKeepingDb>(&file_db));
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
