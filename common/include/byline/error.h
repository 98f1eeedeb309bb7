// Errors thrown by the Byline library.
//
// Every failure the library reports is a byline::Error (a std::runtime_error)
// whose what() is a one-line message fit to show a user. The subclasses let a
// caller react to the kind of failure: the CLI maps them to exit statuses.
#ifndef BYLINE_ERROR_H
#define BYLINE_ERROR_H

#include "byline/export.h"

#include <stdexcept>
#include <string>

namespace byline {

class BYLINE_EXPORT Error : public std::runtime_error {
 public:
  explicit Error(const std::string& message) : std::runtime_error(message) {}
};

// A file or folder could not be read or written (missing, unreadable, disk full).
class BYLINE_EXPORT IoError : public Error {
 public:
  using Error::Error;
};

// A query string, date or option value that cannot be understood.
class BYLINE_EXPORT BadQuery : public Error {
 public:
  using Error::Error;
};

// Another writer holds the index's lock.
class BYLINE_EXPORT IndexLocked : public Error {
 public:
  using Error::Error;
};

// The index cannot be used: missing, corrupt, or written by an incompatible
// version of Byline (schema version mismatch).
class BYLINE_EXPORT IndexUnusable : public Error {
 public:
  using Error::Error;
};

// The index was written with a schema this version does not understand.
class BYLINE_EXPORT SchemaMismatch : public IndexUnusable {
 public:
  using IndexUnusable::IndexUnusable;
};

}  // namespace byline

#endif  // BYLINE_ERROR_H
