// Issue 14 point 3, measured: on 1,000 generated pages (make-archive --seed 3,
// Reuters articles and real readers' comments), at least 80% of the
// misspellings in tests/fixtures/spelling/misspellings.txt get their right
// spelling as the first (and only) suggestion, and none of the correctly
// spelled words in correct_words.txt gets one.
//
// Hidden from the default Catch discovery ([.]): tests/CMakeLists.txt runs it
// as its own ctest entry, which ctest reports as skipped (exit 77) when the
// shared folder with make-archive is absent.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "search_fixtures.h"

using namespace byline;
using namespace byline::test;

namespace {

// The non-comment lines of a data file, cut at white space.
std::vector<std::vector<std::string>> data_lines(const std::string& relative) {
  std::ifstream in(source_path(relative));
  REQUIRE(in);
  std::vector<std::vector<std::string>> out;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream words(line);
    std::vector<std::string> fields;
    for (std::string w; words >> w;) fields.push_back(w);
    if (!fields.empty()) out.push_back(fields);
  }
  return out;
}

std::optional<std::string> suggestion_for(Searcher& searcher, const std::string& text) {
  return searcher.search(make_query(text, 0)).corrected;
}

}  // namespace

TEST_CASE("did you mean: 80% of real misspellings right, no correct word changed", "[.][spelling-measure]") {
  TempDir dir;
  std::string why;
  // The ctest entry checked that the shared folder is there: a failure here
  // is a failure, not a skip.
  REQUIRE(make_archive(dir / "pages", 1000, 3, dir / "truth.jsonl", why));
  const std::string db = (dir / "index").string();
  RunResult indexed = run_byline({"--db", db, "index", (dir / "pages").string()});
  INFO(indexed.err);
  REQUIRE(indexed.exit_code == 0);
  Searcher searcher(db);

  const auto misspellings = data_lines("tests/fixtures/spelling/misspellings.txt");
  REQUIRE(misspellings.size() >= 100);
  std::size_t right = 0;
  std::string misses;
  for (const auto& pair : misspellings) {
    REQUIRE(pair.size() == 2);
    const std::optional<std::string> got = suggestion_for(searcher, pair[0]);
    if (got == pair[1])
      ++right;
    else
      misses += pair[0] + " -> " + got.value_or("(none)") + " (want " + pair[1] + ")\n";
  }
  INFO(right << " of " << misspellings.size() << " right; misses:\n" << misses);
  CHECK(right * 100 >= 80 * misspellings.size());
  // Seen on 2026-12-03: 193 of 199 right, no correct word changed.
  WARN(right << " of " << misspellings.size() << " misspellings got the right suggestion");

  const auto correct = data_lines("tests/fixtures/spelling/correct_words.txt");
  REQUIRE(correct.size() >= 100);
  std::string changed;
  for (const auto& line : correct) {
    const std::optional<std::string> got = suggestion_for(searcher, line[0]);
    if (got) changed += line[0] + " -> " + *got + "\n";
  }
  INFO("correct words changed:\n" << changed);
  CHECK(changed.empty());
}
