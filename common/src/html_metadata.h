// What a page says about itself in machine-readable form: schema.org JSON-LD
// (<script type="application/ld+json">), schema.org microdata (itemscope /
// itemprop) and RDFa Lite (typeof / property), and OpenGraph and other <meta>
// tags. Each source fills its own ArticleFields; html_page.cc takes each field
// from the most trusted source that has it.
#ifndef BYLINE_HTML_METADATA_H
#define BYLINE_HTML_METADATA_H

#include <optional>
#include <string>
#include <vector>

#include "byline/page.h"
#include "html_dom.h"

namespace byline::html {

struct ArticleFields {
  std::optional<std::string> title;
  std::optional<std::string> date;
  std::optional<std::string> author;
  std::vector<std::string> tags;
  std::optional<std::string> text;  // paragraphs joined by "\n\n"
  bool says_article = false;        // typed as an article (schema.org type, og:type=article)
  bool says_not_article = false;    // typed as something else (og:type=website, a WebPage/CollectionPage only)
};

struct Metadata {
  ArticleFields json_ld;
  ArticleFields microdata;                   // microdata and RDFa Lite
  ArticleFields meta;                        // OpenGraph, article:*, <meta name=...>, <title>
  std::optional<std::string> title_element;  // <title>, often with the site's name: the last resort
  // Comments given in JSON-LD (the article's "comment", nested for replies),
  // with index and parent set.
  std::vector<Comment> json_ld_comments;
};

Metadata read_metadata(const Document& doc);

// True for schema.org types that are articles (NewsArticle, BlogPosting, ...).
bool is_article_type(std::string_view type);

// Joins several author names as the text layout does ("A and B", "A, B and C").
std::string join_names(const std::vector<std::string>& names);

}  // namespace byline::html

#endif  // BYLINE_HTML_METADATA_H
