// Reading a result page's documents concurrently over extra connections per
// remote shard (document_fetch.h), and finding comments' articles
// (comment_context.h): same answers as one database read one document at a
// time, and the same errors when a connection or a server goes away.
#include <xapian.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <thread>

#include "byline/error.h"
#include "byline/indexer.h"
#include "byline/searcher.h"
#include "byline/shards.h"
#include "comment_context.h"
#include "doc_record.h"
#include "document_fetch.h"
#include "search_fixtures.h"
#include "shard_server.h"
#include "shards_reader.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace byline;
using byline::test::ShardServer;
using byline::test::TempDir;

namespace {

// The repository's pages, 4 copies each under other names: ~60 pages and
// several hundred documents, spread over both shards.
void copy_pages(const fs::path& to) {
  int n = 0;
  for (const char* folder : {"corpus", "tests/fixtures/pages"})
    for (const auto& entry : fs::directory_iterator(byline::test::source_path(folder)))
      if (entry.path().extension() == ".txt")
        for (int copy = 0; copy < 4; ++copy) {
          fs::create_directories(to / std::to_string(copy));
          fs::copy_file(entry.path(), to / std::to_string(copy) / (std::to_string(n++) + ".txt"));
        }
}

void index_into(const std::string& db, const fs::path& pages, std::size_t jobs) {
  IndexOptions options;
  options.jobs = jobs;
  Indexer indexer(db, options);
  REQUIRE(indexer.add_paths({pages.string()}).pages > 0);
}

Query query(const std::string& text, std::size_t limit) {
  Query q;
  q.text = text;
  q.limit = limit;
  q.snippet_chars = 120;
  return q;
}

void check_same_hits(const Results& a, const Results& b) {
  REQUIRE(a.hits.size() == b.hits.size());
  for (std::size_t i = 0; i < a.hits.size(); ++i) {
    INFO("hit " << i);
    CHECK(a.hits[i].id == b.hits[i].id);
    CHECK(a.hits[i].score == Approx(b.hits[i].score).epsilon(1e-9));
    CHECK(a.hits[i].title == b.hits[i].title);
    CHECK(a.hits[i].source == b.hits[i].source);
    CHECK(a.hits[i].date == b.hits[i].date);
    CHECK(a.hits[i].snippet.text == b.hits[i].snippet.text);
  }
}

// docids of db matching text, best first.
std::vector<Xapian::docid> match(Xapian::Database& db, const std::string& text, Xapian::doccount limit) {
  Xapian::QueryParser parser;
  parser.set_database(db);
  Xapian::Enquire enquire(db);
  enquire.set_query(text.empty() ? Xapian::Query::MatchAll : parser.parse_query(text));
  Xapian::MSet mset = enquire.get_mset(0, limit);
  return {mset.begin(), mset.end()};
}

// Two servers over the two shards of a --jobs 2 index of the pages, a stub
// naming them, and a single index of the same pages.
struct RemoteIndex {
  TempDir dir;
  std::string single, sharded, front;
  std::unique_ptr<ShardServer> first, second;

  explicit RemoteIndex(const std::string& tcpsrv) {
    copy_pages(dir / "pages");
    single = (dir / "single").string();
    sharded = (dir / "sharded").string();
    front = (dir / "front").string();
    index_into(single, dir / "pages", 1);
    index_into(sharded, dir / "pages", 2);
    first = std::make_unique<ShardServer>(tcpsrv, sharded + "/shard0");
    second = std::make_unique<ShardServer>(tcpsrv, sharded + "/shard1");
    add_remote_shard(front, first->address());
    add_remote_shard(front, second->address());
  }
  std::set<pid_t> children() const {
    std::set<pid_t> out = first->children();
    for (pid_t pid : second->children()) out.insert(pid);
    return out;
  }
};

bool tcpsrv_missing(std::string& tcpsrv) {
  tcpsrv = byline::test::find_tcpsrv();
  if (tcpsrv.empty()) WARN("SKIPPED: xapian-tcpsrv is not installed (apt install xapian-tools)");
  return tcpsrv.empty();
}

void wait_gone(const std::set<pid_t>& pids) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  for (pid_t pid : pids)
    while (fs::exists("/proc/" + std::to_string(pid) + "/stat") && std::chrono::steady_clock::now() < deadline) {
      // A killed child stays a zombie until its server reaps it: gone enough.
      std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
      std::string line;
      std::getline(stat, line);
      const auto close = line.rfind(')');
      if (close != std::string::npos && close + 2 < line.size() && line[close + 2] == 'Z') break;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
}

}  // namespace

TEST_CASE("a result page's documents are read concurrently over remote shards, as one database reads them",
          "[searcher][shards][fetch]") {
  std::string tcpsrv;
  if (tcpsrv_missing(tcpsrv)) return;
  RemoteIndex index(tcpsrv);

  SECTION("the fetcher: more documents than connections, each as the main connection reads it") {
    ShardSet shards(index.front);
    REQUIRE(shards.size() == 2);
    std::vector<Xapian::docid> docids = match(shards.database(), "", 25);
    REQUIRE(docids.size() == 25);
    std::vector<std::string> expected;
    for (Xapian::docid did : docids) expected.push_back(shards.database().get_document(did).get_data());

    DocumentFetcher fetcher(3);
    CHECK(fetcher.fetch(shards, docids) == expected);
    CHECK(fetcher.counts().pooled == 25);
    CHECK(fetcher.counts().main == 0);
    CHECK(fetcher.counts().opened == 6);  // 3 per shard, fewer than the documents
    CHECK(fetcher.counts().max_threads == 6);
    // Kept: a second page opens nothing more.
    std::reverse(docids.begin(), docids.end());
    std::reverse(expected.begin(), expected.end());
    CHECK(fetcher.fetch(shards, docids) == expected);
    CHECK(fetcher.counts().opened == 6);
    CHECK(fetcher.counts().pooled == 50);
    // A document not there: an error, or an empty string when allowed.
    const Xapian::docid missing = shards.database().get_lastdocid() + 2;
    CHECK_THROWS_AS(fetcher.fetch(shards, {docids[0], missing, docids[1], docids[2]}), Xapian::DocNotFoundError);
    std::vector<std::string> some = fetcher.fetch(shards, {docids[0], missing, docids[1], docids[2]}, true);
    CHECK(some[1].empty());
    CHECK(some[2] == expected[1]);
    // No extra connection at all: every document on the main connection.
    DocumentFetcher serial(0);
    CHECK(serial.fetch(shards, docids) == expected);
    CHECK(serial.counts().pooled == 0);
    CHECK(serial.counts().main == 25);
  }

  SECTION("searches: pages of 25 and 100 hits over remote shards equal the single index") {
    Searcher local(index.single);
    Searcher remote(index.front);
    for (const char* text : {"", "the", "type:comment the", "russia OR boston", "\"missile defense\""})
      for (std::size_t limit : {std::size_t{25}, std::size_t{100}}) {
        INFO("query '" << text << "' limit " << limit);
        Query q = query(text, limit);
        check_same_hits(local.search(q), remote.search(q));
        q.sort = SortOrder::Newest;
        q.offset = 7;
        check_same_hits(local.search(q), remote.search(q));
      }
    // Every comment of a page, through the fetcher too.
    for (const Hit& hit : local.search(query("type:article", 5)).hits) {
      std::vector<Document> a = local.comments(hit.id), b = remote.comments(hit.id);
      REQUIRE(a.size() == b.size());
      for (std::size_t i = 0; i < a.size(); ++i) {
        CHECK(a[i].id == b[i].id);
        CHECK(a[i].title == b[i].title);
        CHECK(a[i].text == b[i].text);
      }
    }
  }
}

TEST_CASE("fetch connections read the revision the match read, or leave the documents to the main connection",
          "[searcher][shards][fetch]") {
  std::string tcpsrv;
  if (tcpsrv_missing(tcpsrv)) return;
  RemoteIndex index(tcpsrv);
  ShardSet shards(index.front);
  std::vector<Xapian::docid> docids = match(shards.database(), "", 30);
  auto main_reads = [&] {
    std::vector<std::string> out;
    for (Xapian::docid did : docids) out.push_back(shards.database().get_document(did).get_data());
    return out;
  };
  DocumentFetcher fetcher(4);
  CHECK(fetcher.fetch(shards, docids) == main_reads());
  CHECK(fetcher.counts().fallbacks == 0);

  // A writer commits to the second shard, twice: once before the searcher's
  // next reopen (at most one a second) and once after it, so the fetch
  // connections, reopened when they are next used, see a later revision than
  // the match. Their documents are then read on the main connection.
  // Each commit adds a document and changes the data of the shard's first
  // one (docid 2 of the combined database, among those matched).
  int commits = 0;
  auto commit_one = [&] {
    Xapian::WritableDatabase writer(index.sharded + "/shard1", Xapian::DB_OPEN);
    Xapian::Document first = writer.get_document(1);
    writer.add_document(first);
    first.set_data("changed " + std::to_string(++commits));
    writer.replace_document(1, first);
    writer.commit();
  };
  commit_one();
  std::this_thread::sleep_for(kRemoteReopenInterval + std::chrono::milliseconds(50));
  shards.refresh();
  commit_one();
  const std::size_t pooled = fetcher.counts().pooled;
  REQUIRE(docids[1] == 2);
  CHECK(main_reads()[1] == "changed 1");  // the revision the match read
  CHECK(fetcher.fetch(shards, docids) == main_reads());
  CHECK(fetcher.counts().fallbacks > 0);
  // The first shard had no commit: its connections still serve.
  CHECK(fetcher.counts().pooled > pooled);

  // Once the searcher reopens again, the fetch connections agree with it.
  std::this_thread::sleep_for(kRemoteReopenInterval + std::chrono::milliseconds(50));
  shards.refresh();
  const std::size_t fallbacks = fetcher.counts().fallbacks;
  CHECK(fetcher.fetch(shards, docids) == main_reads());
  CHECK(fetcher.counts().fallbacks == fallbacks);
}

TEST_CASE("a broken fetch connection falls back to the main one, and a server gone fails as before",
          "[searcher][shards][fetch]") {
  std::string tcpsrv;
  if (tcpsrv_missing(tcpsrv)) return;
  RemoteIndex index(tcpsrv);
  Searcher local(index.single);
  const Query q = query("the", 25);
  const Results expected = local.search(q);

  SECTION("through the Searcher") {
    Searcher remote(index.front);
    const std::set<pid_t> main_connections = index.children();
    check_same_hits(expected, remote.search(q));
    std::set<pid_t> pooled;
    for (pid_t pid : index.children())
      if (main_connections.count(pid) == 0) pooled.insert(pid);
    REQUIRE(pooled.size() >= 2);  // the fetch connections of both shards
    ShardServer::kill_children(pooled);
    wait_gone(pooled);
    // Their documents are read on the main connections, the same.
    check_same_hits(expected, remote.search(q));
    check_same_hits(expected, remote.search(q));  // and on new fetch connections

    index.second->stop();
    Query strict = q;
    try {
      remote.search(strict);
      FAIL("a search with a stopped shard must fail by default");
    } catch (const IndexUnusable& e) {
      CHECK_THAT(e.what(), Catch::Contains(index.second->address()));
      CHECK_THAT(e.what(), Catch::Contains("Query::allow_partial"));
    }
    Query partial = q;
    partial.allow_partial = true;
    Results r = remote.search(partial);
    CHECK(r.partial);
    REQUIRE(r.failed_shards.size() == 1);
    CHECK_THAT(r.failed_shards[0], Catch::StartsWith(index.second->address() + ": "));
    CHECK_FALSE(r.hits.empty());
  }

  SECTION("the fetcher itself: the match answered, then the server went away") {
    ShardSet shards(index.front);
    std::vector<Xapian::docid> docids = match(shards.database(), "", 20);
    DocumentFetcher fetcher(4);
    REQUIRE(fetcher.fetch(shards, docids).size() == 20);
    index.second->stop();
    const auto started = std::chrono::steady_clock::now();
    CHECK_THROWS_AS(fetcher.fetch(shards, docids), Xapian::NetworkError);
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(4));
    // What the Searcher does next (across_shards): the shard is left out, named.
    CHECK(shards.drop_unresponsive());
    REQUIRE(shards.failures().size() == 1);
    CHECK_THAT(shards.failures()[0], Catch::StartsWith(index.second->address() + ": "));
    // The fetcher starts over on the shards that are left.
    std::vector<Xapian::docid> left = match(shards.database(), "", 10);
    std::vector<std::string> data = fetcher.fetch(shards, left);
    for (std::size_t i = 0; i < left.size(); ++i) CHECK(data[i] == shards.database().get_document(left[i]).get_data());
  }

  SECTION("a server that hangs: the fetch times out once, never twice") {
    setenv("BYLINE_REMOTE_TIMEOUT", "0.5", 1);
    ShardSet shards(index.front);
    unsetenv("BYLINE_REMOTE_TIMEOUT");
    std::vector<Xapian::docid> docids = match(shards.database(), "", 20);
    setenv("BYLINE_REMOTE_TIMEOUT", "0.5", 1);
    DocumentFetcher fetcher(4);
    REQUIRE(fetcher.fetch(shards, docids).size() == 20);
    const std::set<pid_t> children = index.second->children();
    for (pid_t pid : children) kill(pid, SIGSTOP);
    const auto started = std::chrono::steady_clock::now();
    CHECK_THROWS_AS(fetcher.fetch(shards, docids), Xapian::NetworkTimeoutError);
    const auto waited = std::chrono::steady_clock::now() - started;
    unsetenv("BYLINE_REMOTE_TIMEOUT");
    for (pid_t pid : children) kill(pid, SIGCONT);
    CHECK(waited >= std::chrono::milliseconds(400));
    CHECK(waited < std::chrono::milliseconds(950));
  }
}

TEST_CASE("comments get their article's title and source, found by position or by page",
          "[searcher][fetch][comments]") {
  TempDir dir;
  std::vector<byline::test::FixturePage> pages = byline::test::fixture_pages();
  const std::string db = (dir / "index").string();
  {
    IndexOptions options;
    options.jobs = 1;
    Indexer indexer(db, options);
    for (const auto& p : pages) indexer.add(p.page, p.source);
    indexer.commit();
  }
  std::map<std::string, std::string> titles;        // page id -> article title
  std::vector<std::pair<std::size_t, bool>> calls;  // fetch calls: (documents, missing_ok)
  auto check_comments = [&](const std::string& path) {
    ShardSet shards(path);
    DocumentFetcher fetcher;
    FetchDocuments fetch = [&](const std::vector<Xapian::docid>& docids, bool missing_ok) {
      calls.emplace_back(docids.size(), missing_ok);
      return fetcher.fetch(shards, docids, missing_ok);
    };
    calls.clear();
    std::vector<Xapian::docid> docids = match(shards.database(), "", 1000);
    std::vector<DocRecord> records;
    for (const std::string& data : fetcher.fetch(shards, docids)) records.push_back(decode_doc_record(data));
    std::vector<DocRecord*> shown;
    for (DocRecord& r : records) {
      shown.push_back(&r);
      if (!r.is_comment) titles[r.page_id] = r.title;
    }
    add_comment_context(shards.database(), shown, docids, fetch);
    int comments = 0;
    for (const DocRecord& r : records) {
      if (!r.is_comment) continue;
      ++comments;
      INFO("comment " << doc_record_id(r));
      CHECK(r.title == titles.at(r.page_id));
      CHECK_FALSE(r.source.empty());
    }
    return comments;
  };

  // As indexed: each article is where the indexer put it, one read finds all.
  CHECK(check_comments(db) == 6);
  REQUIRE(calls.size() == 1);
  CHECK(calls[0].second);

  // The same documents in reverse order: position finds comments and other
  // pages' articles (never taken), the page's id term finds the right one.
  const std::string reversed = (dir / "reversed").string();
  {
    Xapian::Database from(db);
    Xapian::WritableDatabase to(reversed, Xapian::DB_CREATE);
    for (Xapian::docid did = from.get_lastdocid(); did >= 1; --did) to.add_document(from.get_document(did));
    to.commit();
  }
  CHECK(check_comments(reversed) == 6);
  REQUIRE(calls.size() == 2);
  CHECK(calls[0].second);
  CHECK_FALSE(calls[1].second);
}

TEST_CASE("a comment hit's sort key tells where its article probably is", "[searcher][fetch][comments]") {
  // kSlotOrder: "1" + date + id for a dated document, "0" + id otherwise.
  const std::string comment3 = "12013-04-11T10:00" + std::string("0123456789abcdef.3");
  CHECK(likely_article(10, comment3, 1) == 7);
  CHECK(likely_article(10, comment3, 2) == 4);  // 3 places back in its shard of 2
  CHECK(likely_article(6, comment3, 2) == 0);   // would be before the first docid
  CHECK(likely_article(10, "0" + std::string("0123456789abcdef.12"), 0) == 0);
  CHECK(likely_article(13, "0" + std::string("0123456789abcdef.12"), 1) == 1);
  CHECK(likely_article(10, "12013-04-11T10:00" + std::string("0123456789abcdef"), 2) == 0);  // an article
  CHECK(likely_article(10, "12013-04-11T10:00.5" + std::string("0123456789abcdef"), 2) == 0);
  CHECK(likely_article(10, "", 2) == 0);
  CHECK(likely_article(10, "x.", 2) == 0);
}
