// Shell completion scripts for bash, zsh and fish, written from the app's
// outline (app_outline.h): subcommands, options, the values of options that
// take one of a set, and in search queries the field names (author:, date:,
// title:, tag:, type:article|comment).
#ifndef BYLINE_CLI_COMPLETION_SCRIPTS_H
#define BYLINE_CLI_COMPLETION_SCRIPTS_H

#include <string>
#include <vector>

#include "app_outline.h"

namespace byline::cli {

inline const std::vector<std::string> kShellNames = {"bash", "zsh", "fish"};

// The fields of the query language (searcher/src/query_builder.h), as they
// are completed in `byline search` queries.
inline const std::vector<std::string> kQueryFieldWords = {
    "title:", "author:", "tag:", "date:", "type:article", "type:comment"};

std::string bash_completion(const CommandOutline& app);
std::string zsh_completion(const CommandOutline& app);
std::string fish_completion(const CommandOutline& app);

}  // namespace byline::cli

#endif  // BYLINE_CLI_COMPLETION_SCRIPTS_H
