// What a compact, reshard or stub write that was killed leaves behind, found
// in one place for `byline check` (which reports them) and for the next
// compact, reshard or index (which removes those of dead processes):
// - inside the index folder: ".compacting.<pid>", ".resharding.<pid>" (new
//   shards being built), "XAPIANDB.tmp.<pid>-<n>" (a stub being written;
//   "XAPIANDB.tmp" from older versions, without a process id);
// - beside it: "<name>.compacting.<pid>", "<name>.resharding.<pid>" (a new
//   single database or sharded index being built, or, once swapped in, the
//   old one) and "<name>.old.<pid>" (the old index set aside by a version
//   that replaced indexes by two renames).
#ifndef BYLINE_LEFTOVERS_H
#define BYLINE_LEFTOVERS_H

#include <filesystem>
#include <string>
#include <vector>

namespace byline {

struct Leftover {
  std::filesystem::path path;
  std::string name;  // its file name, as `byline check` shows it
  long pid = 0;      // the process that made it (0: unknown)
  std::string what;  // what it is, in a few words
};

// The leftovers of the index at db_path (of any process, alive or not).
std::vector<Leftover> find_leftovers(const std::string& db_path);

// Removes the leftovers of processes that no longer run (not this one's, not
// those without a process id). Call it holding the index's write locks: a
// live compact or reshard of this index then cannot be the one that made
// them, and a folder of a pid reused since is kept (the safe side).
void remove_dead_leftovers(const std::string& db_path);

}  // namespace byline

#endif  // BYLINE_LEFTOVERS_H
