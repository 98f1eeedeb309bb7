// Reads the stored data of a result page's documents.
//
// Why: Xapian 1.4's remote backend asks for a document and waits for the
// reply before asking for the next (MSG_DOCUMENT is not pipelined), so the 10
// hits of a page over remote shards cost 10 round trips in a row, most of a
// remote search's time (strace: 10 of 12 round trips). The fetcher keeps, per
// remote shard, a few connections of its own (opened when first needed, kept
// for its life) and reads a page's documents over them concurrently, on
// threads it keeps (FetchWorkers; starting a thread per connection per search
// cost more than it saved: 3,000 pages, p50 1.75 ms vs 1.2 ms with kept
// threads, 2.0 ms one by one). A shard with a single document on the page
// reads it on its main connection. Local shards are read in the calling
// thread (a few microseconds a document).
//
// Consistency: a docid names a document of the revision the match read, on
// the shard's main connection (ShardSet). A fetch connection reopens when
// its shard's main connection was reopened since its last use
// (ShardSet::generation), and is used only while its statistics (document
// count, last docid, total length) equal the main connection's; otherwise its
// documents are read on the main connection, after every thread has ended.
// So is a document it does not find, and every document of a connection
// that fails in any other way than a timeout (closed, refused): the main
// connection then reads them, and fails in turn if the server is gone, which
// the Searcher handles as before (a shard named in the error, or left out
// under allow_partial). A timeout is not retried on the main connection (that
// would double the wait on a server that hangs): it is rethrown as is.
//
// Threads: a fetch connection is used by one thread at a time; the main
// connections (which the combined database shares) only by the calling
// thread, and never by a worker. No exception leaves a worker: it is kept
// and rethrown in the caller once every worker has ended.
//
// Thread-safety: one DocumentFetcher per Searcher (like the Searcher, not to
// be shared between threads).
#ifndef BYLINE_DOCUMENT_FETCH_H
#define BYLINE_DOCUMENT_FETCH_H

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "fetch_workers.h"
#include "shards_reader.h"

namespace byline {

// Extra connections per remote shard, by default; BYLINE_REMOTE_FETCH_CONNECTIONS
// overrides it (0: read every document on the main connection, one at a time).
// Measured on loopback, 2 cores, pages of 10 hits (5 a shard), p50: 3,000
// pages on a quiet machine 3 connections 1.33-1.35 ms, 5: 1.39-1.41, 8:
// 1.48-1.54 (more readers than cores queue for them, servers included);
// 20,000 pages under load 3, 4 and 8 within noise (1.82-1.93 ms, 8 once
// 2.1). 4 leaves room for a server on another machine, where reads overlap
// whatever the client's cores.
inline constexpr std::size_t kFetchConnectionsPerShard = 4;

// BYLINE_REMOTE_FETCH_CONNECTIONS, or kFetchConnectionsPerShard when unset.
// Throws BadQuery for a value that is not a whole number from 0 to 64.
std::size_t fetch_connections_per_shard();

// Reads the data of documents of one database (a docid list in, their data
// out, in the same order). With missing_ok, a document that does not exist
// reads as an empty string; otherwise a remote shard throws
// Xapian::DocNotFoundError, and a local one (read without that check) gives
// an empty string too: pass docids from a match or a posting list.
using FetchDocuments = std::function<std::vector<std::string>(const std::vector<Xapian::docid>&, bool missing_ok)>;

class DocumentFetcher {
 public:
  explicit DocumentFetcher(std::size_t connections_per_shard = kFetchConnectionsPerShard);
  ~DocumentFetcher();
  DocumentFetcher(const DocumentFetcher&) = delete;
  DocumentFetcher& operator=(const DocumentFetcher&) = delete;

  // The data of each document (docids of shards.database()), in order.
  // Throws what Xapian throws (NetworkError, DocNotFoundError unless
  // missing_ok, ...).
  std::vector<std::string> fetch(ShardSet& shards, const std::vector<Xapian::docid>& docids, bool missing_ok = false);

  // What the fetches so far did, for tests and measurements.
  struct Counts {
    std::size_t pooled = 0;       // documents read on an extra connection
    std::size_t main = 0;         // documents read on a main connection
    std::size_t fallbacks = 0;    // of those, documents an extra connection could not read
    std::size_t opened = 0;       // extra connections opened
    std::size_t max_threads = 0;  // most connections used at once by one fetch
  };
  const Counts& counts() const { return counts_; }

 private:
  struct Connection {
    std::optional<Xapian::Database> db;
    std::uint64_t generation = 0;  // of its shard's main connection when it last reopened
  };

  std::size_t per_shard_;
  std::uint64_t layout_ = 0;                    // ShardSet::layout() the pools belong to
  std::vector<std::vector<Connection>> pools_;  // per shard index
  Counts counts_;
  FetchWorkers workers_;  // last: joined before the connections close
};

}  // namespace byline

#endif  // BYLINE_DOCUMENT_FETCH_H
