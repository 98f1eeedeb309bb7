// reshard_index: the documents of an index redistributed into another number
// of local shards answer every query exactly as before, each file's documents
// and state sit in the shard the indexer routes it to (so the next run reads
// nothing), and a failure or a lock leaves the old index as it was. Pages: synthesised from corpus/ (no
// ../shared needed).
#include <unistd.h>
#include <xapian.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <set>

#include "../reliability/reliability_support.h"
#include "byline/error.h"
#include "byline/indexer.h"
#include "byline/shards.h"
#include "file_state.h"
#include "schema.h"
#include "search_equivalence.h"
#include "shard_routing.h"
#include "shard_stub.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace byline;
using byline::test::folder_names;
using byline::test::TempDir;

namespace {

constexpr int kPages = 150;

fs::path write_pages(const TempDir& dir) {
  byline::test::reliability::synthesise_pages(dir / "pages", kPages);
  return dir / "pages";
}

IndexSummary index_into(const std::string& db, const fs::path& pages, std::size_t shards, bool prune = false) {
  IndexOptions options;
  options.jobs = 2;
  options.shards = shards;
  options.prune = prune;
  Indexer indexer(db, options);
  return indexer.add_paths({pages.string()});
}

// Each local shard's documents and file states belong to files routed to it,
// and every shard carries the settings. Returns the file states seen.
std::size_t check_routing(const std::string& db) {
  std::vector<ShardEntry> locals;
  for (const ShardEntry& e : read_stub(db))
    if (!e.remote) locals.push_back(e);
  std::size_t states = 0;
  for (std::size_t i = 0; i < locals.size(); ++i) {
    Xapian::Database shard(local_shard_path(db, locals[i]));
    INFO("shard " << locals[i].path);
    CHECK(shard.get_metadata(schema::kMetaSchema) == std::to_string(schema::kSchemaVersion));
    CHECK(shard.get_metadata(schema::kMetaLanguage) == "english");
    CHECK(shard.get_metadata(schema::kMetaStopwords) == "english");
    std::set<std::string> doc_files, state_files;
    const std::string xf = schema::kPrefixFile;
    for (auto it = shard.allterms_begin(xf); it != shard.allterms_end(xf); ++it) doc_files.insert((*it).substr(2));
    for (auto it = shard.metadata_keys_begin(schema::kMetaFilePrefix);
         it != shard.metadata_keys_end(schema::kMetaFilePrefix); ++it)
      if (decode_file_state(shard.get_metadata(*it))) state_files.insert((*it).substr(12));
    CHECK(doc_files == state_files);
    for (const std::string& key : doc_files) CHECK(shard_index_for(key, locals.size()) == i);
    states += state_files.size();
  }
  return states;
}

// The index answers as `expected` says, lists `shards` local shards, and the
// next incremental run with that count finds every file unchanged.
void check_resharded(const std::string& db, const fs::path& pages, std::size_t shards,
                     const std::vector<Query>& queries, const std::vector<Results>& expected) {
  REQUIRE(has_stub(db));
  CHECK(list_shards(db).size() == shards);
  CHECK(check_routing(db) == kPages);
  std::vector<Results> got = byline::test::run_all(db, queries);
  for (std::size_t i = 0; i < queries.size(); ++i) byline::test::check_same(expected[i], got[i], queries[i]);
  IndexSummary again = index_into(db, pages, shards);
  CHECK(again.files == kPages);
  CHECK(again.unchanged == kPages);
  CHECK(again.indexed == 0);
}

}  // namespace

TEST_CASE("resharding 2 to 3 to 1 and 1 to 2 keeps every document, answer and file state", "[indexer][reshard]") {
  TempDir dir;
  const fs::path pages = write_pages(dir);
  const std::string reference = (dir / "reference").string();
  REQUIRE(index_into(reference, pages, 1).pages == kPages);
  const std::vector<Query> queries = byline::test::make_queries(reference);
  REQUIRE(queries.size() >= 50);
  const std::vector<Results> expected = byline::test::run_all(reference, queries);
  std::size_t with_hits = 0;
  for (const Results& r : expected) with_hits += r.hits.empty() ? 0 : 1;
  CHECK(with_hits >= 40);
  const Xapian::doccount documents = Xapian::Database(reference).get_doccount();

  const std::string db = (dir / "db").string();
  index_into(db, pages, 2);
  // A reader open before the reshard keeps reading the old shards.
  Xapian::Database reader(db);

  ReshardSummary to3 = reshard_index(db, 3);
  CHECK(to3.resharded);
  CHECK(to3.shards_before == 2);
  CHECK(to3.shards_after == 3);
  CHECK(to3.documents == documents);
  CHECK(to3.files == kPages);
  CHECK(Xapian::Database(db).get_doccount() == documents);
  check_resharded(db, pages, 3, queries, expected);
  CHECK(reader.get_doccount() == documents);
  CHECK_FALSE(reader.get_document(*reader.postlist_begin("")).get_data().empty());

  ReshardSummary to1 = reshard_index(db, 1);
  CHECK(to1.shards_before == 3);
  CHECK(to1.documents == documents);
  check_resharded(db, pages, 1, queries, expected);
  // Only the new shard is left in the folder.
  CHECK(folder_names(dir / "db").size() == 2);

  // A single database becomes a stub index.
  const std::string single = (dir / "single").string();
  index_into(single, pages, 1);
  REQUIRE_FALSE(has_stub(single));
  ReshardSummary to2 = reshard_index(single, 2);
  CHECK(to2.shards_before == 1);
  CHECK(to2.files == kPages);
  CHECK(folder_names(dir / "single") == std::vector<std::string>{"XAPIANDB", "shard0", "shard1"});
  CHECK(folder_names(dir.path()) == std::vector<std::string>{"db", "pages", "reference", "single"});
  check_resharded(single, pages, 2, queries, expected);

  // Pruning works per shard after a reshard.
  fs::remove(pages / "00" / "p00007.txt");
  IndexSummary pruned = index_into(single, pages, 2, true);
  CHECK(pruned.removed == 1);
  CHECK(pruned.indexed == 0);
  CHECK(Xapian::Database(single).get_doccount() < documents);
  CHECK(check_routing(single) == kPages - 1);
}

TEST_CASE("resharding to the current count, to 0 shards, or without an index does nothing", "[indexer][reshard]") {
  TempDir dir;
  const fs::path pages = write_pages(dir);
  const std::string db = (dir / "db").string();
  index_into(db, pages, 2);
  const std::string stub = byline::test::read_file(dir / "db" / "XAPIANDB");
  ReshardSummary same = reshard_index(db, 2);
  CHECK_FALSE(same.resharded);
  CHECK(same.shards_after == 2);
  CHECK(same.documents == Xapian::Database(db).get_doccount());
  CHECK(byline::test::read_file(dir / "db" / "XAPIANDB") == stub);
  CHECK_THROWS_AS(reshard_index(db, 0), BadQuery);
  CHECK_THROWS_AS(reshard_index((dir / "nothing").string(), 2), IndexUnusable);
  CHECK(byline::test::read_file(dir / "db" / "XAPIANDB") == stub);
}

TEST_CASE("resharding keeps remote shards and removes a crashed reshard's temporaries", "[indexer][reshard]") {
  TempDir dir;
  const fs::path pages = write_pages(dir);
  const std::string db = (dir / "db").string();
  index_into(db, pages, 2);
  add_remote_shard(db, "127.0.0.1:7001");
  // Of a process that no longer runs (above pid_max): a live one's is kept.
  fs::create_directories(dir / "db" / ".resharding.999999999" / "shard0");
  ReshardSummary s = reshard_index(db, 3);
  CHECK(s.shards_before == 2);
  std::vector<ShardEntry> entries = read_stub(db);
  REQUIRE(entries.size() == 4);
  CHECK(entries[3].remote);
  CHECK(entries[3].name() == "tcp://127.0.0.1:7001");
  CHECK(folder_names(dir / "db") == std::vector<std::string>{"XAPIANDB", "shard2", "shard3", "shard4"});
}

TEST_CASE("a locked index or a failure before the switch leaves the old index untouched", "[indexer][reshard]") {
  TempDir dir;
  const fs::path pages = write_pages(dir);
  const std::string db = (dir / "db").string();
  index_into(db, pages, 2);
  const std::string stub = byline::test::read_file(dir / "db" / "XAPIANDB");
  const Xapian::doccount documents = Xapian::Database(db).get_doccount();
  {
    Indexer writer(db);
    CHECK_THROWS_AS(reshard_index(db, 3), IndexLocked);
  }
  CHECK(folder_names(dir / "db") == std::vector<std::string>{"XAPIANDB", "shard0", "shard1"});

  // The new shards cannot be built (a file is in the way of their folder):
  // nothing of them may stay. (Each stub write has a temporary file of its
  // own, so nothing can be put in the way of the stub's any more.)
  const fs::path building = dir / "db" / (".resharding." + std::to_string(::getpid()));
  byline::test::write_file(building, "in the way");
  CHECK_THROWS_AS(reshard_index(db, 3), IoError);
  fs::remove(building);  // (removed already when the failed build cleaned up)
  CHECK(folder_names(dir / "db") == std::vector<std::string>{"XAPIANDB", "shard0", "shard1"});
  CHECK(byline::test::read_file(dir / "db" / "XAPIANDB") == stub);
  CHECK(Xapian::Database(db).get_doccount() == documents);
  CHECK(index_into(db, pages, 2).unchanged == kPages);

  // A single database whose new index cannot be built beside it stays where
  // it was.
  const std::string single = (dir / "single").string();
  index_into(single, pages, 1);
  const std::vector<std::string> before = folder_names(dir / "single");
  const fs::path beside = dir / ("single.resharding." + std::to_string(::getpid()));
  byline::test::write_file(beside, "in the way");
  CHECK_THROWS_AS(reshard_index(single, 2), IoError);
  CHECK(folder_names(dir / "single") == before);
  fs::remove(beside);
  CHECK(Xapian::Database(single).get_doccount() == documents);
  CHECK(index_into(single, pages, 1).unchanged == kPages);
}
