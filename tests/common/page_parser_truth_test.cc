// The parser against make-archive's ground truth: every field of every page.
// Needs ../shared (make-archive and its corpora); skipped with a warning when absent.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

#include "byline/page.h"
#include "byline/page_json.h"
#include "test_support.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// make_archive() from test_support, plus --oldest-first.
bool generate(const fs::path& out, int pages, int seed, bool oldest_first, const fs::path& truth, std::string& why) {
  if (!oldest_first) return byline::test::make_archive(out, pages, seed, truth, why);
  auto shared = byline::test::shared_dir();
  if (!shared) {
    why = "../shared (tools/make-archive) is not present";
    return false;
  }
  std::string command = "python3 '" + (*shared / "tools" / "make-archive").string() + "' '" + out.string() +
                        "' --oldest-first --pages " + std::to_string(pages) + " --seed " + std::to_string(seed) +
                        " --truth '" + truth.string() + "' >/dev/null 2>&1";
  if (std::system(command.c_str()) != 0) {
    why = "make-archive failed (is python3 installed?)";
    return false;
  }
  return true;
}

struct Report {
  int pages = 0;
  int equal = 0;
  std::size_t bytes = 0;
  double parse_seconds = 0;
  std::map<std::string, int> field_mismatches;  // field -> pages where it differs
  std::string examples;                         // the first few differences, for the failure message

  std::string summary() const {
    std::ostringstream out;
    out << equal << " of " << pages << " pages exactly equal, field mismatches:";
    if (field_mismatches.empty()) out << " none";
    for (const auto& [field, count] : field_mismatches) out << " " << field << "=" << count;
    return out.str();
  }
};

void compare_page(const json& truth, const json& got, Report& report) {
  std::map<std::string, bool> bad;
  for (const char* field : {"title", "date", "author", "tags", "text"})
    if (truth["article"][field] != got["article"][field]) bad[std::string("article.") + field] = true;
  const json& tc = truth["comments"];
  const json& gc = got["comments"];
  if (tc.size() != gc.size()) bad["comments.count"] = true;
  for (std::size_t i = 0; i < std::min(tc.size(), gc.size()); ++i)
    for (const char* field : {"index", "parent", "author", "date", "text"})
      if (tc[i][field] != gc[i][field]) bad[std::string("comment.") + field] = true;
  ++report.pages;
  if (bad.empty()) {
    ++report.equal;
    return;
  }
  for (const auto& entry : bad) ++report.field_mismatches[entry.first];
  if (report.examples.size() < 2000) {
    report.examples += truth["source"].get<std::string>() + ":";
    for (const auto& entry : bad) report.examples += " " + entry.first;
    report.examples += "\n";
  }
}

// Generates the pages, parses each file and compares it with its truth line.
// Returns false (with `why`) when the pages cannot be made.
bool check_archive(int pages, int seed, bool oldest_first, Report& report, std::string& why) {
  byline::test::TempDir dir;
  fs::path truth_path = dir / "truth.jsonl";
  if (!generate(dir / "pages", pages, seed, oldest_first, truth_path, why)) return false;
  std::ifstream truth_file(truth_path);
  std::string line;
  while (std::getline(truth_file, line)) {
    json truth = json::parse(line);
    std::string source = truth["source"].get<std::string>();
    std::string bytes = byline::read_file((dir / "pages" / source).string());
    auto start = std::chrono::steady_clock::now();
    byline::ParseResult result = byline::parse_page(bytes);
    report.parse_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    report.bytes += bytes.size();
    compare_page(truth, json::parse(byline::page_to_json(result.page, source)), report);
  }
  return true;
}

}  // namespace

TEST_CASE("ground truth: 300 generated pages (seed 7 newest first, seed 11 oldest first)", "[parser][truth]") {
  Report report;
  std::string why;
  if (!check_archive(200, 7, false, report, why) || !check_archive(100, 11, true, report, why)) {
    WARN("SKIPPED: " << why);
    return;
  }
  INFO(report.summary() << "\n" << report.examples);
  CHECK(report.pages == 300);
  CHECK(report.equal == report.pages);
}

TEST_CASE("ground truth: 2000 pages of seed 7", "[parser][truth][slow]") {
  Report report;
  std::string why;
  if (!check_archive(2000, 7, false, report, why)) {
    WARN("SKIPPED: " << why);
    return;
  }
  INFO(report.summary() << "\n" << report.examples);
  std::printf("parser ground truth, seed 7: %s; parse_page in-process: %.0f pages/s, %.1f MB/s (%.1f MB)\n",
              report.summary().c_str(), report.pages / report.parse_seconds, report.bytes / 1e6 / report.parse_seconds,
              report.bytes / 1e6);
  CHECK(report.pages == 2000);
  CHECK(report.equal == report.pages);
}
