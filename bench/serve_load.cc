// bench_serve_load: `byline serve` under load against the same searches run
// in-process through the library, in one run on one index.
//
//   bench_serve_load DB QUERIES PORT [--clients N] [--seconds S] [--writer-pages DIR --byline BIN]
//
// Three phases of S seconds, each with N concurrent clients going through
// QUERIES (bench_make_queries' list) from different starting points:
//   in_process   each client its own byline::Searcher; a request is the
//                search plus its JSON (cli::search_json): what the server does
//                without HTTP
//   http         each client one keep-alive connection to the server on
//                127.0.0.1:PORT, GET /api/search with the same options
//   http_writing the same while `BIN --db DB index --batch 20 DIR` adds pages
//                (its commits are what the server must see without failing)
// Both sides run the same cli::SearchRequest (limit 10, default snippets),
// after one untimed pass over the queries.
// Prints one JSON object: per phase requests, requests/s, p50/p99 latency
// (microseconds), errors; and the ratios http / in_process.
#include <fcntl.h>
#include <httplib.h>
#include <spawn.h>
#include <sys/wait.h>

#include <atomic>
#include <exception>
#include <iostream>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "bench_common.h"
#include "byline/byline.h"
#include "query_spec.h"
#include "render_json.h"
#include "search_request.h"

extern char** environ;

namespace byline::bench {
namespace {

constexpr const char* kProgram = "bench_serve_load";

cli::SearchRequest to_request(const QuerySpec& spec) {
  cli::SearchRequest request;
  request.words = {query_words_text(spec)};
  request.type = spec.type;
  if (!spec.author.empty()) request.query.author = spec.author;
  if (!spec.year.empty()) request.query.since = request.query.until = spec.year;
  return request;
}

httplib::Params to_params(const QuerySpec& spec) {
  httplib::Params params{{"q", query_words_text(spec)}};
  if (!spec.type.empty()) params.emplace("type", spec.type);
  if (!spec.author.empty()) params.emplace("author", spec.author);
  if (!spec.year.empty()) {
    params.emplace("since", spec.year);
    params.emplace("until", spec.year);
  }
  return params;
}

struct Phase {
  std::size_t requests = 0;
  std::size_t errors = 0;
  double seconds = 0;
  std::vector<double> micros;
};

// Runs `clients` threads for `seconds`; each calls request(client, query)
// for the queries in turn (client c starts at query c * size / clients),
// which returns false on an error.
template <typename Request>
Phase run_phase(const std::vector<QuerySpec>& queries, int clients, double seconds, Request request) {
  std::vector<Phase> each(static_cast<std::size_t>(clients));
  std::atomic<bool> stop{false};
  std::vector<std::thread> threads;
  const auto start = Clock::now();
  for (int c = 0; c < clients; ++c) {
    threads.emplace_back([&, c] {
      Phase& mine = each[static_cast<std::size_t>(c)];
      std::size_t next = static_cast<std::size_t>(c) * queries.size() / static_cast<std::size_t>(clients);
      while (!stop) {
        const QuerySpec& spec = queries[next++ % queries.size()];
        const auto begin = Clock::now();
        bool ok = request(c, spec);
        mine.micros.push_back(seconds_since(begin) * 1e6);
        ++mine.requests;
        if (!ok) ++mine.errors;
      }
    });
  }
  std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
  stop = true;
  for (auto& t : threads) t.join();
  Phase total;
  total.seconds = seconds_since(start);
  for (Phase& p : each) {
    total.requests += p.requests;
    total.errors += p.errors;
    total.micros.insert(total.micros.end(), p.micros.begin(), p.micros.end());
  }
  return total;
}

nlohmann::json phase_json(const Phase& phase) {
  LatencySummary latency = summarise(phase.micros);
  return {{"requests", phase.requests},
          {"errors", phase.errors},
          {"requests_per_second", static_cast<double>(phase.requests) / phase.seconds},
          {"latency_us", to_json(latency)}};
}

// Starts `byline --db DB index --batch 20 DIR` (output discarded); its pid.
pid_t start_writer(const std::string& byline, const std::string& db, const std::string& pages) {
  std::vector<std::string> args = {byline, "--db", db, "index", "--batch", "20", "-j", "1", pages};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  int rc = posix_spawn(&pid, byline.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) throw std::runtime_error("cannot start " + byline);
  return pid;
}

int run(int argc, char** argv) {
  std::vector<std::string> positional;
  int clients = 4;
  double seconds = 10;
  std::string writer_pages, byline_binary;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) throw std::runtime_error(arg + " needs a value");
      return argv[++i];
    };
    if (arg == "--clients") {
      clients = std::stoi(value());
    } else if (arg == "--seconds") {
      seconds = std::stod(value());
    } else if (arg == "--writer-pages") {
      writer_pages = value();
    } else if (arg == "--byline") {
      byline_binary = value();
    } else {
      positional.push_back(arg);
    }
  }
  if (positional.size() != 3 || clients < 1 || seconds <= 0 || writer_pages.empty() != byline_binary.empty())
    return usage_error(kProgram,
                       "usage: bench_serve_load DB QUERIES PORT [--clients N] [--seconds S] "
                       "[--writer-pages DIR --byline BIN]");
  const std::string db = positional[0];
  const int port = std::stoi(positional[2]);
  auto queries = load_queries(positional[1]);
  if (queries.empty()) return usage_error(kProgram, "no queries in " + positional[1]);

  // In-process: one Searcher per client, opened before the clock starts.
  std::vector<std::unique_ptr<Searcher>> searchers;
  for (int c = 0; c < clients; ++c) searchers.push_back(std::make_unique<Searcher>(db));
  std::size_t sink = 0;
  std::mutex sink_mutex;
  // One untimed pass over the queries first, so that neither side pays for
  // reading the index from disk.
  for (const QuerySpec& spec : queries) {
    Query query = cli::to_query(to_request(spec));
    sink += searchers.front()->search(query).hits.size();
  }
  Phase in_process = run_phase(queries, clients, seconds, [&](int c, const QuerySpec& spec) {
    try {
      Query query = cli::to_query(to_request(spec));
      std::string json = cli::search_json(query, searchers[static_cast<std::size_t>(c)]->search(query));
      std::lock_guard<std::mutex> lock(sink_mutex);
      sink += json.size();
      return true;
    } catch (const std::exception&) {
      return false;
    }
  });

  std::vector<std::unique_ptr<httplib::Client>> connections;
  for (int c = 0; c < clients; ++c) {
    connections.push_back(std::make_unique<httplib::Client>("127.0.0.1", port));
    connections.back()->set_keep_alive(true);
    connections.back()->set_tcp_nodelay(true);
    connections.back()->set_read_timeout(30, 0);
  }
  auto over_http = [&](int c, const QuerySpec& spec) {
    httplib::Result r = connections[static_cast<std::size_t>(c)]->Get("/api/search", to_params(spec), {});
    if (!r || r->status != 200) return false;
    std::lock_guard<std::mutex> lock(sink_mutex);
    sink += r->body.size();
    return true;
  };
  Phase http = run_phase(queries, clients, seconds, over_http);

  nlohmann::json out = {{"program", kProgram},
                        {"clients", clients},
                        {"seconds_per_phase", seconds},
                        {"queries", queries.size()},
                        {"in_process", phase_json(in_process)},
                        {"http", phase_json(http)}};
  if (!writer_pages.empty()) {
    pid_t writer = start_writer(byline_binary, db, writer_pages);
    Phase writing = run_phase(queries, clients, seconds, over_http);
    int status = 0;
    bool still_running = waitpid(writer, &status, WNOHANG) == 0;
    if (still_running) waitpid(writer, &status, 0);  // let it finish its pages: never kill a writer
    out["http_writing"] = phase_json(writing);
    out["writer"] = {{"exit_code", WIFEXITED(status) ? WEXITSTATUS(status) : -1},
                     {"ran_through_the_phase", still_running}};
  }
  LatencySummary local = summarise(in_process.micros), remote = summarise(http.micros);
  out["ratio_http_to_in_process"] = {
      {"requests_per_second", (static_cast<double>(http.requests) / http.seconds) /
                                  (static_cast<double>(in_process.requests) / in_process.seconds)},
      {"p50", remote.p50 / local.p50},
      {"p99", remote.p99 / local.p99}};
  out["bytes_read"] = sink;
  std::cout << out.dump(2) << std::endl;
  return 0;
}

}  // namespace
}  // namespace byline::bench

int main(int argc, char** argv) {
  try {
    return byline::bench::run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "bench_serve_load: " << e.what() << std::endl;
    return 1;
  }
}
