// The checks of one local shard for check_index (byline/check.h): Xapian's
// structural check, the settings metadata, comments against their articles,
// file states against the documents. Reads only; what a repair would change
// is returned for check.cc to apply.
#ifndef BYLINE_CHECK_SHARD_H
#define BYLINE_CHECK_SHARD_H

#include <xapian.h>

#include <cstddef>
#include <functional>
#include <optional>
#include <set>
#include <string>

#include "index_meta.h"

namespace byline {

struct ShardUnderCheck {
  std::string name;  // "shard0" (as in the stub), or "index" for an unsharded one
  std::string path;
  std::size_t position = 0;      // among the local shards, in stub order
  std::size_t local_shards = 1;  // their number (file routing)
};

struct ShardCheckResult {
  std::uint64_t documents = 0;
  bool opened = false;
  bool structure_damaged = false;  // Xapian's check found errors: no repair writes to it
  std::optional<IndexSettings> settings;  // when the shard holds them
  std::set<std::string> states_to_erase;  // metadata keys a repair erases
};

using DamageFn = std::function<void(const std::string& what)>;

// Runs every check of one shard; each problem goes to `damage` as one line.
ShardCheckResult check_shard(const ShardUnderCheck& shard, const DamageFn& damage);

// Xapian's words for what went wrong, turned into Byline's (xapian_error.h).
std::string damage_in_words(const Xapian::Error& e);

}  // namespace byline

#endif  // BYLINE_CHECK_SHARD_H
