// `byline parse [--pretty] FILE...`: the parser's output as JSON, one object
// per page (one line each unless --pretty): one per page file, one per
// article record of a WARC archive. A file that cannot be read gives
// one "byline: PATH: reason" line on stderr and the others are still parsed;
// the exit status is then 1.
#include <cstdio>
#include <exception>
#include <memory>
#include <string>
#include <vector>

#include "byline/error.h"
#include "byline/page.h"
#include "byline/page_json.h"
#include "command.h"
#include "diagnostics.h"

namespace byline::cli {
namespace {

struct ParseOptions {
  std::vector<std::string> files;
  bool pretty = false;
};

// Parses one file and writes its whole JSON text at once (never a partial
// line), then flushes so a reader sees each page as soon as it is done.
// A WARC archive gives one object per HTML article it holds, with the
// record's URI as "source"; a damaged record is one error line.
bool parse_one(const std::string& path, bool pretty) {
  bool ok = true;
  try {
    read_file_pages(
        path,
        [&](const FilePage& page) {
          const std::string where = page.source == path ? path : path + ": " + page.source;
          for (const std::string& warning : page.result.warnings) print_warning(where + ": " + warning);
          std::string out = page_to_json(page.result.page, page.source, pretty);
          out += '\n';
          std::fwrite(out.data(), 1, out.size(), stdout);
          std::fflush(stdout);
        },
        [&](const std::string& problem) {
          print_error(path + ": " + problem);
          ok = false;
        });
  } catch (const IoError& e) {
    print_error(e.what());
    return false;
  }
  return ok;
}

}  // namespace

void add_parse_command(CLI::App& app, const GlobalOptions&, RunFn& run) {
  auto* cmd = app.add_subcommand(
      "parse", "Parse news pages (text, HTML, WARC archives) and print their structure as JSON, one line per page");
  auto options = std::make_shared<ParseOptions>();
  cmd->add_option("files", options->files, "Page files (text, HTML) and WARC archives, also gzipped")->required();
  cmd->add_flag("--pretty", options->pretty, "Indent the JSON over several lines");
  cmd->callback([&run, options] {
    run = [options] {
      bool all_ok = true;
      for (const std::string& path : options->files) all_ok = parse_one(path, options->pretty) && all_ok;
      return all_ok ? kExitOk : kExitPartial;
    };
  });
}

}  // namespace byline::cli
