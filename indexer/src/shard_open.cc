// Opening an index for writing: an unsharded index (one glass database in the
// index folder, as every index was before sharding) or a sharded one (a
// XAPIANDB stub listing shard folders: shard_stub.h). A new index gets
// options.shards shards (0: options.jobs); with one, it is unsharded.
//
// Each local shard is a WritableDatabase, so the Indexer holds every shard's
// lock: a second writer fails with IndexLocked on the first shard it tries.
// Remote shards in the stub are someone else's to write: they are skipped.
#include <filesystem>

#include "byline/error.h"
#include "index_path_kind.h"
#include "indexer_core.h"
#include "leftovers.h"
#include "schema.h"
#include "shard_commit.h"
#include "shard_stub.h"

namespace byline {
namespace fs = std::filesystem;
namespace {

// The settings of an existing index win; asking for different ones is an error
// (the documents already in it were stemmed another way).
void check_same(const std::string& db_path, const char* what, const std::string& wanted, const std::string& has) {
  if (!wanted.empty() && wanted != has)
    throw BadQuery("index " + db_path + ": was created with " + what + " '" + has + "', not '" + wanted +
                   "' (index into a new folder to change it)");
}

// Creates the folder of a new index and its missing parents. A folder that
// refuses is named: it is the user's to fix, not an internal error.
void create_index_folder(const std::string& path) {
  std::error_code ec;
  fs::create_directories(path, ec);
  if (!ec) return;
  fs::path existing = fs::path(path).parent_path();
  std::error_code exists_ec;
  while (!existing.empty() && !fs::exists(existing, exists_ec)) existing = existing.parent_path();
  const std::string folder = existing.empty() ? std::string(".") : existing.string();
  const bool denied = ec == std::errc::permission_denied || ec == std::errc::read_only_file_system ||
                      ec == std::errc::operation_not_permitted;
  throw IndexUnusable("index " + path + ": cannot create it: the folder " + folder +
                      (denied ? " is not writable (" : " refuses (") + ec.message() + ")");
}

bool is_new_index(const std::string& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) return true;
  return fs::is_directory(path, ec) && fs::is_empty(path, ec);
}

// Removes the shard folders of an interrupted creation that the new index
// does not reuse (the index is created with fewer shards). Each is locked
// first (a creation still running holds it) and must hold no document.
void remove_unused_shard_folders(const std::string& db_path, const std::vector<std::string>& folders,
                                 const IndexerCore& core) {
  for (const fs::path folder : folders) {
    std::error_code ec;
    if (!fs::exists(folder, ec)) continue;  // removed above: half created
    bool reused = false;
    for (const auto& shard : core.shards) reused = reused || fs::path(shard->path) == folder;
    if (reused) continue;
    {
      Xapian::WritableDatabase leftover(folder.string(), Xapian::DB_OPEN);
      if (leftover.get_doccount() != 0)
        throw IndexUnusable("index " + db_path + ": damaged (shard folder " + folder.filename().string() +
                            " holds documents but the stub is missing): run 'byline check'");
    }
    fs::remove_all(folder, ec);
    if (ec) throw IoError("index " + db_path + ": cannot remove " + folder.string() + ": " + ec.message());
  }
}

void open_writer(IndexerCore& core, const std::string& path, int flags) {
  auto shard = std::make_unique<ShardWriter>();
  shard->path = path;
  shard->db = Xapian::WritableDatabase(path, flags);
  core.shards.push_back(std::move(shard));
}

// Every shard carries the settings; a shard that has none yet (new, or created
// by a run that crashed before its first commit) gets the index's.
void settle_settings(IndexerCore& core) {
  const IndexOptions& options = core.options;
  std::optional<IndexSettings> known;
  for (auto& shard : core.shards) {
    IndexSettings settings = read_index_settings(shard->db, core.path);
    if (settings.schema_version == 0) continue;
    if (known && (known->language != settings.language || known->stopwords != settings.stopwords))
      throw IndexUnusable("index " + core.path + ": shard " + shard->path +
                          " was created with other settings than the first shard");
    if (!known) known = settings;
  }
  if (known) {
    check_same(core.path, "language", options.language, known->language);
    check_same(core.path, "stop words", options.stopwords, known->stopwords);
  } else {
    known.emplace();
    known->schema_version = schema::kSchemaVersion;
    known->language = options.language.empty() ? "english" : options.language;
    known->stopwords = options.stopwords.empty() ? "english" : options.stopwords;
  }
  for (auto& shard : core.shards) {
    if (shard->db.get_metadata(schema::kMetaSchema).empty()) {
      write_index_settings(shard->db, *known);
      shard->db.commit();
    }
  }
  core.settings = *known;
}

void open_sharded(IndexerCore& core) {
  std::vector<ShardEntry> entries = read_stub(core.path);
  std::vector<std::string> paths = local_shard_paths(core.path, entries);
  if (paths.empty())
    throw IndexUnusable("index " + core.path + ": all its shards are remote (index on the machines that hold them)");
  if (core.options.shards != 0 && core.options.shards != paths.size())
    throw BadQuery("index " + core.path + ": has " + std::to_string(paths.size()) + " local shards, not " +
                   std::to_string(core.options.shards) + " (change it with reshard_index())");
  // DB_OPEN: a shard folder that vanished (a compaction replaced it) must not
  // be recreated empty.
  for (const std::string& path : paths) open_writer(core, path, Xapian::DB_OPEN);
  // A compaction may have swapped the shards between reading the stub and
  // taking the locks: then these shards are no longer the index.
  if (local_shard_paths(core.path, read_stub(core.path)) != paths)
    throw IndexLocked("index " + core.path + ": its shards changed while opening it (a compaction?); try again");
}

void create_sharded(IndexerCore& core, std::size_t count, const std::vector<std::string>& left) {
  create_index_folder(core.path);
  std::vector<ShardEntry> entries;
  for (std::size_t i = 0; i < count; ++i) {
    ShardEntry entry;
    entry.path = "shard" + std::to_string(i);
    open_writer(core, local_shard_path(core.path, entry), Xapian::DB_CREATE_OR_OPEN);
    entries.push_back(entry);
  }
  remove_unused_shard_folders(core.path, left, core);
  settle_settings(core);
  // The stub last: until it exists the folder is not an index anyone opens.
  write_stub(core.path, entries);
}

}  // namespace

void open_shards(IndexerCore& core) {
  // Never write into a folder of someone else's files (a typo in --db).
  if (is_foreign_path(core.path)) {
    std::error_code ec;
    const char* what = fs::is_directory(core.path, ec) ? "a folder of other files" : "a file, not a folder";
    throw IndexUnusable("index " + core.path + ": not a Byline index (" + what +
                        "): nothing is written into it (index into a new or empty folder)");
  }
  const std::size_t wanted = core.options.shards != 0 ? core.options.shards : core.options.jobs;
  // A creation killed before its stub is taken up again as a new index.
  const std::vector<std::string> left =
      is_new_index(core.path) ? std::vector<std::string>{} : unfinished_creation_shards(core.path);
  // A shard folder without a version file was being created by Xapian when
  // the run was killed: it holds nothing yet, and opening it would fail.
  for (const std::string& folder : left) {
    std::error_code ec;
    if (!fs::exists(fs::path(folder) / "iamglass", ec)) fs::remove_all(folder, ec);
  }
  const bool is_new = is_new_index(core.path) || !left.empty();
  if (has_stub(core.path)) {
    open_sharded(core);
  } else if (is_new && wanted > 1) {
    create_sharded(core, wanted, left);
  } else if (!left.empty()) {
    remove_unused_shard_folders(core.path, left, core);
    open_writer(core, core.path, Xapian::DB_CREATE_OR_OPEN);
  } else {
    if (core.options.shards > 1 && !is_new_index(core.path))
      throw BadQuery("index " + core.path +
                     ": is not sharded; IndexOptions::shards applies to a new index (shard it "
                     "with reshard_index())");
    // As for a sharded index, missing parent folders are created (Xapian
    // creates the last folder only).
    if (is_new_index(core.path)) create_index_folder(core.path);
    open_writer(core, core.path, Xapian::DB_CREATE_OR_OPEN);
  }
  settle_settings(core);
  remove_dead_leftovers(core.path);  // the locks are held: see leftovers.h
  for (auto& shard : core.shards) {
    shard->builder.emplace(core.settings.language);
    begin_changes(*shard);
  }
}

}  // namespace byline
