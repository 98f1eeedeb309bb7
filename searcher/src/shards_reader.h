// The shards a Searcher reads, opened one by one (rather than letting Xapian
// open the stub) so that a remote shard that does not answer can be named in
// the error, or left out of a partial answer (Query::allow_partial).
//
// Remote shards are opened with Xapian::Remote::open and a timeout of
// BYLINE_REMOTE_TIMEOUT seconds (default 5) for connecting and for each
// reply. A shard that failed stays out for the life of the ShardSet.
#ifndef BYLINE_SHARDS_READER_H
#define BYLINE_SHARDS_READER_H

#include <xapian.h>

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "shard_stub.h"

namespace byline {

inline constexpr std::chrono::milliseconds kRemoteReopenInterval{1000};

class ShardSet {
 public:
  // Opens every shard of the index at db_path (a single database when there is
  // no stub). Local shards that fail to open throw (IndexUnusable); remote ones
  // are recorded as failed. Throws IndexUnusable when no shard opens.
  //
  // A compaction or a reshard may swap the shards while they are opened (a
  // new stub, the old shard folders removed): a shard that fails to open
  // while the layout changed is a race, and the set is opened again (at most
  // kRaceRetries times).
  explicit ShardSet(const std::string& db_path);

  // The working shards combined (Xapian merges their statistics).
  Xapian::Database& database() { return combined_; }

  // "NAME: what happened" for each shard left out.
  const std::vector<std::string>& failures() const { return failures_; }

  // Brings the shards to their latest commit: local ones every time, remote
  // ones when their last reopen is over kRemoteReopenInterval old (a reopen
  // costs a network round trip per shard, which would be a large part of a
  // remote search's time).
  // Returns true when a shard's revision moved.
  bool refresh();

  // True when the index's layout on disk is no longer the one opened: the
  // stub's text changed, a stub appeared or vanished, or a shard folder was
  // replaced (another folder at its path). A compaction or a reshard did it;
  // the set must then be opened afresh (reopening a shard would read a
  // folder that is gone, or another database at the same path).
  bool layout_changed() const;

  // After a network error: connects to each remote shard anew and leaves out
  // those that fail. Returns true when a shard was left out.
  bool drop_unresponsive();

  bool sharded() const { return sharded_; }
  // True when the stub lists a remote shard (working or not).
  bool has_remote() const { return has_remote_; }

  // The working shards, in the order they were added to database(): a docid
  // of database() is on shard (did - 1) % size(), as its (did - 1) / size() + 1.
  std::size_t size() const { return shards_.size(); }
  const ShardEntry& entry(std::size_t i) const { return shards_[i].entry; }
  Xapian::Database& shard_database(std::size_t i) { return shards_[i].db; }
  // Changes whenever shard i is reopened or connected anew by refresh() or
  // drop_unresponsive(): a connection of the document fetcher reopens before
  // its next use when this differs from what it last saw.
  std::uint64_t generation(std::size_t i) const { return shards_[i].generation; }
  // Changes whenever the list of working shards is rebuilt (indices shift).
  std::uint64_t layout() const { return layout_; }

 private:
  struct Shard {
    ShardEntry entry;
    Xapian::Database db;
    std::chrono::steady_clock::time_point reopened = std::chrono::steady_clock::now();
    std::uint64_t generation = 0;
  };
  // What layout_changed compares: the stub's text ("" without one) and the
  // inode of each local shard's folder (the index folder when unsharded).
  struct Layout {
    bool sharded = false;
    std::string stub;
    std::vector<std::pair<std::string, std::uint64_t>> folders;
    bool operator==(const Layout&) const = default;
  };
  Layout current_layout() const;
  void open_shards();
  void rebuild();

  std::string db_path_;
  Layout layout_on_open_;
  bool sharded_ = false;
  bool has_remote_ = false;
  std::vector<Shard> shards_;
  std::vector<std::string> failures_;
  Xapian::Database combined_;
  std::uint64_t layout_ = 0;
};

}  // namespace byline

#endif  // BYLINE_SHARDS_READER_H
