// `byline index --jobs/--shards`, `byline compact`, `byline shards` and
// `byline search --partial`, run as the real binary on the repository's pages.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "shard_stub.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace byline::test;
using nlohmann::json;

namespace {

// The repository's pages, three copies under different names.
fs::path write_pages(const TempDir& dir) {
  int n = 0;
  for (const char* folder : {"corpus", "tests/fixtures/pages"})
    for (const auto& entry : fs::directory_iterator(source_path(folder)))
      if (entry.path().extension() == ".txt")
        for (int copy = 0; copy < 3; ++copy) {
          fs::create_directories(dir / "pages" / std::to_string(copy));
          fs::copy_file(entry.path(), dir / "pages" / std::to_string(copy) / (std::to_string(n++) + ".txt"));
        }
  return dir / "pages";
}

// A loopback port with nothing listening on it: connecting is refused at once.
int closed_port() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t size = sizeof addr;
  bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &size);
  close(fd);
  return ntohs(addr.sin_port);
}

std::string search_out(const std::string& db, const std::string& query) {
  RunResult r = run_byline({"--db", db, "search", "--format", "json", "-n", "20", query});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return json::parse(r.out).dump();
}

}  // namespace

TEST_CASE("index --jobs 2 makes a two-shard index that searches like --jobs 1", "[cli][shards]") {
  TempDir dir;
  fs::path pages = write_pages(dir);
  const std::string one = (dir / "one").string(), two = (dir / "two").string();
  REQUIRE(run_byline({"--db", one, "index", "-q", "--jobs", "1", pages.string()}).exit_code == 0);
  RunResult r = run_byline({"--db", two, "index", "--json", "--jobs", "2", pages.string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(json::parse(r.out)["pages"].get<int>() > 0);
  CHECK(fs::exists(dir / "two" / "XAPIANDB"));
  CHECK(fs::exists(dir / "two" / "shard0" / "iamglass"));
  CHECK(fs::exists(dir / "two" / "shard1" / "iamglass"));
  CHECK_FALSE(fs::exists(dir / "one" / "XAPIANDB"));

  for (const char* q : {"the", "", "russia OR boston", "type:comment the"}) {
    INFO(q);
    CHECK(search_out(one, q) == search_out(two, q));
  }
  json s1 = json::parse(run_byline({"--db", one, "stats", "--format", "json"}).out);
  json s2 = json::parse(run_byline({"--db", two, "stats", "--format", "json"}).out);
  CHECK(s1["documents"] == s2["documents"]);
  CHECK(s1["authors"] == s2["authors"]);

  RunResult list = run_byline({"--db", two, "shards", "list", "--json"});
  REQUIRE(list.exit_code == 0);
  json shards = json::parse(list.out);
  REQUIRE(shards.size() == 2);
  CHECK(shards[0]["name"] == "shard0");
  CHECK(shards[0]["documents"].get<int>() + shards[1]["documents"].get<int>() == s1["documents"].get<int>());

  // An existing index keeps its shard count.
  RunResult again = run_byline({"--db", two, "index", "--jobs", "1", pages.string()});
  CHECK(again.exit_code == 0);
  CHECK_THAT(again.out, Catch::Contains("0 of "));
  RunResult reshard = run_byline({"--db", two, "index", "--shards", "3", pages.string()});
  CHECK(reshard.exit_code == 2);
  CHECK_THAT(reshard.err, Catch::Contains("has 2 local shards, not 3"));
  RunResult on_single = run_byline({"--db", one, "index", "--shards", "2", pages.string()});
  CHECK(on_single.exit_code == 2);
  CHECK_THAT(on_single.err, Catch::Contains("not sharded"));

  // Compacting each shard on its own keeps two shards and the answers.
  RunResult kept = run_byline({"--db", two, "compact", "--keep-shards", "--json"});
  INFO(kept.err);
  REQUIRE(kept.exit_code == 0);
  CHECK(json::parse(run_byline({"--db", two, "shards", "list", "--json"}).out).size() == 2);
  for (const char* q : {"the", "", "russia OR boston"}) CHECK(search_out(one, q) == search_out(two, q));
  CHECK(json::parse(run_byline({"--db", two, "index", "--json", "--jobs", "2", pages.string()}).out)["indexed"] == 0);

  // Compaction: one shard, same answers, and the next run skips every file.
  RunResult compacted = run_byline({"--db", two, "compact", "--json"});
  INFO(compacted.err);
  REQUIRE(compacted.exit_code == 0);
  CHECK(json::parse(compacted.out)["shards_before"] == 2);
  CHECK(json::parse(run_byline({"--db", two, "shards", "list", "--json"}).out).size() == 1);
  int shard_folders = 0;  // the old ones are gone
  for (const auto& entry : fs::directory_iterator(dir / "two")) shard_folders += entry.is_directory() ? 1 : 0;
  CHECK(shard_folders == 1);
  for (const char* q : {"the", "", "russia OR boston"}) CHECK(search_out(one, q) == search_out(two, q));
  RunResult after = run_byline({"--db", two, "index", "--json", "--jobs", "2", pages.string()});
  REQUIRE(after.exit_code == 0);
  CHECK(json::parse(after.out)["indexed"] == 0);
  REQUIRE(run_byline({"--db", one, "compact"}).exit_code == 0);
  CHECK(json::parse(run_byline({"--db", one, "index", "--json", pages.string()}).out)["indexed"] == 0);
}

TEST_CASE("search --partial over a stub with an unreachable remote shard", "[cli][shards]") {
  TempDir dir;
  fs::path pages = write_pages(dir);
  const std::string db = (dir / "db").string();
  REQUIRE(run_byline({"--db", db, "index", "-q", "--jobs", "2", pages.string()}).exit_code == 0);
  const std::string address = "tcp://127.0.0.1:" + std::to_string(closed_port());
  REQUIRE(run_byline({"--db", db, "shards", "add", address}).exit_code == 0);
  CHECK_THAT(read_file(dir / "db" / "XAPIANDB"), Catch::Contains("remote 127.0.0.1:"));

  RunResult strict = run_byline({"--db", db, "search", "the"});
  CHECK(strict.exit_code == 3);
  CHECK_THAT(strict.err, Catch::Contains("byline: index " + db + ": shard " + address + ": "));
  CHECK_THAT(strict.err, Catch::Contains("--partial"));
  CHECK(strict.out.empty());

  RunResult partial_json = run_byline({"--db", db, "search", "--partial", "--format", "json", "the"});
  CHECK(partial_json.exit_code == 1);
  json out = json::parse(partial_json.out);
  CHECK(out["partial"] == true);
  REQUIRE(out["failed_shards"].size() == 1);
  CHECK_THAT(out["failed_shards"][0].get<std::string>(), Catch::StartsWith(address + ": "));
  CHECK_FALSE(out["hits"].empty());

  RunResult partial_text = run_byline({"--db", db, "search", "--partial", "the"});
  CHECK(partial_text.exit_code == 1);
  CHECK_THAT(partial_text.err, Catch::Contains("byline: warning: partial results: shard " + address));
  CHECK_FALSE(partial_text.out.empty());

  RunResult stats = run_byline({"--db", db, "stats"});
  CHECK(stats.exit_code == 3);
  CHECK_THAT(stats.err, Catch::Contains("shard " + address + ": "));

  RunResult list = run_byline({"--db", db, "shards", "list"});
  CHECK(list.exit_code == 1);
  CHECK_THAT(list.out, Catch::Contains(address + "\tremote\tunavailable: "));

  // The complete index has no "partial" key at all.
  REQUIRE(run_byline({"--db", db, "shards", "remove", address}).exit_code == 0);
  RunResult whole = run_byline({"--db", db, "search", "--partial", "--format", "json", "the"});
  CHECK(whole.exit_code == 0);
  CHECK_FALSE(json::parse(whole.out).contains("partial"));
}

TEST_CASE("shards add and remove check their arguments", "[cli][shards]") {
  TempDir dir;
  const std::string front = (dir / "front").string();
  CHECK(run_byline({"--db", front, "shards", "add", "nonsense"}).exit_code == 2);
  CHECK(run_byline({"--db", front, "shards", "add", "127.0.0.1:0"}).exit_code == 2);
  REQUIRE(run_byline({"--db", front, "shards", "add", "127.0.0.1:7001", "tcp://127.0.0.1:7002"}).exit_code == 0);
  RunResult twice = run_byline({"--db", front, "shards", "add", "127.0.0.1:7001"});
  CHECK(twice.exit_code == 2);
  CHECK_THAT(twice.err, Catch::Contains("already lists shard tcp://127.0.0.1:7001"));
  CHECK(run_byline({"--db", front, "shards", "remove", "127.0.0.1:7009"}).exit_code == 2);
  CHECK(run_byline({"--db", front, "shards", "remove", "127.0.0.1:7001"}).exit_code == 0);
  RunResult last = run_byline({"--db", front, "shards", "remove", "127.0.0.1:7002"});
  CHECK(last.exit_code == 2);
  CHECK_THAT(last.err, Catch::Contains("last shard"));

  // A single-database index has no stub to edit.
  const std::string single = (dir / "single").string();
  REQUIRE(run_byline({"--db", single, "index", "-q", "--jobs", "1", source_path("corpus").string()}).exit_code == 0);
  RunResult on_single = run_byline({"--db", single, "shards", "add", "127.0.0.1:7001"});
  CHECK(on_single.exit_code == 3);
  CHECK_THAT(on_single.err, Catch::Contains("single database"));
  // A broken stub is reported with its line.
  write_file(dir / "broken" / "XAPIANDB", "auto shard0\nchert elsewhere\n");
  RunResult broken = run_byline({"--db", (dir / "broken").string(), "search", "x"});
  CHECK(broken.exit_code == 3);
  CHECK_THAT(broken.err, Catch::Contains("line 2"));
}
