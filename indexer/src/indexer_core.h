// What an Indexer holds, shared by indexer.cc (opening, single pages) and
// index_run.cc (add_paths: walking, incremental state, batches).
#ifndef BYLINE_INDEXER_CORE_H
#define BYLINE_INDEXER_CORE_H

#include <xapian.h>

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "byline/indexer.h"
#include "document_builder.h"
#include "index_meta.h"

namespace byline {

struct IndexerCore {
  std::string path;
  IndexOptions options;
  IndexSettings settings;
  Xapian::WritableDatabase db;
  std::optional<DocumentBuilder> builder;
  std::atomic<bool> stop_requested{false};

  // Adds (replacing by unique id) the documents of one page read from the
  // file with key `file_key`. Returns the number of comment documents.
  std::uint64_t add_page(const Page& page, const std::string& source, const std::string& file_key);

  // Deletes every document read from the file with this key.
  void delete_file_documents(const std::string& file_key);
};

IndexSummary run_add_paths(IndexerCore& core, const std::vector<std::string>& paths, const IndexCallbacks& callbacks);

}  // namespace byline

#endif  // BYLINE_INDEXER_CORE_H
