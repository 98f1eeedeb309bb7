// Errors thrown by the Byline library.
//
// Every failure the library reports is a byline::Error (a std::runtime_error)
// whose what() is a one-line message fit to show a user. The subclasses let a
// caller react to the kind of failure: the CLI maps them to exit statuses.
#ifndef BYLINE_ERROR_H
#define BYLINE_ERROR_H

#include <stdexcept>
#include <string>

namespace byline {

class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& message) : std::runtime_error(message) {}
};

// A file or folder could not be read or written (missing, unreadable, disk full).
class IoError : public Error {
 public:
  using Error::Error;
};

// A query string, date or option value that cannot be understood.
class BadQuery : public Error {
 public:
  using Error::Error;
};

// Another writer holds the index's lock.
class IndexLocked : public Error {
 public:
  using Error::Error;
};

// The index cannot be used: missing, corrupt, or written by an incompatible
// version of Byline (schema version mismatch).
class IndexUnusable : public Error {
 public:
  using Error::Error;
};

// The index was written with a schema this version does not understand.
class SchemaMismatch : public IndexUnusable {
 public:
  using IndexUnusable::IndexUnusable;
};

}  // namespace byline

#endif  // BYLINE_ERROR_H
