// `byline shards list|add|remove`: the shards of a sharded index (its
// XAPIANDB stub). Local shards come from `byline index --jobs/--shards`;
// remote ones, served by `xapian-tcpsrv --port PORT SHARD_FOLDER`, are added
// and removed here. `list` opens each shard: exit 1 when one cannot be opened.
#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "byline/shards.h"
#include "command.h"
#include "diagnostics.h"

namespace byline::cli {
namespace {

int run_list(const std::string& db, bool json) {
  std::vector<ShardInfo> shards = list_shards(db);
  bool all_open = true;
  nlohmann::json out = nlohmann::json::array();
  for (const ShardInfo& s : shards) {
    all_open = all_open && s.documents.has_value();
    if (json) {
      out.push_back({{"name", s.name},
                     {"remote", s.remote},
                     {"documents", s.documents ? nlohmann::json(*s.documents) : nlohmann::json(nullptr)},
                     {"error", s.documents ? nlohmann::json(nullptr) : nlohmann::json(s.error)}});
    } else if (s.documents) {
      std::cout << s.name << '\t' << (s.remote ? "remote" : "local") << '\t' << *s.documents << " documents\n";
    } else {
      std::cout << s.name << '\t' << (s.remote ? "remote" : "local") << "\tunavailable: " << s.error << '\n';
    }
  }
  if (json) std::cout << out.dump(2) << '\n';
  std::cout.flush();
  return all_open ? kExitOk : kExitPartial;
}

}  // namespace

void add_shards_command(CLI::App& app, const GlobalOptions& global, RunFn& run) {
  auto* cmd = app.add_subcommand("shards", "List the shards of the index, or add and remove remote ones");
  cmd->require_subcommand(1);
  cmd->footer(
      "A remote shard is a shard folder served with 'xapian-tcpsrv --port PORT FOLDER' (add --interface to choose "
      "the address it listens on). Searches reach it with a timeout of $BYLINE_REMOTE_TIMEOUT seconds (default 5).");
  auto json = std::make_shared<bool>(false);
  auto* list = cmd->add_subcommand("list", "One line per shard: name, local or remote, documents");
  list->add_flag("--json", *json, "Print a JSON array");
  list->callback([&run, &global, json] { run = [&global, json] { return run_list(global.db, *json); }; });

  auto addresses = std::make_shared<std::vector<std::string>>();
  auto* add = cmd->add_subcommand("add", "Add remote shards to the index's stub (creating it if there is none)");
  add->add_option("address", *addresses, "tcp://HOST:PORT or HOST:PORT")->required();
  add->callback([&run, &global, addresses] {
    run = [&global, addresses] {
      for (const std::string& a : *addresses) add_remote_shard(global.db, a);
      return kExitOk;
    };
  });
  auto removed = std::make_shared<std::vector<std::string>>();
  auto* remove = cmd->add_subcommand("remove", "Remove remote shards from the index's stub");
  remove->add_option("address", *removed, "tcp://HOST:PORT or HOST:PORT")->required();
  remove->callback([&run, &global, removed] {
    run = [&global, removed] {
      for (const std::string& a : *removed) remove_remote_shard(global.db, a);
      return kExitOk;
    };
  });
}

}  // namespace byline::cli
