// The one place where Xapian's exceptions become byline::Error subclasses, in
// Byline's words. Library entry points wrap their bodies in
// translate_xapian_errors so no Xapian exception (and none of Xapian's own
// messages, such as "Couldn't detect type of database" or "EOF reading
// block") escapes the library.
//
// A damaged index reads: "index DIR: damaged (WHAT IS WRONG): run 'byline check'".
#ifndef BYLINE_XAPIAN_ERROR_H
#define BYLINE_XAPIAN_ERROR_H

#include <xapian.h>

#include <cerrno>
#include <string>
#include <utility>

#include "byline/error.h"
#include "damage.h"
#include "system_words.h"

namespace byline {
namespace xapian_error_detail {

inline bool has(const std::string& text, const char* part) { return text.find(part) != std::string::npos; }

// What Xapian's message says went wrong with the files, in Byline's words;
// "" when the message is not about damage.
inline std::string damage_words(const std::string& type, const std::string& msg) {
  if (has(msg, "EOF reading block") || has(msg, "Error reading block") || has(msg, "Unexpected end of file"))
    return "a table file is shorter than the index needs";
  if (has(msg, "Couldn't read enough") || has(msg, "Rev file") || has(msg, "revision file") ||
      has(msg, "Failed to open glass revision") || has(msg, "iamglass"))
    return "the version file iamglass is missing, cut short or garbled";
  if (has(msg, "Couldn't detect type of database")) return "no version file (iamglass): not an index folder";
  if (has(msg, "No glass database found") || (has(msg, "Couldn't stat") && has(msg, "No such file")))
    return "the folder is missing";
  if (type == "DatabaseCorruptError" || has(msg, "Block ")) return "a table file holds inconsistent data";
  if (type == "DatabaseVersionError") return "the version file iamglass names an unknown format";
  return "";
}

// A lasting condition of the machine rather than of the index, in Byline's words; "" otherwise.
inline std::string resource_words(const std::string& text) {
  if (has(text, "Too many open files")) return system_words(EMFILE);
  if (has(text, "No space left on device")) return system_words(ENOSPC);
  if (has(text, "Disk quota exceeded")) return system_words(EDQUOT);
  if (has(text, "Cannot allocate memory")) return system_words(ENOMEM);
  if (has(text, "Permission denied") || has(text, "Operation not permitted")) return system_words(EACCES);
  if (has(text, "Read-only file system")) return system_words(EROFS);
  return "";
}

}  // namespace xapian_error_detail

// Rethrows a Xapian::Error as the matching byline::Error; `what` says which
// index or action failed ("index ./byline-index", "index DIR: shard shard0").
[[noreturn]] inline void rethrow_xapian_error(const Xapian::Error& e, const std::string& what) {
  using namespace xapian_error_detail;
  const std::string msg = e.get_msg();
  const char* detail = e.get_error_string();
  const std::string errno_text = detail != nullptr ? detail : "";
  std::string message = what + ": " + msg;
  if (!errno_text.empty()) message += " (" + errno_text + ")";
  // Xapian::Error has no virtual functions, so dispatch on its type name.
  const std::string type = e.get_type();
  const std::string resource = resource_words(msg + " " + errno_text);
  if (type == "DatabaseLockError") {
    // Xapian reports any failure to take the lock as a lock error: only a
    // lock held by another process is "locked".
    if (!resource.empty()) throw IndexUnusable(what + ": not writable (" + resource + ")");
    throw IndexLocked(what + ": locked by another writer (another 'byline index', 'compact' or 'shards' is running)");
  }
  if (!resource.empty() && resource != "permission denied" && resource != "read-only file system") {
    if (type == "DatabaseOpeningError" || type == "DatabaseError" || type == "DatabaseCreateError")
      throw IndexUnusable(what + ": " + resource);
  }
  if (type == "DatabaseOpeningError" || type == "DatabaseNotFoundError" || type == "DatabaseCreateError") {
    if (resource == "permission denied")
      throw IndexUnusable(what + ": cannot read or write its files (permission denied)");
  }
  if (type == "DatabaseVersionError" || type == "DatabaseCorruptError" || type == "DatabaseOpeningError" ||
      type == "DatabaseNotFoundError" || type == "DatabaseError") {
    const std::string words = damage_words(type, msg + " " + errno_text);
    if (!words.empty()) throw IndexUnusable(damaged_message(what, words));
    if (type != "DatabaseError") throw IndexUnusable(message);
  }
  // Byline looks documents up by the ids its own terms give (an unknown id is
  // answered before any read), so a document they point to that is not there
  // is an inconsistent index.
  if (type == "DocNotFoundError")
    throw IndexUnusable(damaged_message(what, "a document that its terms point to is missing"));
  if (type == "QueryParserError" || type == "WildcardError") throw BadQuery(message);
  if (type == "DatabaseError" || type == "NetworkError" || type == "NetworkTimeoutError" ||
      type == "DatabaseModifiedError" || type == "DatabaseClosedError" || type == "DatabaseCreateError")
    throw IoError(message);
  throw Error(message);
}

template <typename F>
auto translate_xapian_errors(const std::string& what, F&& body) -> decltype(body()) {
  try {
    return std::forward<F>(body)();
  } catch (const Xapian::Error& e) {
    rethrow_xapian_error(e, what);
  } catch (const DamagedRecord& e) {
    throw IndexUnusable(damaged_message(what, e.what()));
  }
}

}  // namespace byline

#endif  // BYLINE_XAPIAN_ERROR_H
