#include "index_choice.h"

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>

#include "config_file.h"

namespace byline::cli {
namespace {

std::string env_value(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr ? value : "";
}

std::string home_folder() {
  std::string home = env_value("HOME");
  if (!home.empty()) return home;
  // As glib and git do when HOME is unset (a service's environment).
  if (const passwd* entry = getpwuid(getuid()); entry != nullptr && entry->pw_dir != nullptr) return entry->pw_dir;
  return "";
}

}  // namespace

std::string default_index_path() {
  std::string xdg = env_value("XDG_DATA_HOME");
  // The XDG spec: a relative XDG_DATA_HOME is invalid and is ignored.
  if (!xdg.empty() && xdg.front() == '/') return xdg + "/byline/index";
  std::string home = home_folder();
  if (!home.empty()) return home + "/.local/share/byline/index";
  return "byline-index";
}

void choose_index(const CLI::App& app, const CLI::Option& db_option, GlobalOptions& global) {
  global.db_config_file.clear();
  if (db_option.count() > 0) {
    global.db_chosen_by = "--db";  // global.db holds it already
    return;
  }
  if (std::string env = env_value("BYLINE_DB"); !env.empty()) {
    global.db = env;
    global.db_chosen_by = "BYLINE_DB";
  } else if (global.config_db) {
    global.db = *global.config_db;
    global.db_chosen_by = "config";
    global.db_config_file = config_file_in_use(app);
  } else {
    global.db = default_index_path();
    global.db_chosen_by = "default";
  }
}

}  // namespace byline::cli
