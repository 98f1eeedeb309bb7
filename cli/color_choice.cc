#include "color_choice.h"

#include <cstdlib>
#include <cstring>
#include <optional>

#include "terminal.h"

namespace byline::cli {
namespace {

std::optional<bool>& decision() {
  static std::optional<bool> value;
  return value;
}

}  // namespace

bool color_wanted(const std::string& choice, bool stdout_terminal) {
  if (choice == "always") return true;
  if (choice == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && *no_color != '\0') return false;
  const char* term = std::getenv("TERM");
  if (term != nullptr && std::strcmp(term, "dumb") == 0) return false;
  return stdout_terminal;
}

void decide_color(const std::string& choice) { decision() = color_wanted(choice, stdout_is_terminal()); }

const bool* decided_color() { return decision() ? &*decision() : nullptr; }

}  // namespace byline::cli
