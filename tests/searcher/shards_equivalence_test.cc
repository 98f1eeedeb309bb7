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
#include "shard_stub.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace byline;
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

// Query words: every 7th free-text term of the single index with a few
// postings, plus fields, phrases, operators and an empty query.
std::vector<Query> make_queries(const std::string& db) {
  std::vector<std::string> texts = {"",
                                    "the",
                                    "russia OR boston",
                                    "\"missile defense\"",
                                    "type:comment the",
                                    "type:article",
                                    "date:2012..2013 the",
                                    "sanction*",
                                    "title:the",
                                    "-the a"};
  Xapian::Database x(db);
  int k = 0;
  for (auto it = x.allterms_begin(); it != x.allterms_end() && texts.size() < 90; ++it) {
    const std::string term = *it;
    if (term.empty() || !std::islower(static_cast<unsigned char>(term[0])) || it.get_termfreq() < 2) continue;
    if (++k % 7 == 0) texts.push_back(term);
  }
  std::vector<Query> queries;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    Query q;
    q.text = texts[i];
    q.limit = 10;
    if (i % 5 == 1) q.sort = SortOrder::Newest;
    if (i % 5 == 2) q.sort = SortOrder::Oldest;
    if (i % 4 == 3) q.offset = 5;
    if (i % 6 == 4) q.collapse = true;
    if (i % 10 == 5) q.facets = {"author", "month", "type", "tag"};
    queries.push_back(q);
  }
  // Pages beyond the first, where ties at page borders matter.
  for (std::size_t offset : {0, 10, 20, 30, 40, 50, 60, 70, 80, 90}) {
    Query q;
    q.text = "";
    q.offset = offset;
    q.sort = offset % 20 == 0 ? SortOrder::Relevance : SortOrder::Newest;
    queries.push_back(q);
  }
  return queries;
}

void check_same(const Results& a, const Results& b, const Query& q) {
  INFO("query '" << q.text << "' offset " << q.offset << " sort " << static_cast<int>(q.sort));
  REQUIRE(a.hits.size() == b.hits.size());
  for (std::size_t i = 0; i < a.hits.size(); ++i) {
    INFO("hit " << i);
    CHECK(a.hits[i].id == b.hits[i].id);
    CHECK(a.hits[i].rank == b.hits[i].rank);
    CHECK(a.hits[i].score == Approx(b.hits[i].score).epsilon(1e-9));
    CHECK(a.hits[i].snippet.text == b.hits[i].snippet.text);
    CHECK(a.hits[i].snippet.highlights.size() == b.hits[i].snippet.highlights.size());
  }
  for (const Results* r : {&a, &b}) {
    CHECK(r->total_lower <= r->total);
    CHECK(r->total <= r->total_upper);
  }
  if (a.total_lower == a.total_upper && b.total_lower == b.total_upper) CHECK(a.total == b.total);
  if (!q.facets.empty()) {
    CHECK(a.total == b.total);
    CHECK(a.total_lower == a.total_upper);
    for (const auto& [name, counts] : a.facets) {
      REQUIRE(b.facets.count(name) == 1);
      const auto& other = b.facets.at(name);
      REQUIRE(counts.size() == other.size());
      for (std::size_t i = 0; i < counts.size(); ++i) {
        CHECK(counts[i].value == other[i].value);
        CHECK(counts[i].count == other[i].count);
      }
    }
  }
  CHECK(a.corrected == b.corrected);
  CHECK_FALSE(a.partial);
  CHECK_FALSE(b.partial);
}

std::vector<Results> run_all(const std::string& db, const std::vector<Query>& queries) {
  Searcher searcher(db);
  std::vector<Results> out;
  for (const Query& q : queries) out.push_back(searcher.search(q));
  return out;
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
