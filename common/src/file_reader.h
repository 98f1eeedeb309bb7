// An input file read with pread(2), a piece at a time: a WARC archive of
// gigabytes is read record by record with memory bounded by its largest
// record. (Byline once mapped such files into memory; a file truncated while
// mapped kills the reader with SIGBUS, where a read only comes back short.)
#ifndef BYLINE_FILE_READER_H
#define BYLINE_FILE_READER_H

#include <cstdint>
#include <string>
#include <string_view>

namespace byline {

class FileReader {
 public:
  // Opens a regular file. Throws byline::IoError ("PATH: reason") when it
  // cannot be opened or is not a regular file (a folder, a FIFO that
  // replaced a file: never blocks).
  explicit FileReader(const std::string& path);
  ~FileReader();
  FileReader(const FileReader&) = delete;
  FileReader& operator=(const FileReader&) = delete;

  const std::string& path() const { return path_; }
  // The size when the file was opened: what a reader expects to find.
  std::uint64_t size() const { return size_; }

  // Up to `length` bytes from `offset` into `out` (replacing its contents):
  // fewer only at the end of the file, or where the file has since been cut
  // shorter (then shrunk() is true). Throws byline::IoError on a read error.
  void read_at(std::uint64_t offset, std::size_t length, std::string& out);
  std::string read_at(std::uint64_t offset, std::size_t length) {
    std::string out;
    read_at(offset, length, out);
    return out;
  }

  // True once a read found less than size() promised.
  bool shrunk() const { return shrunk_; }

 private:
  std::string path_;
  int fd_ = -1;
  std::uint64_t size_ = 0;
  bool shrunk_ = false;
};

// The XXH3-64 hash (ids.h hash64) of a file's first `prefix` bytes and of
// all of it, in one pass of reads; `prefix` 0 gives 0 for the first.
struct FileHashes {
  std::uint64_t prefix = 0;
  std::uint64_t whole = 0;
  std::uint64_t bytes = 0;  // bytes read (size() unless the file shrank)
};
FileHashes hash_file(FileReader& file, std::uint64_t prefix);

}  // namespace byline

#endif  // BYLINE_FILE_READER_H
