// Replacing an index and recovering from killed runs (RELIABILITY.md,
// "Killed at any moment"):
// - compact and reshard of a single database exchange the new index with the
//   old one in one step: a reader of the path always finds a whole index
//   (they used to rename the old one aside first, leaving a moment with no
//   index at the path);
// - the temporary folders and files a killed compact, reshard or stub write
//   leaves are removed by the next run, unless their process still runs;
// - a sharded index whose creation was killed before its stub was written is
//   completed by the next run, and searching it meanwhile says there is no
//   index yet, as before that run.
#include <unistd.h>
#include <xapian.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <filesystem>
#include <mutex>
#include <thread>

#include "../reliability/reliability_support.h"
#include "byline/error.h"
#include "byline/indexer.h"
#include "byline/searcher.h"
#include "byline/shards.h"
#include "index_meta.h"
#include "shard_stub.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace byline;
using byline::test::folder_names;
using byline::test::TempDir;

namespace {

// A process id that no process has: above the kernel's pid_max (at most 2^22).
constexpr long kDeadPid = 999999999;

IndexSummary index_pages(const std::string& db, const fs::path& pages, std::size_t jobs) {
  IndexOptions options;
  options.jobs = jobs;
  Indexer indexer(db, options);
  return indexer.add_paths({pages.string()});
}

std::uint64_t documents(const std::string& db) {
  Searcher searcher(db);
  Query query;
  query.text = "";
  query.limit = 0;
  query.facets = {"type"};  // an exact total
  return searcher.search(query).total;
}

}  // namespace

TEST_CASE("compact and reshard of a single database: readers of the path always find a whole index",
          "[indexer][compact][reshard][threads]") {
  TempDir dir;
  byline::test::reliability::synthesise_pages(dir / "pages", 10);
  constexpr int kRounds = 6;  // each fsyncs its files: seconds on a busy disk
  // One single database per reshard round (a reshard makes it sharded); the
  // compact rounds run on the first.
  std::vector<std::string> dbs;
  for (int i = 0; i < kRounds; ++i) {
    dbs.push_back((dir / ("db" + std::to_string(i))).string());
    index_pages(dbs.back(), dir / "pages", 1);
  }
  const std::uint64_t expected = documents(dbs[0]);
  std::atomic<int> current{0};
  std::atomic<bool> done{false};
  std::atomic<long> looks{0}, missing{0}, searches{0}, wrong{0};
  std::mutex mutex;
  std::vector<std::string> errors;  // the threads make no Catch assertion (not thread-safe)
  std::vector<std::thread> readers;
  // One thread looks for the index's version file or stub as fast as it can:
  // it catches the moment between two renames.
  readers.emplace_back([&] {
    while (!done.load()) {
      const fs::path db = dbs[static_cast<std::size_t>(current.load())];
      std::error_code ec;
      if (!fs::exists(db / "iamglass", ec) && !fs::exists(db / "XAPIANDB", ec)) ++missing;
      ++looks;
    }
  });
  // Others search it with the library, as `byline search` does.
  for (int t = 0; t < 2; ++t)
    readers.emplace_back([&] {
      while (!done.load()) {
        try {
          if (documents(dbs[static_cast<std::size_t>(current.load())]) != expected) ++wrong;
        } catch (const std::exception& e) {
          std::lock_guard lock(mutex);
          errors.push_back(e.what());
        }
        ++searches;
      }
    });
  for (int round = 0; round < kRounds; ++round) compact_index(dbs[0], false);
  for (int round = 0; round < kRounds; ++round) {
    current = round;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    reshard_index(dbs[static_cast<std::size_t>(round)], 2);
  }
  done = true;
  for (std::thread& reader : readers) reader.join();
  INFO(looks.load() << " looks, " << searches.load() << " searches");
  CHECK(missing.load() == 0);
  for (const std::string& error : errors) FAIL_CHECK(error);
  CHECK(wrong.load() == 0);
  CHECK(searches.load() > 10);
  // Nothing left beside the indexes: the old copies are removed.
  std::vector<std::string> names = folder_names(dir.path());
  names.erase(std::remove(names.begin(), names.end(), "pages"), names.end());
  CHECK(names.size() == static_cast<std::size_t>(kRounds));
  CHECK(folder_names(dbs[1]) == std::vector<std::string>{"XAPIANDB", "shard0", "shard1"});
}

TEST_CASE("leftovers of killed runs: the next compact, reshard or index removes those of dead processes only",
          "[indexer][compact][reshard][leftovers]") {
  TempDir dir;
  byline::test::reliability::synthesise_pages(dir / "pages", 12);
  const std::string live = std::to_string(::getppid());  // a process that runs: the one that started the test
  const std::string dead = std::to_string(kDeadPid);
  auto make = [](const fs::path& path) { byline::test::write_file(path / "postlist.glass", std::string(100, 'x')); };

  SECTION("compact of a single database") {
    const std::string db = (dir / "single").string();
    index_pages(db, dir / "pages", 1);
    make(db + ".compacting." + dead);
    make(db + ".old." + dead);
    make(db + ".resharding." + dead);
    make(db + ".compacting." + live);
    compact_index(db, false);
    CHECK(folder_names(dir.path()) == std::vector<std::string>{"pages", "single", "single.compacting." + live});
  }
  SECTION("compact and reshard of a sharded index, and index") {
    const std::string db = (dir / "sharded").string();
    index_pages(db, dir / "pages", 2);
    auto leave = [&] {
      make(fs::path(db) / (".compacting." + dead));
      make(fs::path(db) / (".resharding." + dead));
      byline::test::write_file(fs::path(db) / ("XAPIANDB.tmp." + dead + "-1"), "auto sh");
      make(fs::path(db) / (".compacting." + live));
    };
    const std::vector<std::string> kept = {".compacting." + live, "XAPIANDB"};
    leave();
    compact_index(db, false);
    std::vector<std::string> names = folder_names(db);
    CHECK(std::vector<std::string>(names.begin(), names.begin() + 2) == kept);
    leave();
    reshard_index(db, 3);
    names = folder_names(db);
    CHECK(std::vector<std::string>(names.begin(), names.begin() + 2) == kept);
    leave();
    index_pages(db, dir / "pages", 2);
    names = folder_names(db);
    CHECK(std::vector<std::string>(names.begin(), names.begin() + 2) == kept);
    CHECK(names.size() == 2 + 3);  // and the three shards
  }
}

TEST_CASE("a sharded index killed before its stub was written: no index yet, and the next run completes it",
          "[indexer][shards][leftovers]") {
  TempDir dir;
  byline::test::reliability::synthesise_pages(dir / "pages", 20);
  const std::string reference = (dir / "reference").string();
  index_pages(reference, dir / "pages", 2);
  const std::uint64_t expected = documents(reference);
  const std::string db = (dir / "db").string();
  // What create_sharded leaves when killed before the stub: shard folders
  // with the settings committed and no document (here three: an earlier
  // attempt with --jobs 3), maybe the stub's temporary file,
  fs::create_directories(db);
  for (int n = 0; n < 3; ++n) {
    Xapian::WritableDatabase shard(db + "/shard" + std::to_string(n), Xapian::DB_CREATE);
    IndexSettings settings;
    settings.schema_version = schema::kSchemaVersion;
    settings.language = "english";
    settings.stopwords = "english";
    write_index_settings(shard, settings);
    shard.commit();
  }
  // and one Xapian was still creating (no version file yet).
  byline::test::write_file(fs::path(db) / "shard3" / "postlist.glass", "");
  byline::test::write_file(fs::path(db) / ("XAPIANDB.tmp." + std::to_string(kDeadPid) + "-1"), "# Byline");

  CHECK_THROWS_WITH(Searcher(db), Catch::Matchers::Contains("no index there yet"));
  SECTION("with --jobs 2") {
    index_pages(db, dir / "pages", 2);
    CHECK(folder_names(db) == std::vector<std::string>{"XAPIANDB", "shard0", "shard1"});
    CHECK(read_stub(db).size() == 2);
  }
  SECTION("with --jobs 1") {
    index_pages(db, dir / "pages", 1);
    CHECK_FALSE(has_stub(db));
    CHECK(fs::exists(fs::path(db) / "iamglass"));
    for (const std::string& name : folder_names(db)) CHECK(name.rfind("shard", 0) != 0);
  }
  CHECK(documents(db) == expected);
}

TEST_CASE("shard folders holding documents without a stub are damage: the next run refuses, nothing removed",
          "[indexer][shards][leftovers]") {
  TempDir dir;
  byline::test::reliability::synthesise_pages(dir / "pages", 10);
  const std::string db = (dir / "db").string();
  index_pages(db, dir / "pages", 2);
  fs::remove(fs::path(db) / "XAPIANDB");
  CHECK_THROWS_WITH(index_pages(db, dir / "pages", 1), Catch::Matchers::Contains("damaged"));
  CHECK(folder_names(db) == std::vector<std::string>{"shard0", "shard1"});
  CHECK_THROWS_WITH(Searcher(db), Catch::Matchers::Contains("damaged"));
}
