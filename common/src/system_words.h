#pragma once
// What a failed system call means, in Byline's words rather than the C
// library's ("too many open files (raise the limit: ulimit -n)" rather than
// "Too many open files"): every message that names an errno goes through here,
// so the same condition reads the same wherever it is met (reading the stub,
// a page, a folder, writing a file).
#include <string>

namespace byline {

// The words for errno value `code`: the common conditions spelt out with what
// to do, any other one as the C library's text in lower case.
std::string system_words(int code);

}  // namespace byline
