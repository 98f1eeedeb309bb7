// The pager: `byline search` and `byline show` on a terminal (a
// pseudo-terminal made by util-linux `script`) send their text output to
// $PAGER, here a small command that records what it was given.
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include "../searcher/search_fixtures.h"
#include "test_support.h"

using namespace byline;
using namespace byline::test;

namespace {

std::string shell_quoted(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

struct TerminalRun {
  int exit_code = -1;
  std::string screen;  // what the terminal showed (stdout and stderr)
};

// Runs `command` (a shell command line) with stdin, stdout and stderr on a
// pseudo-terminal; `script -e` returns the command's exit status.
TerminalRun in_terminal(const std::string& command) {
  std::string line = "script -q -e -c " + shell_quoted(command) + " /dev/null </dev/null 2>&1";
  FILE* pipe = popen(line.c_str(), "r");
  REQUIRE(pipe != nullptr);
  TerminalRun run;
  char buffer[4096];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) run.screen.append(buffer, n);
  int status = pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

struct PagerFixture {
  TempDir dir;
  std::string db = build_fixture_index(dir, fixture_pages());
  std::filesystem::path paged = dir / "paged.txt";
  // PAGER records its input into paged.txt.
  std::string recording_pager() const { return "PAGER=" + shell_quoted("cat > " + shell_quoted(paged.string())); }
  std::string byline(const std::string& args) const {
    return shell_quoted(BYLINE_BINARY) + " --db " + shell_quoted(db) + " " + args;
  }
};

}  // namespace

TEST_CASE("on a terminal, search output goes through $PAGER, colour included", "[cli][pager]") {
  PagerFixture f;
  TerminalRun run = in_terminal(f.recording_pager() + " " + f.byline("search sanctions"));
  INFO(run.screen);
  CHECK(run.exit_code == 0);
  REQUIRE(std::filesystem::exists(f.paged));
  std::string paged = read_file(f.paged);
  CHECK(paged.find("3 matches") != std::string::npos);
  CHECK(paged.find("sanctions.txt") != std::string::npos);
  // --color=auto decided for the terminal before the pager took stdout.
  CHECK(paged.find("\x1b[1m") != std::string::npos);
  CHECK(run.screen.find("sanctions.txt") == std::string::npos);
}

TEST_CASE("on a terminal, show output goes through $PAGER", "[cli][pager]") {
  PagerFixture f;
  RunResult ids = run_byline({"--db", f.db, "search", "sanctions", "--format", "ids", "-n", "1"});
  REQUIRE(ids.exit_code == 0);
  std::string id = ids.out.substr(0, ids.out.find('\n'));
  TerminalRun run = in_terminal(f.recording_pager() + " " + f.byline("show " + shell_quoted(id)));
  INFO(run.screen);
  CHECK(run.exit_code == 0);
  REQUIRE(std::filesystem::exists(f.paged));
  CHECK(read_file(f.paged).find("source: sanctions.txt") != std::string::npos);
}

TEST_CASE("no pager with --no-pager, PAGER=cat, --format json, or when stdout is not a terminal", "[cli][pager]") {
  PagerFixture f;
  for (const std::string& args :
       {std::string("search sanctions --no-pager"), std::string("--no-pager search sanctions"),
        std::string("search sanctions --format json")}) {
    TerminalRun run = in_terminal(f.recording_pager() + " " + f.byline(args));
    INFO(args << "\n" << run.screen);
    CHECK(run.exit_code == 0);
    CHECK_FALSE(std::filesystem::exists(f.paged));
    CHECK(run.screen.find("sanctions.txt") != std::string::npos);
  }
  TerminalRun cat = in_terminal("PAGER=cat " + f.byline("search sanctions"));
  CHECK(cat.screen.find("sanctions.txt") != std::string::npos);
  // A pipe: the recording pager is never started.
  RunResult piped =
      run_byline({"--db", f.db, "search", "sanctions"}, {"PAGER=cat > " + shell_quoted(f.paged.string())});
  CHECK(piped.exit_code == 0);
  CHECK(piped.out.find("sanctions.txt") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(f.paged));
}

TEST_CASE("without PAGER the pager is less -FRX", "[cli][pager]") {
  PagerFixture f;
  // A `less` first on PATH that records its arguments and its input.
  std::filesystem::path bin = f.dir / "bin";
  write_file(bin / "less", "#!/bin/sh\necho \"$@\" > " + shell_quoted((f.dir / "args.txt").string()) + "\ncat > " +
                               shell_quoted(f.paged.string()) + "\n");
  std::filesystem::permissions(bin / "less", std::filesystem::perms::owner_all);
  TerminalRun run =
      in_terminal("unset PAGER; PATH=" + shell_quoted(bin.string()) + ":\"$PATH\" " + f.byline("search sanctions"));
  INFO(run.screen);
  CHECK(run.exit_code == 0);
  REQUIRE(std::filesystem::exists(f.dir / "args.txt"));
  CHECK(read_file(f.dir / "args.txt") == "-FRX\n");
  CHECK(read_file(f.paged).find("sanctions.txt") != std::string::npos);
}

TEST_CASE("a pager that is not there is a warning, and the output is printed", "[cli][pager]") {
  PagerFixture f;
  TerminalRun run = in_terminal("PAGER=no-such-pager-here " + f.byline("search sanctions"));
  CHECK(run.exit_code == 0);
  CHECK(run.screen.find("byline: warning: pager 'no-such-pager-here' not found") != std::string::npos);
  CHECK(run.screen.find("sanctions.txt") != std::string::npos);
}

TEST_CASE("through the pager, exit statuses and error messages are kept", "[cli][pager]") {
  PagerFixture f;
  TerminalRun none = in_terminal(f.recording_pager() + " " + f.byline("search nothingmatchesthis --exit-status"));
  CHECK(none.exit_code == 1);
  TerminalRun bad = in_terminal(f.recording_pager() + " " + f.byline("search date:2013-13"));
  CHECK(bad.exit_code == 2);
  CHECK(bad.screen.find("byline: ") != std::string::npos);
}
