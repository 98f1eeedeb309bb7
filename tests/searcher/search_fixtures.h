// Small indexes for the searcher tests, built with byline::Indexer from
// hand-written pages (header-only: only *_test.cc files are globbed).
#ifndef BYLINE_TESTS_SEARCH_FIXTURES_H
#define BYLINE_TESTS_SEARCH_FIXTURES_H

#include <set>
#include <string>
#include <vector>

#include "byline/indexer.h"
#include "byline/page.h"
#include "byline/searcher.h"
#include "test_support.h"

namespace byline::test {

struct FixturePage {
  std::string source;
  Page page;
};

inline Comment fixture_comment(int index, std::optional<int> parent, std::string author,
                               std::optional<std::string> date, std::string text) {
  Comment c;
  c.index = index;
  c.parent = parent;
  c.author = std::move(author);
  c.date = std::move(date);
  c.text = std::move(text);
  return c;
}

// Four pages with known contents:
//   sanctions.txt  about sanctions (many mentions), tags Russia + Foreign Exchange, 2 comments (one reply)
//   weather.txt    about weather, mentions sanctions once, "defense of the missile"
//   missile.txt    "missile defense" talks, late 2012, comments by Yury and Ted
//   undated.txt    no date, no author; magnets, magnetism, magnitude
inline std::vector<FixturePage> fixture_pages() {
  std::vector<FixturePage> pages(4);
  Page& s = pages[0].page;
  pages[0].source = "sanctions.txt";
  s.article.title = "Sanctions on Russia tighten";
  s.article.author = "Anna Smith";
  s.article.date = "2013-04-10T09:00";
  s.article.tags = {"Russia", "Foreign Exchange"};
  s.article.text =
      "Western governments sanctioned Russian banks on Monday. The sanctions freeze assets.\n\n"
      "More sanctions are expected, officials said, as sanctioning becomes the main tool. "
      "Critics say sanctions rarely work & cost <jobs>.";
  s.comments = {fixture_comment(1, std::nullopt, "Bob Jones", "2013-04-11T10:00", "The sanctions will fail."),
                fixture_comment(2, 1, "Carol", "2013-04-11T11:00", "I disagree with Bob about the banks.")};

  Page& w = pages[1].page;
  pages[1].source = "weather.txt";
  w.article.title = "Spring weather in Boston";
  w.article.author = "Bob Jones";
  w.article.date = "2013-05-02T08:00";
  w.article.tags = {"Weather"};
  w.article.text =
      "Boston enjoyed a warm spring day. Unrelated to sanctions, the city council discussed the "
      "defense of the missile museum and its garden.";
  w.comments = {fixture_comment(1, std::nullopt, "Anna Smith", "2013-05-02T09:30", "Lovely spring weather today.")};

  Page& m = pages[2].page;
  pages[2].source = "missile.txt";
  m.article.title = "Missile defense talks resume";
  m.article.author = "Elise Labott";
  m.article.date = "2012-12-31T23:59";
  m.article.tags = {"Russia", "Defense"};
  m.article.text = "Talks on missile defense resumed in Brussels. The missile defense plan worries Moscow.";
  m.comments = {fixture_comment(1, std::nullopt, "Yury", "2013-01-01T00:10", "Missile defense is a waste of money."),
                fixture_comment(2, std::nullopt, "Ted", "2013-04-24T10:13", "Cold war again, soon."),
                fixture_comment(3, 2, "Yury", "2013-04-24T12:00", "")};

  Page& u = pages[3].page;
  pages[3].source = "undated.txt";
  u.article.title = "Undated notes";
  u.article.text = "Notes about magnets, magnetism and the magnitude of the field.";
  return pages;
}

// `count` near-identical pages "Budget report N" (dated 2014-01-01 + N
// minutes), for pagination and sorting.
inline std::vector<FixturePage> filler_pages(int count) {
  std::vector<FixturePage> pages;
  for (int i = 0; i < count; ++i) {
    FixturePage p;
    p.source = "budget" + std::to_string(i) + ".txt";
    p.page.article.title = "Budget report " + std::to_string(i);
    p.page.article.author = "Clerk " + std::to_string(i % 3);
    char date[32];
    std::snprintf(date, sizeof date, "2014-01-%02dT%02d:%02d", 1 + i % 28, i % 24, i % 60);
    p.page.article.date = date;
    p.page.article.text = "The budget was discussed. " + std::string(static_cast<std::size_t>(i % 5), 'x') + " budget";
    pages.push_back(std::move(p));
  }
  return pages;
}

inline std::string build_fixture_index(const TempDir& dir, const std::vector<FixturePage>& pages) {
  std::string db = (dir / "index").string();
  Indexer indexer(db);
  for (const FixturePage& p : pages) indexer.add(p.page, p.source);
  indexer.commit();
  return db;
}

inline Query make_query(const std::string& text, std::size_t limit = 100) {
  Query q;
  q.text = text;
  q.limit = limit;
  return q;
}

inline std::vector<std::string> hit_ids(const Results& r) {
  std::vector<std::string> ids;
  for (const Hit& h : r.hits) ids.push_back(h.id);
  return ids;
}

inline std::set<std::string> hit_id_set(const Results& r) {
  std::vector<std::string> ids = hit_ids(r);
  return {ids.begin(), ids.end()};
}

// "source" or "source#n" (comment n): readable names for hits.
inline std::string hit_name(const Hit& h) {
  return h.comment ? h.source + "#" + std::to_string(h.comment->index) : h.source;
}

inline std::set<std::string> hit_names(const Results& r) {
  std::set<std::string> out;
  for (const Hit& h : r.hits) out.insert(hit_name(h));
  return out;
}

}  // namespace byline::test

#endif  // BYLINE_TESTS_SEARCH_FIXTURES_H
