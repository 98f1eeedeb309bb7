// compact_index: Xapian's compaction of every local shard into one new glass
// folder, then a swap that readers never see half-done: for a sharded index
// the stub is rewritten atomically to name the new shard; a single database
// is built beside the old one and exchanged with it in one step
// (replace_folder). Each run first removes what killed runs left behind
// (leftovers.h), once it holds the index's locks.
#include <unistd.h>

#include <chrono>
#include <filesystem>

#include "byline/error.h"
#include "byline/shards.h"
#include "durable_file.h"
#include "index_folders.h"
#include "index_path_kind.h"
#include "leftovers.h"
#include "shard_stub.h"
#include "xapian_error.h"

namespace byline {
namespace fs = std::filesystem;
namespace {

// A shard folder name not yet used in the index folder: "shardN".
std::string free_shard_name(const std::string& db_path) {
  for (unsigned n = 0;; ++n) {
    std::string name = "shard" + std::to_string(n);
    std::error_code ec;
    if (!fs::exists(fs::path(db_path) / name, ec)) return name;
  }
}

// Compacts `sources` (open databases) into a new shard folder of db_path;
// returns its stub entry.
ShardEntry compact_into_new_shard(const std::string& db_path, Xapian::Database& sources) {
  ShardEntry merged;
  merged.path = free_shard_name(db_path);
  const fs::path merged_path = local_shard_path(db_path, merged);
  const fs::path building = fs::path(db_path) / std::string(".compacting.").append(std::to_string(::getpid()));
  std::error_code ec;
  fs::remove_all(building, ec);
  try {
    sources.compact(building.string());
    rename_or_throw(building, merged_path, "index " + db_path);
    sync_folder(db_path, "index " + db_path);  // the new shard before the stub that names it
  } catch (...) {
    fs::remove_all(building, ec);
    throw;
  }
  return merged;
}

CompactSummary compact_sharded(const std::string& db_path, bool merge, CompactSummary summary) {
  const std::string what = "index " + db_path;
  std::vector<ShardEntry> entries = read_stub(db_path);
  std::vector<std::string> old_paths = local_shard_paths(db_path, entries);
  if (old_paths.empty()) throw BadQuery(what + ": has no local shards to compact (compact on the shard servers)");
  // The write locks: no indexer runs until the stub names the new shards.
  std::vector<Xapian::WritableDatabase> locks;
  for (const std::string& path : old_paths) {
    locks.emplace_back(path, Xapian::DB_OPEN);
    summary.bytes_before += folder_bytes(path);
    summary.documents += locks.back().get_doccount();
  }
  remove_dead_leftovers(db_path);
  summary.shards_before = old_paths.size();
  std::vector<ShardEntry> updated;
  if (merge) {
    Xapian::Database sources;
    for (const std::string& path : old_paths) sources.add_database(Xapian::Database(path));
    updated.push_back(compact_into_new_shard(db_path, sources));
  } else {
    // Each shard on its own, in order: files stay in the shard their key picks.
    for (const std::string& path : old_paths) {
      Xapian::Database source(path);
      updated.push_back(compact_into_new_shard(db_path, source));
    }
  }
  for (const ShardEntry& e : entries)
    if (e.remote) updated.push_back(e);
  write_stub(db_path, updated);
  for (const ShardEntry& e : updated)
    if (!e.remote) summary.bytes_after += folder_bytes(local_shard_path(db_path, e));
  for (Xapian::WritableDatabase& lock : locks) lock.close();
  std::error_code ec;
  for (const std::string& path : old_paths) fs::remove_all(path, ec);
  return summary;
}

CompactSummary compact_single(const std::string& db_path, CompactSummary summary) {
  const std::string what = "index " + db_path;
  fs::path path = fs::absolute(db_path).lexically_normal();
  if (path.filename().empty()) path = path.parent_path();
  Xapian::WritableDatabase lock(path.string(), Xapian::DB_OPEN);
  summary.shards_before = 1;
  summary.documents = lock.get_doccount();
  summary.bytes_before = folder_bytes(path);
  remove_dead_leftovers(path.string());
  // "<db>.compacting.<pid>", "<db>.old.<pid>" (appended: GCC 12 -Wrestrict).
  std::string pid = std::to_string(::getpid());
  const fs::path building = path.string().append(".compacting.").append(pid);
  const fs::path aside = path.string().append(".old.").append(pid);
  std::error_code ec;
  fs::remove_all(building, ec);
  fs::path old;
  try {
    Xapian::Database(path.string()).compact(building.string());
    old = replace_folder(path, building, aside, what);
  } catch (...) {
    fs::remove_all(building, ec);
    throw;
  }
  lock.close();
  summary.bytes_after = folder_bytes(path);
  fs::remove_all(old, ec);
  return summary;
}

}  // namespace

CompactSummary compact_index(const std::string& db_path, bool merge_shards) {
  const std::string what = "index " + db_path;
  std::error_code ec;
  if (!fs::is_directory(db_path, ec)) throw IndexUnusable(what + ": no index there");
  require_not_foreign(db_path);  // taking the lock would write into it
  auto started = std::chrono::steady_clock::now();
  CompactSummary summary = translate_xapian_errors(what, [&] {
    return has_stub(db_path) ? compact_sharded(db_path, merge_shards, {}) : compact_single(db_path, {});
  });
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return summary;
}

}  // namespace byline
