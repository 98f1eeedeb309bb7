// The files Byline writes beside Xapian's are replaced atomically
// (durable_file.h): a reader never sees part of a stub, even while two
// writers rewrite it at once; and two folders are exchanged in one step.
#include <atomic>
#include <catch2/catch.hpp>
#include <filesystem>
#include <thread>

#include "durable_file.h"
#include "shard_stub.h"
#include "test_support.h"

using namespace byline;
using namespace byline::test;
namespace fs = std::filesystem;

namespace {

std::vector<ShardEntry> local_entries(int count, const std::string& stem) {
  std::vector<ShardEntry> entries(static_cast<std::size_t>(count));
  for (int i = 0; i < count; ++i) entries[static_cast<std::size_t>(i)].path = stem + std::to_string(i);
  return entries;
}

std::vector<std::string> paths_of(const std::vector<ShardEntry>& entries) {
  std::vector<std::string> paths;
  for (const ShardEntry& e : entries) paths.push_back(e.path);
  return paths;
}

}  // namespace

// Without a temporary file of its own per write, two writers share one: one
// truncates and rewrites it while the other renames it into place (a reader
// then reads a cut or doubled list), or the second rename finds no file.
TEST_CASE("a stub rewritten many times by two writer threads at once: readers see one whole list or the other",
          "[common][stub][atomic][threads]") {
  TempDir dir;
  const std::string db = (dir / "index").string();
  fs::create_directories(db);
  const std::vector<ShardEntry> short_list = local_entries(1, "shard");
  // Long enough to take several write() calls' worth of interleaving.
  const std::vector<ShardEntry> long_list = local_entries(400, std::string(60, 'x') + "-shard");
  write_stub(db, short_list);

  constexpr int kWrites = 300;
  std::atomic<int> writers_done{0};
  std::atomic<long> reads{0}, torn{0}, write_errors{0};
  std::vector<std::thread> threads;
  for (const auto* list : {&short_list, &long_list})
    threads.emplace_back([&, list] {
      for (int i = 0; i < kWrites; ++i) {
        try {
          write_stub(db, *list);
        } catch (const std::exception&) {
          ++write_errors;
        }
      }
      ++writers_done;
    });
  for (int r = 0; r < 2; ++r)
    threads.emplace_back([&] {
      while (writers_done.load() < 2) {
        try {
          const std::vector<std::string> seen = paths_of(read_stub(db));
          if (seen != paths_of(short_list) && seen != paths_of(long_list)) ++torn;
        } catch (const std::exception&) {
          ++torn;  // an empty or cut stub reads as damaged
        }
        ++reads;
      }
    });
  for (std::thread& t : threads) t.join();
  INFO(reads.load() << " reads");
  CHECK(reads.load() > 100);
  CHECK(torn.load() == 0);
  CHECK(write_errors.load() == 0);
  // No temporary file stays behind.
  CHECK(folder_names(db) == std::vector<std::string>{"XAPIANDB"});
}

TEST_CASE("write_file_durably: a failed write names the file and leaves no temporary file", "[common][stub][atomic]") {
  TempDir dir;
  const fs::path missing_folder = dir / "no-such-folder" / "XAPIANDB";
  try {
    write_file_durably(missing_folder.string(), "x", "index here");
    FAIL("no error");
  } catch (const std::exception& e) {
    const std::string message = e.what();
    CHECK(message.rfind("index here: cannot write " + missing_folder.string() + ".tmp.", 0) == 0);
  }
  CHECK(folder_names(dir.path()).empty());
}

TEST_CASE("exchange_paths swaps two folders in one step", "[common][atomic]") {
  TempDir dir;
  write_file(dir / "a" / "mark", "A");
  write_file(dir / "b" / "mark", "B");
  const bool exchanged = exchange_paths((dir / "a").string(), (dir / "b").string(), "test");
  if (!exchanged) {
    WARN("this file system cannot exchange paths (RENAME_EXCHANGE): Byline falls back to two renames here");
    CHECK(read_file(dir / "a" / "mark") == "A");
    return;
  }
  CHECK(read_file(dir / "a" / "mark") == "B");
  CHECK(read_file(dir / "b" / "mark") == "A");
  CHECK_THROWS_WITH(exchange_paths((dir / "a").string(), (dir / "missing").string(), "test"),
                    Catch::Matchers::StartsWith("test: cannot exchange "));
}
