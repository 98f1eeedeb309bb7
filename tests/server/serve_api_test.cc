// `byline serve` run as the real binary on a free loopback port and talked
// to over HTTP: the API answers what the CLI's `--format json` prints, errors
// are JSON with the documented statuses, limits hold, a signal stops it
// cleanly, and it sees the commits of a running `byline index`.
#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <atomic>
#include <thread>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "../cli/news_pages.h"
#include "../searcher/search_fixtures.h"
#include "server_process.h"
#include "test_support.h"

using namespace byline;
using namespace byline::test;
using nlohmann::json;

namespace {

struct ServedFixture {
  TempDir dir;
  std::string db = build_fixture_index(dir, fixture_pages());
  ServerProcess server{db};
  httplib::Client client{"127.0.0.1", server.port()};

  ServedFixture() {
    INFO(server.err());
    REQUIRE(server.port() > 0);
    client.set_read_timeout(20, 0);
  }

  // GET path?params; the body parsed as JSON, the status in `status`.
  json get(const std::string& path, const httplib::Params& params, int& status) {
    httplib::Result r = client.Get(path, params, httplib::Headers{});
    REQUIRE(r);
    status = r->status;
    INFO(path << " -> " << r->status << " " << r->body);
    CHECK(r->get_header_value("Content-Type").rfind("application/json", 0) == 0);
    return json::parse(r->body);
  }
  json get_ok(const std::string& path, const httplib::Params& params = {}) {
    int status = 0;
    json out = get(path, params, status);
    INFO(out.dump());
    REQUIRE(status == 200);
    return out;
  }
  // An error answer: {"error": "...", "status": N} with that HTTP status.
  std::string get_error(const std::string& path, const httplib::Params& params, int expected_status) {
    int status = 0;
    json out = get(path, params, status);
    INFO(path << " " << out.dump());
    CHECK(status == expected_status);
    CHECK(out["status"] == expected_status);
    REQUIRE(out["error"].is_string());
    CHECK(out.size() == 2);
    return out["error"];
  }

  json cli_json(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db});
    args.insert(args.end(), {"--format", "json"});
    RunResult r = run_byline(args);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return json::parse(r.out);
  }
};

// A TCP connection to the server, for requests the client library will not
// send (a request cut in two, an over-long request line).
int connect_to(int port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
  return fd;
}

void send_all(int fd, const std::string& bytes) {
  std::size_t sent = 0;
  while (sent < bytes.size()) {
    ssize_t n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    REQUIRE(n > 0);
    sent += static_cast<std::size_t>(n);
  }
}

std::string receive_all(int fd) {
  std::string out;
  char buffer[4096];
  ssize_t n;
  while ((n = recv(fd, buffer, sizeof buffer, 0)) > 0) out.append(buffer, static_cast<std::size_t>(n));
  return out;
}

}  // namespace

TEST_CASE("serve: /api/search answers what `byline search --format json` prints", "[server]") {
  ServedFixture f;
  struct Case {
    httplib::Params params;
    std::vector<std::string> cli;
  };
  const std::vector<Case> cases = {
      {{{"q", "sanctions"}}, {"search", "sanctions"}},
      {{{"q", "sanctions"}, {"limit", "2"}, {"facets", "author,month,type,tag"}},
       {"search", "sanctions", "-n", "2", "--facets", "author,month,type,tag"}},
      {{{"q", "missile defense"}, {"type", "comment"}, {"sort", "newest"}},
       {"search", "missile", "defense", "--type", "comment", "--sort", "newest"}},
      {{{"q", "sanctions OR missile"}, {"offset", "1"}, {"limit", "3"}, {"since", "2013-01"}, {"until", "2013-12"}},
       {"search", "sanctions OR missile", "--offset", "1", "-n", "3", "--since", "2013-01", "--until", "2013-12"}},
      {{{"q", "sanctions"}, {"collapse", "1"}, {"author", "Bob Jones"}, {"snippet_chars", "40"}},
       {"search", "sanctions", "--collapse", "--author", "Bob Jones", "--snippet-chars", "40"}},
      {{{"q", "magn*"}, {"sort", "oldest"}}, {"search", "magn*", "--sort", "oldest"}},
      {{{"q", "sanctoins"}}, {"search", "sanctoins"}},
  };
  for (const Case& c : cases) {
    INFO(c.cli[1]);
    json served = f.get_ok("/api/search", c.params);
    json printed = f.cli_json(c.cli);
    CHECK(served == printed);
    CHECK((!served["hits"].empty() || !served["corrected"].is_null()));
  }
}

TEST_CASE("serve: /api/count, /api/show/ID, /api/stats and /api/health", "[server]") {
  ServedFixture f;
  json count = f.get_ok("/api/count", {{"q", "sanctions"}});
  CHECK(count["format_version"] == 2);
  CHECK(count["query"] == "sanctions");
  CHECK(count["total_exact"] == true);
  CHECK(count["total"] == f.cli_json({"search", "sanctions"})["total"]);
  CHECK(f.get_ok("/api/count", {{"q", "sanctions"}, {"type", "comment"}})["total"] == 1);

  json hits = f.get_ok("/api/search", {{"q", "disagree"}})["hits"];
  REQUIRE(hits.size() == 1);
  std::string comment_id = hits[0]["id"];
  std::string article_id = comment_id.substr(0, comment_id.find('.'));
  json article = f.get_ok("/api/show/" + article_id);
  CHECK(article == f.cli_json({"show", article_id}));
  CHECK(article["title"] == "Sanctions on Russia tighten");
  REQUIRE(article["comments"].size() == 2);
  CHECK(article["comments"][1]["depth"] == 1);
  CHECK(f.get_ok("/api/show/" + comment_id) == f.cli_json({"show", comment_id}));

  json stats = f.get_ok("/api/stats");
  // The CLI's also says which index it used and why (--db here); the server's has no such choice to report.
  json cli_stats = f.cli_json({"stats"});
  CHECK(cli_stats["index"]["chosen_by"] == "--db");
  cli_stats.erase("index");
  CHECK(stats == cli_stats);
  CHECK(stats["documents"] == 10);

  json health = f.get_ok("/api/health");
  CHECK(health["status"] == "ok");
  CHECK(health["documents"] == stats["documents"]);
}

TEST_CASE("serve: /api/count answers what `byline count --format json` prints", "[server]") {
  ServedFixture f;
  struct Case {
    httplib::Params params;
    std::vector<std::string> cli;
  };
  const std::vector<Case> cases = {
      {{{"q", "sanctions"}}, {"count", "sanctions"}},
      {{{"q", "sanctions OR missile"}, {"type", "comment"}}, {"count", "sanctions OR missile", "--type", "comment"}},
      {{{"q", "sanctions"}, {"collapse", "1"}, {"since", "2013-04"}, {"until", "2013-05"}},
       {"count", "sanctions", "--collapse", "--since", "2013-04", "--until", "2013-05"}},
      {{{"q", "missile"}, {"author", "Yury"}}, {"count", "missile", "--author", "Yury"}},
      {{{"q", "nothingmatchesthis"}}, {"count", "nothingmatchesthis"}},
  };
  std::set<json> totals;
  for (const Case& c : cases) {
    INFO(c.cli[1]);
    json served = f.get_ok("/api/count", c.params);
    CHECK(served == f.cli_json(c.cli));
    totals.insert(served["total"]);
  }
  CHECK(totals.size() >= 3);  // the cases count different things
}

TEST_CASE("serve: /api/show/ID with query=, thread= and matching= answers what `byline show` prints", "[server]") {
  ServedFixture f;
  json hits = f.get_ok("/api/search", {{"q", "disagree"}})["hits"];
  REQUIRE(hits.size() == 1);
  const std::string reply = hits[0]["id"];  // comment 2, a reply to comment 1
  const std::string article = reply.substr(0, reply.find('.'));
  struct Case {
    std::string id;
    httplib::Params params;
    std::vector<std::string> cli;
  };
  const std::vector<Case> cases = {
      {article, {{"thread", "1"}}, {"--thread"}},
      {reply, {{"thread", "1"}}, {"--thread"}},
      {article, {{"query", "sanctions"}}, {"--query", "sanctions"}},
      {reply, {{"query", "banks"}}, {"--query", "banks"}},
      {article, {{"query", "banks OR disagree"}, {"thread", "true"}}, {"--query", "banks OR disagree", "--thread"}},
      {reply,
       {{"query", "disagree"}, {"thread", "1"}, {"matching", "1"}},
       {"--query", "disagree", "--thread", "--matching"}},
  };
  for (const Case& c : cases) {
    std::vector<std::string> cli = {"show", c.id};
    cli.insert(cli.end(), c.cli.begin(), c.cli.end());
    INFO(c.id << " " << cli[2]);
    json served = f.get_ok("/api/show/" + c.id, c.params);
    CHECK(served == f.cli_json(cli));
  }
  // What they show: the reply tree, and the matches marked.
  json thread = f.get_ok("/api/show/" + reply, {{"thread", "1"}, {"query", "disagree"}});
  CHECK(thread["id"] == article);
  REQUIRE(thread["replies"].size() == 1);
  REQUIRE(thread["replies"][0]["replies"].size() == 1);
  json answer = thread["replies"][0]["replies"][0];
  CHECK(answer["id"] == reply);
  CHECK(answer["matched"] == true);
  CHECK(answer["highlights"] == json::array({json::array({2, 10})}));  // "I disagree with Bob..."
  CHECK(thread["replies"][0]["matched"] == false);
  CHECK(thread["matching"] == 1);
  json matching = f.get_ok("/api/show/" + article, {{"query", "disagree"}, {"matching", "1"}, {"thread", "1"}});
  CHECK(matching["replies"][0]["context_only"] == true);

  // Bad parameters: 400, never ignored; unknown ids: 404.
  CHECK(f.get_error("/api/show/" + article, {{"matching", "1"}}, 400).find("--query") != std::string::npos);
  CHECK(f.get_error("/api/show/" + article, {{"thread", "yes"}}, 400).find("thread") != std::string::npos);
  CHECK(f.get_error("/api/show/" + article, {{"q", "oil"}}, 400).find("'q'") != std::string::npos);
  CHECK(f.get_error("/api/show/" + article, {{"query", "date:xx"}}, 400).find("date") != std::string::npos);
  CHECK(f.get_error("/api/show/" + article, {{"query", std::string(3000, 'a')}}, 400).find("query:") !=
        std::string::npos);
  CHECK(f.get_error("/api/show/999999", {{"thread", "1"}}, 404).find("999999") != std::string::npos);
}

TEST_CASE("serve: /api/search?thread=1 answers what `byline search --thread --format json` prints", "[server]") {
  ServedFixture f;
  json served = f.get_ok("/api/search", {{"q", "sanctions OR missile"}, {"thread", "1"}, {"thread_comments", "1"}});
  CHECK(served == f.cli_json({"search", "sanctions OR missile", "--thread", "--thread-comments", "1"}));
  REQUIRE(served["groups"].size() >= 2);
  CHECK(served["groups"][0]["comments"]["hits"].size() <= 1);
  CHECK(f.get_ok("/api/search", {{"q", "missile"}, {"thread", "1"}, {"limit", "1"}, {"offset", "1"}}) ==
        f.cli_json({"search", "missile", "--thread", "-n", "1", "--offset", "1"}));
  f.get_error("/api/search", {{"q", "oil"}, {"thread_comments", "1000"}}, 400);
}

TEST_CASE("serve: HEAD answers the headers of GET without a body", "[server]") {
  ServedFixture f;
  for (const char* path : {"/", "/app.js", "/api/health", "/api/search?q=sanctions", "/api/nothing"}) {
    INFO(path);
    httplib::Result got = f.client.Get(path);
    httplib::Result head = f.client.Head(path);
    REQUIRE(got);
    REQUIRE(head);
    CHECK(head->status == got->status);
    CHECK(head->body.empty());
    CHECK(!got->body.empty());
    CHECK(head->get_header_value("Content-Type") == got->get_header_value("Content-Type"));
    CHECK(head->get_header_value("Content-Length") == std::to_string(got->body.size()));
    CHECK(head->get_header_value("Content-Security-Policy").find("script-src 'self'") != std::string::npos);
  }
}

TEST_CASE("serve: an oversized body, header or request line, and unknown methods are refused as JSON", "[server]") {
  ServedFixture f;
  // One raw request on its own connection: the status line and the JSON body.
  auto exchange = [&](const std::string& request) {
    int fd = connect_to(f.server.port());
    send_all(fd, request);
    std::string answer = receive_all(fd);
    close(fd);
    return answer;
  };
  auto status_of = [](const std::string& answer) { return answer.substr(0, answer.find('\r')); };
  auto body_of = [](const std::string& answer) {
    std::size_t at = answer.find("\r\n\r\n");
    return at == std::string::npos ? json() : json::parse(answer.substr(at + 4));
  };
  const std::string big(5000, 'a');
  // A body over 4,096 bytes: 413, whatever the method.
  for (const char* method : {"GET", "POST"}) {
    std::string answer =
        exchange(std::string(method) + " /api/health HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n" + big);
    INFO(answer.substr(0, 300));
    CHECK(status_of(answer) == "HTTP/1.1 413 Payload Too Large");
    CHECK(body_of(answer)["status"] == 413);
  }
  // A small body on a GET, which would otherwise be read as the next request:
  // 400, and the connection closed.
  {
    std::string answer = exchange("GET /api/health HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc");
    INFO(answer.substr(0, 300));
    CHECK(status_of(answer) == "HTTP/1.1 400 Bad Request");
    CHECK(body_of(answer)["error"] == "a GET request carries no body");
    CHECK(answer.find("Connection: close") != std::string::npos);
  }
  // Too many headers: 431; one header line over 8,192 bytes: 400.
  {
    std::string request = "GET /api/health HTTP/1.1\r\nHost: x\r\n";
    for (int i = 0; i < 200; ++i) request += "X-Filler-" + std::to_string(i) + ": a\r\n";
    std::string answer = exchange(request + "\r\n");
    INFO(answer.substr(0, 300));
    CHECK(status_of(answer) == "HTTP/1.1 431 Request Header Fields Too Large");
    CHECK(body_of(answer)["status"] == 431);
    answer = exchange("GET /api/health HTTP/1.1\r\nHost: x\r\nX-Long: " + std::string(9000, 'b') + "\r\n\r\n");
    CHECK(status_of(answer) == "HTTP/1.1 400 Bad Request");
    CHECK(body_of(answer)["status"] == 400);
  }
  // A method httplib does not know: 501; one the API does not answer: 405.
  {
    std::string answer = exchange("BREW /api/health HTTP/1.1\r\nHost: x\r\n\r\n");
    INFO(answer.substr(0, 300));
    CHECK(status_of(answer) == "HTTP/1.1 501 Not Implemented");
    CHECK(body_of(answer)["status"] == 501);
  }
  for (const char* method : {"PUT", "DELETE", "OPTIONS", "PATCH"}) {
    std::string answer = exchange(std::string(method) +
                                  " /api/health HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
    INFO(method << " " << answer.substr(0, 300));
    CHECK(status_of(answer) == "HTTP/1.1 405 Method Not Allowed");
    CHECK(answer.find("Allow: GET, HEAD") != std::string::npos);
    CHECK(body_of(answer)["status"] == 405);
  }
  // The server is still there.
  CHECK(f.get_ok("/api/health")["status"] == "ok");
}

TEST_CASE("serve: errors are JSON with 400, 404, 405, 414 and 503", "[server]") {
  ServedFixture f;
  // A bad query or parameter: 400 in Byline's words.
  CHECK(f.get_error("/api/search", {{"q", "date:xx"}}, 400).find("date") != std::string::npos);
  CHECK(f.get_error("/api/search", {{"q", "oil type:poem"}}, 400).find("type") != std::string::npos);
  CHECK(f.get_error("/api/count", {{"q", "date:2013..2012"}}, 400).find("range") != std::string::npos);
  CHECK(f.get_error("/api/search", {{"q", "oil"}, {"colour", "red"}}, 400).find("colour") != std::string::npos);
  CHECK(f.get_error("/api/search", {{"q", "oil"}, {"limit", "-1"}}, 400).find("limit") != std::string::npos);
  CHECK(f.get_error("/api/search", {{"q", "oil"}, {"limit", "ten"}}, 400).find("limit") != std::string::npos);
  CHECK(f.get_error("/api/search", {{"q", "oil"}, {"q", "gas"}}, 400).find("more than once") != std::string::npos);
  CHECK(f.get_error("/api/search", {{"q", "oil"}, {"sort", "size"}}, 400).find("sort") != std::string::npos);
  CHECK(f.get_error("/api/search", {{"q", "oil"}, {"facets", "colour"}}, 400).find("colour") != std::string::npos);
  CHECK(f.get_error("/api/search", {{"q", "oil"}, {"type", "poem"}}, 400).find("type") != std::string::npos);
  CHECK(f.get_error("/api/search", {{"q", "oil"}, {"collapse", "yes"}}, 400).find("collapse") != std::string::npos);
  CHECK(f.get_error("/api/search", {{"q", "oil"}, {"since", "not-a-date"}}, 400).find("since") != std::string::npos);
  CHECK(f.get_error("/api/search", {{"q", "oil"}, {"offset", "20000"}}, 400).find("offset") != std::string::npos);
  CHECK(f.get_error("/api/count", {{"q", "oil"}, {"limit", "5"}}, 400).find("limit") != std::string::npos);
  CHECK(f.get_error("/api/stats", {{"verbose", "1"}}, 400).find("verbose") != std::string::npos);
  // A query longer than the server takes: 400; a request line longer than
  // httplib reads (8192 bytes): 414. Both as JSON.
  CHECK(f.get_error("/api/search", {{"q", std::string(3000, 'a')}}, 400).find("q:") != std::string::npos);
  {
    int fd = connect_to(f.server.port());
    send_all(fd, "GET /api/search?q=" + std::string(9000, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n");
    std::string answer = receive_all(fd);
    close(fd);
    INFO(answer.substr(0, 300));
    CHECK(answer.rfind("HTTP/1.1 414", 0) == 0);
    CHECK(answer.find("\"status\":414") != std::string::npos);
  }
  // Unknown ids and paths: 404; other methods: 405.
  CHECK(f.get_error("/api/show/999999", {}, 404).find("999999") != std::string::npos);
  CHECK(f.get_error("/api/show/abc", {}, 404).find("abc") != std::string::npos);
  f.get_error("/api/nothing", {}, 404);
  httplib::Result posted = f.client.Post("/api/search", "q=oil", "application/x-www-form-urlencoded");
  REQUIRE(posted);
  CHECK(posted->status == 405);
  CHECK(json::parse(posted->body)["status"] == 405);

  // An index that is not there: 503 from every endpoint that reads it, and
  // the server keeps running; once it is built, the same server answers.
  TempDir empty;
  std::string missing = (empty / "not-yet").string();
  ServerProcess unusable(missing);
  INFO(unusable.err());
  REQUIRE(unusable.port() > 0);
  httplib::Client client("127.0.0.1", unusable.port());
  for (const char* path : {"/api/search?q=oil", "/api/count?q=oil", "/api/stats", "/api/health", "/api/show/1"}) {
    httplib::Result r = client.Get(path);
    REQUIRE(r);
    INFO(path << " " << r->body);
    CHECK(r->status == 503);
    CHECK(json::parse(r->body)["status"] == 503);
  }
  build_fixture_index(empty, fixture_pages());
  std::filesystem::rename(empty / "index", missing);
  httplib::Result after = client.Get("/api/health");
  REQUIRE(after);
  CHECK(after->status == 200);
}

TEST_CASE("serve: a port in use is an error, not a second server on it", "[server]") {
  TempDir dir;
  std::string db = build_fixture_index(dir, fixture_pages());
  ServerProcess first(db);
  REQUIRE(first.port() > 0);
  RunResult second = run_byline({"--db", db, "serve", "--port", std::to_string(first.port())});
  CHECK(second.exit_code == 1);
  CHECK(second.err.rfind("byline: serve: 127.0.0.1:" + std::to_string(first.port()) + ": ", 0) == 0);
  CHECK(std::count(second.err.begin(), second.err.end(), '\n') == 1);
  RunResult bad = run_byline({"--db", db, "serve", "--bind", "999.1.1.1", "--port", "0"});
  CHECK(bad.exit_code != 0);
  CHECK(bad.err.rfind("byline: ", 0) == 0);
}

TEST_CASE("serve: limit is capped and every search has a time budget", "[server]") {
  TempDir dir;
  std::string db = build_fixture_index(dir, filler_pages(30));
  ServerProcess server(db, {"--max-limit", "7", "--time-limit", "0.5"});
  INFO(server.err());
  REQUIRE(server.port() > 0);
  httplib::Client client("127.0.0.1", server.port());
  httplib::Result r = client.Get("/api/search?q=budget&limit=1000");
  REQUIRE(r);
  REQUIRE(r->status == 200);
  json out = json::parse(r->body);
  CHECK(out["limit"] == 7);
  CHECK(out["hits"].size() == 7);
  CHECK(out["total"] == 30);
  // The budget is the match's time limit: the server passes --time-limit to
  // every Query (search_parameters_test checks the value); a heavy wildcard
  // still answers 200 within it.
  const auto start = std::chrono::steady_clock::now();
  httplib::Result heavy = client.Get("/api/search?q=*&facets=author,month,type,tag");
  REQUIRE(heavy);
  CHECK(heavy->status != 500);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(10));
}

TEST_CASE("serve: SIGTERM and SIGINT stop it with exit 0 after the request in flight", "[server]") {
  TempDir dir;
  std::string db = build_fixture_index(dir, fixture_pages());
  for (int sig : {SIGTERM, SIGINT}) {
    ServerProcess server(db);
    INFO(server.err());
    REQUIRE(server.port() > 0);
    // A request whose first half has arrived when the signal comes: the
    // server answers it in full before it exits.
    int fd = connect_to(server.port());
    send_all(fd, "GET /api/count?q=sanctions HTTP/1.1\r\nHost: x\r\n");
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    server.signal(sig);
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    send_all(fd, "Connection: close\r\n\r\n");
    std::string answer = receive_all(fd);
    close(fd);
    INFO(answer);
    CHECK(answer.rfind("HTTP/1.1 200", 0) == 0);
    CHECK(answer.find("\"total\":3") != std::string::npos);
    CHECK(server.wait() == 0);
    // New connections are refused once it has gone.
    int late = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(server.port()));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    CHECK(connect(late, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0);
    close(late);
  }
}

TEST_CASE("serve: an idle keep-alive connection does not hold up the stop", "[server]") {
  TempDir dir;
  std::string db = build_fixture_index(dir, fixture_pages());
  ServerProcess server(db);
  INFO(server.err());
  REQUIRE(server.port() > 0);
  // A browser keeps its connection open after a response, and one more that
  // has sent nothing yet; httplib alone would wait out its 2 s keep-alive.
  int idle = connect_to(server.port());
  send_all(idle, "GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n");
  char buffer[4096];
  REQUIRE(recv(idle, buffer, sizeof buffer, 0) > 0);
  int silent = connect_to(server.port());
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  const auto signalled = std::chrono::steady_clock::now();
  server.signal(SIGTERM);
  CHECK(server.wait() == 0);
  CHECK(std::chrono::steady_clock::now() - signalled < std::chrono::milliseconds(1000));
  close(idle);
  close(silent);
}

TEST_CASE("serve: keep-alive requests are not delayed by Nagle's algorithm", "[server]") {
  ServedFixture f;
  f.client.set_keep_alive(true);
  REQUIRE(f.client.Get("/api/health"));
  // httplib sends a response's headers and body apart; without TCP_NODELAY
  // the body waits for the client's delayed ACK, about 40 ms per request.
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < 20; ++i) {
    httplib::Result r = f.client.Get("/api/count?q=sanctions");
    REQUIRE(r);
    REQUIRE(r->status == 200);
  }
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::milliseconds(500));
}

TEST_CASE("serve: a running `byline index` is seen without a restart, no request fails", "[server]") {
  TempDir dir;
  std::string db = (dir / "index").string();
  write_news_page(dir / "first" / "p0.txt", "Zebra crossing news", "Ann Writer", {"The zebra crossing opened."});
  RunResult first = run_byline({"--db", db, "index", (dir / "first").string()});
  INFO(first.err);
  REQUIRE(first.exit_code == 0);
  ServerProcess server(db);
  INFO(server.err());
  REQUIRE(server.port() > 0);
  httplib::Client client("127.0.0.1", server.port());

  constexpr int kPages = 40;
  for (int i = 0; i < kPages; ++i) {
    // Appended, not "a" + b: GCC 12 warns falsely (-Wrestrict) on the latter here.
    std::string n = std::to_string(i), title = "Zebra report ", text = "Another zebra was seen, number ";
    title += n;
    text += n;
    write_news_page(dir / "more" / ("p" + n + ".txt"), title, "Ann Writer", {text});
  }
  std::atomic<bool> indexing{true};
  RunResult more;
  std::thread writer([&] {
    more = run_byline({"--db", db, "index", "--batch", "2", "-j", "1", (dir / "more").string()});
    indexing = false;
  });
  int requests = 0, failures = 0, last_total = 0, went_down = 0;
  std::set<int> totals_seen;
  while (indexing || requests < 5) {
    httplib::Result r = client.Get("/api/search?q=zebra&limit=3");
    ++requests;
    if (!r || r->status != 200) {
      ++failures;
      continue;
    }
    int total = json::parse(r->body)["total"];
    if (total < last_total) ++went_down;
    last_total = total;
    totals_seen.insert(total);
    if (!indexing && total == kPages + 1) break;
  }
  writer.join();
  INFO(more.err);
  REQUIRE(more.exit_code == 0);
  CHECK(failures == 0);
  CHECK(went_down == 0);
  httplib::Result end = client.Get("/api/count?q=zebra");
  REQUIRE(end);
  CHECK(json::parse(end->body)["total"] == kPages + 1);
  CHECK(totals_seen.count(1) == 1);  // it answered before the writer's commits too
  UNSCOPED_INFO("requests during indexing: " << requests << ", totals seen: " << totals_seen.size());
}
