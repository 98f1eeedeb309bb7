// Indexer::add_paths: walks the inputs, skips unchanged files, replaces the
// documents of changed ones, prunes vanished ones, and commits in batches
// with each file's state in the same commit as its documents (file_state.h).
#include <sys/stat.h>

#include <cerrno>
#include <chrono>
#include <string_view>

#include "byline/error.h"
#include "byline/page.h"
#include "byline/page_json.h"
#include "file_state.h"
#include "ids.h"
#include "indexer_core.h"
#include "input_walk.h"
#include "schema.h"

namespace byline {
namespace {

class IndexRun {
 public:
  IndexRun(IndexerCore& core, const IndexCallbacks& callbacks)
      : core_(core), callbacks_(callbacks), start_(std::chrono::steady_clock::now()) {}

  IndexSummary run(const std::vector<std::string>& paths) {
    auto on_error = [this](const std::string& message) { error(message); };
    std::vector<InputFile> files =
        walk_inputs(paths, core_.options.format, core_.options.prune, {normalise_path(core_.path)}, on_error);
    progress_.files_total = files.size();
    if (core_.options.prune) prune(paths);
    for (const InputFile& file : files) {
      if (core_.stop_requested.load()) {
        summary_.interrupted = true;
        break;
      }
      index_file(file);
      ++summary_.files;
      ++progress_.files_done;
      report_progress();
      if (pages_since_commit_ >= core_.options.batch_pages) commit();
    }
    commit();
    summary_.seconds = elapsed();
    return summary_;
  }

 private:
  double elapsed() const { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count(); }

  void error(const std::string& message) {
    ++summary_.failed;
    if (callbacks_.on_error) callbacks_.on_error(message);
  }

  void warning(const std::string& message) {
    ++summary_.warnings;
    if (callbacks_.on_warning) callbacks_.on_warning(message);
  }

  void outcome(const std::string& path, FileOutcome what, std::uint64_t documents) {
    if (callbacks_.on_file) callbacks_.on_file(path, what, documents);
  }

  void report_progress() {
    if (!callbacks_.on_progress) return;
    progress_.seconds = elapsed();
    callbacks_.on_progress(progress_);
  }

  void commit() {
    core_.db.commit();
    pages_since_commit_ = 0;
  }

  void index_file(const InputFile& file) {
    const std::string file_key = file_key_for(file.path);
    const std::string state_key = file_state_key(file_key);
    std::optional<FileState> old = decode_file_state(core_.db.get_metadata(state_key));
    if (old && old->path == file.path && old->size == file.size && old->mtime_ns == file.mtime_ns) {
      ++summary_.unchanged;
      outcome(file.path, FileOutcome::Unchanged, old->documents);
      return;
    }
    std::string bytes;
    try {
      bytes = read_file(file.path);
    } catch (const Error& e) {
      error(e.what());
      outcome(file.path, FileOutcome::Failed, old ? old->documents : 0);
      return;
    }
    summary_.bytes += bytes.size();
    progress_.bytes_read += bytes.size();
    FileState state;
    state.size = file.size;
    state.mtime_ns = file.mtime_ns;
    state.content_hash = hex64(hash64(bytes));
    state.path = file.path;
    if (old && old->path == file.path && old->content_hash == state.content_hash) {
      // Touched but not changed: the documents stay, the state catches up.
      state.documents = old->documents;
      core_.db.set_metadata(state_key, encode_file_state(state));
      ++summary_.unchanged;
      outcome(file.path, FileOutcome::Unchanged, state.documents);
      return;
    }
    // From here until the new state is written, a commit leaves no state,
    // so an interrupted file is redone by the next run.
    core_.db.set_metadata(state_key, "");
    core_.delete_file_documents(file_key);
    std::uint64_t failures_before = summary_.failed;
    bool complete = file.format == InputFormat::Jsonl ? index_jsonl(file.path, file_key, bytes, state.documents)
                                                      : index_page(file.path, file_key, bytes, state.documents);
    ++summary_.indexed;
    // A file with bad lines keeps no state, so its errors are reported again
    // until it is fixed.
    if (complete && summary_.failed == failures_before) core_.db.set_metadata(state_key, encode_file_state(state));
    bool failed = summary_.failed != failures_before && state.documents == 0;
    outcome(file.path, failed ? FileOutcome::Failed : FileOutcome::Indexed, state.documents);
  }

  void count_page(std::uint64_t comments, std::uint64_t& documents) {
    ++summary_.pages;
    ++summary_.articles;
    summary_.comments += comments;
    documents += 1 + comments;
    progress_.documents += 1 + comments;
    ++pages_since_commit_;
  }

  bool index_page(const std::string& path, const std::string& file_key, const std::string& bytes,
                  std::uint64_t& documents) {
    if (bytes.find_first_not_of(" \t\r\n") == std::string::npos) {
      error(path + ": empty file");
      return false;
    }
    ParseResult parsed = parse_page(bytes);
    for (const std::string& w : parsed.warnings) warning(path + ": " + w);
    count_page(core_.add_page(parsed.page, path, file_key), documents);
    return true;
  }

  // Returns false when stopped before the end of the file.
  bool index_jsonl(const std::string& path, const std::string& file_key, const std::string& bytes,
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
      count_page(core_.add_page(parsed.page, source, file_key), documents);
      // A large file is committed as it goes, to bound memory; it has no
      // state until its end, so a crash redoes it whole.
      if (pages_since_commit_ >= core_.options.batch_pages) {
        commit();
        if (core_.stop_requested.load()) return false;
      }
    }
    if (documents == 0 && bad_lines == 0) error(path + ": no pages in this JSON Lines file");
    return true;
  }

  void prune(const std::vector<std::string>& paths) {
    std::vector<std::string> roots;
    for (const std::string& p : paths) roots.push_back(normalise_path(p));
    std::vector<std::pair<std::string, FileState>> gone;
    for (auto it = core_.db.metadata_keys_begin(schema::kMetaFilePrefix);
         it != core_.db.metadata_keys_end(schema::kMetaFilePrefix); ++it) {
      std::optional<FileState> state = decode_file_state(core_.db.get_metadata(*it));
      if (!state) continue;
      bool under = false;
      for (const std::string& root : roots) under = under || path_is_under(state->path, root);
      struct stat info {};
      if (under && lstat(state->path.c_str(), &info) != 0 && errno == ENOENT) gone.emplace_back(*it, *state);
    }
    for (const auto& [key, state] : gone) {
      core_.delete_file_documents(key.substr(sizeof(schema::kMetaFilePrefix) - 1));
      core_.db.set_metadata(key, "");
      ++summary_.removed;
      outcome(state.path, FileOutcome::Removed, 0);
    }
  }

  IndexerCore& core_;
  const IndexCallbacks& callbacks_;
  std::chrono::steady_clock::time_point start_;
  IndexSummary summary_;
  IndexProgress progress_;
  std::size_t pages_since_commit_ = 0;
};

}  // namespace

IndexSummary run_add_paths(IndexerCore& core, const std::vector<std::string>& paths, const IndexCallbacks& callbacks) {
  IndexSummary summary = IndexRun(core, callbacks).run(paths);
  // A stop() applies to one run: a call made before the run started stops it
  // at once, and the next run starts afresh.
  core.stop_requested.store(false);
  return summary;
}

}  // namespace byline
