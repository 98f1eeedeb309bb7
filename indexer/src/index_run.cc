// Indexer::add_paths: walks the inputs, skips unchanged files, replaces the
// documents of changed ones, prunes vanished ones, and commits in batches
// with each file's state in the same commit as its documents (file_state.h).
//
// Parallel runs: the walk happens once; each file goes to the shard its key
// picks (IndexerCore::shard_for), and each worker thread owns a fixed group of
// shards (shard i belongs to worker i % workers), so no two threads ever write
// one database. Every worker commits its own shards per batch, so the
// crash-safety invariant holds per shard. Callbacks and progress go through
// RunShared, under one mutex.
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <exception>
#include <mutex>
#include <string_view>
#include <system_error>
#include <thread>

#include "byline/error.h"
#include "byline/page.h"
#include "byline/page_json.h"
#include "content_sniff.h"
#include "file_reader.h"
#include "file_state.h"
#include "gzip_reader.h"
#include "html_page.h"
#include "ids.h"
#include "indexer_core.h"
#include "input_walk.h"
#include "schema.h"
#include "shard_commit.h"
#include "system_words.h"
#include "warc_reader.h"

namespace byline {
namespace {

using Clock = std::chrono::steady_clock;

// Out of file descriptors, every later file would fail the same way: the run
// stops at the first, with one line (what was committed stays).
void stop_if_out_of_descriptors(const Error& e, const std::string& db_path, const std::string& file) {
  const std::string words = system_words(EMFILE);
  if (std::string_view(e.what()).find(words) != std::string_view::npos)
    throw IndexUnusable("index " + db_path + ": cannot read " + file + ": " + words);
}

// What the workers of one run share: the callbacks (called one at a time),
// the progress counters, and the first exception a worker hit.
class RunShared {
 public:
  explicit RunShared(const IndexCallbacks& callbacks) : callbacks_(callbacks), start_(Clock::now()) {}

  double elapsed() const { return std::chrono::duration<double>(Clock::now() - start_).count(); }

  void error(const std::string& message) {
    std::lock_guard lock(mutex_);
    if (callbacks_.on_error) callbacks_.on_error(message);
  }
  void warning(const std::string& message) {
    std::lock_guard lock(mutex_);
    if (callbacks_.on_warning) callbacks_.on_warning(message);
  }
  void outcome(const std::string& path, FileOutcome what, std::uint64_t documents) {
    std::lock_guard lock(mutex_);
    if (callbacks_.on_file) callbacks_.on_file(path, what, documents);
  }
  void set_total(std::uint64_t files) { progress_.files_total = files; }
  void add_bytes(std::uint64_t bytes) {
    std::lock_guard lock(mutex_);
    progress_.bytes_read += bytes;
  }
  void add_documents(std::uint64_t documents) {
    std::lock_guard lock(mutex_);
    progress_.documents += documents;
  }
  void file_done() {
    std::lock_guard lock(mutex_);
    ++progress_.files_done;
    if (!callbacks_.on_progress) return;
    progress_.seconds = elapsed();
    callbacks_.on_progress(progress_);
  }
  void fail(std::exception_ptr error) {
    std::lock_guard lock(mutex_);
    if (!first_error_) first_error_ = error;
    aborted_.store(true);
  }
  bool aborted() const { return aborted_.load(); }
  void rethrow_failure() {
    if (first_error_) std::rethrow_exception(first_error_);
  }

 private:
  const IndexCallbacks& callbacks_;
  Clock::time_point start_;
  std::mutex mutex_;
  IndexProgress progress_;
  std::exception_ptr first_error_;
  std::atomic<bool> aborted_{false};
};

// One worker: indexes the files routed to its shards, in walk order.
class IndexRun {
 public:
  IndexRun(IndexerCore& core, RunShared& shared) : core_(core), shared_(shared) {}

  const IndexSummary& summary() const { return summary_; }

  void run(const std::vector<ShardWriter*>& shards, const std::vector<const InputFile*>& files,
           const std::vector<std::string>& prune_roots) {
    if (core_.options.prune)
      for (ShardWriter* shard : shards) prune(*shard, prune_roots);
    for (const InputFile* file : files) {
      if (core_.stop_requested.load() || shared_.aborted()) {
        summary_.interrupted = true;
        break;
      }
      ShardWriter& shard = core_.shard_for(file_key_for(file->path));
      index_file(shard, *file);
      ++summary_.files;
      shared_.file_done();
      if (shard.pages_since_commit >= core_.options.batch_pages) commit(shard);
    }
    for (ShardWriter* shard : shards) commit(*shard);
  }

 private:
  void error(const std::string& message) {
    ++summary_.failed;
    shared_.error(message);
  }

  void warning(const std::string& message) {
    ++summary_.warnings;
    shared_.warning(message);
  }

  void outcome(const std::string& path, FileOutcome what, std::uint64_t documents) {
    shared_.outcome(path, what, documents);
  }

  void commit(ShardWriter& shard) { commit_shard("index " + core_.path, shard); }

  // Skip reasons as file states write them (file_state.h).
  static constexpr char kSkipBinary[] = "binary";
  static constexpr char kSkipTooLarge[] = "too-large";
  static constexpr char kSkipNotArticle[] = "not-article";

  void count_skip(const std::string& reason) {
    if (reason == kSkipBinary)
      ++summary_.skipped_binary;
    else if (reason == kSkipTooLarge)
      ++summary_.skipped_too_large;
    else if (reason == kSkipNotArticle)
      ++summary_.skipped_not_article;
  }

  // Records a skipped file, so the next run need not read it again while it
  // stays the same, and drops documents it may have had before.
  void skip_file(ShardWriter& shard, const std::string& file_key, const std::string& state_key, FileState state,
                 const std::optional<FileState>& old, const std::string& reason) {
    if (old && old->documents > 0) core_.delete_file_documents(shard, file_key);
    state.skip = reason;
    // A file too large to read has no hash: the state needs one all the same.
    if (state.content_hash.empty()) state.content_hash = std::string(16, '0');
    state.documents = 0;
    state.read_end = 0;
    shard.db.set_metadata(state_key, encode_file_state(state));
    count_skip(reason);
    outcome(state.path, FileOutcome::Skipped, 0);
  }

  void index_file(ShardWriter& shard, const InputFile& file) {
    const std::string file_key = file_key_for(file.path);
    const std::string state_key = file_state_key(file_key);
    std::optional<FileState> old = decode_file_state(shard.db.get_metadata(state_key));
    if (old && old->path != file.path) old.reset();
    if (old && old->size == file.size && old->mtime_ns == file.mtime_ns) {
      if (!old->skip.empty()) {
        count_skip(old->skip);
        outcome(file.path, FileOutcome::Skipped, 0);
        return;
      }
      ++summary_.unchanged;
      outcome(file.path, FileOutcome::Unchanged, old->documents);
      return;
    }
    FileState state;
    state.size = file.size;
    state.mtime_ns = file.mtime_ns;
    state.path = file.path;
    ContentKind kind = ContentKind::Text;
    bool gzipped = false;
    try {
      // What the file holds, from its first bytes (decompressed when gzip).
      FileReader reader(file.path);
      kind = sniff_file(reader, &gzipped);
      if (kind == ContentKind::Warc) {
        index_warc(shard, file_key, state_key, reader, old, state);
        return;
      }
    } catch (const Error& e) {
      stop_if_out_of_descriptors(e, core_.path, file.path);
      error(e.what());
      outcome(file.path, FileOutcome::Failed, old ? old->documents : 0);
      return;
    }
    if (file.size > core_.options.max_file_bytes) {
      skip_file(shard, file_key, state_key, state, old, kSkipTooLarge);
      return;
    }
    std::string bytes;
    try {
      bytes = read_file(file.path);
    } catch (const Error& e) {
      stop_if_out_of_descriptors(e, core_.path, file.path);
      error(e.what());
      outcome(file.path, FileOutcome::Failed, old ? old->documents : 0);
      return;
    }
    summary_.bytes += bytes.size();
    shared_.add_bytes(bytes.size());
    state.content_hash = hex64(hash64(bytes));
    if (old && old->content_hash == state.content_hash) {
      // Touched but not changed: the documents stay, the state catches up.
      state.documents = old->documents;
      state.skip = old->skip;
      shard.db.set_metadata(state_key, encode_file_state(state));
      if (!state.skip.empty()) {
        count_skip(state.skip);
        outcome(file.path, FileOutcome::Skipped, 0);
        return;
      }
      ++summary_.unchanged;
      outcome(file.path, FileOutcome::Unchanged, state.documents);
      return;
    }
    if (kind == ContentKind::Binary) {
      skip_file(shard, file_key, state_key, state, old, kSkipBinary);
      return;
    }
    if (gzipped) {
      try {
        bytes = gunzip(bytes, static_cast<std::size_t>(core_.options.max_file_bytes));
      } catch (const Error& e) {
        if (std::string_view(e.what()).find("larger than") != std::string_view::npos) {
          skip_file(shard, file_key, state_key, state, old, kSkipTooLarge);
        } else {
          error(file.path + ": " + e.what());
          outcome(file.path, FileOutcome::Failed, old ? old->documents : 0);
        }
        return;
      }
      kind = sniff_content(bytes);
      if (kind == ContentKind::Binary) {
        skip_file(shard, file_key, state_key, state, old, kSkipBinary);
        return;
      }
    }
    std::optional<ParseResult> html;
    if (kind == ContentKind::Html) {
      html = parse_html_bytes(bytes);
      if (!html->is_news_page) {
        skip_file(shard, file_key, state_key, state, old, kSkipNotArticle);
        return;
      }
    }
    // From here until the new state is written, a commit leaves no state,
    // so an interrupted file is redone by the next run.
    shard.db.set_metadata(state_key, "");
    core_.delete_file_documents(shard, file_key);
    std::uint64_t failures_before = summary_.failed;
    bool complete = true;
    if (html) {
      for (const std::string& w : html->warnings) warning(file.path + ": " + w);
      count_page(shard, core_.add_page(shard, html->page, file.path, file_key), state.documents);
    } else if (file.format == InputFormat::Jsonl) {
      complete = index_jsonl(shard, file.path, file_key, bytes, state.documents);
    } else {
      complete = index_page(shard, file.path, file_key, bytes, state.documents);
    }
    ++summary_.indexed;
    // A file with bad lines keeps no state, so its errors are reported again
    // until it is fixed.
    if (complete && summary_.failed == failures_before) shard.db.set_metadata(state_key, encode_file_state(state));
    bool failed = summary_.failed != failures_before && state.documents == 0;
    outcome(file.path, failed ? FileOutcome::Failed : FileOutcome::Indexed, state.documents);
  }

  // A WARC archive: every response record that carries an HTML article is
  // a page whose source is its URI and whose id is made from its URI and
  // date. An archive that only grew since the last run (its old bytes hash
  // as before) has only the records after the last one read indexed.
  void index_warc(ShardWriter& shard, const std::string& file_key, const std::string& state_key, FileReader& file,
                  const std::optional<FileState>& old, FileState& state) {
    const std::string& path = state.path;
    const bool was_read = old && old->skip.empty();
    // One pass of reads hashes the whole archive and, when it was read
    // before, the part it had then (to tell "it grew" from "it changed").
    const std::uint64_t old_size = was_read && old->size < file.size() ? old->size : 0;
    const FileHashes hashes = hash_file(file, old_size);
    summary_.bytes += hashes.bytes;
    shared_.add_bytes(hashes.bytes);
    state.content_hash = hex64(hashes.whole);
    if (was_read && old->content_hash == state.content_hash) {
      state.documents = old->documents;
      state.read_end = old->read_end;
      shard.db.set_metadata(state_key, encode_file_state(state));
      ++summary_.unchanged;
      outcome(path, FileOutcome::Unchanged, state.documents);
      return;
    }
    std::uint64_t start = 0;
    if (was_read && old->read_end > 0 && old->read_end <= old->size && old_size > 0 &&
        hex64(hashes.prefix) == old->content_hash) {
      start = old->read_end;
      state.documents = old->documents;
      shard.db.set_metadata(state_key, "");
    } else {
      shard.db.set_metadata(state_key, "");
      core_.delete_file_documents(shard, file_key);
    }
    bool stopped = false;
    WarcScan scan = scan_warc(
        file, start,
        [&](const WarcRecord& record) {
          if (record.type != "response") return true;
          std::string why;
          std::optional<HttpPage> http = http_html_page(record.block, why);
          if (!http) {
            if (!why.empty()) error(path + ": offset " + std::to_string(record.offset) + ": " + why);
            return true;
          }
          ParseResult parsed = parse_html_bytes(http->body, http->charset);
          if (!parsed.is_news_page) {
            ++summary_.skipped_not_article;
            return true;
          }
          const std::string id_source = record.target_uri + " " + record.date;
          if (core_.has_page(shard, id_source)) {
            ++summary_.skipped_duplicate;
            return true;
          }
          for (const std::string& w : parsed.warnings)
            warning(path + ": offset " + std::to_string(record.offset) + ": " + w);
          count_page(shard, core_.add_page(shard, parsed.page, record.target_uri, file_key, &id_source),
                     state.documents);
          if (shard.pages_since_commit >= core_.options.batch_pages) {
            commit(shard);
            if (core_.stop_requested.load()) {
              stopped = true;
              return false;
            }
          }
          return true;
        },
        [&](const std::string& damage) { error(path + ": " + damage); });
    ++summary_.indexed;
    // Damaged records are reported once: the state is written, so the
    // archive is not read again until it changes (a record cut off at the
    // end of an archive being written is read when the archive grows).
    state.read_end = scan.end;
    if (!stopped) shard.db.set_metadata(state_key, encode_file_state(state));
    outcome(path, FileOutcome::Indexed, state.documents);
  }

  void count_page(ShardWriter& shard, std::uint64_t comments, std::uint64_t& documents) {
    ++summary_.pages;
    ++summary_.articles;
    summary_.comments += comments;
    documents += 1 + comments;
    shared_.add_documents(1 + comments);
    ++shard.pages_since_commit;
  }

  bool index_page(ShardWriter& shard, const std::string& path, const std::string& file_key, const std::string& bytes,
                  std::uint64_t& documents) {
    if (bytes.find_first_not_of(" \t\r\n") == std::string::npos) {
      error(path + ": empty file");
      return false;
    }
    ParseResult parsed = parse_page(bytes);
    for (const std::string& w : parsed.warnings) warning(path + ": " + w);
    count_page(shard, core_.add_page(shard, parsed.page, path, file_key), documents);
    return true;
  }

  // Returns false when stopped before the end of the file.
  bool index_jsonl(ShardWriter& shard, const std::string& path, const std::string& file_key, const std::string& bytes,
                   std::uint64_t& documents) {
    std::string_view rest(bytes);
    std::uint64_t line_number = 0;
    std::uint64_t bad_lines = 0;
    while (!rest.empty()) {
      ++line_number;
      std::size_t end = rest.find('\n');
      std::string_view line = rest.substr(0, end);
      rest.remove_prefix(end == std::string_view::npos ? rest.size() : end + 1);
      if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
      JsonPage parsed;
      try {
        parsed = page_from_json(line);
      } catch (const Error& e) {
        error(path + ":" + std::to_string(line_number) + ": " + e.what());
        ++bad_lines;
        continue;
      }
      std::string source = parsed.source ? *parsed.source : path + "#" + std::to_string(line_number);
      if (core_.has_page(shard, source)) {
        // Kept once: replacing it would leave the index holding fewer
        // pages than were counted.
        warning(path + ":" + std::to_string(line_number) + ": page '" + source +
                "' was already given by another line or file: skipped");
        ++summary_.skipped_duplicate;
        continue;
      }
      count_page(shard, core_.add_page(shard, parsed.page, source, file_key), documents);
      // A large file is committed as it goes, to bound memory; it has no
      // state until its end, so a crash redoes it whole.
      if (shard.pages_since_commit >= core_.options.batch_pages) {
        commit(shard);
        if (core_.stop_requested.load()) return false;
      }
    }
    if (documents == 0 && bad_lines == 0) error(path + ": no pages in this JSON Lines file");
    return true;
  }

  void prune(ShardWriter& shard, const std::vector<std::string>& roots) {
    std::vector<std::pair<std::string, FileState>> gone;
    for (auto it = shard.db.metadata_keys_begin(schema::kMetaFilePrefix);
         it != shard.db.metadata_keys_end(schema::kMetaFilePrefix); ++it) {
      std::optional<FileState> state = decode_file_state(shard.db.get_metadata(*it));
      if (!state) continue;
      bool under = false;
      for (const std::string& root : roots) under = under || path_is_under(state->path, root);
      struct stat info {};
      if (under && lstat(state->path.c_str(), &info) != 0 && errno == ENOENT) gone.emplace_back(*it, *state);
    }
    for (const auto& [key, state] : gone) {
      core_.delete_file_documents(shard, key.substr(sizeof(schema::kMetaFilePrefix) - 1));
      shard.db.set_metadata(key, "");
      ++summary_.removed;
      summary_.removed_documents += state.documents;
      outcome(state.path, FileOutcome::Removed, 0);
    }
  }

  IndexerCore& core_;
  RunShared& shared_;
  IndexSummary summary_;
};

void add_summary(IndexSummary& total, const IndexSummary& part) {
  total.files += part.files;
  total.indexed += part.indexed;
  total.pages += part.pages;
  total.articles += part.articles;
  total.comments += part.comments;
  total.unchanged += part.unchanged;
  total.removed += part.removed;
  total.failed += part.failed;
  total.bytes += part.bytes;
  total.warnings += part.warnings;
  total.skipped_binary += part.skipped_binary;
  total.skipped_too_large += part.skipped_too_large;
  total.skipped_not_article += part.skipped_not_article;
  total.skipped_duplicate += part.skipped_duplicate;
  total.removed_documents += part.removed_documents;
  total.interrupted = total.interrupted || part.interrupted;
}

IndexSummary run_workers(IndexerCore& core, const std::vector<std::string>& paths, const IndexCallbacks& callbacks) {
  RunShared shared(callbacks);
  IndexSummary total;
  auto on_error = [&](const std::string& message) {
    ++total.failed;
    shared.error(message);
  };
  std::vector<InputFile> files =
      walk_inputs(paths, core.options.format, core.options.prune, {normalise_path(core.path)}, on_error);
  shared.set_total(files.size());
  std::vector<std::string> roots;
  for (const std::string& p : paths) roots.push_back(normalise_path(p));

  const std::size_t shard_count = core.shards.size();
  const std::size_t workers = std::max<std::size_t>(1, std::min(core.options.jobs, shard_count));
  std::vector<std::vector<ShardWriter*>> shards_of(workers);
  for (std::size_t i = 0; i < shard_count; ++i) shards_of[i % workers].push_back(core.shards[i].get());
  std::vector<std::vector<const InputFile*>> files_of(workers);
  for (const InputFile& file : files) {
    ShardWriter* shard = &core.shard_for(file_key_for(file.path));
    for (std::size_t w = 0; w < workers; ++w)
      if (std::find(shards_of[w].begin(), shards_of[w].end(), shard) != shards_of[w].end())
        files_of[w].push_back(&file);
  }

  std::vector<IndexRun> runs;
  for (std::size_t w = 0; w < workers; ++w) runs.emplace_back(core, shared);
  auto work = [&](std::size_t w) {
    try {
      runs[w].run(shards_of[w], files_of[w], roots);
    } catch (...) {
      shared.fail(std::current_exception());
    }
  };
  if (workers == 1) {
    work(0);
  } else {
    std::vector<std::thread> threads;
    threads.reserve(workers);
    std::vector<std::size_t> inline_workers;
    for (std::size_t w = 0; w < workers; ++w) {
      try {
        threads.emplace_back(work, w);
      } catch (const std::system_error&) {
        // No thread to be had (a low ulimit -v or -u): this thread does that
        // worker's share itself rather than leave a started thread unjoined.
        inline_workers.push_back(w);
      }
    }
    for (std::size_t w : inline_workers) work(w);
    for (std::thread& t : threads) t.join();
  }
  shared.rethrow_failure();
  for (const IndexRun& run : runs) add_summary(total, run.summary());
  total.seconds = shared.elapsed();
  return total;
}

}  // namespace

IndexSummary run_add_paths(IndexerCore& core, const std::vector<std::string>& paths, const IndexCallbacks& callbacks) {
  IndexSummary summary = run_workers(core, paths, callbacks);
  // A stop() applies to one run: a call made before the run started stops it
  // at once, and the next run starts afresh.
  core.stop_requested.store(false);
  return summary;
}

}  // namespace byline
