#include "api_words.h"

#include <string_view>

namespace byline::cli {
namespace {

struct ApiWord {
  std::string_view api;
  std::string_view cli;
};

// Longer names first where one is the start of another ("Query::since..until"
// before "Query::since").
constexpr ApiWord kApiWords[] = {
    {"Query::since..until", "--since/--until"},
    {"Query::since", "--since"},
    {"Query::until", "--until"},
    {"Query::author", "--author"},
    {"Query::allow_partial", "--partial"},
    {"Query::limit", "--limit"},
    {"Query::offset", "--offset"},
    {"IndexOptions::batch_pages", "--batch"},
    {"IndexOptions::jobs", "--jobs"},
    {"IndexOptions::shards", "--shards"},
    {"reshard_index()", "byline index --reshard --shards N"},
};

}  // namespace

std::string in_cli_words(std::string message) {
  for (const ApiWord& word : kApiWords) {
    for (std::size_t at = message.find(word.api); at != std::string::npos;
         at = message.find(word.api, at + word.cli.size()))
      message.replace(at, word.api.size(), word.cli);
  }
  return message;
}

}  // namespace byline::cli
