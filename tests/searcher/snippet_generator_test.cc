// Byline's own snippet generator (snippet_generator.h): windows, cuts,
// UTF-8, highlights.
#include <catch2/catch.hpp>

#include <chrono>
#include <string>
#include <vector>

#include "snippet_generator.h"
#include "snowball_stem.h"

using namespace byline;

namespace {

std::vector<std::string> highlighted(const Snippet& s) {
  std::vector<std::string> out;
  for (const Highlight& h : s.highlights) out.push_back(s.text.substr(h.offset, h.length));
  return out;
}

// Spans in order, inside the text, not overlapping, on whole words.
void check_spans(const Snippet& s) {
  std::size_t previous_end = 0;
  for (const Highlight& h : s.highlights) {
    REQUIRE(h.length > 0);
    REQUIRE(h.offset >= previous_end);
    REQUIRE(h.offset + h.length <= s.text.size());
    previous_end = h.offset + h.length;
  }
}

bool valid_utf8(const std::string& s) {
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += n;
  }
  return true;
}

SnippetTerms terms(std::vector<std::string> words, std::vector<std::string> stems = {}) {
  SnippetTerms t;
  t.words = std::move(words);
  t.stems = std::move(stems);
  return t;
}

const char kEllipsis[] = "\xE2\x80\xA6";

}  // namespace

TEST_CASE("snippet terms come from the positive, unprefixed side of the query", "[searcher][snippet]") {
  Xapian::QueryParser qp;
  qp.set_stemmer(make_stemmer("english"));
  qp.set_stemming_strategy(Xapian::QueryParser::STEM_ALL);  // as the searcher does
  qp.add_prefix("title", "S");
  Xapian::Query q =
      qp.parse_query("Russian sanctions \"missile defense\" title:spring -banks", Xapian::QueryParser::FLAG_DEFAULT);
  SnippetTerms t = snippet_terms(Xapian::Query(Xapian::Query::OP_FILTER, q, Xapian::Query("XTarticle")));
  // Unprefixed terms are stems: each is matched as a word and as a stem; a
  // phrase's words are matched only together.
  CHECK(t.words == std::vector<std::string>{"russian", "sanction"});
  CHECK(t.stems == t.words);
  CHECK(t.phrases == std::vector<std::vector<std::string>>{{"missil", "defens"}});
  CHECK(t.wildcards.empty());
  // Z-terms (an index of STEM_SOME's kind) still count as stems only.
  SnippetTerms z = snippet_terms(Xapian::Query("Zsanction"));
  CHECK(z.words.empty());
  CHECK(z.stems == std::vector<std::string>{"sanction"});
  CHECK(snippet_terms(Xapian::Query::MatchAll).words.empty());
}

TEST_CASE("stemmed variants and phrase words are highlighted exactly", "[searcher][snippet]") {
  Xapian::Stem stem = make_stemmer("english");
  SnippetGenerator gen(terms({"missile", "defense"}, {"sanction"}), stem);
  Snippet s =
      gen.make("Western governments sanctioned Russian banks. The Sanctions freeze missile defense talks.", 200);
  check_spans(s);
  CHECK(s.text == "Western governments sanctioned Russian banks. The Sanctions freeze missile defense talks.");
  CHECK(highlighted(s) == std::vector<std::string>{"sanctioned", "Sanctions", "missile defense"});
  // Unstemmed terms (capitalised or phrase words) match whole words only.
  CHECK(gen.make("missiles? defenseless", 200).highlights.empty());
}

TEST_CASE("the window holds the most distinct words and starts at a sentence", "[searcher][snippet]") {
  Xapian::Stem stem = make_stemmer("english");
  SnippetGenerator gen(terms({"alpha", "beta"}), stem);
  std::string text = "Alpha alpha alpha alpha here. ";
  for (int i = 0; i < 20; ++i) text += "Filler words go on and on. ";
  text += "Then one sentence with alpha and beta together. And more filler after it for a while.";
  Snippet s = gen.make(text, 80);
  check_spans(s);
  CHECK(s.text.rfind(kEllipsis, 0) == 0);  // cut at the start
  CHECK(s.text.find("Then one sentence with alpha and beta") == 3);
  CHECK(highlighted(s) == std::vector<std::string>{"alpha", "beta"});
  CHECK(s.text.size() <= 80 + 2 * (sizeof(kEllipsis) - 1));
  // Cut at the end of a word, marked.
  CHECK(s.text.substr(s.text.size() - 3) == kEllipsis);
  std::string before_ellipsis = s.text.substr(0, s.text.size() - 3);
  CHECK(text.find(before_ellipsis.substr(3) + " ") != std::string::npos);
}

TEST_CASE("no match shows the start of the text, whitespace runs become one space", "[searcher][snippet]") {
  Xapian::Stem stem = make_stemmer("english");
  SnippetGenerator gen(terms({"zebra"}), stem);
  Snippet s = gen.make("  First line.\n\nSecond   paragraph is longer than the window.", 30);
  CHECK(s.highlights.empty());
  CHECK(s.text == std::string("First line. Second") + kEllipsis);
  CHECK(gen.make("", 30).text.empty());
  CHECK(gen.make("zebra", 0).text.empty());
  Snippet whole = gen.make("Short text.", 200);
  CHECK(whole.text == "Short text.");
}

TEST_CASE("snippets cut at UTF-8 boundaries and match non-ASCII words", "[searcher][snippet]") {
  Xapian::Stem stem = make_stemmer("english");
  // Query terms are folded (word_tokenizer.h); the text is shown as written.
  SnippetGenerator gen(terms({"cafe", "naive"}), stem);
  std::string text;
  for (int i = 0; i < 40; ++i) text += "ééé ";
  text += "Le CAFÉ était naïve\xE2\x80\x99s place. ";
  for (int i = 0; i < 40; ++i) text += "日本語 ";
  for (std::size_t chars : {7, 13, 21, 40, 64, 100}) {
    Snippet s = gen.make(text, chars);
    INFO(chars << ": " << s.text);
    CHECK(valid_utf8(s.text));
    check_spans(s);
  }
  Snippet s = gen.make(text, 60);
  CHECK(highlighted(s) == std::vector<std::string>{"CAFÉ"});
  // U+2019 is an apostrophe inside a word, as TermGenerator reads it.
  SnippetGenerator apostrophe(terms({"naive's"}), stem);
  CHECK(highlighted(apostrophe.make(text, 60)) == std::vector<std::string>{"naïve\xE2\x80\x99s"});
  // A single word longer than the window: cut inside it, still valid UTF-8.
  Snippet long_word = gen.make(std::string(300, 'x') + "é", 10);
  CHECK(valid_utf8(long_word.text));
}

TEST_CASE("a very long text is scanned in bounded time and the late match found", "[searcher][snippet]") {
  Xapian::Stem stem = make_stemmer("english");
  SnippetGenerator gen(terms({}, {"needl"}), stem);
  std::string text;
  for (int i = 0; i < 100000; ++i) text += "haystack straw number " + std::to_string(i) + ". ";
  text += "At last the needles.";
  auto start = std::chrono::steady_clock::now();
  Snippet s = gen.make(text, 200);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK(seconds < 2.0);
  CHECK(highlighted(s) == std::vector<std::string>{"needles"});
  CHECK(s.text.find("At last the needles.") != std::string::npos);
  CHECK(s.text.size() <= 200 + 3);
}
