// Errors of the JSON API: every failure is answered {"error": "...",
// "status": N} with that HTTP status, never HTML and never a crash.
#ifndef BYLINE_SERVER_API_ERROR_H
#define BYLINE_SERVER_API_ERROR_H

#include <exception>
#include <stdexcept>
#include <string>

namespace byline::server {

// A JSON body and its HTTP status.
struct ApiResponse {
  int status = 200;
  std::string body;
};

// A failure the server itself decides (unknown parameter, unknown id, ...).
class ApiError : public std::runtime_error {
 public:
  ApiError(int status, const std::string& message) : std::runtime_error(message), status_(status) {}
  int status() const { return status_; }

 private:
  int status_;
};

// {"error": message, "status": status}
std::string error_json(int status, const std::string& message);

// The response for the exception being handled (call inside a catch block):
// 400 for a bad query or parameter (byline::BadQuery), 503 when the index
// cannot be used (IndexUnusable, IndexLocked, IoError, out of memory), an
// ApiError's own status, 500 for anything else.
ApiResponse current_error_response();

// The usual reason phrase of an error status, for errors httplib answers
// itself (414 URI too long, 404 no route, ...).
std::string status_message(int status);

}  // namespace byline::server

#endif  // BYLINE_SERVER_API_ERROR_H
