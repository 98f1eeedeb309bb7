// Pages in the layout of the seed page (see corpus/), written to files for
// end-to-end tests of the real binary: one call per page.
#ifndef BYLINE_TESTS_NEWS_PAGES_H
#define BYLINE_TESTS_NEWS_PAGES_H

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "test_support.h"

namespace byline::test {

struct NewsComment {
  std::string author;
  std::string text;
};

// A page with a title, an author ("" for none), body paragraphs and
// top-level comments, dated April 2013.
inline void write_news_page(const std::filesystem::path& path, const std::string& title, const std::string& author,
                            const std::vector<std::string>& paragraphs, const std::vector<NewsComment>& comments = {}) {
  std::string page = title + "\nApril 22nd, 2013\n10:08 PM ET\n\n" + title + "\n\n";
  if (!author.empty()) page += "By " + author + "\n\n";
  for (const std::string& p : paragraphs) page += p + "\n\n";
  page += "Post by:\nFiled under: News\nsoundoff (" + std::to_string(comments.size()) + " Responses)\n";
  int n = 0;
  for (const NewsComment& c : comments) {
    ++n;
    page += "  " + std::to_string(n) + ". " + c.author + "\n\n    " + c.text + "\n\n    April 23, 2013 at 10:0" +
            std::to_string(n % 10) + " am | Reply\n";
  }
  page += "\nPost a comment\n";
  write_file(path, page);
}

}  // namespace byline::test

#endif  // BYLINE_TESTS_NEWS_PAGES_H
