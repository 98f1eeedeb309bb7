// text_decode: BOM, line ends, tabs, UTF-8 validation and the Windows-1252 fallback.
#include <catch2/catch.hpp>

#include "text_decode.h"

using byline::page_text::cp1252_to_utf8;
using byline::page_text::decode_page_bytes;
using byline::page_text::is_valid_utf8;

TEST_CASE("UTF-8 validation accepts well-formed text and rejects the rest", "[decode]") {
  CHECK(is_valid_utf8(""));
  CHECK(is_valid_utf8("plain ASCII"));
  CHECK(is_valid_utf8("Zo\xC3\xAB \xE2\x80\xA2 \xF0\x9F\x98\x80"));  // ë • 😀
  CHECK_FALSE(is_valid_utf8("caf\xE9"));                             // Latin-1 é
  CHECK_FALSE(is_valid_utf8("\xC0\xAF"));                            // overlong '/'
  CHECK_FALSE(is_valid_utf8("\xE0\x80\xAF"));                        // overlong, 3 bytes
  CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));                        // surrogate U+D800
  CHECK_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));                    // above U+10FFFF
  CHECK_FALSE(is_valid_utf8("\xE2\x80"));                            // cut sequence
  CHECK_FALSE(is_valid_utf8("\x80"));                                // lone continuation
}

TEST_CASE("Windows-1252 bytes become their Unicode characters", "[decode]") {
  CHECK(cp1252_to_utf8("caf\xE9") == "caf\xC3\xA9");
  CHECK(cp1252_to_utf8("\x93quoted\x94") == "\xE2\x80\x9Cquoted\xE2\x80\x9D");
  CHECK(cp1252_to_utf8("\x80") == "\xE2\x82\xAC");  // euro sign
  CHECK(cp1252_to_utf8("\x95") == "\xE2\x80\xA2");  // bullet
  CHECK(cp1252_to_utf8("\x81") == "\xEF\xBF\xBD");  // unassigned: U+FFFD
}

TEST_CASE("decoding drops a BOM and normalises line ends", "[decode]") {
  auto bom = decode_page_bytes("\xEF\xBB\xBFTitle\n");
  CHECK(bom.text == "Title\n");
  CHECK_FALSE(bom.from_cp1252);
  CHECK(decode_page_bytes("a\r\nb\rc\n\r\nd").text == "a\nb\nc\n\nd");
}

TEST_CASE("decoding falls back to Windows-1252 for invalid UTF-8", "[decode]") {
  auto decoded = decode_page_bytes("Caf\xE9 \x96 open\r\n");
  CHECK(decoded.from_cp1252);
  CHECK(decoded.text == "Caf\xC3\xA9 \xE2\x80\x93 open\n");
}

TEST_CASE("indenting tabs expand to 8 columns, other tabs become one space", "[decode]") {
  CHECK(decode_page_bytes("\tx").text == "        x");
  CHECK(decode_page_bytes("  \tx").text == "        x");
  CHECK(decode_page_bytes("\t\tx\ty").text == "                x y");
  CHECK(decode_page_bytes(std::string_view("a\0b", 3)).text ==
        "a\xEF\xBF\xBD"
        "b");
}

TEST_CASE("a character cut off at the end of a truncated file is dropped", "[decode]") {
  auto cut = decode_page_bytes("Zo\xC3\xAB \xE2\x80");  // "Zoë " then 2 of the 3 bytes of "•"
  CHECK_FALSE(cut.from_cp1252);
  CHECK(cut.text == "Zo\xC3\xAB ");
  auto latin = decode_page_bytes("caf\xE9");  // one high byte after ASCII: Windows-1252
  CHECK(latin.from_cp1252);
  CHECK(latin.text == "caf\xC3\xA9");
}
