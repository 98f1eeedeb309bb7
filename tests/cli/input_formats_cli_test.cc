// End-to-end tests of the input formats and skip/prune counts (issue 18,
// issue 14 point 9): the real `byline` binary on real files.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>

#include "test_support.h"

using byline::test::read_file;
using byline::test::run_byline;
using byline::test::source_path;
using byline::test::TempDir;
using byline::test::write_file;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

std::string gzip_of(const fs::path& dir, const std::string& bytes) {
  write_file(dir / "plain.tmp", bytes);
  std::string command = "gzip -n -c '" + (dir / "plain.tmp").string() + "' > '" + (dir / "out.gz").string() + "'";
  REQUIRE(std::system(command.c_str()) == 0);
  std::string out = read_file(dir / "out.gz");
  fs::remove(dir / "plain.tmp");
  fs::remove(dir / "out.gz");
  return out;
}

std::string random_bytes(std::size_t n) {
  std::mt19937 random(3);
  std::string out(n, '\0');
  for (char& c : out) c = static_cast<char>(random() % 256);
  return out;
}

json index_json(const std::string& db, const std::vector<std::string>& more) {
  std::vector<std::string> args{"--db", db, "index", "--json"};
  args.insert(args.end(), more.begin(), more.end());
  auto r = run_byline(args);
  INFO(r.err);
  REQUIRE((r.exit_code == 0 || r.exit_code == 1));
  return json::parse(r.out);
}

json stats_json(const std::string& db) {
  auto r = run_byline({"--db", db, "stats", "--format", "json"});
  REQUIRE(r.exit_code == 0);
  return json::parse(r.out);
}

std::string warc_record(const std::string& uri, const std::string& html) {
  std::string http =
      "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: " + std::to_string(html.size()) +
      "\r\n\r\n" + html;
  return "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: " + uri +
         "\r\nWARC-Date: 2020-01-01T00:00:00Z\r\nContent-Type: application/http; msgtype=response\r\n"
         "Content-Length: " +
         std::to_string(http.size()) + "\r\n\r\n" + http + "\r\n\r\n";
}

}  // namespace

TEST_CASE("index skips binary and too-large files, counts them by reason, and stats agrees", "[cli][formats]") {
  TempDir dir;
  const fs::path in = dir / "in";
  write_file(in / "a.txt", read_file(source_path("corpus/000_22e4804a8479d9b0.txt")));
  write_file(in / "random.txt", random_bytes(5000));
  write_file(in / "nul.txt", std::string("abc\0def", 7));
  write_file(in / "big.txt", read_file(source_path("corpus/001_cc313197295f2c1e.txt")) + std::string(300000, 'x'));
  const std::string db = (dir / "db").string();
  auto r = run_byline({"--db", db, "index", "--max-file-size", "200kB", in.string()});
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("skipped 3: 2 binary, 1 too large"));
  json s = stats_json(db);
  CHECK(s["articles"] == 1);
  CHECK(s["files"] == 4);
  CHECK(s["files_skipped"]["binary"] == 2);
  CHECK(s["files_skipped"]["too_large"] == 1);
  // A second run still reports them (they are still not in the index).
  json again = index_json(db, {"--max-file-size", "200kB", in.string()});
  CHECK(again["skipped"]["binary"] == 2);
  CHECK(again["unchanged"] == 1);
}

TEST_CASE("gzip pages are read, not skipped", "[cli][formats]") {
  TempDir dir;
  const fs::path in = dir / "in";
  write_file(in / "p.txt.gz", gzip_of(dir.path(), read_file(source_path("corpus/000_22e4804a8479d9b0.txt"))));
  write_file(in / "w.html.gz", gzip_of(dir.path(), read_file(source_path("tests/fixtures/html/wordpress_post.html"))));
  const std::string db = (dir / "db").string();
  json j = index_json(db, {in.string()});
  CHECK(j["articles"] == 2);
  CHECK(j["comments"].get<int>() > 3);
  auto found = run_byline({"--db", db, "search", "--format", "json", "pie contest"});
  CHECK(json::parse(found.out)["total"].get<int>() >= 1);
}

TEST_CASE("re-indexing a folder prunes vanished files by default, --no-prune keeps them", "[cli][formats]") {
  TempDir dir;
  const fs::path in = dir / "in";
  write_file(in / "a.txt", read_file(source_path("corpus/000_22e4804a8479d9b0.txt")));
  write_file(in / "b.txt", read_file(source_path("corpus/001_cc313197295f2c1e.txt")));
  const std::string db = (dir / "db").string();
  json first = index_json(db, {in.string()});
  const auto before = stats_json(db)["documents"].get<std::uint64_t>();
  fs::remove(in / "b.txt");
  json kept = index_json(db, {"--no-prune", in.string()});
  CHECK(kept["removed"] == 0);
  CHECK(stats_json(db)["documents"] == before);
  auto r = run_byline({"--db", db, "index", in.string()});
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("1 removed"));
  CHECK_THAT(r.out, Catch::Contains("of 1 vanished file deleted"));
  CHECK(stats_json(db)["articles"] == 1);
}

TEST_CASE("a page given twice in JSON Lines is kept once and index and stats agree", "[cli][formats]") {
  TempDir dir;
  write_file(dir / "in" / "d.jsonl",
             "{\"source\":\"x\",\"article\":{\"title\":\"a\"},\"comments\":[{\"author\":\"p\",\"text\":\"one\"},"
             "{\"author\":\"q\",\"text\":\"two\"}]}\n{\"source\":\"x\",\"article\":{\"title\":\"b\"}}\n");
  const std::string db = (dir / "db").string();
  json j = index_json(db, {(dir / "in").string()});
  json s = stats_json(db);
  CHECK(j["articles"] == s["articles"]);
  CHECK(j["comments"] == s["comments"]);
  CHECK(j["skipped"]["duplicate"] == 1);
}

TEST_CASE("byline parse reads a WordPress page: article, nested comments, no script text", "[cli][formats][html]") {
  auto r = run_byline({"parse", source_path("tests/fixtures/html/wordpress_post.html").string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  json page = json::parse(r.out);
  CHECK(page["article"]["title"] == "Harvest festival draws record crowds");
  CHECK(page["article"]["author"] == "Maria Lopez");
  CHECK(page["article"]["date"] == "2019-09-14T08:30");
  CHECK(page["article"]["text"].get<std::string>().find("Share this") == std::string::npos);
  CHECK(page["article"]["text"].get<std::string>().find("\n\nGrowers") != std::string::npos);
  REQUIRE(page["comments"].size() == 3);
  CHECK(page["comments"][1]["author"] == "Ann Ruiz");
  CHECK(page["comments"][1]["parent"] == 1);
  CHECK(page["comments"][1]["text"] == "Agreed, and the cider too.");
  CHECK(page["comments"][2]["parent"].is_null());
  CHECK(page["comments"][2]["date"] == "2019-09-15T09:00");
}

TEST_CASE("a WARC: pages by URI, a damaged record reported with its offset, growth reads only new records",
          "[cli][formats][warc]") {
  TempDir dir;
  const std::string article = read_file(source_path("tests/fixtures/html/wordpress_post.html"));
  const std::string first = warc_record("https://example.org/a", article);
  const std::string second = warc_record("https://example.org/b", article);
  // An archive being written: its second record is cut off for now.
  const std::string cut = second.substr(0, second.size() / 2);
  write_file(dir / "w.warc", first + cut);
  const std::string db = (dir / "db").string();
  auto r = run_byline({"--db", db, "index", "--json", (dir / "w.warc").string()});
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains("offset " + std::to_string(first.size()) + ": truncated record"));
  CHECK(json::parse(r.out)["articles"] == 1);
  // The archive grows: the cut-off record is completed and a new one follows.
  write_file(dir / "w.warc", first + second + warc_record("https://example.org/c", article));
  json j = index_json(db, {(dir / "w.warc").string()});
  CHECK(j["articles"] == 2);  // only b and c were read
  CHECK(j["failed"] == 0);
  CHECK(stats_json(db)["articles"] == 3);
  // Unchanged: skipped as a whole.
  CHECK(index_json(db, {(dir / "w.warc").string()})["unchanged"] == 1);
  auto shown = run_byline({"--db", db, "search", "--format", "json", "harvest"});
  CHECK_THAT(shown.out, Catch::Contains("https://example.org/c"));
}
