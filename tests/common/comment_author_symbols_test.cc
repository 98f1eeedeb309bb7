// Comment authors whose names are not plain words: emoji, symbols, flags,
// right-to-left scripts, combining marks. Each must be a comment of its own,
// also when its first character is glued to the "N." or "•" marker, and
// comment text that merely starts with a symbol must stay text.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "byline/page.h"

namespace {

const std::string kHead =
    "Frost Closes Ferry Pier\nMarch 3rd, 2014\n09:15 AM ET\n\nFrost Closes Ferry Pier\n\nBy Ann Lee\n\n"
    "HARBOURTON - A late frost closed the ferry pier on Monday.\n\nPost by:\nFiled under: Weather\n"
    "soundoff (9 Responses)\n";
const std::string kTail = "\nPost a comment\n\n\nThe site welcomes civil discussion.";

std::string comment(const std::string& header, const std::string& text, int depth) {
  const std::string indent(2 + 2 * static_cast<std::size_t>(depth), ' ');
  const std::string body(indent.size() + 2, ' ');
  return indent + header + "\n\n" + body + text + "\n\n" + body + "March 3, 2014 at 10:0" + std::to_string(depth) +
         " am | Reply\n";
}

// Names as people choose them. \xF0\x9F\x87\xBA\xF0\x9F\x87\xB8 is the US flag,
// \xE2\x9D\xA4\xEF\xB8\x8F a red heart with its emoji selector.
const std::vector<std::string> kNames = {
    "\xF0\x9F\x87\xBA\xF0\x9F\x87\xB8Patriot",                                          // flag, glued
    "\xE2\x9D\xA4\xEF\xB8\x8F Love",                                                    // heart + space
    "\xE2\x99\xA5Sweetheart",                                                           // ♥ glued
    "\xE2\x98\x85Star\xE2\x98\x85",                                                     // ★Star★
    "\xF0\x9F\x98\x80",                                                                 // 😀 alone
    "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7 Family",  // ZWJ sequence
    "\xF0\x9F\xAB\xA0melting",  // 🫠 (Unicode 14, newer than Xapian's tables)
    "\xC2\xA9"
    "Copyright",                                                  // ©
    "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D",                           // שלום (Hebrew)
    "\xD9\x85\xD8\xAD\xD9\x85\xD8\xAF \xD8\xB9\xD9\x84\xD9\x8A",  // محمد علي (Arabic)
    "\xCC\x81"
    "Accent first",            // a combining acute with nothing to sit on
    "Zoe\xCC\x88 Ma\xCC\x8A",  // combining diaeresis and ring
};

}  // namespace

TEST_CASE("numbered comments whose authors start with emoji or symbols are their own comments", "[parser][names]") {
  std::string page = kHead;
  for (std::size_t i = 0; i < kNames.size(); ++i)
    page += comment(std::to_string(i + 1) + ". " + kNames[i], "Text " + std::to_string(i + 1) + ".", 0);
  // The same names glued to the number, as they are when a page lost the space.
  for (std::size_t i = 0; i < 7; ++i)
    page += comment(std::to_string(kNames.size() + i + 1) + "." + kNames[i], "Glued " + std::to_string(i) + ".", 0);
  page += kTail;
  const byline::Page parsed = byline::parse_page(page).page;
  REQUIRE(parsed.comments.size() == kNames.size() + 7);
  for (std::size_t i = 0; i < kNames.size(); ++i) {
    INFO("name " << i);
    CHECK(parsed.comments[i].author == kNames[i]);
    CHECK(parsed.comments[i].text == "Text " + std::to_string(i + 1) + ".");
    CHECK(parsed.comments[i].date == "2014-03-03T10:00");
  }
  for (std::size_t i = 0; i < 7; ++i) {
    INFO("glued name " << i);
    const byline::Comment& c = parsed.comments[kNames.size() + i];
    CHECK(c.author == kNames[i]);
    CHECK(c.text == "Glued " + std::to_string(i) + ".");
  }
}

TEST_CASE("replies whose authors start with emoji or symbols are their own replies", "[parser][names]") {
  std::string page = kHead + comment("1. Parent", "Parent text.", 0);
  for (std::size_t i = 0; i < kNames.size(); ++i) {
    // Names that start with a symbol (the first 8) alternately glued to the
    // bullet ("•❤Love") and after a space; letters and marks after a space.
    const std::string sep = i < 8 && i % 2 == 0 ? "" : " ";
    page += comment("\xE2\x80\xA2" + sep + kNames[i], "Reply " + std::to_string(i) + ".", 1);
  }
  page += comment("\xE2\x80\xA2\xE2\x9D\xA4nested", "Nested.", 2);
  page += kTail;
  const byline::Page parsed = byline::parse_page(page).page;
  REQUIRE(parsed.comments.size() == kNames.size() + 2);
  CHECK(parsed.comments[0].text == "Parent text.");
  for (std::size_t i = 0; i < kNames.size(); ++i) {
    INFO("reply " << i);
    const byline::Comment& c = parsed.comments[i + 1];
    CHECK(c.author == kNames[i]);
    CHECK(c.parent == 1);
    CHECK(c.text == "Reply " + std::to_string(i) + ".");
  }
  CHECK(parsed.comments.back().author == "\xE2\x9D\xA4nested");
  CHECK(parsed.comments.back().parent == static_cast<int>(kNames.size()) + 1);
}

TEST_CASE("comment text that starts with a symbol or a glued bullet stays text", "[parser][names]") {
  const std::string body =
      "Two points:\n    \xE2\x80\xA2\xE2\x98\x85 first\n    \xE2\x80\xA2second\n    3.5 percent, 4.\xE2\x82\xAC"
      "5\n"
      "    \xE2\x9D\xA4 to all";
  std::string page = kHead + comment("1. Ferryman", body, 0) + comment("2. Gull", "Agreed.", 0) + kTail;
  const byline::Page parsed = byline::parse_page(page).page;
  REQUIRE(parsed.comments.size() == 2);
  CHECK(parsed.comments[0].text ==
        "Two points:\n\xE2\x80\xA2\xE2\x98\x85 first\n\xE2\x80\xA2second\n3.5 percent, 4.\xE2\x82\xAC"
        "5\n"
        "\xE2\x9D\xA4 to all");
  CHECK(parsed.comments[1].author == "Gull");
  // "•second" and "•Accent" glued to the bullet with a letter are not headers
  // even between comments: only a symbol may be glued to the marker.
  std::string glued_letter = kHead + comment("1. A", "a.", 0) +
                             comment(
                                 "\xE2\x80\xA2"
                                 "Bob",
                                 "b.", 1) +
                             kTail;
  const byline::Page letters = byline::parse_page(glued_letter).page;
  CHECK(letters.comments.size() == 1);
}
