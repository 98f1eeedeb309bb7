// Fidelity at scale: 2,000 make-archive pages rendered as HTML in four
// layouts (tests/tools/html_archive.py) and archived in a WARC; every
// article, comment, author, date and parent must come back as the ground
// truth has it. Skips (with a message) without ../shared.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "test_support.h"

using byline::test::run_byline;
using byline::test::source_path;
using byline::test::TempDir;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

std::vector<json> json_lines(const std::string& text) {
  std::vector<json> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) out.push_back(json::parse(line));
  return out;
}

std::string uri_of(const std::string& source) {
  return "https://news.example.com/" + source.substr(0, source.size() - 4);  // without ".txt"
}

}  // namespace

TEST_CASE("2,000 generated HTML pages in a WARC: 100% of articles, comments, authors, dates and parents",
          "[cli][formats][fidelity]") {
  TempDir dir;
  std::string why;
  if (!byline::test::make_archive(dir / "txt", 2000, 7, dir / "truth.jsonl", why)) {
    WARN("SKIPPED: " << why);
    return;
  }
  const std::string command = "python3 '" + source_path("tests/tools/html_archive.py").string() + "' '" +
                              (dir / "truth.jsonl").string() + "' '" + (dir / "html").string() + "' --warc '" +
                              (dir / "pages.warc.gz").string() + "' --extras 2>/dev/null";
  REQUIRE(std::system(command.c_str()) == 0);
  std::ifstream truth_file(dir / "truth.jsonl");
  std::stringstream truth_text;
  truth_text << truth_file.rdbuf();
  const std::vector<json> truth = json_lines(truth_text.str());
  REQUIRE(truth.size() == 2000);

  auto parsed = run_byline({"parse", (dir / "pages.warc.gz").string()});
  INFO(parsed.err.substr(0, 2000));
  REQUIRE(parsed.exit_code == 0);
  std::map<std::string, json> by_uri;
  for (json& page : json_lines(parsed.out)) by_uri[page["source"]] = page;
  CHECK(by_uri.size() == 2000);  // the section front, the 404 and the image are not pages

  std::size_t articles_ok = 0, comments = 0, comments_ok = 0;
  for (const json& t : truth) {
    auto found = by_uri.find(uri_of(t["source"]));
    if (found == by_uri.end()) continue;
    const json& g = found->second;
    bool article_ok = g["article"]["title"] == t["article"]["title"] && g["article"]["date"] == t["article"]["date"] &&
                      g["article"]["author"] == t["article"]["author"] &&
                      g["article"]["tags"] == t["article"]["tags"] && g["article"]["text"] == t["article"]["text"];
    if (article_ok)
      ++articles_ok;
    else
      UNSCOPED_INFO("article differs: " << t["source"]);
    for (std::size_t i = 0; i < t["comments"].size(); ++i) {
      ++comments;
      if (i >= g["comments"].size()) continue;
      const json& a = g["comments"][i];
      const json& b = t["comments"][i];
      if (a["author"] == b["author"] && a["date"] == b["date"] && a["parent"] == b["parent"] && a["text"] == b["text"])
        ++comments_ok;
    }
    CHECK(g["comments"].size() == t["comments"].size());
  }
  CHECK(articles_ok == truth.size());
  CHECK(comments_ok == comments);

  // Indexed from the HTML files, the counts are the truth's.
  auto indexed = run_byline({"--db", (dir / "db").string(), "index", "--json", (dir / "html").string()});
  REQUIRE(indexed.exit_code == 0);
  json summary = json::parse(indexed.out);
  CHECK(summary["articles"] == 2000);
  CHECK(summary["comments"] == comments);
}
