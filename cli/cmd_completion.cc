// `byline completion bash|zsh|fish`: prints the shell's completion script,
// written from the app itself (completion_scripts.h), so that it offers
// exactly the subcommands and options of this binary.
#include <iostream>
#include <memory>

#include "app_outline.h"
#include "command.h"
#include "completion_scripts.h"

namespace byline::cli {

void add_completion_command(CLI::App& app, const GlobalOptions&, RunFn& run) {
  auto* cmd = app.add_subcommand("completion", "Print a shell completion script (bash, zsh or fish)");
  cmd->footer(
      "Load it with: source <(byline completion bash)  |  source <(byline completion zsh)  |  "
      "byline completion fish | source");
  auto shell = std::make_shared<std::string>();
  cmd->add_option("shell", *shell, "The shell")->required()->check(CLI::IsMember(kShellNames));
  cmd->callback([&run, &app, shell] {
    run = [&app, shell] {
      CommandOutline outline = outline_of(app);
      if (*shell == "bash") std::cout << bash_completion(outline);
      if (*shell == "zsh") std::cout << zsh_completion(outline);
      if (*shell == "fish") std::cout << fish_completion(outline);
      std::cout.flush();
      return std::cout ? kExitOk : kExitPartial;
    };
  });
}

}  // namespace byline::cli
