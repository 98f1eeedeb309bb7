// Indexing into shards: each input file's documents and recorded state live
// in the one shard its path picks, on every run and whatever --jobs is; every
// shard carries the settings; prune, stop and per-page add/remove work per
// shard.
#include <xapian.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <set>

#include "byline/error.h"
#include "byline/indexer.h"
#include "file_state.h"
#include "ids.h"
#include "schema.h"
#include "shard_stub.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace byline;
using byline::test::TempDir;

namespace {

fs::path write_pages(const TempDir& dir, int copies) {
  int n = 0;
  for (const auto& entry : fs::directory_iterator(byline::test::source_path("corpus")))
    if (entry.path().extension() == ".txt")
      for (int copy = 0; copy < copies; ++copy) {
        fs::create_directories(dir / "pages" / std::to_string(copy));
        fs::copy_file(entry.path(), dir / "pages" / std::to_string(copy) / (std::to_string(n++) + ".txt"));
      }
  return dir / "pages";
}

IndexSummary index_with(const std::string& db, const fs::path& pages, std::size_t jobs, bool prune = false) {
  IndexOptions options;
  options.jobs = jobs;
  options.prune = prune;
  Indexer indexer(db, options);
  return indexer.add_paths({pages.string()});
}

// For each shard: its file keys from XF terms, and from file states.
struct ShardContents {
  std::set<std::string> doc_files, state_files;
  Xapian::doccount documents = 0;
};

std::vector<ShardContents> contents(const std::string& db) {
  std::vector<ShardContents> out;
  for (const ShardEntry& entry : read_stub(db)) {
    Xapian::Database shard(local_shard_path(db, entry));
    ShardContents c;
    c.documents = shard.get_doccount();
    const std::string xf = schema::kPrefixFile;
    for (auto it = shard.allterms_begin(xf); it != shard.allterms_end(xf); ++it) c.doc_files.insert((*it).substr(2));
    for (auto it = shard.metadata_keys_begin(schema::kMetaFilePrefix);
         it != shard.metadata_keys_end(schema::kMetaFilePrefix); ++it)
      if (decode_file_state(shard.get_metadata(*it))) c.state_files.insert((*it).substr(12));
    CHECK(shard.get_metadata(schema::kMetaSchema) == std::to_string(schema::kSchemaVersion));
    CHECK(shard.get_metadata(schema::kMetaLanguage) == "english");
    out.push_back(c);
  }
  return out;
}

}  // namespace

TEST_CASE("a file's documents and state live in one shard, run after run", "[indexer][shards]") {
  TempDir dir;
  fs::path pages = write_pages(dir, 6);
  const std::string db = (dir / "db").string();
  IndexSummary first = index_with(db, pages, 2);
  REQUIRE(first.failed == 0);
  std::vector<ShardContents> shards = contents(db);
  REQUIRE(shards.size() == 2);
  for (const ShardContents& c : shards) {
    CHECK(c.documents > 0);
    CHECK(c.doc_files == c.state_files);  // documents and state together
  }
  for (const std::string& key : shards[0].doc_files) CHECK(shards[1].doc_files.count(key) == 0);
  CHECK(shards[0].doc_files.size() + shards[1].doc_files.size() == first.files);

  // One thread over two shards routes the same way: nothing to redo.
  IndexSummary again = index_with(db, pages, 1);
  CHECK(again.unchanged == first.files);
  CHECK(again.indexed == 0);

  // A changed file is replaced in its own shard; a deleted one pruned from it.
  fs::path changed = pages / "0" / "0.txt";
  byline::test::write_file(changed, byline::test::read_file(changed) + "\nAn added line.\n");
  fs::remove(pages / "1" / "1.txt");
  IndexSummary third = index_with(db, pages, 2, true);
  CHECK(third.indexed == 1);
  CHECK(third.removed == 1);
  std::vector<ShardContents> after = contents(db);
  for (const ShardContents& c : after) CHECK(c.doc_files == c.state_files);
  CHECK(after[0].doc_files.size() + after[1].doc_files.size() == first.files - 1);
  const std::string key = file_key_for(changed.string());
  CHECK(after[0].doc_files.count(key) + after[1].doc_files.count(key) == 1);
  CHECK(after[0].doc_files.count(key) == shards[0].doc_files.count(key));
}

TEST_CASE("Indexer::add and remove route a source to its shard", "[indexer][shards]") {
  TempDir dir;
  const std::string db = (dir / "db").string();
  IndexOptions options;
  options.shards = 3;
  Page page;
  page.article.title = "Zeppelins over the harbour";
  page.article.text = "A zeppelin was seen.";
  {
    Indexer indexer(db, options);
    for (int i = 0; i < 12; ++i) indexer.add(page, "page-" + std::to_string(i));
  }
  REQUIRE(read_stub(db).size() == 3);
  std::vector<Xapian::doccount> counts;
  for (const ShardEntry& e : read_stub(db)) counts.push_back(Xapian::Database(local_shard_path(db, e)).get_doccount());
  CHECK(counts[0] + counts[1] + counts[2] == 12);
  {
    Indexer indexer(db);  // an existing index keeps its 3 shards
    for (int i = 0; i < 12; ++i) indexer.add(page, "page-" + std::to_string(i));  // replaced, not added
    CHECK(indexer.remove("page-3") == 1);
  }
  CHECK(Xapian::Database(db).get_doccount() == 11);
  options.shards = 2;
  CHECK_THROWS_AS(Indexer(db, options), BadQuery);
}

TEST_CASE("a second writer of a sharded index is refused", "[indexer][shards]") {
  TempDir dir;
  const std::string db = (dir / "db").string();
  IndexOptions options;
  options.jobs = 2;
  Indexer first(db, options);
  CHECK_THROWS_AS(Indexer(db, options), IndexLocked);
  CHECK_THROWS_AS(Indexer(db), IndexLocked);
}

TEST_CASE("stop() interrupts every worker of a parallel run", "[indexer][shards]") {
  TempDir dir;
  fs::path pages = write_pages(dir, 20);
  const std::string db = (dir / "db").string();
  IndexOptions options;
  options.jobs = 2;
  options.batch_pages = 1;
  Indexer indexer(db, options);
  IndexCallbacks callbacks;
  std::uint64_t files = 0;
  callbacks.on_progress = [&](const IndexProgress& p) {
    files = p.files_done;
    if (p.files_done == 10) indexer.stop();
  };
  IndexSummary summary = indexer.add_paths({pages.string()}, callbacks);
  CHECK(summary.interrupted);
  CHECK(summary.files < 100);
  CHECK(summary.files == files);
  // The next run finishes the job.
  IndexSummary rest = indexer.add_paths({pages.string()});
  CHECK_FALSE(rest.interrupted);
  CHECK(rest.unchanged + rest.indexed == rest.files);
  CHECK(rest.unchanged >= summary.files - 2);
}
