#include "mapped_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "byline/error.h"
#include "system_words.h"

namespace byline {

MappedFile::MappedFile(const std::string& path) {
  // O_NONBLOCK: a FIFO that replaced a file since the walk must not block the open.
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) throw IoError(path + ": " + system_words(errno));
  struct stat info {};
  if (fstat(fd, &info) != 0) {
    int e = errno;
    close(fd);
    throw IoError(path + ": " + system_words(e));
  }
  if (S_ISDIR(info.st_mode)) {
    close(fd);
    throw IoError(path + ": is a directory");
  }
  if (!S_ISREG(info.st_mode)) {
    close(fd);
    throw IoError(path + ": not a regular file");
  }
  size_ = static_cast<std::size_t>(info.st_size);
  if (size_ > 0) {
    data_ = mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, fd, 0);
    if (data_ == MAP_FAILED) {
      int e = errno;
      data_ = nullptr;
      size_ = 0;
      close(fd);
      throw IoError(path + ": " + system_words(e));
    }
    madvise(data_, size_, MADV_SEQUENTIAL);
  }
  close(fd);
}

MappedFile::~MappedFile() {
  if (data_ != nullptr) munmap(data_, size_);
}

}  // namespace byline
