// shown_bytes: bytes from files Byline did not write, quoted safely in a
// one-line message; and the stub reader's messages, which quote them.
#include <catch2/catch.hpp>

#include "byline/error.h"
#include "shard_stub.h"
#include "shown_bytes.h"
#include "text_decode.h"

using byline::shown_bytes;

TEST_CASE("shown_bytes keeps printable UTF-8 and escapes everything else", "[common][shown_bytes]") {
  CHECK(shown_bytes("shard0 café 中文") == "shard0 café 中文");
  CHECK(shown_bytes("a\nb\tc\x1b[2J") == "a\\x0ab\\x09c\\x1b[2J");
  CHECK(shown_bytes("\x7f") == "\\x7f");
  CHECK(shown_bytes("\xc2\x9b" "31m") == "\\xc2\\x9b31m");  // U+009B, CSI on some terminals
  CHECK(shown_bytes("\xff\xfe") == "\\xff\\xfe");
  CHECK(shown_bytes("caf\xc3") == "caf\\xc3");  // cut inside a character
  CHECK(shown_bytes(std::string("a\0b", 3)) == "a\\x00b");
  CHECK(shown_bytes("abcdef", 3) == "abc...");
  CHECK(shown_bytes("ééé", 2) == "éé...");
}

TEST_CASE("a stub of random bytes is refused with a message of printable, valid UTF-8", "[common][shown_bytes]") {
  std::string bytes;
  for (int i = 0; i < 256; ++i) bytes.push_back(static_cast<char>(i));
  try {
    byline::parse_stub("/idx", bytes);
    FAIL("parse_stub accepted random bytes");
  } catch (const byline::IndexUnusable& e) {
    const std::string message = e.what();
    CHECK(byline::page_text::is_valid_utf8(message));
    for (char c : message) CHECK(static_cast<unsigned char>(c) >= 0x20);
    CHECK(message.rfind("index /idx: damaged (/idx/XAPIANDB line 1: ", 0) == 0);
    CHECK(message.find("run 'byline check'") != std::string::npos);
  }
}

TEST_CASE("parse_stub reads the forms byline writes", "[common][shown_bytes]") {
  auto entries = byline::parse_stub("/idx", "# comment\n\nauto shard0\r\nglass /abs/s1\nremote tcp://h:7001\n");
  REQUIRE(entries.size() == 3);
  CHECK(entries[0].path == "shard0");
  CHECK(entries[1].path == "/abs/s1");
  CHECK(entries[2].remote);
  CHECK(entries[2].port == 7001);
  CHECK_THROWS_AS(byline::parse_stub("/idx", std::string("auto sh\0rd", 10)), byline::IndexUnusable);
  CHECK_THROWS_AS(byline::parse_stub("/idx", "# only a comment\n"), byline::IndexUnusable);
}
