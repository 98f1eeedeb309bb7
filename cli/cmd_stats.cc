// `byline stats [--format text|json]`: what the index holds, and which index
// that is and why (--db, BYLINE_DB, the config file or the default). Opens
// the index read-only (never waits for a writer). Exit 3 when there is no
// usable index.
#include <iostream>

#include "byline/stats.h"
#include "command.h"
#include "render_json.h"
#include "render_text.h"
#include "size_text.h"
#include "terminal_text.h"

namespace byline::cli {
namespace {

// "12 (2 skipped: 1 binary, 1 too large)", in the words of `byline index`.
std::string files_text(const IndexStats& s) {
  std::string out = std::to_string(s.files);
  if (files_skipped(s) == 0) return out;
  return out + " (" + std::to_string(files_skipped(s)) + " skipped: " +
         skipped_reasons_text({s.files_skipped_binary, s.files_skipped_too_large, s.files_skipped_not_article, 0}) +
         ")";
}

// "--db", "BYLINE_DB", "config file PATH" or "default ($XDG_DATA_HOME/...)".
std::string chosen_by_text(const GlobalOptions& global) {
  if (global.db_chosen_by == "config") return "config file " + global.db_config_file;
  if (global.db_chosen_by == "default")
    return "default ($XDG_DATA_HOME/byline/index, else ~/.local/share/byline/index)";
  return global.db_chosen_by;
}

void print_text(const IndexStats& s, const GlobalOptions& global) {
  // The index's metadata and dates come from archive text: printed safe.
  std::cout << "index:       " << terminal_safe(global.db) << '\n'
            << "chosen by:   " << terminal_safe(chosen_by_text(global)) << '\n'
            << "documents:   " << s.documents << '\n'
            << "articles:    " << s.articles << '\n'
            << "comments:    " << s.comments << '\n'
            << "authors:     " << s.authors << '\n'
            << "files:       " << files_text(s) << '\n'
            << "dates:       "
            << terminal_safe(s.first_date ? *s.first_date + " to " + s.last_date.value_or("?") : "none") << '\n'
            << "language:    " << terminal_safe(s.language) << '\n'
            << "stop words:  " << terminal_safe(s.stopwords) << '\n'
            << "schema:      " << s.schema_version << '\n'
            << "size:        " << size_text(s.size_bytes) << " (" << s.size_bytes << " bytes)\n";
}

}  // namespace

void add_stats_command(CLI::App& app, const GlobalOptions& global, RunFn& run) {
  auto* cmd = app.add_subcommand(
      "stats",
      "Show what the index holds, and which index that is and why (--db, BYLINE_DB, the config file or the default)");
  auto format = std::make_shared<std::string>("text");
  cmd->add_option("--format", *format, "Output format: text or json")
      ->capture_default_str()
      ->check(CLI::IsMember({"text", "json"}));
  cmd->callback([&run, &global, format] {
    run = [format, &global] {
      const std::string& db = global.db;
      IndexStats stats = index_stats(db);
      if (*format == "json")
        std::cout << stats_json(stats, db, IndexOrigin{global.db_chosen_by, global.db_config_file});
      else
        print_text(stats, global);
      return 0;
    };
  });
}

}  // namespace byline::cli
