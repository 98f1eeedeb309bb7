// system_words: a failed system call reads the same in Byline's words
// wherever it is met (the stub, a page, a folder), with what to do where
// there is something to do.
#include <catch2/catch.hpp>

#include <cctype>
#include <cerrno>
#include <cstring>

#include "system_words.h"

using byline::system_words;

TEST_CASE("system_words: out of descriptors says how to raise the limit, for the process and the system",
          "[common][errors]") {
  CHECK(system_words(EMFILE) == "too many open files (raise the limit: ulimit -n)");
  CHECK(system_words(ENFILE) == system_words(EMFILE));
}

TEST_CASE("system_words: common conditions in Byline's words, never the C library's capitalised text",
          "[common][errors]") {
  for (int code : {ENOSPC, EDQUOT, ENOMEM, EACCES, EPERM, EROFS, ENOENT, ENOTDIR, EISDIR, EIO}) {
    const std::string words = system_words(code);
    INFO("errno " << code << ": " << words);
    CHECK_FALSE(words.empty());
    CHECK(words != std::strerror(code));
    CHECK(std::islower(static_cast<unsigned char>(words[0])));
  }
  CHECK(system_words(EACCES) == system_words(EPERM));
}

TEST_CASE("system_words: any other errno is the C library's text starting in lower case", "[common][errors]") {
  const std::string library = std::strerror(EXDEV);
  const std::string words = system_words(EXDEV);
  REQUIRE(words.size() == library.size());
  CHECK(words.substr(1) == library.substr(1));
  CHECK(words[0] == static_cast<char>(std::tolower(static_cast<unsigned char>(library[0]))));
}
