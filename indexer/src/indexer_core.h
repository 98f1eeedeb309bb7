// What an Indexer holds, shared by indexer.cc (opening, single pages),
// shard_open.cc (finding or creating the shards) and index_run.cc (add_paths:
// walking, incremental state, batches, one worker thread per group of shards).
#ifndef BYLINE_INDEXER_CORE_H
#define BYLINE_INDEXER_CORE_H

#include <xapian.h>

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "byline/indexer.h"
#include "document_builder.h"
#include "index_meta.h"

namespace byline {

// One local shard open for writing, with its own term generator. Used by one
// thread at a time.
struct ShardWriter {
  std::string path;
  Xapian::WritableDatabase db;
  std::optional<DocumentBuilder> builder;
  std::size_t pages_since_commit = 0;
  // For commit_space_needed (shard_commit.h).
  std::uint64_t text_bytes_since_commit = 0;
  std::uint64_t last_commit_growth = 0;
  // Changes between commits run in a Xapian transaction (shard_commit.h), so
  // that a commit refused for want of space can drop them: otherwise closing
  // the database would commit them anyway, onto the full disk.
  bool in_transaction = false;
};

struct IndexerCore {
  std::string path;
  IndexOptions options;
  IndexSettings settings;
  // The local shards: one (the index folder itself) for an unsharded index.
  std::vector<std::unique_ptr<ShardWriter>> shards;
  std::atomic<bool> stop_requested{false};

  // The shard that holds every document and the state of the file with this
  // key: the same shard on every run (the key is a hash of the path).
  ShardWriter& shard_for(const std::string& file_key);

  // Adds (replacing by unique id) the documents of one page read from the
  // file with key `file_key`. Returns the number of comment documents.
  // `id_source`: see DocumentBuilder::build_each.
  std::uint64_t add_page(ShardWriter& shard, const Page& page, const std::string& source, const std::string& file_key,
                         const std::string* id_source = nullptr);

  // True when the shard already holds the page whose id is made from `id_source`.
  bool has_page(ShardWriter& shard, const std::string& id_source);

  // Deletes every document read from the file with this key.
  void delete_file_documents(ShardWriter& shard, const std::string& file_key);

  void commit_all();
};

// Opens the index at core.path for writing (shard_open.cc): every local shard,
// created when the index is new (core.options.shards, else .jobs, of them).
void open_shards(IndexerCore& core);

IndexSummary run_add_paths(IndexerCore& core, const std::vector<std::string>& paths, const IndexCallbacks& callbacks);

}  // namespace byline

#endif  // BYLINE_INDEXER_CORE_H
