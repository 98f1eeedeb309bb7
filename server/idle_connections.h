// Ending idle connections at a stop, so that it does not wait for them.
//
// httplib ends a keep-alive connection only when its idle timeout passes,
// and its stop() waits for every worker: one idle browser tab held a SIGTERM
// for up to two seconds. At a stop, close_idle() shuts the connections that
// have received nothing since their last response (or since they were
// accepted); one with a request under way, received in part or in full, is
// left to finish it.
#ifndef BYLINE_SERVER_IDLE_CONNECTIONS_H
#define BYLINE_SERVER_IDLE_CONNECTIONS_H

#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <utility>

namespace byline::server {

class IdleConnections {
 public:
  // A response was sent to this peer (httplib's logger calls this).
  void response_sent(const std::string& peer_address, int peer_port);
  // Shuts, for reading, every connection to local port `port` that is idle
  // (call after stopping the listener: httplib then ends each one after its
  // current response). httplib does not expose its sockets: they are found
  // among the process's open files.
  void close_idle(int port);

 private:
  using Peer = std::pair<std::string, int>;
  std::mutex mutex_;
  std::map<Peer, std::chrono::steady_clock::time_point> last_response_;
};

}  // namespace byline::server

#endif  // BYLINE_SERVER_IDLE_CONNECTIONS_H
