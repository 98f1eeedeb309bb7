// What a path given as an index folder holds, judged from the names of its
// files alone (nothing is opened), so that a path that is not a Byline index
// is named as such in Byline's words ("/etc/passwd: not a Byline index")
// instead of in Xapian's ("/etc/passwd:1: Bad line", "Couldn't detect type of
// database"), and so that `byline index` never writes into a folder of
// someone else's files.
#ifndef BYLINE_INDEX_PATH_KIND_H
#define BYLINE_INDEX_PATH_KIND_H

#include <string>

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

// Throws IndexUnusable("PATH: not a Byline index (...)") for NotIndex.
void require_not_foreign(const std::string& path);

}  // namespace byline

#endif  // BYLINE_INDEX_PATH_KIND_H
