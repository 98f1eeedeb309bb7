// The documents Indexer::add writes, checked through Xapian directly.
#include <xapian.h>

#include <catch2/catch.hpp>
#include <set>

#include "byline/error.h"
#include "byline/indexer.h"
#include "doc_record.h"
#include "ids.h"
#include "schema.h"
#include "test_support.h"

using byline::test::TempDir;

namespace {

byline::Page sample_page() {
  byline::Page page;
  page.article.title = "Kerry Meets Lavrov";
  page.article.date = "2013-04-22T22:08";
  page.article.author = "Elise  Labott";
  page.article.tags = {"Russia", "Nuclear Talks"};
  page.article.text = "Diplomats were negotiating missiles.\n\nSecond paragraph.";
  byline::Comment first;
  first.index = 1;
  first.author = "Yury";
  first.date = "2013-04-23T05:37";
  first.text = "Americans are running everywhere";
  byline::Comment reply;
  reply.index = 2;
  reply.parent = 1;
  reply.author = "USMC1371";
  reply.date = "2013-04-23T06:45";
  reply.text = "Only zebras";
  page.comments = {first, reply};
  return page;
}

std::set<std::string> terms_of(const Xapian::Document& doc) {
  std::set<std::string> out;
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) out.insert(*it);
  return out;
}

Xapian::Document doc_by_id(Xapian::Database& db, const std::string& id) {
  std::string term = byline::schema::term(byline::schema::kPrefixId, id);
  REQUIRE(db.get_termfreq(term) == 1);
  return db.get_document(*db.postlist_begin(term));
}

}  // namespace

TEST_CASE("an article document has every field of the schema", "[indexer]") {
  TempDir dir;
  const std::string db_path = (dir / "db").string();
  {
    byline::Indexer indexer(db_path);
    indexer.add(sample_page(), "/news/kerry.txt");
  }
  Xapian::Database db(db_path);
  REQUIRE(db.get_doccount() == 3);
  const std::string page_id = byline::page_id_for("/news/kerry.txt");
  Xapian::Document doc = doc_by_id(db, page_id);
  auto terms = terms_of(doc);
  // Stems only (STEM_ALL): "diplomats" is indexed as "diplomat", and no
  // second, unstemmed copy or Z-term is kept.
  for (const char* t : {"Skerri", "Smeet", "kerri", "lavrov", "diplomat", "negoti", "XAelis", "XAlabott",
                        "Aelise labott", "Krussia", "Knuclear talks", "XTarticle"})
    CHECK(terms.count(t) == 1);
  // No date terms either: dates are a value slot (range queries).
  for (const char* t : {"diplomats", "Zdiplomat", "negotiating", "Znegoti", "Skerry", "XAelise", "Y2013", "D20130422"})
    CHECK(terms.count(t) == 0);
  CHECK(terms.count(byline::schema::term("XP", page_id)) == 1);
  CHECK(terms.count(byline::schema::term("XF", byline::file_key_for("/news/kerry.txt"))) == 1);
  CHECK(terms.count(byline::schema::term("Q", page_id)) == 1);
  // The title counts kTitleWeight times in free text, and is also positional there.
  auto it = doc.termlist_begin();
  it.skip_to("lavrov");
  REQUIRE(it != doc.termlist_end());
  CHECK(it.get_wdf() == byline::schema::kTitleWeight);
  CHECK(db.positionlist_begin(doc.get_docid(), "lavrov") != db.positionlist_end(doc.get_docid(), "lavrov"));
  CHECK(doc.get_value(byline::schema::kSlotDate) == "201304222208");
  CHECK(doc.get_value(byline::schema::kSlotPage) == page_id);
  CHECK(doc.get_value(byline::schema::kSlotAuthor) == "Elise  Labott");
  CHECK(doc.get_value(byline::schema::kSlotTags) == std::string("Russia\x1fNuclear Talks"));
  CHECK(doc.get_value(byline::schema::kSlotType) == "article");
  byline::DocRecord record = byline::decode_doc_record(doc.get_data());
  CHECK_FALSE(record.is_comment);
  CHECK(record.title == "Kerry Meets Lavrov");
  CHECK(record.source == "/news/kerry.txt");
  CHECK(record.tags.size() == 2);
  CHECK(record.text == sample_page().article.text);
}

TEST_CASE("a comment document knows its page, index and parent - and not its article's title", "[indexer]") {
  TempDir dir;
  const std::string db_path = (dir / "db").string();
  {
    byline::Indexer indexer(db_path);
    indexer.add(sample_page(), "/news/kerry.txt");
  }
  Xapian::Database db(db_path);
  const std::string page_id = byline::page_id_for("/news/kerry.txt");
  Xapian::Document reply = doc_by_id(db, page_id + ".2");
  auto terms = terms_of(reply);
  // The article's title is neither a weighted field nor free text of its comments.
  CHECK(terms.count("Skerri") == 0);
  CHECK(terms.count("kerri") == 0);
  CHECK(terms.count("zebra") == 1);
  CHECK(terms.count("zebras") == 0);
  CHECK(terms.count("XTcomment") == 1);
  CHECK(terms.count("Ausmc1371") == 1);
  CHECK(terms.count(byline::schema::term("XP", page_id)) == 1);
  CHECK(terms.count("D20130423") == 0);
  // Schema 4: a comment inherits its article's tags and title stems as
  // boolean terms, and a reply names the comment it answers.
  CHECK(terms.count("Krussia") == 1);
  CHECK(terms.count("XSkerri") == 1);
  CHECK(terms.count(byline::schema::term("XR", page_id + ".1")) == 1);
  CHECK(reply.get_value(byline::schema::kSlotDate) == "201304230645");
  CHECK(reply.get_value(byline::schema::kSlotType) == "comment");
  byline::DocRecord record = byline::decode_doc_record(reply.get_data());
  CHECK(record.is_comment);
  CHECK(record.page_id == page_id);
  // Title and source are the article's: the searcher reads them from there.
  CHECK(record.title.empty());
  CHECK(record.source.empty());
  CHECK(record.comment_index == 2);
  CHECK(record.comment_parent == 1);
  CHECK(record.author == "USMC1371");
}

TEST_CASE("adding a page again replaces its documents - remove deletes them", "[indexer]") {
  TempDir dir;
  const std::string db_path = (dir / "db").string();
  byline::Indexer indexer(db_path);
  indexer.add(sample_page(), "/a.txt");
  byline::Page shorter = sample_page();
  shorter.comments.pop_back();
  indexer.add(shorter, "/a.txt");
  indexer.add(sample_page(), "/b.txt");
  indexer.commit();
  {
    Xapian::Database db(db_path);
    CHECK(db.get_doccount() == 5);
    CHECK(db.get_termfreq(byline::schema::term("Q", byline::page_id_for("/a.txt") + ".2")) == 0);
  }
  CHECK(indexer.remove("/a.txt") == 2);
  indexer.commit();
  Xapian::Database db(db_path);
  CHECK(db.get_doccount() == 3);
}

TEST_CASE("the language is fixed at creation and stems the documents", "[indexer][language]") {
  TempDir dir;
  const std::string db_path = (dir / "db").string();
  byline::Page page;
  page.article.title = "Les continuations";
  page.article.text = "Nous continuerons";
  {
    byline::IndexOptions options;
    options.language = "french";
    byline::Indexer indexer(db_path, options);
    CHECK(indexer.language() == "french");
    indexer.add(page, "/fr.txt");
  }
  {
    Xapian::Database db(db_path);
    CHECK(db.get_metadata(byline::schema::kMetaLanguage) == "french");
    CHECK(db.get_termfreq("continu") == 1);  // French Snowball; English would give "continueron"
    CHECK(db.get_termfreq("continueron") == 0);
  }
  // Reopening without a language keeps french; asking for another one fails.
  CHECK(byline::Indexer(db_path).language() == "french");
  byline::IndexOptions english;
  english.language = "english";
  CHECK_THROWS_AS(byline::Indexer(db_path, english), byline::BadQuery);
  CHECK_THROWS_WITH(byline::Indexer(db_path, english), Catch::Contains("created with language 'french'"));
}

TEST_CASE("an unknown language is refused with the list of known ones", "[indexer][language]") {
  TempDir dir;
  byline::IndexOptions options;
  options.language = "klingon";
  CHECK_THROWS_AS(byline::Indexer((dir / "db").string(), options), byline::BadQuery);
  CHECK_THROWS_WITH(byline::Indexer((dir / "db").string(), options), Catch::Contains("french"));
  CHECK_FALSE(std::filesystem::exists(dir / "db"));
}

TEST_CASE("an index with an unknown schema version is refused", "[indexer]") {
  TempDir dir;
  const std::string db_path = (dir / "db").string();
  {
    Xapian::WritableDatabase db(db_path, Xapian::DB_CREATE);
    db.set_metadata(byline::schema::kMetaSchema, "99");
    db.commit();
  }
  CHECK_THROWS_AS(byline::Indexer(db_path), byline::SchemaMismatch);
}

TEST_CASE("indexing writes no spelling table", "[indexer][spelling]") {
  // "Did you mean" reads the terms (searcher/src/word_suggestion.h); the
  // spelling table cost a quarter of the indexing time.
  TempDir dir;
  const std::string db_path = (dir / "db").string();
  {
    byline::Indexer indexer(db_path);
    indexer.add(sample_page(), "/a.txt");
  }
  Xapian::Database db(db_path);
  CHECK(db.get_doccount() > 1);
  CHECK(db.spellings_begin() == db.spellings_end());
}
