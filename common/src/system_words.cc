#include "system_words.h"

#include <cctype>
#include <cerrno>
#include <cstring>

namespace byline {

std::string system_words(int code) {
  switch (code) {
    case EMFILE:
    case ENFILE:
      return "too many open files (raise the limit: ulimit -n)";
    case ENOSPC:
      return "the disk is full";
    case EDQUOT:
      return "the disk quota is exceeded";
    case ENOMEM:
      return "out of memory";
    case EACCES:
    case EPERM:
      return "permission denied";
    case EROFS:
      return "read-only file system";
    case ENOENT:
      return "no such file or folder";
    case ENOTDIR:
      return "a part of the path is not a folder";
    case EISDIR:
      return "it is a folder";
    case EIO:
      return "input/output error (the disk may be failing)";
    default:
      break;
  }
  std::string text = std::strerror(code);
  if (!text.empty()) text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
  return text;
}

}  // namespace byline
