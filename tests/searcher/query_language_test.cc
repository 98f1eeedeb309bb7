// The query language over the fixture index: fields, dates, phrases, NEAR,
// wildcards and malformed input.
#include <catch2/catch.hpp>

#include "byline/error.h"
#include "search_fixtures.h"

using namespace byline;
using namespace byline::test;

namespace {

struct Fixture {
  TempDir dir;
  std::string db = build_fixture_index(dir, fixture_pages());
  Searcher searcher{db};
  std::set<std::string> names(const std::string& text) { return hit_names(searcher.search(make_query(text))); }
};

}  // namespace

TEST_CASE("free text is stemmed and ANDed", "[searcher][query]") {
  Fixture f;
  // "sanctioned Russian" in the article body; "russia sanctions" finds it.
  CHECK(f.names("russia sanctions") == std::set<std::string>{"sanctions.txt"});
  CHECK(f.names("sanctions") == std::set<std::string>{"sanctions.txt", "sanctions.txt#1", "weather.txt"});
  CHECK(f.names("sanctions OR spring") ==
        std::set<std::string>{"sanctions.txt", "sanctions.txt#1", "weather.txt", "weather.txt#1"});
  CHECK(f.names("sanctions NOT spring") == std::set<std::string>{"sanctions.txt", "sanctions.txt#1"});
  CHECK(f.names("sanctions -spring") == std::set<std::string>{"sanctions.txt", "sanctions.txt#1"});
  CHECK(f.names("(sanctions OR weather) boston") == std::set<std::string>{"weather.txt"});
}

TEST_CASE("fields title, author, tag, type", "[searcher][query]") {
  Fixture f;
  CHECK(f.names("title:boston type:article") == std::set<std::string>{"weather.txt"});
  // A comment answers its article's title as a filter (schema 4).
  CHECK(f.names("title:boston") == std::set<std::string>{"weather.txt", "weather.txt#1"});
  CHECK(f.names("title:boston type:comment") == std::set<std::string>{"weather.txt#1"});
  CHECK(f.names("title:boston lovely") == std::set<std::string>{"weather.txt#1"});
  CHECK(f.names("author:yury") == std::set<std::string>{"missile.txt#1", "missile.txt#3"});
  CHECK(f.names("author:smith type:comment") == std::set<std::string>{"weather.txt#1"});
  CHECK(f.names("tag:russia type:article") == std::set<std::string>{"sanctions.txt", "missile.txt"});
  CHECK(f.names("tag:Russia type:article") == std::set<std::string>{"sanctions.txt", "missile.txt"});
  CHECK(f.names("tag:\"foreign exchange\" type:article") == std::set<std::string>{"sanctions.txt"});
  CHECK(f.names("tag:russia tag:defense type:article") == std::set<std::string>{"missile.txt"});
  // ... and its tags (schema 4).
  CHECK(f.names("tag:russia tag:defense") ==
        std::set<std::string>{"missile.txt", "missile.txt#1", "missile.txt#2", "missile.txt#3"});
  CHECK(f.names("type:comment tag:russia banks") == std::set<std::string>{"sanctions.txt#2"});
  CHECK(f.names("type:comment missile") == std::set<std::string>{"missile.txt#1"});
  CHECK(f.names("type:Article notes") == std::set<std::string>{"undated.txt"});
}

TEST_CASE("date ranges: full, partial, open ends, a single day", "[searcher][query]") {
  Fixture f;
  CHECK(f.names("date:2013-04-11..2013-04-11") == std::set<std::string>{"sanctions.txt#1", "sanctions.txt#2"});
  CHECK(f.names("date:2013-04-11") == std::set<std::string>{"sanctions.txt#1", "sanctions.txt#2"});
  CHECK(f.names("date:2013-04-24 type:comment") == std::set<std::string>{"missile.txt#2", "missile.txt#3"});
  CHECK(f.names("date:2013-04") ==
        std::set<std::string>{"sanctions.txt", "sanctions.txt#1", "sanctions.txt#2", "missile.txt#2", "missile.txt#3"});
  CHECK(f.names("date:2012") == std::set<std::string>{"missile.txt"});
  CHECK(f.names("date:..2012") == std::set<std::string>{"missile.txt"});
  CHECK(f.names("date:2013-05..") == std::set<std::string>{"weather.txt", "weather.txt#1"});
  CHECK(f.names("date:2012-12-31..2013-01") == std::set<std::string>{"missile.txt", "missile.txt#1"});
  CHECK(f.names("missile date:2013") == std::set<std::string>{"missile.txt#1", "weather.txt"});
  CHECK(f.names("(date:2012 OR date:2013-05) type:article") == std::set<std::string>{"missile.txt", "weather.txt"});
}

TEST_CASE("phrases and NEAR", "[searcher][query]") {
  Fixture f;
  CHECK(f.names("\"missile defense\"") == std::set<std::string>{"missile.txt", "missile.txt#1"});
  CHECK(f.names("missile defense") == std::set<std::string>{"missile.txt", "missile.txt#1", "weather.txt"});
  CHECK(f.names("missile NEAR defense") == std::set<std::string>{"missile.txt", "missile.txt#1", "weather.txt"});
  CHECK(f.names("council NEAR/2 garden").empty());
  CHECK(f.names("museum NEAR/4 garden") == std::set<std::string>{"weather.txt"});
}

TEST_CASE("wildcards, and the expansion limit", "[searcher][query]") {
  Fixture f;
  CHECK(f.names("magn*") == std::set<std::string>{"undated.txt"});
  Query q = make_query("magn*");
  q.wildcard_limit = 1;  // the words magnets, magnetism and magnitude
  REQUIRE_THROWS_AS(f.searcher.search(q), BadQuery);
  try {
    f.searcher.search(q);
  } catch (const BadQuery& e) {
    CHECK(std::string(e.what()) == "magn*: matches 3 words, more than the limit of 1 (make the start of the word longer)");
  }
  q.wildcard_limit = 3;
  CHECK(f.searcher.search(q).hits.size() == 1);
}

TEST_CASE("unknown fields and bad dates are one-line BadQuery errors", "[searcher][query]") {
  Fixture f;
  auto message = [&](const std::string& text) -> std::string {
    try {
      f.searcher.search(make_query(text));
    } catch (const BadQuery& e) {
      return e.what();
    }
    return "(no error)";
  };
  // A name that is no field is text; field names are case-insensitive.
  CHECK(message("foo:bar") == "(no error)");
  CHECK(message("Title:x") == "(no error)");
  CHECK(message("date:2013-13-45..").find("month 13 does not exist") != std::string::npos);
  CHECK(message("date:2013-02-29").find("day 29 does not exist") != std::string::npos);
  CHECK(message("date:someday").find("is not a date") != std::string::npos);
  CHECK(message("date:2014..2013").find("ends before it starts") != std::string::npos);
  CHECK(message("type:blog").find("'article' or 'comment'") != std::string::npos);
  for (const char* text : {"date:2013-13-45..", "type:blog", "*", "title:"})
    CHECK(message(text).find('\n') == std::string::npos);
}

TEST_CASE("times, URLs and malformed queries never fail", "[searcher][query]") {
  Fixture f;
  const char* queries[] = {"at 10:08 pm",
                           "http://example.com/x",
                           "\"unbalanced quote",
                           "(unbalanced",
                           "unbalanced)",
                           "OR",
                           "AND AND",
                           "NOT",
                           "((()))",
                           "\"\"",
                           "a..b",
                           "10..20",
                           "sanctions..",
                           "-",
                           "+",
                           "NEAR",
                           "\"missile",
                           "date:2012 OR",
                           "!!! ??? ...",
                           "é ü ß 日本",
                           "-sanctions",
                           "+the"};
  for (const char* text : queries) {
    INFO(text);
    CHECK_NOTHROW(f.searcher.search(make_query(text)));
  }
  CHECK(f.names("\"missile defense") == std::set<std::string>{"missile.txt", "missile.txt#1"});
}

TEST_CASE("an empty query matches every document, filters apply", "[searcher][query]") {
  Fixture f;
  CHECK(f.searcher.search(make_query("")).total == 10);
  CHECK(f.searcher.search(make_query("   ")).total == 10);
  Query q = make_query("");
  q.type = DocType::Comment;
  CHECK(f.searcher.search(q).total == 6);
}
