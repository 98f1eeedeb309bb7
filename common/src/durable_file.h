// Writing the files Byline keeps beside Xapian's (the shard stub) so that a
// reader, or the next run after a crash or a power cut, finds the old bytes
// or the new ones, never part of either: a temporary file of its own, fsync,
// rename over the old one, then fsync of the folder (without it the rename
// itself may be lost at a power cut, leaving the old file, or none on some
// file systems). Also the folder-level steps that replacing an index needs.
#ifndef BYLINE_DURABLE_FILE_H
#define BYLINE_DURABLE_FILE_H

#include <string>
#include <string_view>

namespace byline {

// Writes `bytes` to `path` atomically and durably (above). The temporary
// file is "<path>.tmp.<pid>-<n>", unique per call, so two writers (threads
// or processes) never write into the same temporary file. Throws IoError
// "<what>: cannot write FILE: why"; the temporary file is removed then.
void write_file_durably(const std::string& path, std::string_view bytes, const std::string& what);

// Makes the entries of `folder` (renames, new files) durable. Throws IoError
// prefixed with `what`; a file system that cannot sync folders (EINVAL) is
// not an error.
void sync_folder(const std::string& folder, const std::string& what);

// Swaps the two paths in one step (renameat2 RENAME_EXCHANGE): a reader of
// either path finds one whole folder or file, never nothing. Returns false,
// changing nothing, when the kernel or the file system cannot exchange
// (ENOSYS, EINVAL); throws IoError prefixed with `what` for other failures.
bool exchange_paths(const std::string& a, const std::string& b, const std::string& what);

// True when a process with this id exists (also one of another user).
bool process_alive(long pid);

}  // namespace byline

#endif  // BYLINE_DURABLE_FILE_H
