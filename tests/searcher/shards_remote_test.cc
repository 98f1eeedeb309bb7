// Remote shards: two xapian-tcpsrv processes on loopback serve the two shards
// of an index; a stub naming both answers like a local single index of the
// same pages. With one server stopped, a search fails naming the shard, or,
// with Query::allow_partial, answers from the other and says so.

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <thread>

#include "byline/error.h"
#include "byline/indexer.h"
#include "byline/searcher.h"
#include "byline/shards.h"
#include "shard_server.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace byline;
using byline::test::find_tcpsrv;
using byline::test::ShardServer;
using byline::test::TempDir;

namespace {

void index_into(const std::string& db, const fs::path& pages, std::size_t jobs) {
  IndexOptions options;
  options.jobs = jobs;
  Indexer indexer(db, options);
  REQUIRE(indexer.add_paths({pages.string()}).pages > 0);
}

std::vector<Query> queries() {
  std::vector<Query> out;
  for (const char* text : {"", "the", "sanctions", "russia OR boston", "\"missile defense\"", "type:comment the",
                           "title:boston", "magnet*",
                           "on:(missile) OR discussed:(sanctions)", "reply:(sanctions)", "type:comment tag:russia"}) {
    Query q;
    q.text = text;
    out.push_back(q);
    q.sort = SortOrder::Newest;
    out.push_back(q);
    q.sort = SortOrder::Relevance;
    q.facets = {"author", "month", "type", "tag"};
    out.push_back(q);
    q.facets.clear();
    q.thread = true;
    out.push_back(q);
  }
  return out;
}

void check_same(const Results& a, const Results& b) {
  REQUIRE(a.hits.size() == b.hits.size());
  for (std::size_t i = 0; i < a.hits.size(); ++i) {
    CHECK(a.hits[i].id == b.hits[i].id);
    CHECK(a.hits[i].score == Approx(b.hits[i].score).epsilon(1e-9));
    CHECK(a.hits[i].snippet.text == b.hits[i].snippet.text);
  }
  // Thread groups: the same pages, counts and comments.
  REQUIRE(a.groups.size() == b.groups.size());
  for (std::size_t i = 0; i < a.groups.size(); ++i) {
    CHECK(a.groups[i].page_id == b.groups[i].page_id);
    CHECK(a.groups[i].article.title == b.groups[i].article.title);
    CHECK(a.groups[i].comments_total == b.groups[i].comments_total);
    CHECK(a.groups[i].comments_matching == b.groups[i].comments_matching);
    REQUIRE(a.groups[i].comments.size() == b.groups[i].comments.size());
    for (std::size_t j = 0; j < a.groups[i].comments.size(); ++j) {
      CHECK(a.groups[i].comments[j].id == b.groups[i].comments[j].id);
      CHECK(a.groups[i].comments[j].parent_author == b.groups[i].comments[j].parent_author);
      CHECK(a.groups[i].comments[j].snippet.text == b.groups[i].comments[j].snippet.text);
    }
  }
  CHECK(b.total_lower <= b.total);
  CHECK(b.total <= b.total_upper);
  if (a.total_lower == a.total_upper && b.total_lower == b.total_upper) CHECK(a.total == b.total);
  CHECK(a.facets.size() == b.facets.size());
  for (const auto& [name, counts] : a.facets) {
    REQUIRE(b.facets.count(name) == 1);
    REQUIRE(b.facets.at(name).size() == counts.size());
    for (std::size_t i = 0; i < counts.size(); ++i) {
      CHECK(b.facets.at(name)[i].value == counts[i].value);
      CHECK(b.facets.at(name)[i].count == counts[i].count);
    }
  }
}

}  // namespace

TEST_CASE("remote shards answer like a local single index, and a stopped one fails or is left out",
          "[searcher][shards]") {
  const std::string tcpsrv = find_tcpsrv();
  if (tcpsrv.empty()) {
    WARN("SKIPPED: xapian-tcpsrv is not installed (apt install xapian-tools)");
    return;
  }
  TempDir dir;
  // The repository's pages, under several names, so both shards get some.
  int n = 0;
  for (const char* folder : {"corpus", "tests/fixtures/pages"})
    for (const auto& entry : fs::directory_iterator(byline::test::source_path(folder)))
      if (entry.path().extension() == ".txt")
        for (int copy = 0; copy < 4; ++copy) {
          fs::create_directories(dir / "pages" / std::to_string(copy));
          fs::copy_file(entry.path(), dir / "pages" / std::to_string(copy) / (std::to_string(n++) + ".txt"));
        }
  const std::string single = (dir / "single").string();
  const std::string sharded = (dir / "sharded").string();
  const std::string front = (dir / "front").string();
  index_into(single, dir / "pages", 1);
  index_into(sharded, dir / "pages", 2);

  ShardServer first(tcpsrv, sharded + "/shard0");
  ShardServer second(tcpsrv, sharded + "/shard1");
  add_remote_shard(front, first.address());
  add_remote_shard(front, second.address());
  std::vector<ShardInfo> listed = list_shards(front);
  REQUIRE(listed.size() == 2);
  CHECK(listed[0].remote);
  CHECK(listed[0].documents.value_or(0) + listed[1].documents.value_or(0) == Searcher(single).stats().documents);

  Searcher local(single);
  Searcher remote(front);
  for (const Query& q : queries()) {
    INFO("query '" << q.text << "'");
    Results r = remote.search(q);
    CHECK_FALSE(r.partial);
    check_same(local.search(q), r);
  }
  REQUIRE(remote.document(local.search(queries()[1]).hits.at(0).id));

  second.stop();
  Query q;
  q.text = "the";
  // The Searcher that was open when the shard went away, and a new one.
  for (int round = 0; round < 2; ++round) {
    INFO((round == 0 ? "searcher opened before the stop" : "searcher opened after the stop"));
    Searcher searcher = round == 0 ? std::move(remote) : Searcher(front);
    q.allow_partial = false;
    try {
      searcher.search(q);
      FAIL("a search with a stopped shard must fail by default");
    } catch (const IndexUnusable& e) {
      CHECK_THAT(e.what(), Catch::Contains(second.address()));
      CHECK_THAT(e.what(), Catch::Contains("Query::allow_partial"));
    }
    q.allow_partial = true;
    Results partial = searcher.search(q);
    CHECK(partial.partial);
    REQUIRE(partial.failed_shards.size() == 1);
    CHECK_THAT(partial.failed_shards[0], Catch::StartsWith(second.address() + ": "));
    CHECK_FALSE(partial.hits.empty());
    CHECK(partial.total < local.search(q).total);
    // Look-ups: what the live shard holds is found, whole; what may be on the
    // stopped one is an error naming it, never a silent "no such document".
    int found = 0, refused = 0;
    for (const Hit& hit : local.search(q).hits) {
      const std::string page = hit.id.substr(0, hit.id.find('.'));
      try {
        std::optional<Document> doc = searcher.document(hit.id);
        REQUIRE(doc);
        CHECK(doc->title == local.document(hit.id)->title);
        CHECK(searcher.comments(page).size() == local.comments(page).size());
        ++found;
      } catch (const IndexUnusable& e) {
        CHECK_THAT(e.what(), Catch::Contains(second.address()));
        CHECK_THROWS_AS(searcher.comments(page), IndexUnusable);
        ++refused;
      }
    }
    CHECK(found > 0);
    CHECK(refused > 0);
  }
  first.stop();
  try {
    Searcher none(front);
    q.allow_partial = true;
    none.search(q);
    FAIL("no shard answers: an error even with allow_partial");
  } catch (const IndexUnusable& e) {
    CHECK_THAT(e.what(), Catch::Contains("no shard answered"));
  }
}
