#include "api_error.h"

#include <new>

#include <nlohmann/json.hpp>

#include "byline/error.h"

namespace byline::server {

std::string error_json(int status, const std::string& message) {
  nlohmann::ordered_json out = {{"error", message}, {"status", status}};
  return out.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

ApiResponse current_error_response() {
  auto answer = [](int status, const std::string& message) { return ApiResponse{status, error_json(status, message)}; };
  try {
    throw;
  } catch (const ApiError& e) {
    return answer(e.status(), e.what());
  } catch (const BadQuery& e) {
    return answer(400, e.what());
  } catch (const IndexUnusable& e) {
    return answer(503, e.what());
  } catch (const IndexLocked& e) {
    return answer(503, e.what());
  } catch (const IoError& e) {
    return answer(503, e.what());
  } catch (const Error& e) {
    return answer(500, e.what());
  } catch (const std::bad_alloc&) {
    return answer(503, "out of memory");
  } catch (const std::exception& e) {
    return answer(500, std::string("internal error: ") + e.what());
  } catch (...) {
    return answer(500, "internal error");
  }
}

std::string status_message(int status) {
  switch (status) {
    case 400:
      return "bad request";
    case 404:
      return "no such page or endpoint";
    case 405:
      return "method not allowed (the API answers GET only)";
    case 413:
      return "request too large";
    case 414:
      return "request line too long";
    case 431:
      return "request headers too large";
    case 501:
      return "method not implemented (the API answers GET and HEAD)";
    case 503:
      return "service unavailable";
    default:
      return status >= 500 ? "internal error" : "request refused";
  }
}

}  // namespace byline::server
