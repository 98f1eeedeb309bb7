#include "http_server.h"

#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <iostream>
#include <thread>

#include "api_handlers.h"
#include "byline/error.h"
#include "idle_connections.h"
#include "page_assets.h"
#include "stop_signals.h"

namespace byline::server {
namespace {

// The page loads its script and style from this server only; no inline
// script, no plug-ins, no framing, and archive text can never fetch anything.
constexpr const char* kContentSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

constexpr const char* kJson = "application/json; charset=utf-8";

void send(httplib::Response& res, const ApiResponse& answer) {
  res.status = answer.status;
  res.set_header("Cache-Control", "no-store");
  res.set_content(answer.body, kJson);
}

// An API route: a GET handler whose exceptions cannot escape (the endpoints
// catch their own; this is the last guard, for a failure while sending).
template <typename Endpoint>
httplib::Server::Handler api_route(Endpoint endpoint) {
  return [endpoint](const httplib::Request& req, httplib::Response& res) {
    try {
      send(res, endpoint(req));
    } catch (...) {
      send(res, current_error_response());
    }
  };
}

// The methods httplib parses (all others are a 501).
bool known_method(const std::string& method) {
  for (const char* known : {"GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH", "PRI"})
    if (method == known) return true;
  return false;
}

// Headers of a request beyond these are a 431: httplib 0.11 limits only the
// length of each header line (8,192 bytes, else 400), not their number.
constexpr std::size_t kMaxHeaders = 100;
constexpr std::size_t kMaxHeaderBytes = 16384;
constexpr std::size_t kMaxBodyBytes = 4096;

// A request refused before routing (its status and why), or status 0: too
// many or too large headers (431); a body on a GET or HEAD, which httplib
// would not read (over kMaxBodyBytes: 413, as for other methods; else 400).
ApiResponse refused(const httplib::Request& req) {
  auto refuse = [](int status, const std::string& why) { return ApiResponse{status, error_json(status, why)}; };
  std::size_t header_bytes = 0;
  for (const auto& [name, value] : req.headers) header_bytes += name.size() + value.size() + 4;
  if (req.headers.size() > kMaxHeaders || header_bytes > kMaxHeaderBytes)
    return refuse(431, "request headers too large (at most " + std::to_string(kMaxHeaders) + " headers, " +
                           std::to_string(kMaxHeaderBytes) + " bytes)");
  if (req.method != "GET" && req.method != "HEAD") return {0, ""};
  const std::string length = req.get_header_value("Content-Length");
  if (!req.has_header("Transfer-Encoding") && (length.empty() || length == "0")) return {0, ""};
  if (length.size() <= 6 && !length.empty() && length.find_first_not_of("0123456789") == std::string::npos &&
      std::stoul(length) > kMaxBodyBytes)
    return refuse(413, status_message(413));
  if (length.size() > 6) return refuse(413, status_message(413));
  return refuse(400, "a " + req.method + " request carries no body");
}

std::string url_host(const std::string& host) { return host.find(':') != std::string::npos ? "[" + host + "]" : host; }

void add_routes(httplib::Server& http, Api& api) {
  http.Get("/api/search", api_route([&api](const httplib::Request& req) { return api.search(req.params); }));
  http.Get("/api/count", api_route([&api](const httplib::Request& req) { return api.count(req.params); }));
  http.Get("/api/stats", api_route([&api](const httplib::Request& req) { return api.stats(req.params); }));
  http.Get("/api/health", api_route([&api](const httplib::Request& req) { return api.health(req.params); }));
  http.Get(R"(/api/show/([^/]+))",
           api_route([&api](const httplib::Request& req) { return api.show(req.matches[1], req.params); }));
  for (const PageAsset& asset : page_assets()) {
    auto serve_asset = [&asset](const httplib::Request&, httplib::Response& res) {
      res.set_header("Cache-Control", "no-cache");
      res.set_content(asset.body.data(), asset.body.size(), std::string(asset.content_type).c_str());
    };
    http.Get(std::string(asset.path), serve_asset);
    if (asset.path == "/index.html") http.Get("/", serve_asset);
  }
  // Other methods: 405, as JSON like every error.
  auto not_allowed = [](const httplib::Request&, httplib::Response& res) {
    res.set_header("Allow", "GET, HEAD");
    send(res, {405, error_json(405, status_message(405))});
  };
  http.Post(".*", not_allowed);
  http.Put(".*", not_allowed);
  http.Patch(".*", not_allowed);
  http.Delete(".*", not_allowed);
  http.Options(".*", not_allowed);
}

void set_limits_and_errors(httplib::Server& http) {
  http.set_default_headers({{"Content-Security-Policy", kContentSecurityPolicy},
                            {"X-Content-Type-Options", "nosniff"},
                            {"Referrer-Policy", "no-referrer"},
                            {"X-Frame-Options", "DENY"}});
  // httplib writes a response's headers and body in separate sends: with
  // Nagle's algorithm on, the body then waits for the client's delayed ACK
  // (about 40 ms on Linux) on every keep-alive request.
  http.set_tcp_nodelay(true);
  // httplib's default is SO_REUSEPORT, with which a second server binds the
  // same port and the kernel splits the requests between the two: only
  // SO_REUSEADDR (a restart can bind while old connections linger).
  http.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  // GET carries no body; a request that sends one more than this is refused.
  http.set_payload_max_length(kMaxBodyBytes);
  http.set_read_timeout(5, 0);
  http.set_write_timeout(5, 0);
  // A keep-alive connection holds a worker thread: idle ones are let go soon,
  // which also bounds how long a stop waits for them.
  http.set_keep_alive_timeout(2);
  http.set_keep_alive_max_count(1000);
  // Errors that httplib decides itself (no route: 404, request line longer
  // than 8192 bytes: 414, ...) get the API's JSON body too, never HTML.
  // httplib refuses a method it does not know with a plain 400: that is a
  // 501 (RFC 9110, 15.6.2), said as such.
  http.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return httplib::Server::HandlerResponse::Handled;
    if (res.status == 400 && !req.method.empty() && !known_method(req.method)) res.status = 501;
    send(res, {res.status, error_json(res.status, status_message(res.status))});
    return httplib::Server::HandlerResponse::Handled;
  }));
  http.set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
    ApiResponse refusal = refused(req);
    if (refusal.status == 0) return httplib::Server::HandlerResponse::Unhandled;
    // The connection is closed after the answer: the bytes of a body httplib
    // did not read must not be taken for the next request.
    res.set_header("Connection", "close");
    send(res, refusal);
    return httplib::Server::HandlerResponse::Handled;
  });
  http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr error) {
    try {
      std::rethrow_exception(error);
    } catch (...) {
      send(res, current_error_response());
    }
  });
}

}  // namespace

void serve(const ServerOptions& options) {
  Api api(options.db, cli::IndexOrigin{options.db_chosen_by, options.db_config_file},
          SearchLimits{options.max_limit, 10000, 2000, options.time_limit});
  httplib::Server http;
  IdleConnections connections;
  http.set_logger([&connections](const httplib::Request& req, const httplib::Response&) {
    connections.response_sent(req.remote_addr, req.remote_port);
  });
  const unsigned threads = options.threads > 0 ? options.threads : std::max(4u, std::thread::hardware_concurrency());
  http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  set_limits_and_errors(http);
  add_routes(http, api);

  // A signal may come before listen() has started: the stop waits for it to
  // start (or to have failed) so that it is never lost.
  // The stop also waits for bound_port, set by this thread after the bind:
  // that store and its load order the listening socket's creation before
  // stop() closes it in a way ThreadSanitizer sees (httplib's own is_running
  // flag lives in a library it does not instrument).
  std::atomic<bool> listen_over{false};
  std::atomic<int> bound_port{0};
  StopSignals signals([&] {
    while (!listen_over && !(bound_port != 0 && http.is_running()))
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    http.stop();
    connections.close_idle(bound_port);
  });

  errno = 0;
  int port = options.port;
  bool bound = port == 0 ? (port = http.bind_to_any_port(options.bind)) > 0 : http.bind_to_port(options.bind, port);
  if (!bound) {
    listen_over = true;
    std::string why = errno != 0 ? std::strerror(errno) : "cannot bind";
    throw Error("serve: " + url_host(options.bind) + ":" + std::to_string(options.port) + ": " + why);
  }
  bound_port = port;
  std::cerr << "byline: serving index " << options.db << " at http://" << url_host(options.bind) << ':' << port << "/ ("
            << threads << " threads; stop with Ctrl-C or SIGTERM)" << std::endl;
  http.listen_after_bind();
  // listen_after_bind returns once stopped and its worker threads have
  // answered the requests in flight.
  listen_over = true;
}

}  // namespace byline::server
