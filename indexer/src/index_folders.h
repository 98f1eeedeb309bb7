// File-system steps shared by the code that rebuilds or commits index
// folders (compact.cc, reshard.cc, shard_commit.cc).
#ifndef BYLINE_INDEX_FOLDERS_H
#define BYLINE_INDEX_FOLDERS_H

#include <cstdint>
#include <filesystem>
#include <string>

namespace byline {

// The bytes of the regular files under `folder` (0 when it cannot be read).
std::uint64_t folder_bytes(const std::filesystem::path& folder);

// Renames `from` to `to`; throws IoError prefixed with `what` ("index DB").
void rename_or_throw(const std::filesystem::path& from, const std::filesystem::path& to, const std::string& what);

}  // namespace byline

#endif  // BYLINE_INDEX_FOLDERS_H
