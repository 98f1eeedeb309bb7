// `byline serve`: the HTTP API and search page of server/, started with the
// command line's options. Exit 0 after SIGTERM or SIGINT (the requests in
// flight are answered first), 1 when it cannot listen.
#include <memory>

#include "command.h"
#include "http_server.h"

namespace byline::cli {

void add_serve_command(CLI::App& app, const GlobalOptions& global, RunFn& run) {
  auto* cmd = app.add_subcommand("serve", "Serve a JSON search API and a search page over HTTP (read-only)");
  auto options = std::make_shared<server::ServerOptions>();
  cmd->add_option("--bind", options->bind, "Address to listen on (loopback unless you ask otherwise)")
      ->capture_default_str();
  cmd->add_option("--port", options->port, "TCP port (0: any free port; the line on stderr says which)")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  cmd->add_option("--threads", options->threads, "Worker threads (0: the number of cores, at least 4)")
      ->check(CLI::Range(0u, 1024u))
      ->capture_default_str();
  cmd->add_option(
         "--time-limit", options->time_limit,
         "Each search's time budget in seconds: after it, totals and facets are estimates; a match still running at "
         "twice it is abandoned without hits (\"time_limited\" in the JSON)")
      ->check(CLI::Range(0.001, 3600.0))
      ->capture_default_str();
  cmd->add_option("--max-limit", options->max_limit, "Largest number of hits a request gets (larger limits are cut)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{10000}))
      ->capture_default_str();
  cmd->callback([&run, &global, options] {
    run = [&global, options] {
      options->db = global.db;
      options->db_chosen_by = global.db_chosen_by;
      options->db_config_file = global.db_config_file;
      server::serve(*options);
      return kExitOk;
    };
  });
}

}  // namespace byline::cli
