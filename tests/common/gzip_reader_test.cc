// The gzip reader on its own (gzip_reader.h): one member at a time with the
// bytes it used (a .warc.gz record's offset is its member's), whole files of
// several members, a member read piece by piece, and the limits that keep a
// gzip bomb or a cut-off file from doing harm.
#include <catch2/catch.hpp>
#include <string>

#include "byline/error.h"
#include "gzip_reader.h"
#include "warc_builder.h"

using namespace byline;
using namespace byline::test;

namespace {

std::string text_of(std::size_t size) {
  std::string text;
  unsigned x = 7;
  while (text.size() < size) {
    x = x * 1103515245u + 12345u;
    text += static_cast<char>('a' + (x >> 16) % 26);
    if ((x >> 9) % 6 == 0) text += ' ';
  }
  return text;
}

}  // namespace

TEST_CASE("is_gzip looks for the gzip magic number and the deflate method", "[gzip]") {
  CHECK(is_gzip(gzip_member("x")));
  CHECK_FALSE(is_gzip("\x1f\x8b"));
  CHECK_FALSE(is_gzip(std::string("\x1f\x8b\x07", 3)));
  CHECK_FALSE(is_gzip("WARC/1.0"));
  CHECK_FALSE(is_gzip(""));
}

TEST_CASE("inflate_member decompresses the member at an offset and says how many bytes it used", "[gzip]") {
  const std::string a = text_of(3000), b = text_of(70000);
  const std::string ma = gzip_member(a), mb = gzip_member(b);
  const std::string both = ma + mb;

  GzipMember first = inflate_member(both, 0, 1 << 20);
  CHECK(first.complete);
  CHECK(first.error.empty());
  CHECK(first.data == a);
  CHECK(first.consumed == ma.size());

  GzipMember second = inflate_member(both, first.consumed, 1 << 20);
  CHECK(second.complete);
  CHECK(second.data == b);
  CHECK(second.consumed == mb.size());

  GzipMember none = inflate_member(both, 1, 1 << 20);
  CHECK_FALSE(none.complete);
  CHECK(none.error == "no gzip member here");
}

TEST_CASE("a member cut off gives what it decompressed so far and says it is truncated", "[gzip]") {
  const std::string text = text_of(200000);
  const std::string member = gzip_member(text);
  GzipMember cut = inflate_member(std::string_view(member).substr(0, member.size() / 2), 0, 1 << 20);
  CHECK_FALSE(cut.complete);
  CHECK(cut.error == "truncated");
  CHECK_FALSE(cut.data.empty());
  CHECK(text.compare(0, cut.data.size(), cut.data) == 0);

  SECTION("and a member without its trailer is not complete either") {
    GzipMember no_trailer = inflate_member(std::string_view(member).substr(0, member.size() - 4), 0, 1 << 20);
    CHECK_FALSE(no_trailer.complete);
    CHECK(no_trailer.data == text);
  }
}

TEST_CASE("a member that decompresses past the limit stops there: a gzip bomb cannot exhaust memory", "[gzip]") {
  const std::string zeros(8 << 20, '\0');
  const std::string bomb = gzip_member(zeros);
  REQUIRE(bomb.size() < 100000);
  GzipMember member = inflate_member(bomb, 0, 1 << 20);
  CHECK_FALSE(member.complete);
  CHECK(member.error == "larger than 1048576 bytes once decompressed");
  CHECK(member.data.size() <= (1u << 20));
  CHECK_THROWS_WITH(gunzip(bomb, 1 << 20), Catch::Contains("larger than 1048576 bytes"));
  CHECK(gunzip(bomb, 16 << 20) == zeros);
}

TEST_CASE("inflate_member_stream gives what inflate_member gives, whatever the size of the pieces", "[gzip]") {
  const std::string text = text_of(300000);
  const std::string member = gzip_member(text);
  const std::string after = gzip_member("next member");
  const std::string bytes = member + after;
  const GzipMember whole = inflate_member(bytes, 0, 1 << 20);
  for (std::size_t piece : {std::size_t{1}, std::size_t{7}, std::size_t{4096}, std::size_t{1} << 20}) {
    std::size_t at = 0;
    GzipMember streamed = inflate_member_stream(
        [&]() -> std::string_view {
          std::string_view out = std::string_view(bytes).substr(at, piece);
          at += out.size();
          return out;
        },
        1 << 20);
    INFO("pieces of " << piece << " bytes");
    CHECK(streamed.complete);
    CHECK(streamed.data == whole.data);
    CHECK(streamed.consumed == member.size());
  }
}

TEST_CASE("gunzip decompresses every member of a file end to end, and refuses damaged data in Byline's words",
          "[gzip]") {
  const std::string a = text_of(1000), b = text_of(5000);
  CHECK(gunzip(gzip_member(a) + gzip_member(b), 1 << 20) == a + b);
  CHECK(gunzip(gzip_member(""), 1 << 20).empty());
  CHECK_THROWS_AS(gunzip("plain text", 1 << 20), Error);
  CHECK_THROWS_WITH(gunzip("plain text", 1 << 20), "not valid gzip data: no gzip header");
  const std::string member = gzip_member(b);
  CHECK_THROWS_WITH(gunzip(member.substr(0, member.size() / 2), 1 << 20), "not valid gzip data: truncated");
  std::string corrupt = member;
  for (std::size_t i = 10; i < 40; ++i) corrupt[i] = static_cast<char>(corrupt[i] ^ 0x5a);
  CHECK_THROWS_WITH(gunzip(corrupt, 1 << 20), Catch::StartsWith("not valid gzip data: "));
}
