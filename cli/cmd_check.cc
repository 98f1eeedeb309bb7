// `byline check [--fix]`: verifies the index (byline/check.h) and prints one
// line per finding on stdout, then a summary line. Exit 0 when no damage is
// left (leftovers alone are not damage), 3 when some is.
#include <iostream>
#include <memory>

#include "byline/check.h"
#include "command.h"
#include "diagnostics.h"

namespace byline::cli {
namespace {

std::string finding_line(const CheckFinding& f) {
  std::string line = (f.kind == CheckFinding::Kind::Damage ? "damage:   " : "leftover: ") + f.where + ": " + f.what;
  if (!f.fix.empty()) line += " -- " + f.fix;
  return one_line(line);
}

}  // namespace

void add_check_command(CLI::App& app, const GlobalOptions& global, RunFn& run) {
  auto* cmd = app.add_subcommand("check", "Verify the index; with --fix, repair what is safe to repair");
  cmd->footer(
      "Checks every local shard with Xapian's own check of its tables, the schema and settings metadata, that "
      "every comment's page has its article, that the file states match the documents, and that the stub "
      "(XAPIANDB) lists shards that exist. Prints one line per finding: 'damage:' (exit 3) or 'leftover:' (the "
      "temporary folders of a compact or reshard that was killed; not damage). Remote shards are not checked "
      "(check them where they are served).\n\n"
      "--fix repairs only what is safe: it removes leftover temporary folders whose process is gone, erases file "
      "states that do not match their documents (the next 'byline index' of the same inputs re-reads those "
      "files), and recreates, empty, a shard folder that the stub lists but that is missing (its documents are "
      "gone: the next 'byline index' re-adds them). It refuses damaged tables, missing or mismatched settings, a "
      "stub that cannot be read and shard folders the stub does not list: rebuild the index ('byline index' into "
      "a new --db) or restore a copy. Exit 0 when no damage is left, 3 otherwise.");
  auto fix = std::make_shared<bool>(false);
  cmd->add_flag("--fix", *fix, "Repair what is safe to repair (see below)");
  cmd->callback([&run, &global, fix] {
    run = [&global, fix] {
      CheckOptions options;
      options.fix = *fix;
      CheckReport report = check_index(global.db, options);
      std::size_t damage = 0;
      std::size_t repaired = 0;
      for (const CheckFinding& f : report.findings) {
        std::cout << finding_line(f) << '\n';
        if (f.kind == CheckFinding::Kind::Damage) ++damage;
        if (f.kind == CheckFinding::Kind::Damage && f.fixed) ++repaired;
      }
      std::string summary = "index " + global.db + ": " + std::to_string(report.shards_checked) +
                            (report.shards_checked == 1 ? " shard, " : " shards, ") +
                            std::to_string(report.documents_checked) + " documents checked";
      if (report.remote_shards_skipped != 0)
        summary += ", " + std::to_string(report.remote_shards_skipped) + " remote not checked";
      if (damage == 0)
        summary += ": no damage";
      else
        summary += ": " + std::to_string(damage) + (damage == 1 ? " problem" : " problems") +
                   (options.fix ? ", " + std::to_string(repaired) + " repaired" : "");
      std::cout << one_line(summary) << '\n';
      std::cout.flush();
      if (report.clean()) return kExitOk;
      print_error("index " + global.db + ": damaged (" + std::to_string(damage - repaired) +
                  (damage - repaired == 1 ? " problem" : " problems") + " listed above)");
      return kExitIndex;
    };
  });
}

}  // namespace byline::cli
