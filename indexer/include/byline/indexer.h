// Building and updating an index: byline::Indexer.
#ifndef BYLINE_INDEXER_H
#define BYLINE_INDEXER_H

#include "byline/export.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "byline/page.h"

namespace byline {

struct IndexerCore;

enum class InputFormat { Auto, Page, Jsonl };

struct IndexOptions {
  // Snowball language used when the index is created ("english", "french",
  // ..., "none"); "" means "english" for a new index and the index's own
  // language for an existing one. Asking an existing index for another
  // language throws byline::BadQuery, as does an unknown language (its
  // message lists the known ones).
  std::string language;
  // Stop word list used at query time: "english" or "none" ("" as for
  // language). Fixed when the index is created, like language.
  std::string stopwords;
  // Pages per commit. A crash loses at most the current batch (and, for a
  // JSON Lines file, the rest of that file is redone on the next run).
  // Smaller batches keep Xapian's pending changes small: on 20,000 pages, 250
  // took 11% less CPU and 40% of the memory of 1000; on 2,000 pages (one
  // job), 100 took 6% less wall time than 250 (medians of 3: 4.98 vs 5.29 s)
  // and 28 MB peak RSS instead of 45.
  std::size_t batch_pages = 100;
  // Auto: in folders, files named *.txt, *.jsonl, *.html, *.htm, *.xhtml,
  // *.shtml, *.warc (each also with .gz) are read, other
  // files are left alone; a file named on the command line is always read.
  // What a file holds is told by its content, not its name: a WARC archive,
  // an HTML page, a text page, or JSON Lines (a text file ending in .jsonl or
  // .jsonl.gz); binary files are skipped. gzip files are decompressed.
  // Page / Jsonl: every (non-hidden) file is read, and text files are read
  // in that format (HTML, WARC and binary files are still told by content).
  InputFormat format = InputFormat::Auto;
  // Page files (text or HTML, after decompression) larger than this are
  // skipped as "too large" (WARC archives are read record by record and are
  // not limited). Default 256 MiB.
  std::uint64_t max_file_bytes = 256ull << 20;
  // With add_paths: remove the documents of files that were indexed from
  // under the given paths and no longer exist.
  bool prune = false;
  // Threads that read, parse and index files in add_paths. Xapian allows one
  // writer per database, so each thread writes its own shards: the threads
  // used are min(jobs, local shards). Must be at least 1.
  std::size_t jobs = 1;
  // Shards of a NEW index; 0 means `jobs`. With 1 the index is a single
  // database (no stub). An existing index keeps its shards: asking for
  // another count throws BadQuery (reshard_index() in byline/shards.h changes
  // it, compact_index() merges them into one). A file's pages and state always live
  // in the shard picked by a hash of its path.
  std::size_t shards = 0;
};

struct IndexProgress {
  std::uint64_t files_done = 0;
  std::uint64_t files_total = 0;
  std::uint64_t documents = 0;  // documents added so far in this run
  std::uint64_t bytes_read = 0;
  double seconds = 0;
};

struct IndexSummary {
  std::uint64_t files = 0;    // input files seen
  std::uint64_t indexed = 0;  // files read and (re)indexed
  std::uint64_t pages = 0;    // pages (re)indexed
  std::uint64_t articles = 0;
  std::uint64_t comments = 0;
  std::uint64_t unchanged = 0;  // files skipped because they did not change
  std::uint64_t removed = 0;    // files whose documents were pruned
  std::uint64_t failed = 0;     // files (or JSON Lines lines) that could not be read or parsed
  std::uint64_t bytes = 0;      // input bytes read
  std::uint64_t warnings = 0;   // parser warnings reported
  // Not indexed, by reason: files that are binary data or larger than
  // max_file_bytes (counted on every run while they stay so), HTML pages
  // (files or WARC records) that are no article, and pages whose id another
  // file or line already gave (the first one is kept).
  std::uint64_t skipped_binary = 0;
  std::uint64_t skipped_too_large = 0;
  std::uint64_t skipped_not_article = 0;
  std::uint64_t skipped_duplicate = 0;
  std::uint64_t removed_documents = 0;  // documents of the pruned files
  std::uint64_t skipped() const { return skipped_binary + skipped_too_large + skipped_not_article + skipped_duplicate; }
  bool interrupted = false;  // stop() was called before the end
  double seconds = 0;
};

// What happened to one input file (IndexCallbacks::on_file).
enum class FileOutcome { Indexed, Unchanged, Removed, Failed, Skipped };

struct IndexCallbacks {
  // A file could not be indexed: `message` is one line ("PATH: reason").
  std::function<void(const std::string& message)> on_error;
  // Something a user should know that did not stop the file from being
  // indexed (charset fallback, not a news page).
  std::function<void(const std::string& message)> on_warning;
  // Called after each file. All callbacks are called from the indexing
  // threads, one call at a time (never concurrently), so they need no locking
  // of their own; with jobs > 1 their order across shards is not fixed.
  std::function<void(const IndexProgress&)> on_progress;
  // Called once per input file (and per pruned file) with its path, the
  // outcome and the number of documents it now has in the index.
  std::function<void(const std::string& path, FileOutcome outcome, std::uint64_t documents)> on_file;
};

// One writer of an index. Opening takes Xapian's write lock (of every local
// shard of a sharded index): a second Indexer
// on the same path, in this or another process, throws byline::IndexLocked
// until this one is destroyed. Not thread-safe, except stop().
//
// The destructor commits what was added (errors are swallowed there: call
// commit() to see them).
class BYLINE_EXPORT Indexer {
 public:
  // Opens or creates the index at db_path. Throws IndexLocked, IndexUnusable
  // (not an index, schema mismatch), Error (bad options).
  Indexer(const std::string& db_path, const IndexOptions& options = {});
  ~Indexer();
  Indexer(const Indexer&) = delete;
  Indexer& operator=(const Indexer&) = delete;

  // Adds (or replaces) one page under the identity `source`; the page's
  // documents are visible to readers after the next commit.
  void add(const Page& page, const std::string& source);

  // Removes every document that was indexed from `source` (a page's source or
  // an input file's path). Returns the number of documents removed.
  std::uint64_t remove(const std::string& source);

  // Indexes files and folders (walked recursively), incrementally: files whose
  // size and modification time are unchanged are skipped without being read;
  // a file whose bytes hash as before only has its recorded state updated; a
  // changed file's documents are all replaced. Bad files are reported through
  // callbacks.on_error and do not stop the run. Commits every
  // options.batch_pages pages and at the end.
  //
  // A WARC file is read record by record (README: Input formats); one that
  // only grew since the last run (its old bytes unchanged) has only its new
  // records read.
  //
  // Files are identified by their absolute, lexically normalised path (not
  // symlink-resolved), so runs from different working folders agree. Hidden
  // files and folders (name starting with '.') and the index's own folder are
  // skipped inside folders; symlinked folders are followed once (loops are cut); FIFOs, devices and
  // sockets are reported as errors and never opened.
  //
  // A page file's page identity is its path; a JSON Lines page's identity is
  // its "source" member when present, else "PATH#LINE".
  IndexSummary add_paths(const std::vector<std::string>& paths, const IndexCallbacks& callbacks = {});

  // Settings of the open index (what it was created with).
  const std::string& language() const;
  const std::string& stopwords() const;

  // Makes everything added so far durable and visible to readers.
  void commit();

  // Asks a running add_paths to finish the file it is reading, commit, and
  // return with summary.interrupted set. A stop() made before add_paths
  // starts stops that call at once; each add_paths consumes the request.
  // Safe to call from another thread, and async-signal-safe (it sets a flag).
  void stop();

 private:
  std::unique_ptr<IndexerCore> impl_;
};

}  // namespace byline

#endif  // BYLINE_INDEXER_H
