// What a path given as an index folder holds, judged from the names of its
// files alone (nothing is opened), so that a path that is not a Byline index
// is named as such in Byline's words ("/etc/passwd: not a Byline index")
// instead of in Xapian's ("/etc/passwd:1: Bad line", "Couldn't detect type of
// database"), and so that `byline index` never writes into a folder of
// someone else's files.
#ifndef BYLINE_INDEX_PATH_KIND_H
#define BYLINE_INDEX_PATH_KIND_H

#include <string>

#include "byline/error.h"

namespace byline {

enum class IndexFolderKind {
  Missing,   // nothing at the path
  Empty,     // an empty folder (a new index may be created there)
  Index,     // a folder with the files of an index (it may still be damaged)
  NotIndex,  // a file, or a folder holding none of an index's files
};

// An index's files: Xapian's glass tables and version file (iamglass,
// *.glass), its lock (flintlock), a shard stub (XAPIANDB), or shard folders
// that hold them.
IndexFolderKind index_folder_kind(const std::string& path);

// NotIndex on two looks in a row: a listing can read the old folder of an
// index that a compaction has just swapped out and is emptying; the second
// listing reads the folder now at the path.
bool is_foreign_path(const std::string& path);

// Throws IndexUnusable("PATH: not a Byline index (...)") when is_foreign_path.
void require_not_foreign(const std::string& path);

// Runs `open` (opening the index at `path` for reading); when it fails with a
// byline::Error and the path is not an index at all, throws that instead of
// Xapian's reason in Byline's words. Judged only after a failure: a reader
// that lists a folder a compaction has just swapped out and is emptying must
// not call a whole index foreign.
template <typename Open>
auto naming_foreign_path(const std::string& path, Open&& open) -> decltype(open()) {
  try {
    return open();
  } catch (const Error&) {
    require_not_foreign(path);
    throw;
  }
}

}  // namespace byline

#endif  // BYLINE_INDEX_PATH_KIND_H
