// Sizes for people, in one unit everywhere (`stats`, `compact`, `index`):
// binary multiples written KiB, MiB, GiB (1 MiB = 1,048,576 bytes).
#ifndef BYLINE_CLI_SIZE_TEXT_H
#define BYLINE_CLI_SIZE_TEXT_H

#include <cstdint>
#include <string>

namespace byline::cli {

// "512 bytes", "3.2 KiB", "1.5 MiB", "2.0 GiB".
std::string size_text(std::uint64_t bytes);

}  // namespace byline::cli

#endif  // BYLINE_CLI_SIZE_TEXT_H
