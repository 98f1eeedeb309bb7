// Verifying an index (`byline check`), and the few repairs that are safe.
//
// What is verified, shard by shard (an unsharded index is one shard):
//   - the stub (XAPIANDB) parses and every local shard it lists exists;
//   - Xapian's own structural check of every table (the B-trees, and the
//     document lengths and term lists against the postings);
//   - the schema and settings metadata: present where there are documents,
//     this Byline's schema version, the same language and stop words in every shard;
//   - every comment's page has its article;
//   - every file state (what the indexer recorded about an input file) is
//     readable and matches the documents of that file.
// Besides damage, leftovers are noted: temporary folders of a compact or
// reshard that was killed, a stub's temporary file, shard folders the stub
// does not list.
//
// What `fix` repairs (each repair is one line of the report):
//   - removes leftover temporary folders and files whose process is gone;
//   - erases a file state that is unreadable or does not match the file's
//     documents, and the state of a file whose comments lost their article:
//     the next `byline index` of the same inputs re-reads that file whole;
//   - recreates, empty, a local shard that the stub lists but that is
//     missing: the index opens again, and the next `byline index` of the same
//     inputs re-adds the files that shard held (the stub entry is kept,
//     because which shard holds a file depends on the number of shards).
// What it refuses, and says so: damaged tables, missing or mismatched
// settings, a stub that does not parse, unlisted shard folders. Those need a
// rebuild (`byline index` into a new --db) or a copy of the index.
#ifndef BYLINE_CHECK_H
#define BYLINE_CHECK_H

#include "byline/export.h"

#include <cstdint>
#include <string>
#include <vector>

namespace byline {

struct CheckOptions {
  bool fix = false;
};

struct CheckFinding {
  enum class Kind { Damage, Leftover };
  Kind kind = Kind::Damage;
  std::string where;  // "shard0", "XAPIANDB", ".compacting.4242", or the index path
  std::string what;   // one line, in Byline's words
  bool fixed = false;
  std::string fix;    // with fix: what was done, or why it was refused
};

struct BYLINE_EXPORT CheckReport {
  std::vector<CheckFinding> findings;
  std::uint64_t shards_checked = 0;
  std::uint64_t documents_checked = 0;
  std::uint64_t remote_shards_skipped = 0;  // served by others: check them where they live

  // No damage left (leftovers do not count).
  bool clean() const;
};

// Checks the index at db_path. Throws IndexUnusable when there is no index
// there at all, IndexLocked when `fix` needs a shard another writer holds.
// Damage is reported in the findings, never thrown.
BYLINE_EXPORT CheckReport check_index(const std::string& db_path, const CheckOptions& options = {});

}  // namespace byline

#endif  // BYLINE_CHECK_H
