// Helpers shared by the benchmark programs: the archive's page list, timing,
// latency percentiles, the warm-up/timed query loop and JSON output.
#ifndef BYLINE_BENCH_COMMON_H
#define BYLINE_BENCH_COMMON_H

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "query_spec.h"

namespace byline::bench {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start);

// Every *.txt file under `archive` (recursively, hidden entries skipped), in
// sorted order, so every engine sees the pages in the same order.
std::vector<std::string> list_pages(const std::string& archive);

// Latency percentiles (nearest rank) in microseconds.
struct LatencySummary {
  std::size_t count = 0;
  double p50 = 0, p95 = 0, p99 = 0, max = 0, mean = 0;
};
LatencySummary summarise(std::vector<double> micros);
nlohmann::json to_json(const LatencySummary& summary);

// One query as an engine runs it: returns the number of hits it read (which
// also keeps the work from being optimised away).
using RunQueryFn = std::function<std::size_t(const QuerySpec&, bool with_snippets)>;

struct QueryLoopOptions {
  int warmup_passes = 1;
  int timed_passes = 3;
};

struct QueryLoopResult {
  LatencySummary with_snippets;
  LatencySummary without_snippets;
  double mean_returned = 0;  // hits read per query (at most the page size)
};

// Runs the warm-up passes untimed, then the timed passes; each pass runs every
// query with snippets and then every query without, so both modes see the
// same cache state.
QueryLoopResult run_query_loop(const std::vector<QuerySpec>& queries, const QueryLoopOptions& options,
                               const RunQueryFn& run);

// Exact match counts (an untimed pass): their mean, and how many queries
// matched nothing.
struct MatchCounts {
  double mean = 0;
  std::size_t zero = 0;
};
MatchCounts count_matches(const std::vector<QuerySpec>& queries,
                          const std::function<std::uint64_t(const QuerySpec&)>& count);

// This process's peak resident set size, in MB.
double peak_rss_mb();

// Parses "--name value" options after the positional arguments; unknown
// options are an error (returned as false with `why`).
struct Options {
  std::vector<std::string> positional;
  int warmup = 1;
  int passes = 3;
};
bool parse_options(int argc, char** argv, int first, Options& out, std::string& why);

// Prints a one-line error to stderr and returns exit status 2.
int usage_error(const std::string& program, const std::string& message);

}  // namespace byline::bench

#endif  // BYLINE_BENCH_COMMON_H
