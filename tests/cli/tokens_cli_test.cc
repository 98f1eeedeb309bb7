// Issue 14 point 4, on the real binary: tokens as news is written. Acronyms
// with dots, accents both ways (shown as written), possessives, hyphenated
// words, numbers as written, the author's words found by a bare query (below
// title and body), and an index of an older schema refused with how to
// rebuild it.
#include <xapian.h>
#include <catch2/catch.hpp>

#include <map>
#include <nlohmann/json.hpp>

#include "news_pages.h"
#include "schema.h"
#include "test_support.h"

using namespace byline::test;
using nlohmann::json;

namespace {

struct TokenPages {
  TempDir dir;
  std::string db = (dir / "index").string();
  TokenPages() {
    write_news_page(dir / "pages/embassy.txt", "Embassy news", "Lena Hart",
                    {"The U.S. embassy in Zürich opened a café near São Paulo street. Send an e-mail to apply.",
                     "Exports reached 1,000 tonnes, up 3.5% on the year."});
    write_news_page(dir / "pages/trade.txt", "Trade talks", "Omar Diaz",
                    {"The US and the UK signed a deal at a cafe in Zurich. Obama said the email was clear."});
    write_news_page(dir / "pages/pronoun.txt", "Letters", "Omar Diaz",
                    {"Tell us what you think, and let us know by e mail. Sao Paulo replied."});
    write_news_page(dir / "pages/quintero.txt", "Quintero profile", "Lena Hart",
                    {"Xavier Quintero, the painter, opened a show."},
                    {{"Xavier Quintero", "A fine evening at the gallery."}, {"Ann Lee", "I agree."}});
    RunResult r = run_byline({"--db", db, "index", "--jobs", "1", (dir / "pages").string()});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
  }
  json search(const std::string& query) {
    RunResult r = run_byline({"--db", db, "search", "--format", "json", "-n", "50", "--", query});
    INFO(query << ": " << r.err);
    REQUIRE(r.exit_code == 0);
    return json::parse(r.out);
  }
  std::vector<std::string> found(const std::string& query) {
    std::vector<std::string> names;
    const json out = search(query);
    for (const json& hit : out["hits"]) {
      std::string name = std::filesystem::path(hit["source"].get<std::string>()).stem();
      if (hit["type"] == "comment") name += '#' + std::to_string(hit["comment"]["index"].get<int>());
      names.push_back(name);
    }
    std::sort(names.begin(), names.end());
    return names;
  }
};

using Names = std::vector<std::string>;

}  // namespace

TEST_CASE("U.S. matches U.S. and US, never the pronoun us", "[cli][tokens]") {
  TokenPages f;
  CHECK(f.found("U.S.") == Names{"embassy", "trade"});
  CHECK(f.found("US") == Names{"embassy", "trade"});
  CHECK(f.found("U.K.") == Names{"trade"});
  CHECK(f.found("\"U.S. embassy\"") == Names{"embassy"});
  CHECK(f.found("title:\"embassy news\" U.S.") == Names{"embassy"});
}

TEST_CASE("accents fold both ways and snippets show the text as written", "[cli][tokens]") {
  TokenPages f;
  CHECK(f.found("cafe") == Names{"embassy", "trade"});
  CHECK(f.found("café") == Names{"embassy", "trade"});
  CHECK(f.found("Zurich") == Names{"embassy", "trade"});
  CHECK(f.found("Zürich") == Names{"embassy", "trade"});
  CHECK(f.found("\"Sao Paulo\"") == Names{"embassy", "pronoun"});
  CHECK(f.found("\"São Paulo\"") == Names{"embassy", "pronoun"});
  json out = f.search("cafe zurich");
  REQUIRE(out["hits"].size() == 2);
  std::string snippet = out["hits"][0]["source"].get<std::string>().find("embassy") != std::string::npos
                            ? out["hits"][0]["snippet_html"]
                            : out["hits"][1]["snippet_html"];
  INFO(snippet);
  CHECK(snippet.find("<mark>café</mark>") != std::string::npos);
  CHECK(snippet.find("<mark>Zürich</mark>") != std::string::npos);
}

TEST_CASE("possessives, hyphenated words and numbers as written", "[cli][tokens]") {
  TokenPages f;
  CHECK(f.found("Obama's") == Names{"trade"});
  CHECK(f.found("e-mail") == Names{"embassy", "pronoun", "trade"});
  CHECK(f.found("email") == Names{"embassy", "trade"});
  CHECK(f.found("1,000") == Names{"embassy"});
  CHECK(f.found("1000 tonnes") == Names{"embassy"});
  CHECK(f.found("3.5%") == Names{"embassy"});
  // Each hit highlights the word as it is written there, "e-mail" too: the
  // snippet's filter on first letters once skipped the "mail" of "e-mail"
  // (no query word starts with "m"), so the joined "email" was never formed.
  std::map<std::string, std::string> marked;
  const json by_email = f.search("email");  // kept: a range-for over a temporary's member dangles
  for (const json& hit : by_email["hits"])
    marked[std::filesystem::path(hit["source"].get<std::string>()).stem().string()] =
        hit["snippet_html"].get<std::string>();
  CHECK(marked["embassy"].find("<mark>e-mail</mark>") != std::string::npos);
  CHECK(marked["trade"].find("<mark>email</mark>") != std::string::npos);
  const json by_hyphen = f.search("e-mail");
  CHECK(by_hyphen["hits"].size() == 3);
  for (const json& hit : by_hyphen["hits"])
    CHECK(hit["snippet_html"].get<std::string>().find("<mark>") != std::string::npos);
}

TEST_CASE("a bare query finds the author's words, below title and body", "[cli][tokens]") {
  TokenPages f;
  // The comment's text does not name its author.
  CHECK(f.found("Quintero") == Names{"quintero", "quintero#1"});
  CHECK(f.found("Lena Hart") == Names{"embassy", "quintero"});
  json out = f.search("Quintero");
  CHECK(out["hits"][0]["type"] == "article");  // named in its title and body
  CHECK(f.found("author:quintero") == Names{"quintero#1"});
}

TEST_CASE("an index of an older schema says it must be rebuilt", "[cli][tokens]") {
  TokenPages f;
  {
    Xapian::WritableDatabase old(f.db);
    // The version before this one (4: query-lang's tokenizer, without the
    // thread terms of 5) must be rebuilt too.
    old.set_metadata(byline::schema::kMetaSchema, std::to_string(byline::schema::kSchemaVersion - 1));
    old.commit();
  }
  RunResult r = run_byline({"--db", f.db, "search", "cafe"});
  CHECK(r.exit_code == 3);
  CHECK(r.out.empty());
  CHECK(r.err == "byline: " + f.db + ": index schema version " + std::to_string(byline::schema::kSchemaVersion - 1) +
                     ", this Byline reads version " + std::to_string(byline::schema::kSchemaVersion) +
                     ": rebuild it (remove " + f.db + " and run 'byline index --db " + f.db +
                     " PATHS...' again, or index into a new folder)\n");
}
