// A sharded index answers exactly as a single index of the same pages: the
// same hits in the same order, the same snippets and scores, the same totals
// (equal when exact, else each within its own bounds), and the same again
// after `compact_index` merges the shards. Pages: make-archive (500 pages),
// or, without ../shared, the repository's own pages copied under many names.
#include <xapian.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "byline/error.h"
#include "byline/indexer.h"
#include "byline/searcher.h"
#include "byline/shards.h"
#include "search_equivalence.h"
#include "shard_stub.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace byline;
using byline::test::check_same;
using byline::test::make_queries;
using byline::test::run_all;
using byline::test::TempDir;

namespace {

// Writes the pages to index into `dir`; says on stderr where they came from.
void write_pages(const fs::path& dir) {
  std::string why;
  if (byline::test::make_archive(dir / "archive", 500, 11, dir / "truth.jsonl", why)) return;
  WARN("using the repository's pages copied 40 times instead of make-archive: " << why);
  int n = 0;
  for (const char* folder : {"corpus", "tests/fixtures/pages"}) {
    for (const auto& entry : fs::directory_iterator(byline::test::source_path(folder))) {
      if (entry.path().extension() != ".txt") continue;
      for (int copy = 0; copy < 40; ++copy) {
        const fs::path folder = dir / "archive" / std::to_string(copy);
        fs::create_directories(folder);
        fs::copy_file(entry.path(), folder / (std::to_string(n) + ".txt"), fs::copy_options::overwrite_existing);
      }
      ++n;
    }
  }
}

void index_into(const std::string& db, const fs::path& pages, std::size_t jobs) {
  IndexOptions options;
  options.jobs = jobs;
  Indexer indexer(db, options);
  IndexSummary summary = indexer.add_paths({pages.string()});
  REQUIRE(summary.pages > 0);
}

}  // namespace

TEST_CASE("sharded and single indexes answer identically, before and after compaction", "[searcher][shards][slow]") {
  TempDir dir;
  write_pages(dir.path());
  const std::string single = (dir / "single").string();
  const std::string sharded = (dir / "sharded").string();
  index_into(single, dir / "archive", 1);
  index_into(sharded, dir / "archive", 2);
  REQUIRE_FALSE(byline::has_stub(single));
  REQUIRE(byline::has_stub(sharded));
  std::vector<ShardInfo> shards = list_shards(sharded);
  REQUIRE(shards.size() == 2);
  CHECK(*shards[0].documents > 0);
  CHECK(*shards[1].documents > 0);

  std::vector<Query> queries = make_queries(single);
  REQUIRE(queries.size() >= 100);
  std::vector<Results> expected = run_all(single, queries);
  std::size_t with_hits = 0;
  for (const Results& r : expected) with_hits += r.hits.empty() ? 0 : 1;
  CHECK(with_hits > 80);
  // Some of the misspelt queries get a correction (compared below).
  std::size_t corrected = 0;
  for (const Results& r : expected) corrected += r.corrected ? 1 : 0;
  CHECK(corrected >= 2);

  std::vector<Results> got = run_all(sharded, queries);
  for (std::size_t i = 0; i < queries.size(); ++i) check_same(expected[i], got[i], queries[i]);

  // The same documents by id, and stats, through the sharded index.
  Searcher a(single), b(sharded);
  CHECK(a.stats().documents == b.stats().documents);
  CHECK(a.stats().authors == b.stats().authors);
  const std::string some_id = expected[0].hits.at(0).id;
  REQUIRE(b.document(some_id));
  CHECK(b.document(some_id)->text == a.document(some_id)->text);

  {
    // Compaction merges the shards and changes no answer.
    CompactSummary summary = compact_index(sharded);
    CHECK(summary.shards_before == 2);
    CHECK(summary.documents == a.stats().documents);
    CHECK(list_shards(sharded).size() == 1);
    std::vector<Results> after = run_all(sharded, queries);
    for (std::size_t i = 0; i < queries.size(); ++i) check_same(expected[i], after[i], queries[i]);
    // File states survived: nothing to redo.
    IndexOptions options;
    options.jobs = 2;
    Indexer indexer(sharded, options);
    IndexSummary again = indexer.add_paths({(dir / "archive").string()});
    CHECK(again.indexed == 0);
    CHECK(again.unchanged == again.files);
  }
  {
    // Compacting the single index changes no answer either.
    compact_index(single);
    std::vector<Results> after = run_all(single, queries);
    for (std::size_t i = 0; i < queries.size(); ++i) check_same(expected[i], after[i], queries[i]);
    Indexer indexer(single);
    CHECK(indexer.add_paths({(dir / "archive").string()}).indexed == 0);
  }
}
