// The library's errors name its own API (Query::until, IndexOptions::jobs,
// reshard_index()), so that an embedder knows which parameter is at fault. A
// person at the command line knows the flags instead: this puts each API name
// that has a flag into the flag's words before a message is shown.
#ifndef BYLINE_CLI_API_WORDS_H
#define BYLINE_CLI_API_WORDS_H

#include <string>

namespace byline::cli {

// `message` with every API name the CLI has an option for replaced by it
// ("Query::until: 2013-13 is not a date" -> "--until: 2013-13 is not a date").
std::string in_cli_words(std::string message);

}  // namespace byline::cli

#endif  // BYLINE_CLI_API_WORDS_H
