// page_author: which lines are bylines, and how names are tidied.
#include <catch2/catch.hpp>

#include "page_author.h"

using byline::page_text::byline_name;
using byline::page_text::tidy_author;

TEST_CASE("bylines give the name", "[parser][author]") {
  CHECK(byline_name("By Elise Labott") == "Elise Labott");
  CHECK(byline_name("By CNN's Jane Doe") == "Jane Doe");
  CHECK(byline_name("By CNN\xE2\x80\x99s Jane Doe") == "Jane Doe");
  CHECK(byline_name("By Jane Doe, CNN") == "Jane Doe");
  CHECK(byline_name("By Jane Doe, Special to CNN") == "Jane Doe");
  CHECK(byline_name("By Jane Doe and John Roe") == "Jane Doe and John Roe");
  CHECK(byline_name("By Ted D'Afflisio") == "Ted D'Afflisio");
  CHECK(byline_name("By John Roe Jr.") == "John Roe Jr.");
  CHECK(byline_name("By \xC3\x89lodie Marchetti") == "\xC3\x89lodie Marchetti");
}

TEST_CASE("sentences starting with By are not bylines", "[parser][author]") {
  CHECK_FALSE(byline_name("By contrast, the index rose sharply."));
  CHECK_FALSE(byline_name("By noon?"));
  CHECK_FALSE(byline_name("by the way"));
  CHECK_FALSE(byline_name("By"));
  CHECK_FALSE(byline_name("By the end of the year the company expects to have sold most of its assets to its lenders"));
  CHECK_FALSE(byline_name("Byron Smith"));
}

TEST_CASE("tidy_author keeps names and drops credits", "[parser][author]") {
  CHECK(tidy_author("  Marta Quill ") == "Marta Quill");
  CHECK(tidy_author("Jane Doe, Reuters") == "Jane Doe");
  CHECK(tidy_author("Jane Doe, Jr.") == "Jane Doe, Jr.");
  CHECK_FALSE(tidy_author(""));
  CHECK_FALSE(tidy_author("   "));
}
