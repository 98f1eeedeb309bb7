#include "bench_common.h"

#include <sys/resource.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <iostream>
#include <numeric>

namespace fs = std::filesystem;

namespace byline::bench {

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

std::vector<std::string> list_pages(const std::string& archive) {
  std::vector<std::string> pages;
  auto options = fs::directory_options::skip_permission_denied;
  for (auto it = fs::recursive_directory_iterator(archive, options); it != fs::recursive_directory_iterator(); ++it) {
    const std::string name = it->path().filename().string();
    if (!name.empty() && name.front() == '.') {
      if (it->is_directory()) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file() && it->path().extension() == ".txt") pages.push_back(it->path().string());
  }
  std::sort(pages.begin(), pages.end());
  return pages;
}

LatencySummary summarise(std::vector<double> micros) {
  LatencySummary out;
  out.count = micros.size();
  if (micros.empty()) return out;
  std::sort(micros.begin(), micros.end());
  // Nearest rank: the smallest value with at least q of the values at or below it.
  auto rank = [&](double q) {
    auto index = static_cast<std::size_t>(std::ceil(q * static_cast<double>(micros.size())));
    return micros[std::clamp<std::size_t>(index, 1, micros.size()) - 1];
  };
  out.p50 = rank(0.50);
  out.p95 = rank(0.95);
  out.p99 = rank(0.99);
  out.max = micros.back();
  out.mean = std::accumulate(micros.begin(), micros.end(), 0.0) / static_cast<double>(micros.size());
  return out;
}

nlohmann::json to_json(const LatencySummary& s) {
  return {{"count", s.count}, {"p50_us", s.p50}, {"p95_us", s.p95},
          {"p99_us", s.p99},  {"max_us", s.max}, {"mean_us", s.mean}};
}

QueryLoopResult run_query_loop(const std::vector<QuerySpec>& queries, const QueryLoopOptions& options,
                               const RunQueryFn& run) {
  for (int pass = 0; pass < options.warmup_passes; ++pass) {
    for (const auto& query : queries) {
      run(query, true);
      run(query, false);
    }
  }
  std::vector<double> with, without;
  std::size_t returned = 0;
  for (int pass = 0; pass < options.timed_passes; ++pass) {
    for (bool snippets : {true, false}) {
      auto& sink = snippets ? with : without;
      for (const auto& query : queries) {
        auto start = Clock::now();
        std::size_t hits = run(query, snippets);
        sink.push_back(seconds_since(start) * 1e6);
        if (snippets) returned += hits;
      }
    }
  }
  QueryLoopResult result;
  result.with_snippets = summarise(std::move(with));
  result.without_snippets = summarise(std::move(without));
  if (!queries.empty() && options.timed_passes > 0)
    result.mean_returned = static_cast<double>(returned) / static_cast<double>(queries.size() * options.timed_passes);
  return result;
}

MatchCounts count_matches(const std::vector<QuerySpec>& queries,
                          const std::function<std::uint64_t(const QuerySpec&)>& count) {
  MatchCounts out;
  double total = 0;
  for (const auto& query : queries) {
    std::uint64_t n = count(query);
    total += static_cast<double>(n);
    if (n == 0) ++out.zero;
  }
  if (!queries.empty()) out.mean = total / static_cast<double>(queries.size());
  return out;
}

double peak_rss_mb() {
  struct rusage usage {};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

bool parse_options(int argc, char** argv, int first, Options& out, std::string& why) {
  for (int i = first; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--warmup" || arg == "--passes") {
      if (i + 1 >= argc) {
        why = arg + " needs a number";
        return false;
      }
      try {
        int value = std::stoi(argv[++i]);
        if (value < 0) throw std::out_of_range("negative");
        (arg == "--warmup" ? out.warmup : out.passes) = value;
      } catch (const std::exception&) {
        why = arg + ": not a number: " + argv[i];
        return false;
      }
    } else if (arg.rfind("--", 0) == 0) {
      why = "unknown option " + arg;
      return false;
    } else {
      out.positional.push_back(arg);
    }
  }
  return true;
}

int usage_error(const std::string& program, const std::string& message) {
  std::cerr << program << ": " << message << "\n";
  return 2;
}

}  // namespace byline::bench
