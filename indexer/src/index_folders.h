// File-system steps shared by the code that rebuilds or commits index
// folders (compact.cc, reshard.cc, shard_commit.cc); the leftovers of those
// killed half-way: leftovers.h.
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

// Puts the index built at `built` (a sibling of `path`) in the place of the
// index at `path`, so that a reader of `path` always finds one whole index:
// the two are exchanged in one step (exchange_paths), and `built` then holds
// the old index. Where the file system cannot exchange, the old index is
// renamed to `aside` and the new one into place (a reader opening in between
// finds nothing; it is put back if the second rename fails). Returns where
// the old index now is, for the caller to remove once it has closed its
// locks. The parent folder is synced either way. Throws IoError.
std::filesystem::path replace_folder(const std::filesystem::path& path, const std::filesystem::path& built,
                                     const std::filesystem::path& aside, const std::string& what);

}  // namespace byline

#endif  // BYLINE_INDEX_FOLDERS_H
