// html_charset: the bytes of an HTML page decoded to UTF-8 in the HTML
// standard's order of precedence (BOM, HTTP charset, <meta> in the first
// 4 kB), and a declared charset the bytes contradict read as what they are,
// with a warning.
#include <catch2/catch.hpp>

#include <string>

#include "html_charset.h"
#include "text_decode.h"

using byline::html::charset_of_content_type;
using byline::html::decode_html;
using byline::html::DecodedHtml;

namespace {

std::string all_warnings(const DecodedHtml& d) {
  std::string out;
  for (const std::string& w : d.warnings) out += w + "\n";
  return out;
}

}  // namespace

TEST_CASE("an undeclared page of valid UTF-8 is read as UTF-8 without a warning", "[html][charset]") {
  DecodedHtml d = decode_html("<p>Zo\xC3\xAB \xE2\x80\x94 caf\xC3\xA9</p>");
  CHECK(d.charset == "utf-8");
  CHECK(d.text == "<p>Zo\xC3\xAB \xE2\x80\x94 caf\xC3\xA9</p>");
  CHECK(d.warnings.empty());
}

TEST_CASE("a UTF-8 byte order mark is dropped and wins over the HTTP and meta charsets", "[html][charset]") {
  const std::string page = "\xEF\xBB\xBF<meta charset=\"iso-8859-1\"><p>caf\xC3\xA9</p>";
  DecodedHtml d = decode_html(page, "windows-1252");
  CHECK(d.charset == "utf-8");
  // Read as Windows-1252 it would be "cafÃ©".
  CHECK(d.text == "<meta charset=\"iso-8859-1\"><p>caf\xC3\xA9</p>");
  CHECK(d.warnings.empty());
}

TEST_CASE("UTF-16 pages with a byte order mark are decoded from either byte order", "[html][charset]") {
  // "<b>é€</b>" in UTF-16.
  const std::string le("\xFF\xFE<\0b\0>\0\xE9\0\xAC\x20<\0/\0b\0>\0", 20);
  const std::string be("\xFE\xFF\0<\0b\0>\0\xE9\x20\xAC\0<\0/\0b\0>", 20);
  DecodedHtml l = decode_html(le);
  CHECK(l.charset == "utf-16le");
  CHECK(l.text == "<b>\xC3\xA9\xE2\x82\xAC</b>");
  DecodedHtml b = decode_html(be, "utf-8");  // the BOM wins over the HTTP header
  CHECK(b.charset == "utf-16be");
  CHECK(b.text == "<b>\xC3\xA9\xE2\x82\xAC</b>");
  CHECK(l.warnings.empty());
  CHECK(b.warnings.empty());
}

TEST_CASE("the HTTP charset wins over a <meta charset> in the page", "[html][charset]") {
  // The bytes are KOI8-R; the page wrongly claims Latin-1.
  const std::string page = "<META CHARSET=\"ISO-8859-1\"><p>\xF0\xD2\xC9\xD7\xC5\xD4</p>";
  DecodedHtml d = decode_html(page, "KOI8-R");
  CHECK(d.charset == "koi8-r");
  // "Привет" in UTF-8.
  CHECK(d.text == "<META CHARSET=\"ISO-8859-1\"><p>\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82</p>");
  CHECK(d.warnings.empty());
}

TEST_CASE("a <meta charset> is honoured whatever its quoting, case and spacing", "[html][charset]") {
  const std::string body = "<p>\xF0\xD2\xC9\xD7\xC5\xD4</p>";
  const std::string privet = "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82";
  for (const char* meta : {"<meta charset=\"koi8-r\">", "<meta charset='KOI8-R'>", "<meta charset=koi8-r>",
                           "<Meta Charset = \"koi8-r\" />", "<meta\ncharset=\"koi8-r\">"}) {
    INFO(meta);
    DecodedHtml d = decode_html(std::string("<head>") + meta + "</head>" + body);
    CHECK(d.charset == "koi8-r");
    CHECK(d.text.find(privet) != std::string::npos);
  }
}

TEST_CASE("a <meta http-equiv=Content-Type> gives the charset of its content", "[html][charset]") {
  const std::string page =
      "<html><head><META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=windows-1252\">"
      "</head><body><p>\x93Quoted\x94 \x96 \x80\x35</p></body></html>";
  DecodedHtml d = decode_html(page);
  CHECK(d.charset == "windows-1252");
  CHECK(d.text.find("<p>\xE2\x80\x9CQuoted\xE2\x80\x9D \xE2\x80\x93 \xE2\x82\xAC"
                    "5</p>") != std::string::npos);
  CHECK(d.warnings.empty());
}

TEST_CASE("Latin-1 labels are read as Windows-1252, as browsers do", "[html][charset]") {
  // 0x93/0x94 are C1 controls in ISO-8859-1 but quotes in Windows-1252.
  for (const char* label : {"ISO-8859-1", "latin1", "us-ascii", "cp1252", "iso8859-1"}) {
    INFO(label);
    DecodedHtml d = decode_html("caf\xE9 \x93hi\x94", label);
    CHECK(d.charset == "windows-1252");
    CHECK(d.text == "caf\xC3\xA9 \xE2\x80\x9Chi\xE2\x80\x9D");
    CHECK(d.warnings.empty());
  }
}

TEST_CASE("a <meta> after the first 4 kB is not seen", "[html][charset]") {
  const std::string tail = "<meta charset=\"koi8-r\"><p>\xE9</p>";
  DecodedHtml early = decode_html(tail);
  CHECK(early.charset == "koi8-r");
  CHECK(early.text.find("<p>\xD0\x98</p>") != std::string::npos);  // KOI8-R 0xE9 is И
  DecodedHtml late = decode_html("<!--" + std::string(4100, ' ') + "-->" + tail);
  // Undeclared and not UTF-8: Windows-1252, where 0xE9 is é.
  CHECK(late.charset == "windows-1252");
  CHECK(late.text.find("<p>\xC3\xA9</p>") != std::string::npos);
  CHECK_THAT(all_warnings(late), Catch::Contains("no charset declared"));
}

TEST_CASE("a page declared UTF-8 whose bytes are not is read as Windows-1252, with a warning", "[html][charset]") {
  SECTION("declared in a meta tag") {
    DecodedHtml d = decode_html("<meta charset=\"utf-8\"><p>Caf\xE9 \x93open\x94</p>");
    CHECK(d.charset == "windows-1252");
    CHECK(d.text == "<meta charset=\"utf-8\"><p>Caf\xC3\xA9 \xE2\x80\x9Copen\xE2\x80\x9D</p>");
    CHECK_THAT(all_warnings(d), Catch::Contains("declared UTF-8 but is not"));
  }
  SECTION("declared by HTTP as utf8") {
    DecodedHtml d = decode_html("<p>na\xEFve</p>", "utf8");
    CHECK(d.charset == "windows-1252");
    CHECK(d.text == "<p>na\xC3\xAFve</p>");
    CHECK_THAT(all_warnings(d), Catch::Contains("declared UTF-8 but is not"));
  }
  SECTION("not declared at all") {
    DecodedHtml d = decode_html("<p>na\xEFve</p>");
    CHECK(d.charset == "windows-1252");
    CHECK(d.text == "<p>na\xC3\xAFve</p>");
    REQUIRE(d.warnings.size() == 1);
    CHECK_THAT(d.warnings[0], Catch::Contains("no charset declared"));
  }
}

TEST_CASE("a page declared Latin-1 whose bytes are multi-byte UTF-8 is read as UTF-8, with a warning",
          "[html][charset]") {
  DecodedHtml d = decode_html(
      "<meta http-equiv=content-type content='text/html;charset=ISO-8859-1'>"
      "<p>Ren\xC3\xA9"
      "e</p>");
  CHECK(d.charset == "utf-8");
  CHECK(d.text.find("<p>Ren\xC3\xA9"
                    "e</p>") != std::string::npos);
  CHECK_THAT(all_warnings(d), Catch::Contains("but is UTF-8"));
  // Pure ASCII is both: no contradiction, no warning.
  DecodedHtml ascii = decode_html("<p>plain</p>", "iso-8859-1");
  CHECK(ascii.charset == "windows-1252");
  CHECK(ascii.text == "<p>plain</p>");
  CHECK(ascii.warnings.empty());
}

TEST_CASE("a charset iconv does not know falls back to what the bytes are, with a warning", "[html][charset]") {
  DecodedHtml utf8 = decode_html("<p>caf\xC3\xA9</p>", "x-no-such-charset");
  CHECK(utf8.charset == "utf-8");
  CHECK(utf8.text == "<p>caf\xC3\xA9</p>");
  CHECK_THAT(all_warnings(utf8), Catch::Contains("cannot decode as declared charset 'x-no-such-charset'"));
  DecodedHtml latin = decode_html("<meta charset=\"x-no-such-charset\"><p>caf\xE9</p>");
  CHECK(latin.charset == "windows-1252");
  CHECK(latin.text.find("<p>caf\xC3\xA9</p>") != std::string::npos);
  CHECK_THAT(all_warnings(latin), Catch::Contains("read as windows-1252"));
}

TEST_CASE("bytes invalid in the declared multi-byte charset fall back, and the text is valid UTF-8",
          "[html][charset]") {
  // 0xFF is never a Shift_JIS lead byte.
  DecodedHtml d = decode_html("<p>ab\xFF\xFF</p>", "shift_jis");
  CHECK(d.charset == "windows-1252");
  CHECK(d.text == "<p>ab\xC3\xBF\xC3\xBF</p>");
  CHECK(byline::page_text::is_valid_utf8(d.text));
  CHECK_THAT(all_warnings(d), Catch::Contains("cannot decode as declared charset 'shift_jis'"));
}

TEST_CASE("the charset of a Content-Type value is found, lowercased and given its canonical name", "[html][charset]") {
  CHECK(charset_of_content_type("text/html; charset=UTF-8") == "utf-8");
  CHECK(charset_of_content_type("text/html;charset=\"utf8\"") == "utf-8");
  CHECK(charset_of_content_type("text/html; charset=ISO-8859-1") == "windows-1252");
  CHECK(charset_of_content_type("Text/HTML; Charset='Shift_JIS'; foo=bar") == "shift_jis");
  CHECK(charset_of_content_type("text/html; charset=koi8-r ; q=1") == "koi8-r");
  CHECK(charset_of_content_type("text/html") == "");
  CHECK(charset_of_content_type("") == "");
}
