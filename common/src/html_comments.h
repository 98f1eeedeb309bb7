// Readers' comments rendered into the page's markup: schema.org Comment in
// microdata / RDFa (itemprop="comment", itemtype .../Comment), and the
// markup of blog and news engines: WordPress (ol.commentlist > li.comment,
// cite.fn / .comment-author, time / .comment-meta, .comment-content, replies
// in ul.children), Drupal (article.comment, .comment__content, replies in
// div.indented after their parent), and the generic forms they share
// (an element with class "comment" or id "comment-N", author / date / text
// parts named by their classes, replies nested inside or in a
// "children" / "replies" list).
#ifndef BYLINE_HTML_COMMENTS_H
#define BYLINE_HTML_COMMENTS_H

#include <vector>

#include "byline/page.h"
#include "html_dom.h"

namespace byline::html {

struct MarkupComments {
  std::vector<Comment> comments;      // in page order, index and parent set
  std::vector<const Node*> elements;  // the comment elements and their containers, to keep out of the body
};

MarkupComments read_markup_comments(const Node* root);

}  // namespace byline::html

#endif  // BYLINE_HTML_COMMENTS_H
