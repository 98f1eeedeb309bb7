// A parsed HTML document (gumbo's HTML5 tree) and the few questions the HTML
// page reader asks of its elements: attributes, class tokens, text.
#ifndef BYLINE_HTML_DOM_H
#define BYLINE_HTML_DOM_H

#include <gumbo.h>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace byline::html {

using Node = GumboNode;

// Owns gumbo's tree of one UTF-8 document.
class Document {
 public:
  explicit Document(std::string_view utf8);
  ~Document();
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;
  const Node* root() const { return output_->root; }

 private:
  std::string text_;  // gumbo points into it
  GumboOutput* output_;
};

bool is_element(const Node* node);
GumboTag tag_of(const Node* node);
// The lowercase tag name, also for elements gumbo does not know.
std::string tag_name(const Node* node);

// The attribute's value, "" when absent.
std::string_view attr(const Node* node, const char* name);
bool has_attr(const Node* node, const char* name);
// True when the whitespace-separated class attribute holds `token` exactly.
bool has_class(const Node* node, std::string_view token);
// True when the class or id attribute contains `part` (any case).
bool class_or_id_contains(const Node* node, std::string_view part);

std::vector<const Node*> children(const Node* node);

// Depth-first, document order. `visit` returns false to skip the element's
// subtree. Elements only.
void walk(const Node* node, const std::function<bool(const Node*)>& visit);

// Every element under `node` (itself included) for which `match` holds.
std::vector<const Node*> find_all(const Node* node, const std::function<bool(const Node*)>& match);
// The first such element in document order, or nullptr.
const Node* find_first(const Node* node, const std::function<bool(const Node*)>& match);

// The text of a subtree, whitespace runs collapsed to one space and trimmed;
// script, style, template and noscript contents are left out. <br> counts as
// a space.
std::string text_of(const Node* node);

// Collapses whitespace runs to one space and trims.
std::string collapse_space(std::string_view text);

}  // namespace byline::html

#endif  // BYLINE_HTML_DOM_H
