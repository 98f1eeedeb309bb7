// Issue 15, "snippets that read like text", on the real binary: a comment's
// snippet skips what it quotes of its article or of the comment it answers
// when its own words match; in search and in search --thread.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>

#include "test_support.h"

using namespace byline::test;
using nlohmann::json;

namespace {

// A page in the seed's layout: an article, a comment, a reply that pastes
// the comment's line before its own, and a comment that quotes the article
// in quotation marks.
const char* kPage =
    "Port budget vote delayed\nApril 22nd, 2013\n10:08 PM ET\n\nPort budget vote delayed\n\nBy Elise Labott\n\n"
    "The council said the port budget vote would wait until the audit of the dredging contracts is finished.\n\n"
    "Post by:\nFiled under: Ports\nsoundoff (3 Responses)\n"
    "  1. Alice\n\n"
    "    The harbor commission should publish every contract it signs with the shipping firms.\n\n"
    "    April 24, 2013 at 7:43 pm | Reply\n"
    "    \u2022 Bob\n\n"
    "      The harbor commission should publish every contract it signs with the shipping firms.\n"
    "      No, the commission already answers to the port council, which reads each contract.\n\n"
    "      April 24, 2013 at 8:10 pm | Reply\n"
    "  2. Carol\n\n"
    "    \"wait until the audit of the dredging contracts is finished\" Carol says the audit is a pretext.\n\n"
    "    April 24, 2013 at 9:00 pm | Reply\n"
    "\nPost a comment\n";

struct QuotePage {
  TempDir dir;
  std::string db = (dir / "index").string();
  QuotePage() {
    write_file(dir / "pages/port.txt", kPage);
    RunResult r = run_byline({"--db", db, "index", (dir / "pages").string()});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
  }
  json run(const std::vector<std::string>& args) {
    std::vector<std::string> all{"--db", db, "search", "--format", "json"};
    all.insert(all.end(), args.begin(), args.end());
    RunResult r = run_byline(all);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return json::parse(r.out);
  }
};

// The hit by `author` among `hits`.
json hit_by(const json& hits, const std::string& author) {
  for (const json& hit : hits)
    if (hit["author"] == author) return hit;
  FAIL("no hit by " << author);
  return {};
}

std::string snippet(const json& hit) { return hit["snippet"].get<std::string>(); }

// The highlighted words of a hit's snippet ([begin, end) byte pairs).
std::vector<std::string> marked(const json& hit) {
  std::vector<std::string> out;
  const std::string text = snippet(hit);
  for (const json& h : hit["highlights"]) {
    const std::size_t begin = h[0].get<std::size_t>(), end = h[1].get<std::size_t>();
    out.push_back(text.substr(begin, end - begin));
  }
  return out;
}

}  // namespace

TEST_CASE("a reply's snippet skips the line it quotes from its parent when its own words match", "[cli][quotes]") {
  QuotePage page;
  const json hits = page.run({"commission"})["hits"];
  const json bob = hit_by(hits, "Bob");
  CHECK(snippet(bob) == "No, the commission already answers to the port council, which reads each contract.");
  CHECK(marked(bob) == std::vector<std::string>{"commission"});
  // The comment quoted from keeps its own words.
  CHECK(snippet(hit_by(hits, "Alice")).rfind("The harbor commission", 0) == 0);

  SECTION("only the quote matches: the quote is the snippet") {
    const json shipping = hit_by(page.run({"shipping"})["hits"], "Bob");
    CHECK(snippet(shipping).find("shipping firms") != std::string::npos);
    CHECK(marked(shipping) == std::vector<std::string>{"shipping"});
  }
  SECTION("search --thread shows the same snippet") {
    const json groups = page.run({"--thread", "commission"})["groups"];
    REQUIRE(groups.size() == 1);
    const json reply = hit_by(groups[0]["comments"]["hits"], "Bob");
    CHECK(snippet(reply) == snippet(bob));
    CHECK(reply["highlights"] == bob["highlights"]);
  }
}

TEST_CASE("a comment's snippet skips a passage it quotes from the article in quotation marks", "[cli][quotes]") {
  QuotePage page;
  const json carol = hit_by(page.run({"type:comment", "audit"})["hits"], "Carol");
  CHECK(snippet(carol) == "Carol says the audit is a pretext.");
  CHECK(marked(carol) == std::vector<std::string>{"audit"});
  // Text output: the same words.
  RunResult r = run_byline({"--db", page.db, "search", "type:comment", "audit"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("Carol says the audit is a pretext.") != std::string::npos);
  CHECK(r.out.find("dredging") == std::string::npos);
}
