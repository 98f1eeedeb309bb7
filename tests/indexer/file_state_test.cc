#include "file_state.h"

#include <catch2/catch.hpp>

#include "input_walk.h"

TEST_CASE("file state round-trips, paths with spaces included", "[indexer]") {
  byline::FileState state;
  state.size = 1234;
  state.mtime_ns = 1700000000123456789;
  state.content_hash = "0123456789abcdef";
  state.documents = 11;
  state.path = "/data/my pages/a b.txt";
  auto decoded = byline::decode_file_state(byline::encode_file_state(state));
  REQUIRE(decoded);
  CHECK(decoded->size == 1234);
  CHECK(decoded->mtime_ns == 1700000000123456789);
  CHECK(decoded->content_hash == "0123456789abcdef");
  CHECK(decoded->documents == 11);
  CHECK(decoded->path == "/data/my pages/a b.txt");
  CHECK_FALSE(byline::decode_file_state(""));
  CHECK_FALSE(byline::decode_file_state("2 1 2 0123456789abcdef 3 /x"));
  CHECK_FALSE(byline::decode_file_state("1 x 2 0123456789abcdef 3 /x"));
}

TEST_CASE("paths are absolute and lexically normalised", "[indexer]") {
  CHECK(byline::normalise_path("/a/b/../c/") == "/a/c");
  CHECK(byline::normalise_path("/a/./b//c") == "/a/b/c");
  CHECK(byline::normalise_path("x.txt")[0] == '/');
  CHECK(byline::path_is_under("/a/b/c.txt", "/a/b"));
  CHECK(byline::path_is_under("/a/b", "/a/b"));
  CHECK_FALSE(byline::path_is_under("/a/bc/d.txt", "/a/b"));
  CHECK(byline::path_is_under("/a", "/"));
}
