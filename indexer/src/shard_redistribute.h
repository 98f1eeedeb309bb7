// The copying half of reshard_index (reshard.cc does the locking and the
// switch): every document, file state and setting of the old
// shards written into new ones, each file where the indexer routes it.
#ifndef BYLINE_SHARD_REDISTRIBUTE_H
#define BYLINE_SHARD_REDISTRIBUTE_H

#include <xapian.h>

#include <cstdint>
#include <functional>
#include <vector>

namespace byline {

struct RedistributedCounts {
  std::uint64_t documents = 0;
  std::uint64_t files = 0;  // file states
};

// Copies the contents of `sources` into `targets` (new, empty databases, in
// stub order) and commits them. Documents keep their terms, positions,
// values and data (not their docids, which no one relies on: ties are
// broken by a sort value). Calls on_progress(documents copied) now and then.
// Throws Error when the targets do not end up with every document.
RedistributedCounts redistribute(std::vector<Xapian::Database>& sources, std::vector<Xapian::WritableDatabase>& targets,
                                 const std::function<void(std::uint64_t)>& on_progress);

}  // namespace byline

#endif  // BYLINE_SHARD_REDISTRIBUTE_H
