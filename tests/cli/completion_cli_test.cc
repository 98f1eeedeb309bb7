// `byline completion bash|zsh|fish`: each script is loaded in its shell and
// the shell is asked for completions as it asks when Tab is pressed: bash
// through COMP_WORDS/COMP_CWORD, zsh through its completion widget on a
// pseudo-terminal (tests/cli/zsh_complete.zsh), fish with `complete -C`.
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <cstdio>
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
  std::string out;  // stdout and stderr
};

ShellRun run_shell(const std::string& command) {
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  REQUIRE(pipe != nullptr);
  ShellRun run;
  char buffer[4096];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) run.out.append(buffer, n);
  int status = pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

bool have(const std::string& program) { return run_shell("command -v " + program + " >/dev/null").exit_code == 0; }

std::set<std::string> words_of(const std::string& text) {
  std::set<std::string> out;
  std::istringstream in(text);
  std::string word;
  while (in >> word) out.insert(word);
  return out;
}

struct BashFixture {
  TempDir dir;
  std::filesystem::path script = dir / "byline.bash";
  BashFixture() {
    RunResult r = run_byline({"completion", "bash"});
    REQUIRE(r.exit_code == 0);
    write_file(script, r.out);
  }
  // The completions bash offers for these words, the last being the one
  // under the cursor.
  std::set<std::string> complete(const std::vector<std::string>& words) {
    std::string array;
    for (const std::string& w : words) {
      array += ' ';
      array += shell_quoted(w);
    }
    // Built with += (a chain of + trips a GCC 12 -Wrestrict false positive).
    std::string program = "source ";
    program += shell_quoted(script.string());
    program += "; COMP_WORDS=(";
    program += array;
    program += "); COMP_CWORD=";
    program += std::to_string(words.size() - 1);
    program += "; _byline_complete; printf '%s\\n' \"${COMPREPLY[@]}\"";
    ShellRun run = run_shell("bash --norc --noprofile -c " + shell_quoted(program));
    INFO(run.out);
    REQUIRE(run.exit_code == 0);
    return words_of(run.out);
  }
};

// The subcommands and options `byline [SUB] --help` lists.
std::set<std::string> help_words(const std::vector<std::string>& command, bool subcommands) {
  std::vector<std::string> args = command;
  args.push_back("--help");
  RunResult r = run_byline(args);
  REQUIRE(r.exit_code == 0);
  std::set<std::string> out;
  std::istringstream in(r.out);
  std::string line;
  bool in_subcommands = false;
  while (std::getline(in, line)) {
    if (line.rfind("Subcommands:", 0) == 0) in_subcommands = true;
    if (line.size() < 3 || line[0] != ' ' || line[2] == ' ') continue;
    std::string first = line.substr(2, line.find(' ', 2) - 2);
    if (subcommands && in_subcommands) out.insert(first);
    if (!subcommands && first[0] == '-') {
      // "-n,--limit", "--config=/x", "--format TEXT:..."
      std::string names = first.substr(0, first.find('='));
      std::size_t start = 0;
      while (start < names.size()) {
        std::size_t end = names.find(',', start);
        if (end == std::string::npos) end = names.size();
        out.insert(names.substr(start, end - start));
        start = end + 1;
      }
    }
  }
  return out;
}

}  // namespace

TEST_CASE("bash completion offers the subcommands and options of --help", "[cli][completion]") {
  BashFixture f;
  std::set<std::string> commands = f.complete({"byline", ""});
  std::set<std::string> listed = help_words({}, true);
  REQUIRE(listed.size() >= 9);
  CHECK(commands == listed);
  CHECK(f.complete({"byline", "se"}) == std::set<std::string>{"search", "serve"});
  for (const std::string& sub : listed) {
    if (sub == "shards") continue;  // its own subcommands, below
    std::set<std::string> options = f.complete({"byline", sub, "-"});
    for (const std::string& option : help_words({sub}, false)) {
      INFO(sub << " " << option);
      CHECK(options.count(option) == 1);
    }
    // The global options work after the subcommand too.
    CHECK(options.count("--db") == 1);
  }
  CHECK(f.complete({"byline", "shards", ""}) == std::set<std::string>{"add", "list", "remove"});
  CHECK(f.complete({"byline", "shards", "list", "--j"}) == std::set<std::string>{"--json"});
}

TEST_CASE("bash completion offers option values and query fields", "[cli][completion]") {
  BashFixture f;
  CHECK(f.complete({"byline", "search", "--format", "j"}) == std::set<std::string>{"json", "jsonl"});
  CHECK(f.complete({"byline", "show", "--format", ""}) == std::set<std::string>{"json", "text"});
  CHECK(f.complete({"byline", "--color", ""}) == std::set<std::string>{"always", "auto", "never"});
  CHECK(f.complete({"byline", "search", "--sort", ""}) == std::set<std::string>{"newest", "oldest", "relevance"});
  CHECK(f.complete({"byline", "completion", ""}) == std::set<std::string>{"bash", "fish", "zsh"});
  // Option values are skipped when finding the subcommand: in "--db search
  // search", the first "search" is a folder.
  CHECK(f.complete({"byline", "--db", "search", "search", "aut"}) == std::set<std::string>{"author:"});
  CHECK(f.complete({"byline", "--db", "search", "se"}) == std::set<std::string>{"search", "serve"});
  std::set<std::string> fields = f.complete({"byline", "search", ""});
  for (const char* field : {"title:", "author:", "tag:", "date:", "type:article", "type:comment"})
    CHECK(fields.count(field) == 1);
  CHECK(f.complete({"byline", "search", "type:c"}) == std::set<std::string>{"type:comment"});
  // With ':' in COMP_WORDBREAKS (bash's default), "type:a" arrives as three words.
  CHECK(f.complete({"byline", "search", "type", ":", "a"}) == std::set<std::string>{"article"});
  CHECK(f.complete({"byline", "search", "type", ":"}) == std::set<std::string>{"article", "comment"});
  // --db completes folders.
  std::filesystem::create_directories(f.dir / "an-index-folder");
  CHECK(f.complete({"byline", "--db", (f.dir / "an-index").string()}) ==
        std::set<std::string>{(f.dir / "an-index-folder").string()});
}

TEST_CASE("the bash script registers itself for `byline`", "[cli][completion]") {
  BashFixture f;
  ShellRun run = run_shell("bash --norc --noprofile -c " +
                           shell_quoted("source " + shell_quoted(f.script.string()) + "; complete -p byline"));
  CHECK(run.exit_code == 0);
  CHECK(run.out.find("complete -F _byline_complete byline") != std::string::npos);
}

TEST_CASE("the zsh and fish scripts parse and load in their shells", "[cli][completion]") {
  TempDir dir;
  for (const std::string& shell : {std::string("zsh"), std::string("fish")}) {
    RunResult r = run_byline({"completion", shell});
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("search") != std::string::npos);
    write_file(dir / ("byline." + shell), r.out);
  }
  // scripts/install-deps.sh installs both shells; without them this fails
  // rather than passing unchecked.
  REQUIRE(have("zsh"));
  REQUIRE(have("fish"));
  std::string zsh_script = (dir / "byline.zsh").string();
  ShellRun zsh_parse = run_shell("zsh -n " + shell_quoted(zsh_script));
  INFO(zsh_parse.out);
  CHECK(zsh_parse.exit_code == 0);
  // Loaded by compinit like a file on $fpath: defines _byline and registers it.
  ShellRun zsh_load =
      run_shell("zsh -f -c " + shell_quoted("autoload -Uz compinit && compinit -u -D && source " +
                                            shell_quoted(zsh_script) + " && print -r -- $_comps[byline]"));
  INFO(zsh_load.out);
  CHECK(zsh_load.exit_code == 0);
  CHECK(zsh_load.out.find("_byline") != std::string::npos);
  std::string fish_script = (dir / "byline.fish").string();
  ShellRun fish_parse = run_shell("fish --no-execute " + shell_quoted(fish_script));
  INFO(fish_parse.out);
  CHECK(fish_parse.exit_code == 0);
  // Loaded, fish completes the subcommands and --format's values.
  ShellRun fish_complete =
      run_shell("HOME=" + shell_quoted(dir.path().string()) + " fish --no-config -c " +
                shell_quoted("source " + shell_quoted(fish_script) +
                             "; complete -C 'byline sea'; complete -C 'byline search --format j'"));
  INFO(fish_complete.out);
  CHECK(fish_complete.out.find("search") != std::string::npos);
  CHECK(fish_complete.out.find("jsonl") != std::string::npos);
}

namespace {

// zsh and fish are installed by scripts/install-deps.sh; without them these
// tests fail rather than pass unchecked.
struct ShellFixture {
  TempDir dir;
  std::filesystem::path zsh_script = dir / "_byline";
  std::filesystem::path fish_script = dir / "byline.fish";
  ShellFixture() {
    REQUIRE(have("zsh"));
    REQUIRE(have("fish"));
    for (const auto& [shell, path] : {std::pair{"zsh", zsh_script}, std::pair{"fish", fish_script}}) {
      RunResult r = run_byline({"completion", shell});
      REQUIRE(r.exit_code == 0);
      write_file(path, r.out);
    }
  }

  // What zsh offers at the end of `line` (a Tab on a pseudo-terminal).
  std::set<std::string> zsh(const std::string& line) {
    ShellRun run = run_shell("timeout 30 zsh -f " + shell_quoted(source_path("tests/cli/zsh_complete.zsh").string()) +
                             " " + shell_quoted(zsh_script.string()) + " " + shell_quoted(line) + " " +
                             shell_quoted((dir / "zcompdump").string()));
    INFO("zsh: " << line << ": " << run.out);
    REQUIRE(run.exit_code == 0);
    return words_of(run.out);
  }

  // What fish offers for each line (`complete -C`, candidates without
  // their descriptions), in one fish.
  std::vector<std::set<std::string>> fish(const std::vector<std::string>& lines) {
    std::string program = "source " + shell_quoted(fish_script.string());
    for (const std::string& line : lines) program += "; complete -C " + shell_quoted(line) + "; echo '<NEXT>'";
    ShellRun run = run_shell("HOME=" + shell_quoted(dir.path().string()) + " timeout 30 fish --no-config -c " +
                             shell_quoted(program));
    INFO("fish: " << run.out);
    REQUIRE(run.exit_code == 0);
    std::vector<std::set<std::string>> out(1);
    std::istringstream in(run.out);
    std::string row;
    while (std::getline(in, row)) {
      if (row == "<NEXT>") {
        out.emplace_back();
        continue;
      }
      std::string candidate = row.substr(0, row.find('\t'));
      if (!candidate.empty()) out.back().insert(candidate);
    }
    out.pop_back();  // after the last <NEXT>
    REQUIRE(out.size() == lines.size());
    return out;
  }
};

}  // namespace

TEST_CASE("zsh completion offers subcommands, options, option values and query fields", "[cli][completion]") {
  ShellFixture f;
  std::set<std::string> listed = help_words({}, true);
  REQUIRE(listed.size() >= 9);
  CHECK(f.zsh("byline ") == listed);
  CHECK(f.zsh("byline se") == std::set<std::string>{"search", "serve"});
  CHECK(f.zsh("byline shards ") == std::set<std::string>{"add", "list", "remove"});
  // Every option --help lists, for the subcommands people type most.
  for (const std::string sub : {"search", "index", "show"}) {
    std::set<std::string> options = f.zsh("byline " + sub + " -");
    for (const std::string& option : help_words({sub}, false)) {
      INFO(sub << " " << option);
      CHECK(options.count(option) == 1);
    }
  }
  CHECK(f.zsh("byline --co") == std::set<std::string>{"--color", "--config"});
  CHECK(f.zsh("byline search --format j") == std::set<std::string>{"json", "jsonl"});
  CHECK(f.zsh("byline --color ") == std::set<std::string>{"always", "auto", "never"});
  CHECK(f.zsh("byline search aut") == std::set<std::string>{"author:"});
  CHECK(f.zsh("byline search type:") == std::set<std::string>{"type:article", "type:comment"});
  std::set<std::string> fields = f.zsh("byline search missile ");
  for (const char* field : {"title:", "author:", "tag:", "date:", "type:article", "type:comment"}) {
    INFO(field);
    CHECK(fields.count(field) == 1);
  }
}

TEST_CASE("fish completion offers subcommands, options, option values and query fields", "[cli][completion]") {
  ShellFixture f;
  std::set<std::string> listed = help_words({}, true);
  REQUIRE(listed.size() >= 9);
  std::vector<std::string> subs(listed.begin(), listed.end());
  std::vector<std::string> lines = {"byline ",
                                    "byline se",
                                    "byline shards ",
                                    "byline --co",
                                    "byline search --format j",
                                    "byline --color ",
                                    "byline search aut",
                                    "byline search type:",
                                    "byline search missile ",
                                    "byline completion "};
  for (const std::string& sub : subs) lines.push_back("byline " + sub + " -");
  std::vector<std::set<std::string>> got = f.fish(lines);
  CHECK(got[0] == listed);
  CHECK(got[1] == std::set<std::string>{"search", "serve"});
  CHECK(got[2] == std::set<std::string>{"add", "list", "remove"});
  CHECK(got[3] == std::set<std::string>{"--color", "--config"});
  CHECK(got[4] == std::set<std::string>{"json", "jsonl"});
  CHECK(got[5] == std::set<std::string>{"always", "auto", "never"});
  CHECK(got[6] == std::set<std::string>{"author:"});
  CHECK(got[7] == std::set<std::string>{"type:article", "type:comment"});
  for (const char* field : {"title:", "author:", "tag:", "date:", "type:article", "type:comment"}) {
    INFO(field);
    CHECK(got[8].count(field) == 1);
  }
  CHECK(got[9] == std::set<std::string>{"bash", "fish", "zsh"});
  for (std::size_t i = 0; i < subs.size(); ++i) {
    if (subs[i] == "shards") continue;  // its own subcommands, above
    for (const std::string& option : help_words({subs[i]}, false)) {
      INFO(subs[i] << " " << option);
      CHECK(got[10 + i].count(option) == 1);
    }
  }
}
