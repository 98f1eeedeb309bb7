// What a comment quotes (quoted_text.h): lines it repeats from its article or
// parent, lines starting with '>', passages in quotation marks found in them;
// and a snippet that leaves the quotes out only when the comment's own words
// match.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "quoted_text.h"
#include "snippet_generator.h"
#include "snowball_stem.h"

using namespace byline;

namespace {

std::vector<std::string> texts_of(std::string_view comment, const std::vector<TextRange>& ranges) {
  std::vector<std::string> out;
  for (const TextRange& r : ranges) out.emplace_back(comment.substr(r.begin, r.end - r.begin));
  return out;
}

const std::string kParent = "The harbor commission should publish every   contract it signs with the SHIPPING firms.";

}  // namespace

TEST_CASE("normalize_for_quotes folds case, whitespace and quotation marks", "[quoted-text]") {
  CHECK(normalize_for_quotes("  The \u201cHarbor\u201d\n\tCommission \"said\"  ") == "the harbor commission said");
  CHECK(normalize_for_quotes("") == "");
}

TEST_CASE("A comment's lines and passages that repeat its sources are quotes", "[quoted-text]") {
  const std::vector<std::string> sources{normalize_for_quotes(kParent)};
  SECTION("a line pasted from the parent, whatever its case and spacing") {
    const std::string comment =
        "the harbor commission should publish every contract it signs with the shipping firms.\n"
        "No, the commission answers to the port council.";
    CHECK(texts_of(comment, quoted_ranges(comment, sources)) ==
          std::vector<std::string>{"the harbor commission should publish every contract it signs with the shipping "
                                   "firms."});
  }
  SECTION("part of a sentence, on a line of its own") {
    const std::string comment = "  every contract it signs\nI disagree.";
    CHECK(texts_of(comment, quoted_ranges(comment, sources)) == std::vector<std::string>{"  every contract it signs"});
  }
  SECTION("a line starting with '>' quotes, whatever it says") {
    const std::string comment = "> something said elsewhere\nMy own words.";
    CHECK(texts_of(comment, quoted_ranges(comment, sources)) == std::vector<std::string>{"> something said elsewhere"});
  }
  SECTION("a passage in quotation marks inside a line") {
    const std::string comment = "So \u201ccommission should publish every contract\u201d, you say? Why?";
    CHECK(texts_of(comment, quoted_ranges(comment, sources)) ==
          std::vector<std::string>{"\u201ccommission should publish every contract\u201d"});
    const std::string straight = "\"short one\" and \"publish every contract it signs\" then more";
    CHECK(texts_of(straight, quoted_ranges(straight, sources)) ==
          std::vector<std::string>{"\"publish every contract it signs\""});
  }
  SECTION("not quotes: fewer than four words, words not in a source, an unclosed mark") {
    for (const std::string& comment :
         {std::string("the harbor commission\nyes"), std::string("The harbor commission should publish nothing."),
          std::string("\"publish every contract it signs with no end")})
      CHECK(quoted_ranges(comment, sources).empty());
    CHECK(quoted_ranges("the harbor commission should publish every contract", {}).empty());
  }
}

TEST_CASE("may_quote: only comments that can hold a quote and words of their own", "[quoted-text]") {
  CHECK(may_quote("line one\nline two"));
  CHECK(may_quote("> quoted"));
  CHECK(may_quote("\u201cquoted\u201d and mine"));
  CHECK_FALSE(may_quote("one line only"));
  CHECK_FALSE(may_quote("one line\n\n   \n"));
  CHECK_FALSE(may_quote(""));
}

TEST_CASE("The snippet of a comment leaves its quotes out when its own words match", "[quoted-text]") {
  Xapian::Stem stemmer = make_stemmer("english");
  Xapian::QueryParser parser;
  parser.set_stemmer(stemmer);
  parser.set_stemming_strategy(Xapian::QueryParser::STEM_ALL);
  const std::vector<std::string> sources{normalize_for_quotes(kParent)};
  const std::string comment =
      "The harbor commission should publish every contract it signs with the shipping firms.\n"
      "No, the commission already answers to the port council.";
  SECTION("own words match: the quote is left out") {
    SnippetGenerator generator(snippet_terms(parser.parse_query("commission")), stemmer);
    Snippet s = snippet_skipping_quotes(generator, comment, sources, 200, 2);
    CHECK(s.text == "No, the commission already answers to the port council.");
    REQUIRE(s.highlights.size() == 1);
    CHECK(s.text.substr(s.highlights[0].offset, s.highlights[0].length) == "commission");
    // Without sources, the same comment's snippet starts with the quote.
    CHECK(snippet_skipping_quotes(generator, comment, {}, 200, 2).text.rfind("The harbor commission", 0) == 0);
  }
  SECTION("only the quote matches: it is shown") {
    SnippetGenerator generator(snippet_terms(parser.parse_query("shipping")), stemmer);
    Snippet s = snippet_skipping_quotes(generator, comment, sources, 200, 2);
    CHECK(s.text.find("shipping firms") != std::string::npos);
    CHECK(s.highlights.size() == 1);
  }
}
