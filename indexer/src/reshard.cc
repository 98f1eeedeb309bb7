// reshard_index: the documents of an index's local shards (or of a single
// database) redistributed into a new number of local shards. The copying is
// shard_redistribute.cc; this file holds the old shards' locks, builds the
// new shards in a temporary folder inside the index folder and switches
// atomically, the way compact.cc does: a sharded index gets a new stub; for
// a single database a new sharded index is built beside it and exchanged
// with it in one step (replace_folder). Nothing before the switch touches
// the old index; each run first removes what killed runs left behind
// (leftovers.h), once it holds the old shards' locks.
#include <unistd.h>

#include <chrono>
#include <filesystem>

#include "byline/error.h"
#include "byline/shards.h"
#include "durable_file.h"
#include "index_folders.h"
#include "index_meta.h"
#include "leftovers.h"
#include "shard_redistribute.h"
#include "shard_stub.h"
#include "xapian_error.h"

namespace byline {
namespace fs = std::filesystem;
namespace {

constexpr char kBuildingPrefix[] = ".resharding.";

// The old shards, opened for writing: holding them keeps every indexer (and
// compaction, and another reshard) out until the switch is done.
struct OldShards {
  std::vector<std::string> paths;
  std::vector<Xapian::WritableDatabase> locks;
  std::uint64_t documents = 0;
};

OldShards lock_shards(const std::vector<std::string>& paths) {
  OldShards old;
  old.paths = paths;
  for (const std::string& path : paths) {
    old.locks.emplace_back(path, Xapian::DB_OPEN);
    read_index_settings(old.locks.back(), path);  // throws for a foreign or newer index
    old.documents += old.locks.back().get_doccount();
  }
  return old;
}

void remove_quietly(const fs::path& path) {
  std::error_code ec;
  fs::remove_all(path, ec);
}

// Builds `count` shards "shard0".."shardN-1" in `building` (created here)
// from the old shards; `building` is synced. On failure removes `building`
// and rethrows.
RedistributedCounts build_shards(const fs::path& building, OldShards& old, unsigned count,
                                 const std::function<void(const ReshardProgress&)>& on_progress) {
  try {
    fs::create_directory(building);
    std::vector<Xapian::WritableDatabase> targets;
    for (unsigned i = 0; i < count; ++i)
      targets.emplace_back((building / ("shard" + std::to_string(i))).string(), Xapian::DB_CREATE);
    // Read-only handles on the committed revision, which the locks keep
    // still. (Copying costs ~360 pread per document either way: add_document
    // reads each term's positions one lookup at a time.)
    std::vector<Xapian::Database> sources(old.paths.begin(), old.paths.end());
    RedistributedCounts counts = redistribute(sources, targets, [&](std::uint64_t done) {
      if (on_progress) on_progress(ReshardProgress{done, old.documents});
    });
    // Closed before their folders are renamed: glass writes by path.
    for (Xapian::WritableDatabase& target : targets) target.close();
    sync_folder(building.string(), "index " + building.parent_path().string());
    return counts;
  } catch (const fs::filesystem_error& e) {
    remove_quietly(building);
    throw IoError("cannot create " + building.string() + ": " + e.code().message());
  } catch (...) {
    remove_quietly(building);
    throw;
  }
}

// `count` folder names "shardK" used neither by a folder in the index nor by
// the stub, in increasing K.
std::vector<std::string> unused_shard_names(const std::string& db_path, const std::vector<ShardEntry>& entries,
                                            unsigned count) {
  std::vector<std::string> names;
  for (unsigned k = 0; names.size() < count; ++k) {
    std::string name = "shard" + std::to_string(k);
    bool listed = false;
    for (const ShardEntry& e : entries) listed = listed || (!e.remote && e.path == name);
    std::error_code ec;
    if (!listed && !fs::exists(fs::path(db_path) / name, ec)) names.push_back(name);
  }
  return names;
}

ReshardSummary reshard_sharded(const std::string& db_path, unsigned count,
                               const std::function<void(const ReshardProgress&)>& on_progress) {
  const std::string what = "index " + db_path;
  const std::vector<ShardEntry> entries = read_stub(db_path);
  const std::vector<std::string> paths = local_shard_paths(db_path, entries);
  if (paths.empty()) throw BadQuery(what + ": has no local shards to reshard (reshard on the shard servers)");
  OldShards old = lock_shards(paths);
  // A compaction or another reshard may have swapped the shards between
  // reading the stub and taking the locks: then these are not the index.
  if (local_shard_paths(db_path, read_stub(db_path)) != paths)
    throw IndexLocked(what + ": its shards changed while opening it (a compaction?); try again");
  ReshardSummary summary;
  summary.shards_before = paths.size();
  summary.shards_after = count;
  summary.documents = old.documents;
  if (paths.size() == count) return summary;

  remove_dead_leftovers(db_path);
  const fs::path building = fs::path(db_path) / std::string(kBuildingPrefix).append(std::to_string(::getpid()));
  RedistributedCounts counts = build_shards(building, old, count, on_progress);
  std::vector<ShardEntry> updated;
  std::vector<fs::path> placed;
  try {
    for (const std::string& name : unused_shard_names(db_path, entries, count)) {
      ShardEntry entry;
      entry.path = name;
      rename_or_throw(building / ("shard" + std::to_string(updated.size())), local_shard_path(db_path, entry), what);
      placed.push_back(local_shard_path(db_path, entry));
      updated.push_back(entry);
    }
    sync_folder(db_path, what);  // the new shards before the stub that names them
    for (const ShardEntry& e : entries)
      if (e.remote) updated.push_back(e);
    write_stub(db_path, updated);  // the switch
  } catch (...) {
    for (const fs::path& p : placed) remove_quietly(p);
    remove_quietly(building);
    throw;
  }
  for (Xapian::WritableDatabase& lock : old.locks) lock.close();
  for (const std::string& path : old.paths) remove_quietly(path);
  remove_quietly(building);
  summary.files = counts.files;
  summary.resharded = true;
  return summary;
}

ReshardSummary reshard_single(const std::string& db_path, unsigned count,
                              const std::function<void(const ReshardProgress&)>& on_progress) {
  const std::string what = "index " + db_path;
  fs::path path = fs::absolute(db_path).lexically_normal();
  if (path.filename().empty()) path = path.parent_path();
  OldShards old = lock_shards({path.string()});
  ReshardSummary summary;
  summary.shards_before = 1;
  summary.shards_after = count;
  summary.documents = old.documents;
  if (count == 1) return summary;

  remove_dead_leftovers(path.string());
  // The new index is built whole (shards and stub) beside the old one,
  // "<db>.resharding.<pid>", then exchanged with it.
  const std::string pid = std::to_string(::getpid());
  const fs::path building = path.string().append(kBuildingPrefix).append(pid);
  const fs::path aside = path.string().append(".old.").append(pid);
  RedistributedCounts counts = build_shards(building, old, count, on_progress);
  fs::path replaced;
  try {
    std::vector<ShardEntry> entries(count);
    for (unsigned i = 0; i < count; ++i) entries[i].path = "shard" + std::to_string(i);
    write_stub(building.string(), entries);
    replaced = replace_folder(path, building, aside, what);  // the switch
  } catch (...) {
    remove_quietly(building);
    throw;
  }
  old.locks.front().close();
  remove_quietly(replaced);
  summary.files = counts.files;
  summary.resharded = true;
  return summary;
}

}  // namespace

ReshardSummary reshard_index(const std::string& db_path, unsigned shards,
                             const std::function<void(const ReshardProgress&)>& on_progress) {
  const std::string what = "index " + db_path;
  if (shards == 0) throw BadQuery(what + ": cannot reshard into 0 shards");
  std::error_code ec;
  if (!fs::is_directory(db_path, ec)) throw IndexUnusable(what + ": no index there");
  auto started = std::chrono::steady_clock::now();
  ReshardSummary summary = translate_xapian_errors(what, [&] {
    return has_stub(db_path) ? reshard_sharded(db_path, shards, on_progress)
                             : reshard_single(db_path, shards, on_progress);
  });
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return summary;
}

}  // namespace byline
