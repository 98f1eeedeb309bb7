#include "idle_connections.h"

#include <arpa/inet.h>
#include <linux/tcp.h>  // tcp_info with tcpi_bytes_received (glibc's netinet/tcp.h lacks it)
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <optional>

namespace byline::server {
namespace {

constexpr long long kTickMs = 10;  // the coarsest kernel clock tick (HZ=100)

// The address and port of one end of a socket, as httplib writes them into
// Request::remote_addr and remote_port.
std::optional<std::pair<std::string, int>> endpoint(int socket, bool peer) {
  sockaddr_storage address{};
  socklen_t size = sizeof address;
  auto* raw = reinterpret_cast<sockaddr*>(&address);
  if ((peer ? getpeername(socket, raw, &size) : getsockname(socket, raw, &size)) != 0) return std::nullopt;
  char text[INET6_ADDRSTRLEN] = "";
  if (address.ss_family == AF_INET) {
    auto* in = reinterpret_cast<sockaddr_in*>(&address);
    inet_ntop(AF_INET, &in->sin_addr, text, sizeof text);
    return std::make_pair(std::string(text), static_cast<int>(ntohs(in->sin_port)));
  }
  if (address.ss_family == AF_INET6) {
    auto* in6 = reinterpret_cast<sockaddr_in6*>(&address);
    inet_ntop(AF_INET6, &in6->sin6_addr, text, sizeof text);
    return std::make_pair(std::string(text), static_cast<int>(ntohs(in6->sin6_port)));
  }
  return std::nullopt;
}

}  // namespace

void IdleConnections::response_sent(const std::string& peer_address, int peer_port) {
  const auto now = std::chrono::steady_clock::now();
  std::lock_guard<std::mutex> lock(mutex_);
  last_response_[{peer_address, peer_port}] = now;
  // Forget peers long gone (their connections have timed out by then).
  if (last_response_.size() > 4096) {
    for (auto it = last_response_.begin(); it != last_response_.end();)
      it = now - it->second > std::chrono::minutes(1) ? last_response_.erase(it) : std::next(it);
  }
}

void IdleConnections::close_idle(int port) {
  std::lock_guard<std::mutex> lock(mutex_);
  const auto now = std::chrono::steady_clock::now();
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator("/proc/self/fd", error)) {
    const int fd = std::atoi(entry.path().filename().c_str());
    auto local = endpoint(fd, false);
    auto peer = endpoint(fd, true);  // none for the listener and for files
    if (!local || !peer || local->second != port) continue;
    tcp_info info{};
    socklen_t size = sizeof info;
    if (getsockopt(fd, IPPROTO_TCP, TCP_INFO, &info, &size) != 0) continue;
    bool idle = false;
    auto answered = last_response_.find(*peer);
    if (answered == last_response_.end()) {
      idle = info.tcpi_bytes_received == 0;  // accepted, nothing sent yet
    } else {
      // Its last bytes came before its last response: that request is done.
      // The kernel counts in clock ticks (up to 10 ms), so bytes that came
      // within one tick after the response are taken as part of it: only a
      // request sent that quickly and still unfinished at the stop is cut
      // (its client sees a closed keep-alive connection, and may retry).
      const auto since_response = std::chrono::duration_cast<std::chrono::milliseconds>(now - answered->second).count();
      idle = static_cast<long long>(info.tcpi_last_data_recv) + kTickMs >= since_response;
    }
    // Reading ends, writing does not: a response being written still goes out.
    if (idle) shutdown(fd, SHUT_RD);
  }
}

}  // namespace byline::server
