#include "durable_file.h"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>  // renameat2 (glibc 2.28+)
#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "byline/error.h"
#include "system_words.h"

namespace byline {
namespace {

std::atomic<unsigned long> temporary_counter{0};

std::string temporary_name(const std::string& path) {
  return path + ".tmp." + std::to_string(::getpid()) + "-" + std::to_string(++temporary_counter);
}

int renameat2_exchange(const char* a, const char* b) {
#if defined(RENAME_EXCHANGE)
  return ::renameat2(AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE);
#elif defined(SYS_renameat2)
  return static_cast<int>(::syscall(SYS_renameat2, AT_FDCWD, a, AT_FDCWD, b, 2 /* RENAME_EXCHANGE */));
#else
  errno = ENOSYS;
  return -1;
#endif
}

}  // namespace

void write_file_durably(const std::string& path, std::string_view bytes, const std::string& what) {
  const std::string temporary = temporary_name(path);
  auto fail = [&](const std::string& file) {
    const std::string message = what + ": cannot write " + file + ": " + system_words(errno);
    ::unlink(temporary.c_str());
    throw IoError(message);
  };
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) fail(temporary);
  std::size_t written = 0;
  while (written < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      if (n == 0) errno = EIO;
      const int saved = errno;
      ::close(fd);
      errno = saved;
      fail(temporary);
    }
    written += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) {
    const int saved = errno;
    ::close(fd);
    errno = saved;
    fail(temporary);
  }
  if (::close(fd) != 0) fail(temporary);
  if (::rename(temporary.c_str(), path.c_str()) != 0) fail(path);
  std::filesystem::path folder = std::filesystem::path(path).parent_path();
  sync_folder(folder.empty() ? std::string(".") : folder.string(), what);
}

void sync_folder(const std::string& folder, const std::string& what) {
  const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) throw IoError(what + ": cannot open the folder " + folder + ": " + system_words(errno));
  const int rc = ::fsync(fd);
  const int saved = errno;
  ::close(fd);
  if (rc != 0 && saved != EINVAL)
    throw IoError(what + ": cannot sync the folder " + folder + ": " + system_words(saved));
}

bool exchange_paths(const std::string& a, const std::string& b, const std::string& what) {
  if (renameat2_exchange(a.c_str(), b.c_str()) == 0) return true;
  if (errno == ENOSYS || errno == EINVAL) return false;
  throw IoError(what + ": cannot exchange " + a + " and " + b + ": " + system_words(errno));
}

bool process_alive(long pid) { return pid > 0 && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM); }

}  // namespace byline
