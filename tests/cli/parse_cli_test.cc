// `byline parse` end to end: the real binary on real files.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <sstream>

#include "byline/page.h"
#include "byline/page_json.h"
#include "test_support.h"

namespace fs = std::filesystem;
using byline::test::run_byline;
using byline::test::TempDir;

namespace {

std::string seed_bytes() {
  return byline::test::read_file(byline::test::source_path("corpus/000_22e4804a8479d9b0.txt"));
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

}  // namespace

TEST_CASE("parse prints one JSON line equal to the library's output", "[cli][parse]") {
  TempDir dir;
  fs::path page = dir / "seed.txt";
  byline::test::write_file(page, seed_bytes());
  auto run = run_byline({"parse", page.string()});
  CHECK(run.exit_code == 0);
  CHECK(run.err.empty());
  auto lines = lines_of(run.out);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0] == byline::page_to_json(byline::parse_file(page.string()).page, page.string()));
  auto json = nlohmann::json::parse(lines[0]);
  CHECK(json["source"] == page.string());
  CHECK(json["article"]["author"] == "Elise Labott");
  CHECK(json["comments"].size() == 10);
}

TEST_CASE("parse of several files prints one line per file, in order", "[cli][parse]") {
  TempDir dir;
  byline::test::write_file(dir / "a.txt", seed_bytes());
  byline::test::write_file(dir / "b.txt", "Shopping list\n\neggs\n");
  auto run = run_byline({"parse", (dir / "a.txt").string(), (dir / "b.txt").string()});
  CHECK(run.exit_code == 0);
  auto lines = lines_of(run.out);
  REQUIRE(lines.size() == 2);
  CHECK(nlohmann::json::parse(lines[0])["source"] == (dir / "a.txt").string());
  CHECK(nlohmann::json::parse(lines[1])["article"]["title"] == "Shopping list");
  CHECK(run.err == "byline: warning: " + (dir / "b.txt").string() + ": does not look like a news page\n");
}

TEST_CASE("unreadable inputs give one error line each, the rest is parsed, exit 1", "[cli][parse]") {
  TempDir dir;
  byline::test::write_file(dir / "good.txt", seed_bytes());
  byline::test::write_file(dir / "empty.txt", "");
  fs::create_directories(dir / "folder");
  const std::string missing = (dir / "missing.txt").string();
  auto run = run_byline(
      {"parse", missing, (dir / "folder").string(), (dir / "good.txt").string(), (dir / "empty.txt").string()});
  CHECK(run.exit_code == 1);
  auto out = lines_of(run.out);
  REQUIRE(out.size() == 1);
  CHECK(nlohmann::json::parse(out[0])["source"] == (dir / "good.txt").string());
  auto err = lines_of(run.err);
  REQUIRE(err.size() == 3);
  CHECK(err[0] == "byline: " + missing + ": no such file or folder");
  CHECK(err[1] == "byline: " + (dir / "folder").string() + ": is a directory");
  CHECK(err[2] == "byline: " + (dir / "empty.txt").string() + ": empty file");
}

TEST_CASE("a Windows-1252 page prints a warning and decoded text", "[cli][parse]") {
  TempDir dir;
  fs::path page = dir / "latin.txt";
  std::string bytes = seed_bytes();
  bytes.replace(bytes.find("Elise Labott"), 12, "\xC9lise Labott");
  byline::test::write_file(page, bytes);
  auto run = run_byline({"parse", page.string()});
  CHECK(run.exit_code == 0);
  CHECK(run.err == "byline: warning: " + page.string() + ": not valid UTF-8, read as Windows-1252\n");
  auto json = nlohmann::json::parse(run.out);
  CHECK(json["article"]["author"] == "\xC3\x89lise Labott");
}

TEST_CASE("parse --pretty indents the same JSON", "[cli][parse]") {
  TempDir dir;
  fs::path page = dir / "seed.txt";
  byline::test::write_file(page, seed_bytes());
  auto compact = run_byline({"parse", page.string()});
  auto pretty = run_byline({"parse", "--pretty", page.string()});
  CHECK(pretty.exit_code == 0);
  CHECK(lines_of(pretty.out).size() > 20);
  CHECK(pretty.out.find("\n  \"article\"") != std::string::npos);
  CHECK(nlohmann::json::parse(pretty.out) == nlohmann::json::parse(compact.out));
}

TEST_CASE("parse without a file is a usage error", "[cli][parse]") {
  auto run = run_byline({"parse"});
  CHECK(run.exit_code == 2);
  CHECK(run.out.empty());
  CHECK(run.err.rfind("byline: ", 0) == 0);
}
