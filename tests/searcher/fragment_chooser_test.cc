// Snippets of several fragments (fragment_chooser.h), through the snippet
// generator as a search uses it: distinct query words before repeats,
// sentence and clause boundaries, the byte budget, highlights, hostile text.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "fragment_chooser.h"
#include "snippet_generator.h"
#include "snowball_stem.h"

using namespace byline;

namespace {

const std::string kJoin = " \xE2\x80\xA6 ";

std::vector<std::string> highlighted(const Snippet& s) {
  std::vector<std::string> out;
  for (const Highlight& h : s.highlights) out.push_back(s.text.substr(h.offset, h.length));
  return out;
}

// The snippet's own text without the ellipses: its bytes taken from the page.
std::size_t text_bytes(const Snippet& s) {
  std::string t = s.text;
  std::size_t joins = 0;
  for (std::size_t at = t.find(kJoin); at != std::string::npos; at = t.find(kJoin, at + 1)) ++joins;
  std::size_t ellipses = 0;
  for (std::size_t at = t.find("\xE2\x80\xA6"); at != std::string::npos; at = t.find("\xE2\x80\xA6", at + 1))
    ++ellipses;
  // Joins count in the budget; the leading and trailing "…" do not.
  return t.size() - 3 * (ellipses - joins);
}

std::size_t count_of(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
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

void check_highlights(const Snippet& s) {
  std::size_t previous_end = 0;
  for (const Highlight& h : s.highlights) {
    REQUIRE(h.length > 0);
    REQUIRE(h.offset >= previous_end);
    REQUIRE(h.offset + h.length <= s.text.size());
    previous_end = h.offset + h.length;
  }
}

SnippetTerms words(std::vector<std::string> w) {
  SnippetTerms t;
  t.words = w;
  t.stems = w;
  return t;
}

std::string filler(int sentences) {
  std::string out;
  for (int i = 0; i < sentences; ++i) out += "The weather stayed calm over the quiet harbour all day long. ";
  return out;
}

}  // namespace

TEST_CASE("fragments: words far apart get a fragment each, joined with an ellipsis", "[snippet][fragments]") {
  Xapian::Stem stem = make_stemmer("english");
  const std::string text = filler(3) + "Ministers debated the new sanctions late into the night. " + filler(6) +
                           "Oil prices, however, barely moved. " + filler(4);
  SnippetGenerator g(words({"sanction", "oil"}), stem);
  Snippet two = g.make(text, 200, 2);
  INFO(two.text);
  CHECK(count_of(two.text, kJoin) == 1);
  CHECK(highlighted(two) == std::vector<std::string>{"sanctions", "Oil"});
  // Each fragment is its sentence, whole.
  CHECK(two.text.find("Ministers debated the new sanctions late into the night.") != std::string::npos);
  CHECK(two.text.find("Oil prices, however, barely moved.") != std::string::npos);
  CHECK(text_bytes(two) <= 200);
  check_highlights(two);
  // One fragment: as before, a single passage (one of the words).
  Snippet one = g.make(text, 200, 1);
  CHECK(count_of(one.text, kJoin) == 0);
  CHECK(highlighted(one).size() == 1);
}

TEST_CASE("fragments: distinct words first, never a fragment only repeating one", "[snippet][fragments]") {
  Xapian::Stem stem = make_stemmer("english");
  // "tariff" three times early, "quota" once late, "embargo" once at the end.
  const std::string text = "A tariff here. " + filler(2) + "Another tariff there. " + filler(2) + "A third tariff. " +
                           filler(5) + "The quota was cut. " + filler(5) + "An embargo followed. " + filler(1);
  SnippetGenerator g(words({"tariff", "quota", "embargo"}), stem);
  Snippet s = g.make(text, 210, 3);
  INFO(s.text);
  std::vector<std::string> h = highlighted(s);
  CHECK(std::count(h.begin(), h.end(), "quota") == 1);
  CHECK(std::count(h.begin(), h.end(), "embargo") == 1);
  CHECK(std::count(h.begin(), h.end(), "tariff") == 1);
  CHECK(count_of(s.text, kJoin) == 2);
  CHECK(text_bytes(s) <= 210);
  // Two fragments for three words: the two that cover the most.
  Snippet two = g.make(text, 210, 2);
  CHECK(count_of(two.text, kJoin) == 1);
  CHECK(highlighted(two).size() == 2);
  CHECK(text_bytes(two) <= 210);
}

TEST_CASE("fragments: one passage when it holds every word, or the text fits", "[snippet][fragments]") {
  Xapian::Stem stem = make_stemmer("english");
  SnippetGenerator g(words({"sanction", "oil"}), stem);
  const std::string near = filler(5) + "New sanctions hit oil exports. " + filler(5);
  CHECK(g.make(near, 200, 3).text == g.make(near, 200).text);
  const std::string short_text = "Sanctions first. Then oil.";
  CHECK(g.make(short_text, 200, 3).text == short_text);
}

TEST_CASE("fragments: a long sentence is cut at a clause, then at words", "[snippet][fragments]") {
  Xapian::Stem stem = make_stemmer("english");
  std::string longest = "In the long sentence that never ends";
  for (int i = 0; i < 30; ++i) longest += " and goes on";
  const std::string text = longest + ", the sanctions came; " + std::string(600, 'x') +
                           " and still more words here, where oil was — at last — cheap, " + longest + ".";
  SnippetGenerator g(words({"sanction", "oil"}), stem);
  Snippet s = g.make(text, 120, 2);
  INFO(s.text);
  CHECK(highlighted(s) == std::vector<std::string>{"sanctions", "oil"});
  CHECK(text_bytes(s) <= 120);
  // The clause marks make the cuts: the fragment ends at "came", and the
  // second starts after a comma.
  CHECK(s.text.find("the sanctions came" + kJoin) != std::string::npos);
  CHECK(s.text.find(kJoin + "where oil was") != std::string::npos);
}

TEST_CASE("fragments: the budget holds on hostile and huge text", "[snippet][fragments]") {
  Xapian::Stem stem = make_stemmer("english");
  SnippetGenerator g(words({"alpha", "omega", "delta"}), stem);
  std::vector<std::string> texts;
  texts.push_back("alpha" + std::string(5000, 'z') + " omega " + std::string(5000, '.') + " delta");
  std::string multibyte;
  for (int i = 0; i < 2000; ++i) multibyte += "\xC3\xA9\xE2\x80\x94";  // é—, no spaces
  texts.push_back("alpha " + multibyte + " omega " + multibyte + " delta " + multibyte);
  std::string many;
  for (int i = 0; i < 20000; ++i) many += (i % 1000 == 0 ? "omega " : "alpha ");
  texts.push_back(many + "delta.");
  texts.push_back(std::string(3000, '\n') + "alpha" + std::string(3000, ' ') + "omega" + std::string(3000, '\t'));
  for (const std::string& text : texts) {
    for (std::size_t chars : {1u, 10u, 40u, 80u, 200u, 1000u}) {
      for (std::size_t n : {1u, 2u, 3u}) {
        Snippet s = g.make(text, chars, n);
        INFO(chars << " " << n << " " << s.text.substr(0, 200));
        CHECK(text_bytes(s) <= chars);
        CHECK(valid_utf8(s.text));
        check_highlights(s);
        CHECK(count_of(s.text, kJoin) + 1 <= n);
        // Matches separated only by spaces are one highlight.
        for (const std::string& h : highlighted(s))
          for (std::size_t at = 0; at < h.size(); at += 6) {
            const std::string word = h.substr(at, 5);
            CHECK((word == "alpha" || word == "omega" || word == "delta"));
          }
      }
    }
  }
}

TEST_CASE("choose_fragments: ranges in order, apart, inside the text", "[snippet][fragments]") {
  std::string text = filler(10) + "one " + filler(10) + "two " + filler(10) + "three " + filler(3);
  std::vector<FragmentMatch> matches;
  for (const char* w : {"one ", "two ", "three "}) {
    std::size_t at = text.find(w);
    matches.push_back({at, at + std::string(w).size() - 1, static_cast<int>(matches.size())});
  }
  std::vector<TextRange> ranges = choose_fragments(text, matches, 3, 180, 3);
  REQUIRE(ranges.size() == 3);
  std::size_t total = 0;
  for (std::size_t i = 0; i < ranges.size(); ++i) {
    CHECK(ranges[i].begin < ranges[i].end);
    CHECK(ranges[i].end <= text.size());
    if (i > 0) CHECK(ranges[i - 1].end < ranges[i].begin);
    CHECK(ranges[i].begin <= matches[i].begin);
    CHECK(matches[i].end <= ranges[i].end);
    total += ranges[i].end - ranges[i].begin;
  }
  CHECK(total + 2 * kJoin.size() <= 180);
  // No room: a budget too small for joins gives one passage.
  CHECK(choose_fragments(text, matches, 3, 12, 3).empty());
}
