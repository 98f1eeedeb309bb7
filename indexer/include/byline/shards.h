// Sharded indexes: merging shards into one (compact_index), changing their
// number (reshard_index) and listing or editing the shards of an index (its
// XAPIANDB stub).
//
// A sharded index is a folder holding a stub file, XAPIANDB, that lists its
// shards one per line: `auto shard0` for a local shard (a folder, relative to
// the index folder) and `remote HOST:PORT` for a shard served by
// `xapian-tcpsrv --port PORT PATH` on another machine. `byline index --jobs N`
// creates the local ones; remote ones are added here. An index folder without
// a stub is a single database.
#ifndef BYLINE_SHARDS_H
#define BYLINE_SHARDS_H

#include "byline/export.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace byline {

struct ShardInfo {
  std::string name;  // "shard0" (as in the stub) or "tcp://HOST:PORT"
  bool remote = false;
  // Documents in the shard, or std::nullopt when it could not be opened
  // (then `error` says why).
  std::optional<std::uint64_t> documents;
  std::string error;
};

// The shards of the index at db_path, each opened to count its documents
// (remote ones with BYLINE_REMOTE_TIMEOUT, default 5 s). An unsharded index is
// one shard named by its path. Throws IndexUnusable when there is no index.
BYLINE_EXPORT std::vector<ShardInfo> list_shards(const std::string& db_path);

// Adds a remote shard ("HOST:PORT" or "tcp://HOST:PORT") to the stub at
// db_path, creating the folder and stub when there is none yet (an index made
// only of remote shards: a search front end). The shard is not contacted.
// Throws BadQuery for a bad address or one already listed, IndexUnusable when
// db_path is an unsharded index (its folder holds a database, not a stub).
// Local shards are not added here: which local shard holds a file depends on
// their number, so it changes only through reshard_index.
BYLINE_EXPORT void add_remote_shard(const std::string& db_path, const std::string& address);

// Removes a remote shard (named as list_shards names it, or "HOST:PORT") from
// the stub. Throws BadQuery when no such remote shard is listed or it is the
// last shard.
BYLINE_EXPORT void remove_remote_shard(const std::string& db_path, const std::string& address);

struct CompactSummary {
  std::uint64_t shards_before = 0;  // local shards merged
  std::uint64_t documents = 0;
  std::uint64_t bytes_before = 0;
  std::uint64_t bytes_after = 0;
  double seconds = 0;
};

// Merges the local shards of the index at db_path (or compacts a single
// database) into one compacted, still writable database, keeping every
// document, the settings and the file states (so later incremental runs skip
// unchanged files). Holds the write lock of every shard meanwhile (throws
// IndexLocked when a writer runs). A sharded index becomes a stub naming the
// one new shard (and its remote shards, untouched); a single database is
// swapped in place (the old one is renamed aside, then removed). Readers that
// had the old shards open keep reading them until they reopen.
// merge_shards false: compacts each local shard on its own instead, keeping
// their number (and so parallel indexing and the routing of files).
BYLINE_EXPORT CompactSummary compact_index(const std::string& db_path, bool merge_shards = true);

struct ReshardSummary {
  std::uint64_t shards_before = 0;  // local shards (1 for a single database)
  std::uint64_t shards_after = 0;
  std::uint64_t documents = 0;  // documents in the index (all moved, unless nothing was done)
  std::uint64_t files = 0;      // recorded input-file states moved with their documents
  bool resharded = false;       // false: the index already had that many local shards
  double seconds = 0;
};

struct ReshardProgress {
  std::uint64_t documents_done = 0;
  std::uint64_t documents_total = 0;
};

// Redistributes the documents of the local shards of the index at db_path (or
// of a single database) into `shards` new local shards, each file's documents
// and state going to the shard the indexer routes that file to, so a later
// incremental run with that shard count reads nothing. Every shard gets the
// settings (an index written before the spelling table was dropped may hold one: it is
// not copied, as "Did you mean" reads the terms). Remote shards in
// the stub are kept as they are. Holds the write lock of every old shard
// meanwhile (throws IndexLocked when a writer runs); builds the new shards in
// temporary folders inside the index folder, then switches by rewriting the
// stub atomically (a single database is renamed aside and the new stub index
// put in its place), then removes the old shards. Any failure before the
// switch leaves the old index as it was and removes the temporaries. Readers
// that had the old shards open keep reading them until they reopen. Asking
// for the current number of local shards does nothing (resharded false).
// Throws BadQuery for shards == 0 or an index without local shards,
// IndexUnusable when there is no usable index. on_progress is called now and
// then from this thread.
BYLINE_EXPORT ReshardSummary reshard_index(const std::string& db_path, unsigned shards,
                                           const std::function<void(const ReshardProgress&)>& on_progress = {});

}  // namespace byline

#endif  // BYLINE_SHARDS_H
