// `byline index PATH...`: adds page files (text, HTML), WARC archives, JSON
// Lines files and folders of them to the index, incrementally (see
// Indexer::add_paths). Files of vanished pages are pruned unless --no-prune.
//
// Output: errors and warnings on stderr as they happen ("byline: PATH:
// reason"), a progress line on stderr when it is a terminal, then a one-line
// summary on stdout (--quiet: none; --json: one JSON object instead).
// --verbose also writes one line per file on stderr.
//
// --reshard --shards N first redistributes the index's documents into N
// local shards (byline::reshard_index: a progress line on a terminal, then
// its own summary line, or a "reshard" member in the --json object); PATHS
// are then optional, and when given are indexed into the new shards.
//
// Exit status: 0 all inputs indexed; 1 some inputs failed (the rest is
// indexed); 2 bad usage (unknown language, a language other than the
// index's); 3 index locked by another writer or unusable; 130 (SIGINT) or
// 143 (SIGTERM) when interrupted: the file being read is finished and
// committed, the summary printed, and the next run picks up from there.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <memory>
#include <thread>

#include <nlohmann/json.hpp>

#include "byline/indexer.h"
#include "byline/shards.h"
#include "command.h"
#include "diagnostics.h"
#include "progress.h"
#include "render_json.h"
#include "render_text.h"
#include "terminal.h"
#include "usage_hints.h"

namespace byline::cli {
namespace {

struct IndexCommandOptions {
  std::vector<std::string> paths;
  std::string language;
  std::string stopwords;
  std::size_t batch = IndexOptions{}.batch_pages;
  std::string format = "auto";
  std::size_t jobs = std::max(1u, std::thread::hardware_concurrency());
  std::size_t shards = 0;
  bool no_prune = false;
  bool prune_flag = false;  // --prune: the default, accepted for old scripts
  std::uint64_t max_file_bytes = IndexOptions{}.max_file_bytes;
  bool reshard = false;
  bool quiet = false;
  bool verbose = false;
  bool json = false;
};

// The indexer the signal handler stops, and the signal that stopped it.
std::atomic<Indexer*> g_running_indexer{nullptr};
volatile std::sig_atomic_t g_stop_signal = 0;

extern "C" void on_stop_signal(int signal_number) {
  g_stop_signal = signal_number;
  if (Indexer* indexer = g_running_indexer.load()) indexer->stop();
}

// Installs the handlers for the lifetime of a run. SA_RESETHAND: a second
// Ctrl-C kills at once (what is committed stays consistent).
class StopSignals {
 public:
  explicit StopSignals(Indexer& indexer) {
    g_running_indexer.store(&indexer);
    struct sigaction action {};
    action.sa_handler = on_stop_signal;
    action.sa_flags = SA_RESETHAND;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, &old_int_);
    sigaction(SIGTERM, &action, &old_term_);
  }
  ~StopSignals() {
    sigaction(SIGINT, &old_int_, nullptr);
    sigaction(SIGTERM, &old_term_, nullptr);
    g_running_indexer.store(nullptr);
  }
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;

 private:
  struct sigaction old_int_ {};
  struct sigaction old_term_ {};
};

const char* outcome_name(FileOutcome outcome) {
  switch (outcome) {
    case FileOutcome::Indexed:
      return "indexed";
    case FileOutcome::Unchanged:
      return "unchanged";
    case FileOutcome::Removed:
      return "removed";
    case FileOutcome::Failed:
      return "failed";
    case FileOutcome::Skipped:
      return "skipped";
  }
  return "?";
}

double docs_per_second(const IndexSummary& s) {
  return s.seconds > 0 ? static_cast<double>(s.articles + s.comments) / s.seconds : 0;
}

// "; skipped 3: 2 binary, 1 too large" (nothing when nothing was skipped).
std::string skipped_text(const IndexSummary& s) {
  if (s.skipped() == 0) return "";
  return "; skipped " + std::to_string(s.skipped()) + ": " +
         skipped_reasons_text({s.skipped_binary, s.skipped_too_large, s.skipped_not_article, s.skipped_duplicate});
}

std::string removed_text(const IndexSummary& s) {
  if (s.removed == 0) return "";
  return "; " + std::to_string(s.removed_documents) + (s.removed_documents == 1 ? " document of " : " documents of ") +
         std::to_string(s.removed) + (s.removed == 1 ? " vanished file" : " vanished files") + " deleted";
}

void print_summary(const IndexSummary& s) {
  std::printf(
      "%s %llu pages (%llu articles, %llu comments) from %llu of %llu files; %llu unchanged, %llu removed, "
      "%llu failed%s%s; %.1f s, %.0f docs/s\n",
      s.interrupted ? "interrupted after indexing" : "indexed", static_cast<unsigned long long>(s.pages),
      static_cast<unsigned long long>(s.articles), static_cast<unsigned long long>(s.comments),
      static_cast<unsigned long long>(s.indexed), static_cast<unsigned long long>(s.files),
      static_cast<unsigned long long>(s.unchanged), static_cast<unsigned long long>(s.removed),
      static_cast<unsigned long long>(s.failed), skipped_text(s).c_str(), removed_text(s).c_str(), s.seconds,
      docs_per_second(s));
}

nlohmann::json reshard_json(const ReshardSummary& s) {
  return {{"resharded", s.resharded},
          {"shards_before", s.shards_before},
          {"shards_after", s.shards_after},
          {"documents", s.documents},
          {"files", s.files},
          {"seconds", s.seconds}};
}

void print_reshard_summary(const ReshardSummary& s, const std::string& db) {
  if (!s.resharded) {
    std::printf("index %s already has %llu local shard%s: nothing to reshard\n", one_line(db).c_str(),
                static_cast<unsigned long long>(s.shards_after), s.shards_after == 1 ? "" : "s");
    return;
  }
  std::printf("resharded %llu documents (%llu files) from %llu into %llu shards in %.1f s\n",
              static_cast<unsigned long long>(s.documents), static_cast<unsigned long long>(s.files),
              static_cast<unsigned long long>(s.shards_before), static_cast<unsigned long long>(s.shards_after),
              s.seconds);
}

// The progress line of a reshard, on stderr at most ten times a second.
ReshardSummary reshard_with_progress(const IndexCommandOptions& o, const std::string& db) {
  const bool shown = stderr_is_terminal() && !o.quiet;
  auto last_draw = std::chrono::steady_clock::time_point{};
  bool drawn = false;
  auto draw = [&](const ReshardProgress& p) {
    auto now = std::chrono::steady_clock::now();
    if (!shown || now - last_draw < std::chrono::milliseconds(100)) return;
    last_draw = now;
    drawn = true;
    std::fprintf(stderr, "\rresharding: %llu/%llu documents\x1b[K", static_cast<unsigned long long>(p.documents_done),
                 static_cast<unsigned long long>(p.documents_total));
    std::fflush(stderr);
  };
  ReshardSummary summary = reshard_index(db, static_cast<unsigned>(o.shards), draw);
  if (drawn) std::fprintf(stderr, "\r\x1b[K");
  return summary;
}

void print_json_summary(const IndexSummary& s, const std::string& db, const nlohmann::json& reshard) {
  nlohmann::json out = {{"format_version", kJsonFormatVersion},
                        {"db", db},
                        {"files", s.files},
                        {"indexed", s.indexed},
                        {"pages", s.pages},
                        {"articles", s.articles},
                        {"comments", s.comments},
                        {"unchanged", s.unchanged},
                        {"removed", s.removed},
                        {"removed_documents", s.removed_documents},
                        {"skipped",
                         {{"total", s.skipped()},
                          {"binary", s.skipped_binary},
                          {"too_large", s.skipped_too_large},
                          {"not_article", s.skipped_not_article},
                          {"duplicate", s.skipped_duplicate}}},
                        {"failed", s.failed},
                        {"warnings", s.warnings},
                        {"bytes", s.bytes},
                        {"interrupted", s.interrupted},
                        {"seconds", s.seconds},
                        {"docs_per_second", docs_per_second(s)}};
  if (!reshard.is_null()) out["reshard"] = reshard;
  std::cout << out.dump() << '\n';
}

int run_index(const IndexCommandOptions& o, const std::string& db) {
  nlohmann::json reshard;
  if (o.reshard) {
    ReshardSummary resharded = reshard_with_progress(o, db);
    reshard = reshard_json(resharded);
    if (o.paths.empty() && o.json)
      std::cout << nlohmann::json{{"format_version", kJsonFormatVersion}, {"db", db}, {"reshard", reshard}}.dump()
                << '\n';
    if (!o.json && !o.quiet) print_reshard_summary(resharded, db);
    std::fflush(stdout);
    if (o.paths.empty()) return kExitOk;
  }
  IndexOptions options;
  options.language = o.language;
  options.stopwords = o.stopwords;
  options.batch_pages = o.batch;
  options.prune = !o.no_prune;
  options.max_file_bytes = o.max_file_bytes;
  options.jobs = o.jobs;
  options.shards = o.shards;
  options.format = o.format == "page"    ? InputFormat::Page
                   : o.format == "jsonl" ? InputFormat::Jsonl
                                         : InputFormat::Auto;
  Indexer indexer(db, options);

  ProgressLine progress(stderr_is_terminal() && !o.quiet);
  IndexCallbacks callbacks;
  callbacks.on_error = [&](const std::string& message) {
    progress.clear();
    print_error(message);
  };
  callbacks.on_warning = [&](const std::string& message) {
    progress.clear();
    print_warning(message);
  };
  callbacks.on_progress = [&](const IndexProgress& p) { progress.update(p); };
  if (o.verbose) {
    callbacks.on_file = [&](const std::string& path, FileOutcome outcome, std::uint64_t documents) {
      progress.clear();
      std::fprintf(stderr, "byline: %s: %s (%llu documents)\n", one_line(path).c_str(), outcome_name(outcome),
                   static_cast<unsigned long long>(documents));
    };
  }

  IndexSummary summary;
  {
    StopSignals signals(indexer);
    summary = indexer.add_paths(o.paths, callbacks);
  }
  progress.clear();
  if (o.json)
    print_json_summary(summary, db, reshard);
  else if (!o.quiet)
    print_summary(summary);
  std::fflush(stdout);
  if (summary.interrupted) return 128 + (g_stop_signal != 0 ? static_cast<int>(g_stop_signal) : SIGINT);
  return summary.failed != 0 ? kExitPartial : kExitOk;
}

}  // namespace

void add_index_command(CLI::App& app, const GlobalOptions& global, RunFn& run) {
  auto* cmd = app.add_subcommand(
      "index", "Add pages (text, HTML), WARC archives, JSON Lines files and folders to the index (incremental)");
  auto o = std::make_shared<IndexCommandOptions>();
  cmd->add_option("paths", o->paths,
                  "Page files (*.txt, *.html, *.htm), WARC archives (*.warc, *.warc.gz), JSON Lines files (*.jsonl), "
                  "any of them gzipped, and folders (required unless --reshard)");
  cmd->add_option("--language", o->language,
                  "Stemming language of a new index: any Snowball language, or none (default english)");
  cmd->add_option("--stopwords", o->stopwords, "Stop words dropped from queries: english or none (default english)")
      ->check(CLI::IsMember({"english", "none"}));
  cmd->add_option("--batch", o->batch, "Pages per commit (a crash loses at most one batch)")
      ->capture_default_str()
      ->check(whole_number(1, 1000000000));
  cmd->add_option("--format", o->format,
                  "Input format: auto (in folders: *.txt, *.html, *.htm, *.warc, *.jsonl, also .gz), page or jsonl "
                  "(every file; text read in that format); HTML, WARC and binary files are told by their content")
      ->capture_default_str()
      ->check(CLI::IsMember({"auto", "page", "jsonl"}));
  cmd->add_option("-j,--jobs", o->jobs,
                  "Indexing threads; a new index gets one shard per thread (default: the number of cores)")
      ->capture_default_str()
      ->check(whole_number(1, 1024));
  auto* shards = cmd->add_option("--shards", o->shards,
                                 "Shards of a new index, when it should differ from --jobs (an existing index keeps "
                                 "its own unless --reshard)")
                     ->check(whole_number(1, 1024));
  cmd->add_flag("--reshard", o->reshard,
                "Redistribute the existing index's documents (and file states) into --shards N local shards "
                "before indexing PATHS, if any; remote shards are kept (exit 3 while a writer holds the index)")
      ->needs(shards);
  // Pruning is the default (as in notmuch and Recoll); --prune stays
  // accepted for scripts written when it was not.
  auto* no_prune = cmd->add_flag("--no-prune", o->no_prune,
                                 "Keep the documents of files under PATHS that no longer exist (default: remove them)");
  cmd->add_flag("--prune", o->prune_flag,
                "Remove the documents of files under PATHS that no longer exist (the default)")
      ->excludes(no_prune);
  cmd->add_option("--max-file-size", o->max_file_bytes,
                  "Skip page files larger than this (after decompression; WARC archives are not limited), "
                  "e.g. 500MB (default 256MiB)")
      ->transform(CLI::AsSizeValue(false));
  cmd->add_flag("--json", o->json, "Print the summary as one JSON object");
  auto* quiet = cmd->add_flag("-q,--quiet", o->quiet, "No progress line and no summary");
  cmd->add_flag("-v,--verbose", o->verbose, "One line per file on stderr")->excludes(quiet);
  cmd->callback([&run, &global, o] {
    if (o->paths.empty() && !o->reshard) throw CLI::RequiredError("paths");
    run = [o, &global] { return run_index(*o, global.db); };
  });
}

}  // namespace byline::cli
