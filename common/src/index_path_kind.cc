#include "index_path_kind.h"

#include <filesystem>

#include "byline/error.h"

namespace byline {
namespace fs = std::filesystem;
namespace {

bool is_index_file_name(const std::string& name) {
  if (name == "iamglass" || name == "flintlock" || name == "XAPIANDB") return true;
  return name.size() > 6 && name.compare(name.size() - 6, 6, ".glass") == 0;
}

// Any entry of `folder` is an index's file; `depth` levels of subfolders
// are looked into (a sharded index whose stub was lost still has shards).
// A folder that cannot be listed (out of file descriptors, no permission)
// counts as holding them: only a listing that was read to its end may call
// an index foreign, and the open then says what is really wrong.
bool holds_index_files(const fs::path& folder, int depth) {
  std::error_code ec;
  fs::directory_iterator it(folder, ec);
  if (ec) return true;
  for (fs::directory_iterator end; it != end; it.increment(ec)) {
    if (is_index_file_name(it->path().filename().string())) return true;
    std::error_code type_error;
    if (depth > 0 && it->is_directory(type_error) && holds_index_files(it->path(), depth - 1)) return true;
  }
  return ec.operator bool();
}

}  // namespace

IndexFolderKind index_folder_kind(const std::string& path) {
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (status.type() == fs::file_type::not_found) return IndexFolderKind::Missing;
  // Unreadable or unknown: let the open say what is wrong.
  if (ec) return IndexFolderKind::Index;
  if (status.type() != fs::file_type::directory) return IndexFolderKind::NotIndex;
  bool empty = false;
  {
    fs::directory_iterator it(path, ec);  // closed before the deeper look opens more
    if (ec) return IndexFolderKind::Index;
    empty = it == fs::directory_iterator();
  }
  if (empty) return IndexFolderKind::Empty;
  return holds_index_files(path, 1) ? IndexFolderKind::Index : IndexFolderKind::NotIndex;
}

bool is_foreign_path(const std::string& path) {
  return index_folder_kind(path) == IndexFolderKind::NotIndex && index_folder_kind(path) == IndexFolderKind::NotIndex;
}

void require_not_foreign(const std::string& path) {
  if (!is_foreign_path(path)) return;
  std::error_code ec;
  const bool folder = fs::is_directory(path, ec);
  throw IndexUnusable(path + ": not a Byline index (" +
                      (folder ? std::string("a folder of other files") : std::string("a file, not a folder")) + ")");
}

}  // namespace byline
