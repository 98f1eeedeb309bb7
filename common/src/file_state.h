// The state of one input file recorded in the index's metadata, so a later
// run can skip it when it has not changed (schema.h: byline.file.<file key>).
//
// Invariant: a file's state is present only when all its documents are in
// the same commit. The indexer erases the state before touching a file's
// documents and writes it back after the last one, so a crash at any moment
// leaves either the old complete state or none (and the next run redoes the
// file: it always deletes the file's documents by XF term first).
//
// Encoding (text, one line):
//   "2 <size> <mtime ns> <content hash hex> <doc count> <skip> <read end> <path>"
// where the content hash is XXH3-64 of the file's bytes (ids.h hash64), skip
// is "-" for a file that was read, else why it was skipped ("binary",
// "too-large", "not-article"), read end is how far a WARC file was read (its
// last complete record; 0 for other files), and the path is the absolute
// path the file was indexed under (it may contain spaces: it is the rest of
// the line). States written before WARC input ("1 <size> <mtime ns> <hash>
// <doc count> <path>") are still read.
#ifndef BYLINE_FILE_STATE_H
#define BYLINE_FILE_STATE_H

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace byline {

struct FileState {
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::string content_hash;  // 16 hex digits
  std::uint64_t documents = 0;
  std::string skip;  // "" when the file was read and indexed
  std::uint64_t read_end = 0;
  std::string path;
};

std::string encode_file_state(const FileState& state);

// std::nullopt for bytes that are not a state (treated as "never indexed").
std::optional<FileState> decode_file_state(std::string_view text);

// The metadata key of a file's state: "byline.file.<file key>".
std::string file_state_key(const std::string& file_key);

}  // namespace byline

#endif  // BYLINE_FILE_STATE_H
