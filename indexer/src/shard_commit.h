// Committing one shard, and only when its file system has room for it.
//
// Why the room check: when a commit runs out of space, libxapian 1.4.22 often
// reports it (Xapian::DatabaseError, "No space left on device"), but about one
// commit in five it aborts the process instead: a destructor that runs while
// that error unwinds throws again, inside the library, and std::terminate
// follows (gdb: terminate from __gxx_personality_v0 under
// WritableDatabase::commit(); tests/reliability/crash_test.cc "disk full").
// No catch can stop that, so a commit is not started when the free space is
// below what it is likely to need; the run then ends with one clear IoError
// and the index stays at its last commit.
#ifndef BYLINE_SHARD_COMMIT_H
#define BYLINE_SHARD_COMMIT_H

#include <cstdint>
#include <string>

namespace byline {

struct ShardWriter;

// The free space a commit of `shard` is expected to need: twice the growth
// of the shard's folder at its last commit, or 16 bytes per byte of text
// added since (whichever is larger), plus 1 MiB. Glass writes a commit's
// changed blocks to new places before it frees the old ones, and an index is
// 4-7 times its text as built (BENCHMARKS.md), so this is generous.
std::uint64_t commit_space_needed(const ShardWriter& shard);

// Starts the transaction that holds the shard's changes until the next
// commit_shard (shards are opened with one).
void begin_changes(ShardWriter& shard);

// Checks the free space, commits, records the folder's growth and starts the next
// transaction. `what` prefixes messages ("index DB"). Throws byline::IoError
// when the space is short: the changes since the last commit are then
// dropped (cancelled, never written), and later changes are not held in a
// transaction. Else throws what Xapian throws.
void commit_shard(const std::string& what, ShardWriter& shard);

}  // namespace byline

#endif  // BYLINE_SHARD_COMMIT_H
