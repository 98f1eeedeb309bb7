// Finding the input files of `byline index`: the given files, and the files
// under the given folders (see Indexer::add_paths for the rules).
#ifndef BYLINE_INPUT_WALK_H
#define BYLINE_INPUT_WALK_H

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "byline/indexer.h"

namespace byline {

struct InputFile {
  std::string path;                        // absolute, lexically normalised
  InputFormat format = InputFormat::Page;  // Page or Jsonl, never Auto
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
};

// The absolute, lexically normalised form of a path ("/a/b/../c/" -> "/a/c"),
// without resolving symlinks.
std::string normalise_path(const std::string& path);

// Lists input files in a stable order (arguments in order, folder entries
// sorted by name), each file once (by device and inode). Problems (missing
// path, unreadable folder, FIFO or device where a file was expected) go to
// on_error as "PATH: reason", one per problem; the walk goes on.
// With missing_roots_ok, a given path that does not exist is not an error.
// Folders in `skip_folders` (normalised paths: the index itself, when it lies
// under an input folder) are not entered.
std::vector<InputFile> walk_inputs(const std::vector<std::string>& roots, InputFormat format, bool missing_roots_ok,
                                   const std::vector<std::string>& skip_folders,
                                   const std::function<void(const std::string&)>& on_error);

// True when `path` is `root` or lies under it (both normalised).
bool path_is_under(const std::string& path, const std::string& root);

}  // namespace byline

#endif  // BYLINE_INPUT_WALK_H
