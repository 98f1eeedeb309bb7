// The one place where Xapian's exceptions become byline::Error subclasses.
// Library entry points wrap their bodies in translate_xapian_errors so no
// Xapian exception escapes the library.
#ifndef BYLINE_XAPIAN_ERROR_H
#define BYLINE_XAPIAN_ERROR_H

#include <xapian.h>

#include <string>
#include <utility>

#include "byline/error.h"

namespace byline {

// Rethrows a Xapian::Error as the matching byline::Error; `what` says which
// index or action failed ("index ./byline-index").
[[noreturn]] inline void rethrow_xapian_error(const Xapian::Error& e, const std::string& what) {
  std::string message = what + ": " + e.get_msg();
  if (const char* detail = e.get_error_string(); detail != nullptr && *detail != '\0')
    message += " (" + std::string(detail) + ")";
  // Xapian::Error has no virtual functions, so dispatch on its type name.
  const std::string type = e.get_type();
  if (type == "DatabaseLockError") throw IndexLocked(what + ": locked by another writer (" + e.get_msg() + ")");
  if (type == "DatabaseVersionError" || type == "DatabaseCorruptError" || type == "DatabaseOpeningError" ||
      type == "DatabaseNotFoundError")
    throw IndexUnusable(message);
  if (type == "QueryParserError" || type == "WildcardError") throw BadQuery(message);
  if (type == "DatabaseError" || type == "NetworkError" || type == "NetworkTimeoutError" ||
      type == "DatabaseModifiedError" || type == "DatabaseClosedError")
    throw IoError(message);
  throw Error(message);
}

template <typename F>
auto translate_xapian_errors(const std::string& what, F&& body) -> decltype(body()) {
  try {
    return std::forward<F>(body)();
  } catch (const Xapian::Error& e) {
    rethrow_xapian_error(e, what);
  }
}

}  // namespace byline

#endif  // BYLINE_XAPIAN_ERROR_H
