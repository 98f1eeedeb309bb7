// libFuzzer target: byline::parse_html must be total (never throw, never
// crash, never read out of bounds) on any bytes, whatever markup, charset
// declaration or JSON-LD they hold, and what it returns must keep the
// invariants of a parsed page and be printable as JSON.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "byline/page.h"
#include "byline/page_json.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  byline::ParseResult result = byline::parse_html(bytes);  // documented: never throws
  int previous = 0;
  for (const byline::Comment& c : result.page.comments) {
    if (c.index != previous + 1) std::abort();                              // indexes count 1, 2, 3...
    if (c.parent && (*c.parent < 1 || *c.parent >= c.index)) std::abort();  // answers an earlier comment
    previous = c.index;
  }
  std::string json = byline::page_to_json(result.page, "fuzz");
  if (json.empty()) std::abort();
  return 0;
}
