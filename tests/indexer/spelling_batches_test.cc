// Spelling data is handed to Xapian every few batch commits and at the end of
// a run (DocumentBuilder::before_commit): every article word must be there.
#include <catch2/catch.hpp>

#include <xapian.h>

#include <string>

#include "byline/indexer.h"
#include "test_support.h"

using namespace byline;
using namespace byline::test;

namespace {

// n in letters ("bc" for 12): the spelling table keeps words of letters only.
std::string letters(int n) {
  std::string out;
  for (char digit : std::to_string(n)) out.push_back(static_cast<char>('a' + (digit - '0')));
  return out;
}

std::string page_text(int n) {
  const std::string number = std::to_string(n);
  std::string text = "Title number ";
  text.append(number).append("\nFebruary 26th, 1987\n03:01 PM ET\n\nTitle number ").append(number);
  text.append("\n\nBy Ann Writer\n\nThe body mentions wordzz").append(letters(n));
  text.append("alpha and nothing else.\n\nPost by:\nsoundoff (No Responses)\n\nPost a comment\n\n\nFooter.");
  return text;
}

}  // namespace

TEST_CASE("spelling words of every batch reach the index by the end of a run", "[indexer][spelling]") {
  TempDir dir;
  for (int n = 0; n < 30; ++n)
    write_file(dir / "pages" / (std::string("p").append(std::to_string(n)).append(".txt")), page_text(n));
  IndexOptions options;
  options.batch_pages = 1;  // 30 batch commits: more than kSpellingEveryCommits
  options.jobs = 1;
  const std::string db_path = (dir / "index").string();
  {
    Indexer indexer(db_path, options);
    indexer.add_paths({(dir / "pages").string()});
  }
  Xapian::Database db(db_path);
  int found = 0;
  for (auto it = db.spellings_begin(); it != db.spellings_end(); ++it)
    if ((*it).rfind("wordzz", 0) == 0) ++found;
  CHECK(found == 30);
  CHECK(db.get_spelling_suggestion("wordzzhalpah") == "wordzzhalpha");  // page 7
}

TEST_CASE("no spelling data with SpellingSource::None", "[indexer][spelling]") {
  TempDir dir;
  write_file(dir / "pages" / "p.txt", page_text(1));
  IndexOptions options;
  options.spelling = SpellingSource::None;
  options.jobs = 1;
  const std::string db_path = (dir / "index").string();
  {
    Indexer indexer(db_path, options);
    indexer.add_paths({(dir / "pages").string()});
  }
  Xapian::Database db(db_path);
  CHECK(db.spellings_begin() == db.spellings_end());
}
