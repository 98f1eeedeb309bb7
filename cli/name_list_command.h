// What `byline authors` and `byline tags` share: the same options (a query
// with the filters of `byline search`, --sort, --format) and the same run,
// over Searcher::authors() or Searcher::tags().
#ifndef BYLINE_CLI_NAME_LIST_COMMAND_H
#define BYLINE_CLI_NAME_LIST_COMMAND_H

#include "command.h"

namespace byline::cli {

enum class NameList { Authors, Tags };

void add_name_list_command(CLI::App& app, const GlobalOptions& global, RunFn& run, NameList list);

}  // namespace byline::cli

#endif  // BYLINE_CLI_NAME_LIST_COMMAND_H
