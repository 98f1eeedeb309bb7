// The per-search time budget of `byline serve` (--time-limit) end to end: on
// a generated archive where one broad wildcard takes far longer than the
// budget, the real server answers it within bounded time, says in the JSON
// that the match was cut ("time_limited": true, the total an estimate), and
// keeps answering other requests while clients send that query over and over.
#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "../searcher/search_fixtures.h"
#include "server_process.h"
#include "test_support.h"

using namespace byline;
using namespace byline::test;
using nlohmann::json;

namespace {

using Clock = std::chrono::steady_clock;

// Words "wab", "wac", ... all starting with "w": the wildcard `w*` expands to
// all kWords of them (under the 1,000 a wildcard may expand to), an OR that
// every document matches many times over.
constexpr int kWords = 900;
std::string word(int n) {
  std::string out = "w";
  out += static_cast<char>('a' + n / 26 % 26);
  out += static_cast<char>('a' + n % 26);
  if (n >= 676) out += 'z';
  return out;
}

// kPages articles with kComments comments each, every text kTextWords words
// drawn from the vocabulary (a fixed linear congruential sequence: the same
// archive on every run).
constexpr int kPages = 1000, kComments = 9, kTextWords = 30;
std::vector<FixturePage> heavy_pages() {
  std::uint32_t state = 12345;
  auto text = [&] {
    std::string out;
    for (int i = 0; i < kTextWords; ++i) {
      state = state * 1664525u + 1013904223u;
      out += (i ? " " : "") + word(static_cast<int>(state >> 8) % kWords);
    }
    return out;
  };
  std::vector<FixturePage> pages;
  for (int p = 0; p < kPages; ++p) {
    FixturePage page;
    page.source = "heavy" + std::to_string(p) + ".txt";
    page.page.article.title = "Report " + std::to_string(p);
    page.page.article.author = "Writer " + std::to_string(p % 17);
    char date[32];
    std::snprintf(date, sizeof date, "20%02d-%02d-%02dT10:00", 10 + p % 10, 1 + p % 12, 1 + p % 28);
    page.page.article.date = date;
    page.page.article.tags = {"Tag " + std::to_string(p % 23)};
    page.page.article.text = text();
    for (int c = 1; c <= kComments; ++c)
      page.page.comments.push_back(fixture_comment(c, c > 1 && c % 3 == 0 ? std::optional<int>(c - 1) : std::nullopt,
                                                   "Reader " + std::to_string((p + c) % 31), date, text()));
    pages.push_back(std::move(page));
  }
  return pages;
}

constexpr int kDocuments = kPages * (1 + kComments);
const std::string kHeavy = "/api/search?q=w*&facets=author,month,type,tag&sort=newest";

json get_json(httplib::Client& client, const std::string& path, int& status) {
  httplib::Result r = client.Get(path.c_str());
  REQUIRE(r);
  status = r->status;
  return json::parse(r->body);
}

}  // namespace

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

TEST_CASE("serve: the time budget cuts a heavy wildcard, and other requests are served meanwhile", "[server]") {
  TempDir dir;
  const auto built = Clock::now();
  std::string db = build_fixture_index(dir, heavy_pages());
  WARN("index built in " << seconds_since(built) << " s");

  // With a budget of an hour: the whole match, exact counts, every hit.
  double unbounded = 0;
  std::string cut_id;
  {
    ServerProcess server(db, {"--time-limit", "3600"});
    INFO(server.err());
    REQUIRE(server.port() > 0);
    httplib::Client client("127.0.0.1", server.port());
    client.set_read_timeout(120, 0);
    int status = 0;
    get_json(client, kHeavy, status);  // warm the caches
    const auto start = Clock::now();
    json whole = get_json(client, kHeavy, status);
    unbounded = seconds_since(start);
    REQUIRE(status == 200);
    CHECK(whole["total"] == kDocuments);
    CHECK(whole["total_exact"] == true);
    REQUIRE(whole["hits"].size() == 10);
    cut_id = whole["hits"][0]["id"];
    CHECK_FALSE(whole.contains("time_limited"));
  }

  // With 5 ms (abandoned at 10 ms): answered soon, and it says so.
  ServerProcess server(db, {"--time-limit", "0.005", "--threads", "4"});
  INFO(server.err());
  REQUIRE(server.port() > 0);
  httplib::Client client("127.0.0.1", server.port());
  client.set_read_timeout(120, 0);
  int status = 0;
  get_json(client, kHeavy, status);
  const auto start = Clock::now();
  json cut = get_json(client, kHeavy, status);
  const double bounded = seconds_since(start);
  WARN("w* with facets, sorted by date: " << unbounded << " s unbounded, " << bounded << " s with the budget");
  REQUIRE(status == 200);
  CHECK(cut["time_limited"] == true);
  CHECK(cut["total_exact"] == false);
  CHECK(cut["total_max"] == kDocuments);
  CHECK(cut["total_min"] < kDocuments);
  CHECK(bounded < unbounded);
  CHECK(bounded < 2.0);
  json counted = get_json(client, "/api/count?q=w*", status);
  CHECK(status == 200);
  CHECK(counted["time_limited"] == true);
  CHECK(counted["total_exact"] == false);

  // Clients sending the heavy query over and over, as many as the server has
  // threads: the other requests are still answered, each in bounded time.
  std::atomic<bool> stop{false};
  std::atomic<int> heavy_answers{0}, heavy_failures{0};
  std::vector<std::thread> hammers;
  for (int i = 0; i < 4; ++i)
    hammers.emplace_back([&] {
      httplib::Client mine("127.0.0.1", server.port());
      mine.set_read_timeout(60, 0);
      while (!stop) {
        httplib::Result r = mine.Get(kHeavy.c_str());
        bool cut_short = r && r->status == 200 && json::parse(r->body).value("time_limited", false);
        ++(cut_short ? heavy_answers : heavy_failures);
      }
    });
  // Requests that run no match (health, a document) are always whole; a
  // light search is too, unless the machine is so busy that even it
  // overruns the budget, which it then says.
  const std::string shown = "/api/show/" + cut_id;
  double slowest = 0;
  int light_ok = 0;
  for (int i = 0; i < 30; ++i) {
    const auto asked = Clock::now();
    const std::string path = i % 3 == 0 ? "/api/health" : i % 3 == 1 ? shown : "/api/search?q=wab&limit=3";
    json light = get_json(client, path, status);
    slowest = std::max(slowest, seconds_since(asked));
    INFO(path << " " << light.dump().substr(0, 200));
    bool whole = i % 3 == 0   ? light["status"] == "ok"
                 : i % 3 == 1 ? light["id"] == cut_id
                              : !light["hits"].empty() || light.value("time_limited", false);
    if (status == 200 && whole) ++light_ok;
  }
  stop = true;
  for (std::thread& t : hammers) t.join();
  WARN("heavy answers " << heavy_answers << ", slowest light request " << slowest << " s");
  CHECK(light_ok == 30);
  CHECK(heavy_failures == 0);
  CHECK(heavy_answers > 0);
  CHECK(slowest < 2.0);
}
