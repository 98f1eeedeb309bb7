// libFuzzer target: the JSON Lines reader. The input is split into lines as
// `byline index` splits a .jsonl file; each line goes through
// byline::page_from_json, which must accept it or throw a byline::Error with
// a one-line reason. An accepted page must survive the round trip through
// page_to_json unchanged, and the documents built from it must be storable
// (every term within Xapian's 245-byte limit), as the indexer would add them.
#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "byline/error.h"
#include "byline/page_json.h"
#include "document_builder.h"
#include "ids.h"

namespace {

constexpr std::size_t kMaxTermBytes = 245;  // glass refuses longer terms

bool same_comment(const byline::Comment& a, const byline::Comment& b) {
  return a.index == b.index && a.parent == b.parent && a.author == b.author && a.date == b.date && a.text == b.text;
}

bool same_page(const byline::Page& a, const byline::Page& b) {
  const byline::Article& x = a.article;
  const byline::Article& y = b.article;
  if (x.title != y.title || x.date != y.date || x.author != y.author || x.tags != y.tags || x.text != y.text)
    return false;
  if (a.comments.size() != b.comments.size()) return false;
  for (std::size_t i = 0; i < a.comments.size(); ++i)
    if (!same_comment(a.comments[i], b.comments[i])) return false;
  return true;
}

void check_line(std::string_view line, byline::DocumentBuilder& builder) {
  byline::JsonPage parsed;
  try {
    parsed = byline::page_from_json(line);
  } catch (const byline::Error& e) {
    if (std::string_view(e.what()).find('\n') != std::string_view::npos) std::abort();  // one line
    return;
  }
  // Strings of parsed JSON are valid UTF-8 (the parser checks), so the round
  // trip is exact.
  const std::string again = byline::page_to_json(parsed.page, parsed.source.value_or(""));
  byline::JsonPage back = byline::page_from_json(again);
  if (!same_page(parsed.page, back.page)) std::abort();
  const std::string source = parsed.source.value_or("fuzz.jsonl#1");
  builder.build_each(parsed.page, source, byline::file_key_for("fuzz.jsonl"), [](byline::BuiltDocument& doc) {
    if (doc.id_term.size() > kMaxTermBytes) std::abort();
    for (auto t = doc.document.termlist_begin(); t != doc.document.termlist_end(); ++t)
      if ((*t).size() > kMaxTermBytes) std::abort();
  });
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static byline::DocumentBuilder builder("english");
  std::string_view rest(reinterpret_cast<const char*>(data), size);
  while (!rest.empty()) {
    const std::size_t end = rest.find('\n');
    std::string_view line = rest.substr(0, end);
    rest.remove_prefix(end == std::string_view::npos ? rest.size() : end + 1);
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    check_line(line, builder);
  }
  return 0;
}
