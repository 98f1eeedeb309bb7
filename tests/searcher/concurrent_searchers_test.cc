// The library's thread-safety promise (searcher.h, indexer.h): one Searcher
// per thread, any number of threads, while one Indexer adds pages and commits.
// Run under ThreadSanitizer with `./test.sh --tsan`.
#include <atomic>
#include <catch2/catch.hpp>
#include <thread>

#include "byline/error.h"
#include "byline/indexer.h"
#include "byline/searcher.h"
#include "search_fixtures.h"
#include "test_support.h"

using namespace byline;
using namespace byline::test;

namespace {

Page numbered_page(int n) {
  Page page;
  page.article.title = "Dispatch " + std::to_string(n) + " on missile defense";
  page.article.author = "Writer " + std::to_string(n % 7);
  page.article.date = "2013-04-" + std::string(n % 28 < 9 ? "0" : "") + std::to_string(n % 28 + 1) + "T10:00";
  page.article.text = "Talks on missile defense and sanctions continued, report number " + std::to_string(n) + ".";
  for (int c = 1; c <= 3; ++c) {
    Comment comment;
    comment.index = c;
    comment.author = "Reader " + std::to_string(c);
    comment.text = "Comment " + std::to_string(c) + " about sanctions and weather.";
    page.comments.push_back(comment);
  }
  return page;
}

}  // namespace

TEST_CASE("8 threads search while a writer commits: no error, counts never go back", "[searcher][threads]") {
  TempDir dir;
  const std::string db = (dir / "index").string();
  Indexer indexer(db);
  for (int n = 0; n < 20; ++n) indexer.add(numbered_page(n), "seed-" + std::to_string(n));
  indexer.commit();

  std::atomic<bool> writer_done{false};
  std::atomic<int> failures{0};
  std::vector<std::string> messages(8);

  std::thread writer([&] {
    for (int n = 20; n < 220; ++n) {
      indexer.add(numbered_page(n), "late-" + std::to_string(n));
      if (n % 10 == 0) indexer.commit();
    }
    indexer.commit();
    writer_done = true;
  });

  std::vector<std::thread> readers;
  std::vector<int> searches(8, 0);
  for (int t = 0; t < 8; ++t) {
    readers.emplace_back([&, t] {
      try {
        Searcher searcher(db);
        std::uint64_t last_articles = 0;
        const char* queries[] = {"missile defense", "sanctions", "type:article dispatch", "author:writer"};
        // Keep searching until the writer is done, then once more.
        bool last_round = false;
        while (!last_round) {
          last_round = writer_done.load();
          Query count_query;
          count_query.text = "type:article";
          count_query.facets = {"type"};  // exact total
          count_query.limit = 0;
          std::uint64_t articles = searcher.search(count_query).total;
          if (articles < last_articles) throw Error("article count went back");
          // Only whole pages are ever visible: each article has 3 comments,
          // and the comments are counted after the articles, so at least 3
          // comments per article counted must be there.
          Query comments_query;
          comments_query.text = "type:comment";
          comments_query.facets = {"type"};
          comments_query.limit = 0;
          std::uint64_t comments = searcher.search(comments_query).total;
          if (comments < articles * 3) throw Error("saw articles without their comments");
          last_articles = articles;
          Query query;
          query.text = queries[searches[t] % 4];
          Results results = searcher.search(query);
          for (const Hit& hit : results.hits)
            if (!searcher.document(hit.id)) throw Error("hit " + hit.id + " has no document");
          ++searches[t];
        }
        if (last_articles != 220) throw Error("final article count " + std::to_string(last_articles));
      } catch (const std::exception& e) {
        messages[t] = e.what();
        ++failures;
      }
    });
  }
  writer.join();
  for (auto& reader : readers) reader.join();
  for (int t = 0; t < 8; ++t) {
    INFO("thread " << t << ": " << messages[t]);
    CHECK(messages[t].empty());
    CHECK(searches[t] > 0);
  }
  CHECK(failures == 0);
}
