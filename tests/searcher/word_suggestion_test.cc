// "Did you mean" from the index's own terms (word_suggestion.h): words of
// comments count, corrections are words as written rather than stems,
// author: looks among authors, and ties go to the more frequent term.
#include <xapian.h>

#include <catch2/catch.hpp>

#include "schema.h"
#include "search_fixtures.h"
#include "snowball_stem.h"
#include "spelling_correction.h"
#include "word_suggestion.h"

using namespace byline;
using namespace byline::test;

TEST_CASE("edit distance counts a transposition as one edit and stops past its limit", "[searcher][spelling]") {
  CHECK(edit_distance(U"sanction", U"sanction", 2) == 0);
  CHECK(edit_distance(U"sanctoins", U"sanctions", 2) == 1);
  CHECK(edit_distance(U"kitten", U"sitting", 5) == 3);
  CHECK(edit_distance(U"kitten", U"sitting", 2) == 3);  // limit + 1
  CHECK(edit_distance(U"a", U"abcd", 2) == 3);
  CHECK(edit_distance(U"", U"ab", 2) == 2);
  CHECK(edit_distance(U"héllo", U"hello", 2) == 1);  // letters, not bytes
}

TEST_CASE("corrections are words as written, from articles and comments", "[searcher][spelling]") {
  TempDir dir;
  Xapian::Database db(build_fixture_index(dir, fixture_pages()));
  const Xapian::Stem stemmer = make_stemmer("english");
  // The term is the stem "missil"; the correction is the typed word mended.
  CHECK(suggest_word(db, stemmer, "misile", "") == "missile");
  // Two edits from any word with that stem: read from a document holding it.
  CHECK(suggest_word(db, stemmer, "misssille", "") == "missile");
  // "lovely" is only in a comment (its stem is "love").
  CHECK(suggest_word(db, stemmer, "lovley", "") == "lovely");
  // Nothing near enough, or not a word.
  CHECK(suggest_word(db, stemmer, "zzzqqqxx", "") == "");
  CHECK(suggest_word(db, stemmer, "1987", "") == "");
  // Short words get one edit: "tad" -> "ted"? Ted is an author, not text;
  // "tal" is one edit from the stem "talk".
  CHECK(suggest_word(db, stemmer, "talx", "") == "talk");
}

TEST_CASE("author: and title: words are corrected from authors and titles", "[searcher][spelling]") {
  TempDir dir;
  Xapian::Database db(build_fixture_index(dir, fixture_pages()));
  const Xapian::Stem stemmer = make_stemmer("english");
  CHECK(spelling_correction(db, stemmer, "author:labot") == "author:labott");
  CHECK(spelling_correction(db, stemmer, "author:yuri") == "");  // "Yury" is stemmed "yuri": known
  // "garden" is in a body, not in a title: title: finds nothing to offer.
  CHECK(spelling_correction(db, stemmer, "title:gardn") == "");
  CHECK(spelling_correction(db, stemmer, "gardn") == "garden");
  CHECK(spelling_correction(db, stemmer, "title:wether") == "title:weather");
}

TEST_CASE("a typo equally near two terms gets the more frequent one", "[searcher][spelling]") {
  TempDir dir;
  std::vector<FixturePage> pages;
  for (int i = 0; i < 4; ++i) {
    FixturePage p;
    p.source = std::to_string(i).append(".txt");
    p.page.article.title = std::string("Page ").append(std::to_string(i));
    // "card" in one document, "cart" in three.
    p.page.article.text = i == 0 ? "A card was lost." : "A cart was lost.";
    pages.push_back(p);
  }
  Xapian::Database db(build_fixture_index(dir, pages));
  const Xapian::Stem stemmer = make_stemmer("english");
  CHECK(suggest_word(db, stemmer, "carx", "") == "cart");
  CHECK(suggest_word(db, stemmer, "cardd", "") == "card");  // nearer beats more frequent
}

TEST_CASE("long words and long queries get bounded look-ups", "[searcher][spelling]") {
  TempDir dir;
  Xapian::Database db(build_fixture_index(dir, fixture_pages()));
  const Xapian::Stem stemmer = make_stemmer("english");
  // 40 letters are looked up, 41 are not (a 10,000-letter word took 10 s).
  CHECK(suggest_word(db, stemmer, "sanctoins" + std::string(31, 's'), "") == "");
  CHECK(suggest_word(db, stemmer, std::string(41, 's'), "") == "");
  CHECK(suggest_word(db, stemmer, std::string(10000, 'm'), "") == "");
  // Only the first 8 unknown words of a query are looked up.
  std::string query, expected;
  for (int i = 0; i < 9; ++i) {
    query += "sanctoins ";
    expected += i < 8 ? "sanctions " : "sanctoins ";
  }
  CHECK(spelling_correction(db, stemmer, query) == expected);
}
