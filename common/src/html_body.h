// The article's body text from the markup: the largest coherent block of
// paragraphs (a readability-style density rule) inside itemprop=articleBody,
// <article> or <main>, without navigation, scripts, styles, share buttons,
// ads, comments and footers, with its paragraph breaks.
#ifndef BYLINE_HTML_BODY_H
#define BYLINE_HTML_BODY_H

#include <functional>
#include <string>

#include "html_dom.h"

namespace byline::html {

// True for elements that are never article text (nav, aside, footer, form,
// script, style, share / related / ad / newsletter blocks, ...).
bool is_boilerplate(const Node* node);

// The text of the block elements under `root` (p, headings, list items,
// blockquotes, pre, and bare text), one paragraph per block, joined by
// "\n\n"; subtrees for which `skip` holds are left out, as is boilerplate.
std::string paragraphs_of(const Node* root, const std::function<bool(const Node*)>& skip);

// The body of the article under `scope` (the document's root, an
// <article>, ...). `skip` marks subtrees to leave out (the comments).
std::string article_body(const Node* scope, const std::function<bool(const Node*)>& skip);

}  // namespace byline::html

#endif  // BYLINE_HTML_BODY_H
