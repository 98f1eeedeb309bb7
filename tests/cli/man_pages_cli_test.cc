// The man pages (generated at build time by cli/man/byline_man into
// BYLINE_MAN_DIR): one per subcommand, each renders with `man -l` without a
// warning, and every option --help lists is in its page.
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "test_support.h"

using namespace byline;
using namespace byline::test;

namespace {

std::string shell_quoted(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

struct ShellRun {
  int exit_code = -1;
  std::string out;
};

ShellRun run_shell(const std::string& command) {
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  ShellRun run;
  char buffer[4096];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) run.out.append(buffer, n);
  int status = pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

std::filesystem::path page(const std::string& name) { return std::filesystem::path(BYLINE_MAN_DIR) / (name + ".1"); }

// The page as man shows it, plain text (no overstrike, no hyphenation at
// line ends so that option names stay whole).
std::string rendered(const std::string& name) {
  ShellRun run = run_shell("MANWIDTH=200 MAN_KEEP_FORMATTING= man --nh --nj -l " + shell_quoted(page(name).string()) +
                           " 2>/dev/null | col -b");
  REQUIRE(run.exit_code == 0);
  return run.out;
}

// Lines of `byline [SUB] --help` that start with an option or subcommand.
std::vector<std::string> help_entries(const std::vector<std::string>& command, bool subcommands) {
  std::vector<std::string> args = command;
  args.push_back("--help");
  RunResult r = run_byline(args);
  REQUIRE(r.exit_code == 0);
  std::vector<std::string> out;
  std::istringstream in(r.out);
  std::string line;
  bool in_subcommands = false;
  while (std::getline(in, line)) {
    if (line.rfind("Subcommands:", 0) == 0) in_subcommands = true;
    if (line.size() < 3 || line[0] != ' ' || line[2] == ' ') continue;
    std::string first = line.substr(2, line.find(' ', 2) - 2);
    if (subcommands && in_subcommands) out.push_back(first);
    if (!subcommands && first[0] == '-') {
      std::string names = first.substr(0, first.find('='));
      std::size_t start = 0;
      while (start < names.size()) {
        std::size_t end = names.find(',', start);
        if (end == std::string::npos) end = names.size();
        out.push_back(names.substr(start, end - start));
        start = end + 1;
      }
    }
  }
  return out;
}

}  // namespace

TEST_CASE("there is a man page for byline and for each subcommand of --help", "[cli][man]") {
  std::vector<std::string> subcommands = help_entries({}, true);
  REQUIRE(subcommands.size() >= 9);
  CHECK(std::filesystem::exists(page("byline")));
  for (const std::string& sub : subcommands) {
    INFO(sub);
    CHECK(std::filesystem::exists(page("byline-" + sub)));
  }
}

TEST_CASE("every man page renders with man -l without a warning", "[cli][man]") {
  int pages = 0;
  for (const auto& entry : std::filesystem::directory_iterator(BYLINE_MAN_DIR)) {
    if (entry.path().extension() != ".1") continue;
    ++pages;
    ShellRun run =
        run_shell("MANWIDTH=80 man --warnings=all -l " + shell_quoted(entry.path().string()) + " 2>&1 >/dev/null");
    INFO(entry.path().string() << "\n" << run.out);
    CHECK(run.exit_code == 0);
    CHECK(run.out.empty());
  }
  CHECK(pages >= 10);
}

TEST_CASE("every option of every --help is in its man page", "[cli][man]") {
  std::vector<std::string> subcommands = help_entries({}, true);
  std::vector<std::pair<std::string, std::vector<std::string>>> commands = {{"byline", {}}};
  for (const std::string& sub : subcommands) commands.push_back({"byline-" + sub, {sub}});
  commands.push_back({"byline-shards", {"shards", "add"}});
  commands.push_back({"byline-shards", {"shards", "list"}});
  for (const auto& [name, command] : commands) {
    std::string text = rendered(name);
    for (const std::string& option : help_entries(command, false)) {
      INFO(name << ": " << option);
      CHECK(text.find(option) != std::string::npos);
    }
    // And the page says what every exit status means.
    for (const char* status : {"EXIT STATUS", "0", "1", "2", "3"}) CHECK(text.find(status) != std::string::npos);
  }
}

TEST_CASE("byline-search(1) documents the whole query language", "[cli][man]") {
  std::string text = rendered("byline-search");
  for (const char* part : {"title:",    "author:",      "tag:",          "type:", "date:",    "NEAR",        "OR",
                           "NOT",       "\"a phrase\"", "prefix*",       "page:", "on:(",     "discussed:(", "reply:(",
                           "last-week", "BYLINE_NOW",   "--exit-status", "jsonl", "RFC 4180", "EXAMPLES"}) {
    INFO(part);
    CHECK(text.find(part) != std::string::npos);
  }
}
