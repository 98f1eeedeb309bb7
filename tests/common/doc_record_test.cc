#include <catch2/catch.hpp>

#include "byline/error.h"
#include "doc_record.h"

using namespace byline;

TEST_CASE("a document record survives encoding", "[record]") {
  DocRecord in;
  in.is_comment = true;
  in.page_id = "0123456789abcdef";
  in.title = "Boston bombing looms large";
  in.author = "Yury";
  in.date = "2013-04-23T05:37";
  in.source = "/tmp/x.txt";
  in.comment_index = 5;
  in.comment_parent = 4;
  in.text = std::string(300, 'x') + "\n\nsecond";
  DocRecord out = decode_doc_record(encode_doc_record(in));
  CHECK(out.is_comment);
  CHECK(out.page_id == in.page_id);
  CHECK(out.title == in.title);
  CHECK(out.author == in.author);
  CHECK(out.date == in.date);
  CHECK(out.source == in.source);
  CHECK(out.comment_index == 5);
  CHECK(out.comment_parent == 4);
  CHECK(out.text == in.text);
  CHECK(doc_record_id(out) == "0123456789abcdef.5");
}

TEST_CASE("an article record keeps tags and absent fields", "[record]") {
  DocRecord in;
  in.page_id = "00000000000000ff";
  in.tags = {"Kerry", "Putin", "Russia"};
  DocRecord out = decode_doc_record(encode_doc_record(in));
  CHECK_FALSE(out.is_comment);
  CHECK(out.tags == in.tags);
  CHECK_FALSE(out.author.has_value());
  CHECK_FALSE(out.date.has_value());
  CHECK_FALSE(out.comment_parent.has_value());
  CHECK(doc_record_id(out) == "00000000000000ff");
}

TEST_CASE("a truncated record is reported, not read past its end", "[record]") {
  DocRecord in;
  in.text = "some text";
  std::string bytes = encode_doc_record(in);
  for (std::size_t cut = 0; cut + 1 < bytes.size(); ++cut)
    CHECK_THROWS_AS(decode_doc_record(std::string_view(bytes).substr(0, cut)), IndexUnusable);
}
