// `byline compact [--keep-shards]`: merges the shards of the index (or
// compacts a single database) into one compacted database (--keep-shards:
// compacts each shard on its own), keeping documents, settings and file
// states (see byline::compact_index). Exit 3 when a writer holds the index.
#include <cstdio>
#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "byline/shards.h"
#include "command.h"
#include "render_json.h"
#include "size_text.h"

namespace byline::cli {

void add_compact_command(CLI::App& app, const GlobalOptions& global, RunFn& run) {
  auto* cmd = app.add_subcommand("compact", "Merge the index's shards into one compacted database (waits for no one)");
  auto json = std::make_shared<bool>(false);
  auto keep = std::make_shared<bool>(false);
  cmd->add_flag("--json", *json, "Print the summary as one JSON object");
  cmd->add_flag("--keep-shards", *keep, "Compact each shard on its own instead of merging them");
  cmd->callback([&run, &global, json, keep] {
    run = [&global, json, keep] {
      CompactSummary s = compact_index(global.db, !*keep);
      if (*json) {
        nlohmann::json out = {{"format_version", kJsonFormatVersion},
                              {"db", global.db},
                              {"shards_before", s.shards_before},
                              {"documents", s.documents},
                              {"bytes_before", s.bytes_before},
                              {"bytes_after", s.bytes_after},
                              {"seconds", s.seconds}};
        std::cout << out.dump() << '\n';
      } else {
        std::printf("compacted %llu documents in %llu shard%s: %s -> %s in %.1f s\n",
                    static_cast<unsigned long long>(s.documents), static_cast<unsigned long long>(s.shards_before),
                    s.shards_before == 1 ? "" : "s", size_text(s.bytes_before).c_str(),
                    size_text(s.bytes_after).c_str(), s.seconds);
      }
      std::fflush(stdout);
      return kExitOk;
    };
  });
}

}  // namespace byline::cli
