// byline_man OUT_DIR PROSE_DIR: writes byline.1 and one byline-NAME.1 per
// subcommand into OUT_DIR, from the same CLI11 app as the `byline` binary
// (app.h) and the hand-written prose in PROSE_DIR/<page>.roff. Run at build
// time (cli/man/CMakeLists.txt), so the pages follow every change of --help.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "app.h"
#include "app_outline.h"
#include "byline/version.h"
#include "man_page.h"

namespace {

std::string read_if_there(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

bool write_page(const std::filesystem::path& path, const std::string& text) {
  if (std::filesystem::exists(path) && read_if_there(path) == text) return true;  // keep the timestamp
  std::ofstream out(path, std::ios::binary);
  out << text;
  return static_cast<bool>(out);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: byline_man OUT_DIR PROSE_DIR\n";
    return 2;
  }
  const std::filesystem::path out_dir = argv[1], prose_dir = argv[2];
  std::filesystem::create_directories(out_dir);
  // Defaults as a reader's environment would have them, not the build's:
  // "~/.config/byline/config".
  setenv("HOME", "~", 1);
  unsetenv("XDG_CONFIG_HOME");
  unsetenv("BYLINE_DB");
  CLI::App app{"Byline: full-text search for archives of news pages", "byline"};
  byline::cli::GlobalOptions global;
  byline::cli::RunFn run;
  byline::cli::build_app(app, global, run);
  byline::cli::CommandOutline outline = byline::cli::outline_of(app);

  std::vector<std::string> paths = {""};
  for (const auto& sub : outline.subcommands) paths.push_back(sub.name);
  for (const std::string& path : paths) {
    std::string name = byline::cli::man_page_name(path);
    std::string prose = read_if_there(prose_dir / (name + ".roff"));
    std::string page = byline::cli::man_page(outline, path, prose, BYLINE_VERSION_STRING);
    if (!write_page(out_dir / (name + ".1"), page)) {
      std::cerr << "byline_man: cannot write " << (out_dir / (name + ".1")).string() << "\n";
      return 1;
    }
  }
  return 0;
}
