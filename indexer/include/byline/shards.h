// Sharded indexes: merging shards into one (compact_index) and listing or
// editing the shards of an index (its XAPIANDB stub).
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
// their number, so it is fixed when the index is created.
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

}  // namespace byline

#endif  // BYLINE_SHARDS_H
