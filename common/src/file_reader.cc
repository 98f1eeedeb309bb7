#include "file_reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include <cerrno>
#include <memory>

#include "byline/error.h"
#include "system_words.h"

namespace byline {

FileReader::FileReader(const std::string& path) : path_(path) {
  // O_NONBLOCK: a FIFO that replaced a file since the walk must not block the open.
  fd_ = open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd_ < 0) throw IoError(path + ": " + system_words(errno));
  struct stat info {};
  const char* refusal = nullptr;
  if (fstat(fd_, &info) != 0) {
    int e = errno;
    close(fd_);
    throw IoError(path + ": " + system_words(e));
  }
  if (S_ISDIR(info.st_mode))
    refusal = "is a directory";
  else if (!S_ISREG(info.st_mode))
    refusal = "not a regular file";
  if (refusal != nullptr) {
    close(fd_);
    throw IoError(path + ": " + refusal);
  }
  size_ = static_cast<std::uint64_t>(info.st_size);
}

FileReader::~FileReader() {
  if (fd_ >= 0) close(fd_);
}

void FileReader::read_at(std::uint64_t offset, std::size_t length, std::string& out) {
  out.clear();
  if (offset >= size_) return;
  if (length > size_ - offset) length = static_cast<std::size_t>(size_ - offset);
  out.resize(length);
  std::size_t done = 0;
  while (done < length) {
    ssize_t n = pread(fd_, out.data() + done, length - done, static_cast<off_t>(offset + done));
    if (n < 0) {
      if (errno == EINTR) continue;
      int e = errno;
      out.resize(done);
      throw IoError(path_ + ": " + system_words(e));
    }
    if (n == 0) {
      shrunk_ = true;  // cut shorter since it was opened
      break;
    }
    done += static_cast<std::size_t>(n);
  }
  out.resize(done);
}

FileHashes hash_file(FileReader& file, std::uint64_t prefix) {
  constexpr std::size_t kChunk = 1 << 20;
  const auto free_state = [](XXH3_state_t* s) { XXH3_freeState(s); };
  std::unique_ptr<XXH3_state_t, decltype(free_state)> state(XXH3_createState(), free_state);
  if (!state || XXH3_64bits_reset(state.get()) != XXH_OK) throw Error("cannot hash " + file.path());
  FileHashes out;
  bool prefix_done = prefix == 0;
  std::string chunk;
  std::uint64_t at = 0;
  while (at < file.size()) {
    // A chunk ends at the prefix's end, so that its hash is read off there.
    std::size_t want = kChunk;
    if (!prefix_done && prefix - at < want) want = static_cast<std::size_t>(prefix - at);
    file.read_at(at, want, chunk);
    if (chunk.empty()) break;
    XXH3_64bits_update(state.get(), chunk.data(), chunk.size());
    at += chunk.size();
    if (!prefix_done && at == prefix) {
      out.prefix = XXH3_64bits_digest(state.get());
      prefix_done = true;
    }
  }
  out.bytes = at;
  out.whole = XXH3_64bits_digest(state.get());
  return out;
}

}  // namespace byline
