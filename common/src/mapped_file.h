// A whole input file mapped into memory read-only: a WARC archive of
// gigabytes is read record by record without a copy of it in memory.
#ifndef BYLINE_MAPPED_FILE_H
#define BYLINE_MAPPED_FILE_H

#include <cstddef>
#include <string>
#include <string_view>

namespace byline {

class MappedFile {
 public:
  // Throws byline::IoError ("PATH: reason") when the file cannot be opened or mapped.
  explicit MappedFile(const std::string& path);
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  std::string_view bytes() const { return {static_cast<const char*>(data_), size_}; }

 private:
  void* data_ = nullptr;
  std::size_t size_ = 0;
};

}  // namespace byline

#endif  // BYLINE_MAPPED_FILE_H
