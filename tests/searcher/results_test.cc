// What a search returns besides ids: snippets, facets, spelling corrections;
// documents and comments for `show`; opening errors; reopening on change.
#include <catch2/catch.hpp>
#include <chrono>

#include <filesystem>
#include <map>

#include "byline/error.h"
#include "reopen.h"
#include "search_fixtures.h"

using namespace byline;
using namespace byline::test;

namespace {

std::vector<std::string> highlighted_words(const Snippet& s) {
  std::vector<std::string> out;
  for (const Highlight& h : s.highlights) out.push_back(s.text.substr(h.offset, h.length));
  return out;
}

}  // namespace

TEST_CASE("snippets highlight stemmed variants of the query words", "[searcher][snippet]") {
  TempDir dir;
  Searcher searcher(build_fixture_index(dir, fixture_pages()));
  Results r = searcher.search(make_query("sanctions type:article tag:russia"));
  REQUIRE(r.hits.size() == 1);
  std::vector<std::string> words = highlighted_words(r.hits[0].snippet);
  CHECK(std::find(words.begin(), words.end(), "sanctioned") != words.end());
  CHECK(std::find(words.begin(), words.end(), "sanctions") != words.end());
  // Plain text: the HTML escapes of Xapian's snippet are undone.
  Query q = make_query("critics type:article");
  q.snippet_chars = 400;
  Results amp = searcher.search(q);
  REQUIRE(amp.hits.size() == 1);
  CHECK(amp.hits[0].snippet.text.find("work & cost <jobs>") != std::string::npos);
  // Every matched hit of a one-word query has a highlight (the fast snippet
  // mode alone misses some).
  for (const char* text : {"sanctions", "missile", "spring", "magnitude"})
    for (const Hit& h : searcher.search(make_query(text)).hits) {
      INFO(text << " " << hit_name(h));
      CHECK(!h.snippet.highlights.empty());
    }
  q.snippet_chars = 0;
  CHECK(searcher.search(q).hits[0].snippet.text.empty());
}

TEST_CASE("facet counts equal brute-force counts over all matches", "[searcher][facets]") {
  TempDir dir;
  std::vector<FixturePage> pages = fixture_pages();
  for (FixturePage& p : filler_pages(12)) pages.push_back(std::move(p));
  Searcher searcher(build_fixture_index(dir, pages));
  Query q = make_query("", 2);  // counts cover all matches, not the 2 shown
  q.facets = {"author", "month", "type", "tag"};
  Results r = searcher.search(q);
  CHECK(r.total == 22);
  std::map<std::string, std::map<std::string, std::uint64_t>> expected;
  auto count = [&](const std::optional<std::string>& author, const std::optional<std::string>& date, const char* type,
                   const std::vector<std::string>& tags) {
    if (author && !author->empty()) ++expected["author"][*author];
    if (date) ++expected["month"][date->substr(0, 7)];
    ++expected["type"][type];
    for (const std::string& t : tags) ++expected["tag"][t];
  };
  for (const FixturePage& p : pages) {
    count(p.page.article.author, p.page.article.date, "article", p.page.article.tags);
    for (const Comment& c : p.page.comments) count(c.author, c.date, "comment", {});
  }
  for (const char* name : {"author", "month", "type", "tag"}) {
    INFO(name);
    std::map<std::string, std::uint64_t> got;
    const std::vector<FacetCount>& list = r.facets[name];
    for (std::size_t i = 0; i < list.size(); ++i) {
      got[list[i].value] = list[i].count;
      if (i) CHECK(list[i - 1].count >= list[i].count);
    }
    CHECK(got == expected[name]);
  }
  Query filtered = make_query("sanctions");
  filtered.facets = {"type"};
  Results f = searcher.search(filtered);
  REQUIRE(f.facets["type"].size() == 2);
  CHECK(f.facets["type"][0].value == "article");
  CHECK(f.facets["type"][0].count == 2);
  Query bad = make_query("");
  bad.facets = {"colour"};
  CHECK_THROWS_AS(searcher.search(bad), BadQuery);
}

TEST_CASE("a misspelt query gets a correction", "[searcher][spelling]") {
  TempDir dir;
  Searcher searcher(build_fixture_index(dir, fixture_pages()));
  Results r = searcher.search(make_query("sanctoins"));
  CHECK(r.total == 0);
  REQUIRE(r.corrected);
  CHECK(*r.corrected == "sanctions");
  // Words the index holds are not "corrected".
  CHECK_FALSE(searcher.search(make_query("sanctions")).corrected);
  CHECK_FALSE(searcher.search(make_query("russia")).corrected);
}

TEST_CASE("documents and the comments of a page", "[searcher][show]") {
  TempDir dir;
  Searcher searcher(build_fixture_index(dir, fixture_pages()));
  Results r = searcher.search(make_query("title:missile type:article"));
  REQUIRE(r.hits.size() == 1);
  std::optional<Document> article = searcher.document(r.hits[0].id);
  REQUIRE(article);
  CHECK(article->type == DocType::Article);
  CHECK(article->title == "Missile defense talks resume");
  CHECK(article->tags == std::vector<std::string>{"Russia", "Defense"});
  CHECK(article->date == "2012-12-31T23:59");
  std::vector<Document> comments = searcher.comments(article->page_id);
  REQUIRE(comments.size() == 3);
  CHECK(comments[0].comment->index == 1);
  CHECK(comments[2].comment->parent == 2);
  CHECK(comments[2].id == article->id + ".3");
  std::optional<Document> comment = searcher.document(article->id + ".2");
  REQUIRE(comment);
  CHECK(comment->author == "Ted");
  // A comment's record leaves title and source to its article (schema.h):
  // every way of reading a comment gives them back.
  CHECK(comment->title == article->title);
  CHECK(comment->source == article->source);
  for (const Document& c : comments) {
    CHECK(c.title == article->title);
    CHECK(c.source == article->source);
  }
  Results hits = searcher.search(make_query("type:comment"));
  REQUIRE(hits.hits.size() >= 4);
  for (const Hit& hit : hits.hits) {
    std::optional<Document> page = searcher.document(hit.id.substr(0, hit.id.find('.')));
    REQUIRE(page);
    CHECK(hit.title == page->title);
    CHECK(hit.source == page->source);
    CHECK_FALSE(hit.source.empty());
  }
  CHECK_FALSE(searcher.document("0000000000000000"));
  CHECK_FALSE(searcher.document(""));
  CHECK(searcher.comments("nope").empty());
}

TEST_CASE("opening: a missing index is unusable and is not created", "[searcher][open]") {
  TempDir dir;
  CHECK_THROWS_AS(Searcher((dir / "missing").string()), IndexUnusable);
  CHECK_FALSE(std::filesystem::exists(dir / "missing"));
  write_file(dir / "file", "not an index");
  CHECK_THROWS_AS(Searcher((dir / "file").string()), IndexUnusable);
  std::filesystem::create_directory(dir / "empty");
  CHECK_THROWS_AS(Searcher((dir / "empty").string()), IndexUnusable);
}

TEST_CASE("a searcher sees later commits and survives a busy writer", "[searcher][reopen]") {
  TempDir dir;
  std::string db = build_fixture_index(dir, fixture_pages());
  Searcher searcher(db);
  CHECK(searcher.search(make_query("budget")).total == 0);
  {
    Indexer writer(db);
    // Many commits between two reads: the reader's revision is long gone.
    for (FixturePage& p : filler_pages(25)) {
      writer.add(p.page, p.source);
      writer.commit();
    }
  }
  Results r;
  REQUIRE_NOTHROW(r = searcher.search(make_query("budget")));
  CHECK(r.total == 25);
  REQUIRE(!r.hits.empty());
  CHECK(searcher.document(r.hits[0].id));
}

TEST_CASE("with_reopen retries a read that hit DatabaseModifiedError", "[searcher][reopen]") {
  TempDir dir;
  std::string path = build_fixture_index(dir, fixture_pages());
  Xapian::Database db(path);
  int calls = 0;
  int result = with_reopen(db, [&] {
    if (++calls < 3) throw Xapian::DatabaseModifiedError("changed");
    return 42;
  });
  CHECK(result == 42);
  CHECK(calls == 3);
  // A read that keeps failing is retried, with growing pauses, until the
  // budget is spent; then the error comes out.
  calls = 0;
  auto started = std::chrono::steady_clock::now();
  CHECK_THROWS_AS(with_reopen(
                      db,
                      [&]() -> int {
                        ++calls;
                        throw Xapian::DatabaseModifiedError("changed");
                      },
                      std::chrono::milliseconds(200)),
                  Xapian::DatabaseModifiedError);
  CHECK(calls > 3);
  CHECK(std::chrono::steady_clock::now() - started >= std::chrono::milliseconds(200));
}
