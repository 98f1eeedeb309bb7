// parse_page is total: on random bytes, on every cut of the seed page and on
// shuffled or thinned seed lines it returns (never throws, never hangs), and
// what it returns is well formed.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <random>

#include "byline/page.h"
#include "test_support.h"
#include "text_decode.h"

namespace {

bool is_iso_minute(const std::string& s) {
  if (s.size() != 16 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15})
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

// Checks the invariants of a result; returns a description of the first breach, "" if none.
std::string breach(const byline::ParseResult& r) {
  using byline::page_text::is_valid_utf8;
  for (const auto& warning : r.warnings)
    if (warning.rfind("could not parse", 0) == 0) return warning;  // an exception was caught inside
  const byline::Article& a = r.page.article;
  if (!is_valid_utf8(a.title) || !is_valid_utf8(a.text)) return "article text not UTF-8";
  if (a.date && !is_iso_minute(*a.date)) return "bad article date " + *a.date;
  if (a.author && (a.author->empty() || !is_valid_utf8(*a.author))) return "bad author";
  for (const auto& tag : a.tags)
    if (tag.empty() || !is_valid_utf8(tag)) return "bad tag";
  for (std::size_t i = 0; i < r.page.comments.size(); ++i) {
    const byline::Comment& c = r.page.comments[i];
    if (c.index != static_cast<int>(i) + 1) return "comment index out of order";
    if (c.parent && (*c.parent < 1 || *c.parent >= c.index)) return "parent not an earlier comment";
    if (c.date && !is_iso_minute(*c.date)) return "bad comment date";
    if (!is_valid_utf8(c.author) || !is_valid_utf8(c.text)) return "comment not UTF-8";
  }
  return "";
}

std::string seed_bytes() {
  return byline::test::read_file(byline::test::source_path("corpus/000_22e4804a8479d9b0.txt"));
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (std::size_t end; (end = text.find('\n', start)) != std::string::npos; start = end + 1)
    lines.push_back(text.substr(start, end - start));
  lines.push_back(text.substr(start));
  return lines;
}

}  // namespace

TEST_CASE("random bytes: never throws, output well formed", "[parser][property]") {
  std::mt19937_64 rng(20240611);
  // Bytes biased towards what the parser looks at, so its paths get exercised.
  const std::string alphabet =
      "    \n\n\n\t\r.0123456789:|aAmpPM, April2013 at Reply By Post by: soundoff ()\xE2\x80\xA2\xC2\xA0\xFF\x80";
  for (int round = 0; round < 3000; ++round) {
    std::size_t size = rng() % (round < 2000 ? 300 : 5000);
    std::string bytes(size, '\0');
    bool raw = round % 3 == 0;
    for (char& c : bytes) c = raw ? static_cast<char>(rng() & 0xFF) : alphabet[rng() % alphabet.size()];
    byline::ParseResult r;
    REQUIRE_NOTHROW(r = byline::parse_page(bytes));
    INFO("round " << round);
    REQUIRE(breach(r) == "");
  }
}

TEST_CASE("every 50-byte cut of the seed page parses", "[parser][property]") {
  const std::string seed = seed_bytes();
  std::size_t full_comments = byline::parse_page(seed).page.comments.size();
  for (std::size_t cut = 0; cut <= seed.size(); cut += 50) {
    byline::ParseResult r;
    REQUIRE_NOTHROW(r = byline::parse_page(std::string_view(seed).substr(0, cut)));
    INFO("cut at " << cut);
    REQUIRE(breach(r) == "");
    REQUIRE(r.page.comments.size() <= full_comments);
    if (cut > 200) REQUIRE(r.page.article.title == "Boston bombing looms large at U.S./Russia meeting");
  }
}

TEST_CASE("shuffled and thinned seed lines parse", "[parser][property]") {
  const std::vector<std::string> lines = split_lines(seed_bytes());
  std::mt19937_64 rng(7);
  for (int round = 0; round < 500; ++round) {
    std::vector<std::string> mixed = lines;
    if (round % 2 == 0) {
      std::shuffle(mixed.begin(), mixed.end(), rng);
    } else {
      std::erase_if(mixed, [&](const std::string&) { return rng() % 4 == 0; });
    }
    std::string bytes;
    for (const auto& line : mixed) bytes += line + "\n";
    byline::ParseResult r;
    REQUIRE_NOTHROW(r = byline::parse_page(bytes));
    INFO("round " << round);
    REQUIRE(breach(r) == "");
  }
}

TEST_CASE("pathological inputs parse in linear time", "[parser][property]") {
  const std::size_t n = 100000;
  std::vector<std::string> inputs;
  std::string dates = "Title\nApril 1, 2013\n\nsoundoff (1 Response)\n  1. x\n\n";
  for (std::size_t i = 0; i < n; ++i) dates += "    April 24, 2013 at 7:43 pm | Reply\n    text\n";
  inputs.push_back(dates);
  std::string headers = "Title\nApril 1, 2013\nsoundoff (1 Response)\n";
  for (std::size_t i = 0; i < n; ++i) headers += "  " + std::to_string(i) + ". name\n    \xE2\x80\xA2 reply\n";
  inputs.push_back(headers);
  std::string post_by = "Title\nApril 1, 2013\n";
  for (std::size_t i = 0; i < n; ++i) post_by += "Post by: x\nFiled under: a\n\n\n\n";
  inputs.push_back(post_by);
  inputs.push_back(std::string(2000000, '\n'));
  inputs.push_back(std::string(2000000, ' '));
  inputs.push_back("T\n" + std::string(2000000, '\t') + "x");
  for (const auto& input : inputs) {
    auto start = std::chrono::steady_clock::now();
    byline::ParseResult r;
    REQUIRE_NOTHROW(r = byline::parse_page(input));
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    CHECK(seconds < 3.0);
    CHECK(breach(r) == "");
  }
}

namespace {

bool is_prefix(const std::string& part, const std::string& whole) { return whole.compare(0, part.size(), part) == 0; }

// What a page cut at some byte must still say: the complete parts equal the
// full page's, the incomplete ones are prefixes of it.
std::string cut_breach(const byline::ParseResult& full, const byline::ParseResult& cut, bool body_started) {
  if (!is_prefix(cut.page.article.title, full.page.article.title)) return "title";
  if (!body_started) return "";
  const byline::Article& a = cut.page.article;
  if (a.date != full.page.article.date) return "article date";
  if (!is_prefix(a.text, full.page.article.text)) return "article text";
  if (cut.page.comments.size() > full.page.comments.size()) return "too many comments";
  for (std::size_t i = 0; i < cut.page.comments.size(); ++i) {
    const byline::Comment& c = cut.page.comments[i];
    const byline::Comment& f = full.page.comments[i];
    if (c.index != f.index || c.parent != f.parent) return "comment " + std::to_string(i + 1) + " position";
    if (c.date && (c.date != f.date || c.author != f.author || c.text != f.text))
      return "dated comment " + std::to_string(i + 1) + " differs";
    if (!is_prefix(c.author, f.author) || !is_prefix(c.text, f.text))
      return "comment " + std::to_string(i + 1) + " not a prefix";
  }
  if (!cut.page.comments.empty() && (a.author != full.page.article.author || a.tags != full.page.article.tags))
    return "author or tags";
  return "";
}

void check_every_cut(const std::string& page, std::size_t step) {
  const auto full = byline::parse_page(page);
  const std::size_t body_start = page.find("\n\n", page.find("\n\n") + 2) + 2;  // after the title repeat
  for (std::size_t at = 0; at <= page.size(); at += step) {
    auto cut = byline::parse_page(std::string_view(page).substr(0, at));
    INFO("cut at byte " << at << ": ..." << page.substr(at > 40 ? at - 40 : 0, std::min<std::size_t>(at, 40)));
    REQUIRE(cut_breach(full, cut, at > body_start + 80) == "");
  }
}

}  // namespace

TEST_CASE("a page cut at any byte keeps what is complete", "[parser][property]") {
  check_every_cut(seed_bytes(), 1);
  for (const char* name : {"reply_to_reply", "multi_paragraph_comment", "unicode_names", "post_by_only"})
    check_every_cut(
        byline::test::read_file(byline::test::source_path(std::string("tests/fixtures/pages/") + name + ".txt")), 1);
}
