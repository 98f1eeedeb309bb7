// The output formats of `byline search` (--format) and its --exit-status:
// text for people (render_text.h), one JSON object (render_json.h), and the
// formats for pipes: jsonl (one hit per line; with --thread, one group), csv (RFC 4180, with a header
// row), ids (one document id per line) and files (each hit's source once,
// one per line, for xargs).
#ifndef BYLINE_CLI_OUTPUT_FORMAT_H
#define BYLINE_CLI_OUTPUT_FORMAT_H

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "byline/query.h"
#include "byline/results.h"

namespace byline::cli {

inline const std::vector<std::string> kSearchFormats = {"text", "json", "jsonl", "csv", "ids", "files"};

struct SearchOutput {
  std::string format = "text";  // one of kSearchFormats
  bool exit_status = false;     // --exit-status: no match is exit status 1
};

// Registers --format and --exit-status on `byline search`.
void add_search_output_options(CLI::App& search, SearchOutput& output);

// The whole output of one search in `format`. A source file name with a
// line break or another control character cannot be one line of `files`:
// it is left out and named in `unlisted` (the caller warns).
std::string search_output(const std::string& format, const Query& query, const Results& results, bool color,
                          std::vector<std::string>& unlisted);

// Each format on its own (search_output picks one).
std::string search_jsonl(const Query& query, const Results& results);
std::string search_csv(const Results& results);
std::string search_ids(const Results& results);
std::string search_files(const Results& results, std::vector<std::string>& unlisted);

// One CSV field as RFC 4180 writes it: quoted (quotes doubled) when it holds
// a comma, a quote, a CR or an LF; as it is otherwise.
std::string csv_field(const std::string& value);

// The exit status of a search that ran: kExitPartial when output could not
// be written, shards were missing, or (with --exit-status) nothing matched;
// kExitOk otherwise.
int search_exit_status(const SearchOutput& output, const Results& results, bool output_written);

}  // namespace byline::cli

#endif  // BYLINE_CLI_OUTPUT_FORMAT_H
