#include "shard_commit.h"

#include <sys/statvfs.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "byline/error.h"
#include "index_folders.h"
#include "indexer_core.h"
#include "system_words.h"

namespace byline {
namespace {

constexpr std::uint64_t kMiB = 1024 * 1024;

std::string megabytes(std::uint64_t bytes) {
  const std::uint64_t tenths = (bytes * 10 + kMiB / 2) / kMiB;
  return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " MB";
}

}  // namespace

std::uint64_t commit_space_needed(const ShardWriter& shard) {
  return std::max(2 * shard.last_commit_growth, 16 * shard.text_bytes_since_commit) + kMiB;
}

void begin_changes(ShardWriter& shard) {
  // Flushed: commit_transaction() writes the changes, as commit() would.
  shard.db.begin_transaction(true);
  shard.in_transaction = true;
}

void commit_shard(const std::string& what, ShardWriter& shard) {
  struct statvfs fs {};
  if (::statvfs(shard.path.c_str(), &fs) == 0) {
    const std::uint64_t free = static_cast<std::uint64_t>(fs.f_bavail) * fs.f_frsize;
    const std::uint64_t needed = commit_space_needed(shard);
    if (free < needed) {
      if (shard.in_transaction) {
        shard.db.cancel_transaction();
        shard.in_transaction = false;
      }
      throw IoError(what + ": " + system_words(ENOSPC) + " (" + megabytes(free) + " free in " + shard.path +
                    ", a commit needs about " + megabytes(needed) + "; the index stays at its last commit)");
    }
  }
  const std::uint64_t before = folder_bytes(shard.path);
  if (shard.in_transaction) {
    shard.in_transaction = false;
    shard.db.commit_transaction();
  } else {
    shard.db.commit();
  }
  const std::uint64_t after = folder_bytes(shard.path);
  shard.last_commit_growth = after > before ? after - before : 0;
  shard.pages_since_commit = 0;
  shard.text_bytes_since_commit = 0;
  begin_changes(shard);
}

}  // namespace byline
