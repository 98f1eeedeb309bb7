// "Did you mean" (word_suggestion.h, spelling_suggestion.h): corrections are
// words as written, far more frequent than the typed word, from author names
// for author:, and the query around them stays as typed.
#include <xapian.h>

#include <catch2/catch.hpp>

#include "schema.h"
#include "search_fixtures.h"
#include "snowball_stem.h"
#include "spelling_suggestion.h"
#include "word_suggestion.h"

using namespace byline;
using namespace byline::test;

namespace {

// `count` pages holding `text` (titled "Page N"), named prefix0.txt, ...
void add_pages(std::vector<FixturePage>& pages, const std::string& prefix, int count, const std::string& text,
               const std::string& author = "Dan Reed") {
  for (int i = 0; i < count; ++i) {
    FixturePage p;
    p.source = prefix + std::to_string(i) + ".txt";
    p.page.article.title = "Page " + std::to_string(i);
    p.page.article.author = author;
    p.page.article.text = text;
    pages.push_back(std::move(p));
  }
}

// Every corrected text matches more than every typed one: only the shape of
// the suggestion is under test.
Xapian::doccount more_when_changed(const std::string& typed, const std::string& text) { return text == typed ? 0 : 1; }

std::optional<std::string> suggestion(const Xapian::Database& db, const std::string& text) {
  const Xapian::Stem stemmer = make_stemmer("english");
  return suggest_spelling(db, stemmer, "english", text, 0,
                          [&](const std::string& t, Xapian::doccount) { return more_when_changed(text, t); });
}

}  // namespace

TEST_CASE("edit distances: a transposition is one edit, the usual typos half of one", "[searcher][spelling]") {
  CHECK(edit_distance(U"sanction", U"sanction", 2) == 0);
  CHECK(edit_distance(U"sanctoins", U"sanctions", 2) == 1);
  CHECK(edit_distance(U"kitten", U"sitting", 5) == 3);
  CHECK(edit_distance(U"kitten", U"sitting", 2) == 3);          // limit + 1
  CHECK(edit_distance(U"héllo", U"hello", 2) == 1);             // letters, not bytes
  CHECK(typo_distance(U"recieve", U"receive", 2) == 0.5);       // swapped
  CHECK(typo_distance(U"cofee", U"coffee", 2) == 0.5);          // a double typed once
  CHECK(typo_distance(U"untill", U"until", 2) == 0.5);          // a letter typed twice
  CHECK(typo_distance(U"seperate", U"separate", 2) == 0.5);     // a vowel for a vowel
  CHECK(typo_distance(U"goverment", U"government", 2) == 1.0);  // a dropped letter
  CHECK(typo_distance(U"missle", U"middle", 2) == 2.0);
  CHECK(typo_distance(U"abcdef", U"uvwxyz", 2) > 2.0);
}

TEST_CASE("a correction is a word as written, far more frequent than the typed word", "[searcher][spelling]") {
  TempDir dir;
  std::vector<FixturePage> pages;
  add_pages(pages, "gov", 40, "The government spends.");
  add_pages(pages, "typo", 1, "The goverment spends.");
  add_pages(pages, "coffee", 3, "Coffees and coffee.");
  add_pages(pages, "rare", 1, "A spendthrift.");
  Xapian::Database db(build_fixture_index(dir, pages));
  // 40 pages against 1: far more frequent. The stem would be "govern".
  CHECK(suggest_word(db, "goverment", Vocabulary::Words) == "government");
  CHECK(suggest_word(db, "govrenment", Vocabulary::Words) == "government");
  // A typo held by half as many pages as the word is not far rarer.
  add_pages(pages, "typo_more", 19, "The goverment spends.");
  TempDir dir2;
  Xapian::Database db2(build_fixture_index(dir2, pages));
  CHECK(suggest_word(db2, "goverment", Vocabulary::Words) == "");
  // A word in one page is no correction (kMinFrequency), nor is the word itself.
  CHECK(suggest_word(db, "spendthrit", Vocabulary::Words) == "");
  CHECK(suggest_word(db, "government", Vocabulary::Words) == "");
  // Words as written, not stems ("coffe").
  CHECK(suggest_word(db, "cofee", Vocabulary::Words) == "coffee");
  // Nothing near enough, or not a word.
  CHECK(suggest_word(db, "zzzqqqxx", Vocabulary::Words) == "");
  CHECK(suggest_word(db, "1987", Vocabulary::Words) == "");
  // The first two letters swapped.
  CHECK(suggest_word(db, "ogvernment", Vocabulary::Words) == "government");
}

TEST_CASE("author: words are corrected from the author names", "[searcher][spelling]") {
  TempDir dir;
  std::vector<FixturePage> pages;
  add_pages(pages, "garden", 30, "The garden grew.", "Dan Reed");
  add_pages(pages, "gordon", 3, "Rain fell.", "Gordon Hale");
  add_pages(pages, "user", 3, "Rain fell.", "Sierra415");
  Xapian::Database db(build_fixture_index(dir, pages));
  CHECK(suggest_word(db, "gardon", Vocabulary::Words) == "garden");
  CHECK(suggest_word(db, "gardon", Vocabulary::AuthorNames) == "gordon");
  CHECK(suggest_word(db, "sierra451", Vocabulary::AuthorNames) == "sierra415");
  CHECK(word_frequency(db, "gordon", Vocabulary::AuthorNames) == 3);
  CHECK(suggestion(db, "author:gardon") == "author:gordon");
  // title: words only become words that titles hold ("garden" is in bodies).
  CHECK_FALSE(suggestion(db, "title:gardn"));
  CHECK(suggestion(db, "gardn") == "garden");
  CHECK(suggestion(db, "title:paeg") == "title:page");
  CHECK(suggestion(db, "Author:Gardon garden") == "Author:Gordon garden");
  CHECK(suggestion(db, "author:\"gordon haale\"") == "author:\"gordon hale\"");
  // A name that is someone's is left alone.
  CHECK_FALSE(suggestion(db, "author:reed"));
}

TEST_CASE("the query around a corrected word stays as typed", "[searcher][spelling]") {
  TempDir dir;
  Xapian::Database db(build_fixture_index(dir, fixture_pages()));
  CHECK(suggestion(db, "sanctoins") == "sanctions");
  CHECK(suggestion(db, "Sanctoins") == "Sanctions");
  CHECK(suggestion(db, "SANCTOINS") == "SANCTIONS");
  CHECK(suggestion(db, "(+sanctoins)") == "(+sanctions)");
  CHECK(suggestion(db, "\"sanctoins  freeze\"") == "\"sanctions  freeze\"");
  CHECK(suggestion(db, "TITLE:sanctoins") == "TITLE:sanctions");
  CHECK(suggestion(db, "sanctoins OR zzyzx* NEAR/3 tag:sanctoins type:article date:2013-04-01..2013-05-01 1987") ==
        "sanctions OR zzyzx* NEAR/3 tag:sanctoins type:article date:2013-04-01..2013-05-01 1987");
  CHECK(suggestion(db, "sanctoins U.S. e-mial obama's") == "sanctions U.S. e-mial obama's");
  CHECK(suggestion(db, "page:sanctoinsabc id:sanctoins sanctoins") == "page:sanctoinsabc id:sanctoins sanctions");
  CHECK(suggestion(db, "on:(sanctoins) discussed:sanctoins") == "on:(sanctions) discussed:sanctions");
  // Excluded words are not corrected (a correction would exclude more).
  CHECK_FALSE(suggestion(db, "-sanctoins"));
  CHECK_FALSE(suggestion(db, "weather NOT sanctoins"));
  CHECK(suggestion(db, "NOTE:sanctoins") == "NOTE:sanctions");  // no field: words
  // Words the index holds, fields that are not words, an empty query.
  CHECK_FALSE(suggestion(db, "sanctions \"missile defense\" (Russian -spring)"));
  CHECK_FALSE(suggestion(db, "type:article tag:nowhere date:2013 title:sanctions author:labott"));
  CHECK_FALSE(suggestion(db, ""));
}

TEST_CASE("a long query is not echoed back with corrections", "[searcher][spelling]") {
  TempDir dir;
  Xapian::Database db(build_fixture_index(dir, fixture_pages()));
  // Up to kMaxQueryWords words are looked at, and more than half of a longer
  // query is never changed.
  CHECK(suggestion(db, "sanctoins on russian banks and the missile defense plan") == std::nullopt);
  CHECK(suggestion(db, "sanctoins on russian banks") == "sanctions on russian banks");
  CHECK(suggestion(db, "sanctoins missle") == "sanctions missile");
  CHECK_FALSE(suggestion(db, "sanctoins missle defnse banks"));
  // Long words get no look-up (a 10,000-letter word took 10 s once).
  CHECK_FALSE(suggestion(db, std::string(10000, 'm')));
  CHECK(suggest_word(db, std::string(41, 's'), Vocabulary::Words) == "");
}

TEST_CASE("no suggestion unless the corrected query matches more", "[searcher][spelling]") {
  TempDir dir;
  Xapian::Database db(build_fixture_index(dir, fixture_pages()));
  const Xapian::Stem stemmer = make_stemmer("english");
  auto same = [](const std::string&, Xapian::doccount) { return Xapian::doccount{3}; };
  CHECK_FALSE(suggest_spelling(db, stemmer, "english", "sanctoins", 0, same));
  // A search that already matches a hundredth of the documents is left alone.
  auto more = [](const std::string& t, Xapian::doccount) { return t == "sanctoins" ? 0u : 5u; };
  CHECK(suggest_spelling(db, stemmer, "english", "sanctoins", 0, more) == "sanctions");
  CHECK_FALSE(suggest_spelling(db, stemmer, "english", "sanctoins", db.get_doccount(), more));
}

TEST_CASE("a stop word is never a correction", "[searcher][spelling]") {
  TempDir dir;
  std::vector<FixturePage> pages;
  add_pages(pages, "for", 40, "Waiting for the rain.");
  add_pages(pages, "fort", 1, "The old fort.");
  Xapian::Database db(build_fixture_index(dir, pages));
  // "for" is the nearest frequent word, but the query parser drops it.
  CHECK(suggest_word(db, "forr", Vocabulary::Words) == "for");
  CHECK_FALSE(suggestion(db, "forr"));
  CHECK(suggestion(db, "waitng") == "waiting");
}

TEST_CASE("suggestions read through WordRanges are those of the term list", "[searcher][spelling]") {
  TempDir dir;
  std::vector<FixturePage> pages;
  add_pages(pages, "gov", 40, "The government spends.");
  add_pages(pages, "typo", 1, "The goverment spends.");
  add_pages(pages, "coffee", 3, "Coffees and coffee.");
  add_pages(pages, "cafe", 5, "Un café à Zürich.");
  Xapian::Database db(build_fixture_index(dir, pages));
  WordRanges ranges;
  // Twice each: the second time from the ranges read the first time.
  for (int round = 0; round < 2; ++round) {
    for (const std::string word : {"goverment", "govrenment", "ogvernment", "cofee", "coffe", "cafee", "zurih",
                                   "government", "zzzqqqxx", "spends", "spnds"}) {
      INFO(word << ", round " << round);
      CHECK(suggest_word(db, word, Vocabulary::Words, &ranges) == suggest_word(db, word, Vocabulary::Words));
    }
  }
  CHECK(suggest_word(db, "ogvernment", Vocabulary::Words, &ranges) == "government");
  CHECK(suggest_word(db, "cofee", Vocabulary::Words, &ranges) == "coffee");
  CHECK(suggest_word(db, "zurih", Vocabulary::Words, &ranges) == "zurich");
}

TEST_CASE("a searcher's suggestions follow later commits", "[searcher][spelling][reopen]") {
  // 201 documents: a word in one of them matches too little to be left alone.
  TempDir dir;
  std::vector<FixturePage> pages = filler_pages(200);
  add_pages(pages, "typo", 1, "The goverment spends.");
  const std::string db = build_fixture_index(dir, pages);
  Searcher searcher(db);
  // Nothing better to offer yet (and the vocabulary of "g" has been read).
  CHECK_FALSE(searcher.search(make_query("goverment")).corrected);
  {
    Indexer writer(db);
    std::vector<FixturePage> more;
    add_pages(more, "gov", 40, "The government spends.");
    for (const FixturePage& p : more) writer.add(p.page, p.source);
    writer.commit();
  }
  // The same searcher reads the words the commit added.
  CHECK(searcher.search(make_query("goverment")).corrected == "government");
}
