// Which local shard holds a file: the one routing rule, used by the indexer
// (IndexerCore::shard_for) and by reshard_index, so that a resharded index
// routes every file exactly where a later incremental run looks for it.
#ifndef BYLINE_SHARD_ROUTING_H
#define BYLINE_SHARD_ROUTING_H

#include <cstddef>
#include <string>

namespace byline {

// The index (in stub order, counting local shards only) of the shard that
// holds the documents and the state of the file with this key (16 hex digits:
// ids.h file_key_for). Throws std::invalid_argument for a key that is not hex.
inline std::size_t shard_index_for(const std::string& file_key, std::size_t local_shards) {
  if (local_shards <= 1) return 0;
  return static_cast<std::size_t>(std::stoull(file_key, nullptr, 16) % local_shards);
}

}  // namespace byline

#endif  // BYLINE_SHARD_ROUTING_H
