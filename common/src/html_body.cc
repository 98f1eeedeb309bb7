#include "html_body.h"

#include <map>
#include <vector>

namespace byline::html {
namespace {

bool is_block(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_CENTER:
      return true;
    default:
      return false;
  }
}

// Class or id words of blocks that are not the article's text.
constexpr std::string_view kBoilerplateWords[] = {
    "share",           "social",    "related",       "newsletter", "subscribe",  "promo",   "advert",   "sponsor",
    "breadcrumb",      "sidebar",   "footer",        "masthead",   "navbar",     "menu",    "cookie",   "popup",
    "modal",           "byline",    "dateline",      "post-meta",  "entry-meta", "tags",    "caption",  "signup",
    "comment-respond", "skip-link", "screen-reader", "outbrain",   "taboola",    "paywall", "recommend"};

}  // namespace

bool is_boilerplate(const Node* node) {
  switch (tag_of(node)) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_HEAD:
      return true;
    default:
      break;
  }
  if (has_attr(node, "hidden") || attr(node, "aria-hidden") == "true") return true;
  std::string_view role = attr(node, "role");
  if (role == "navigation" || role == "banner" || role == "contentinfo" || role == "complementary") return true;
  if (has_attr(node, "class") || has_attr(node, "id")) {
    for (std::string_view word : kBoilerplateWords)
      if (class_or_id_contains(node, word)) return true;
    if (has_class(node, "ad") || has_class(node, "ads") || has_class(node, "advertisement")) return true;
  }
  return false;
}

std::string paragraphs_of(const Node* root, const std::function<bool(const Node*)>& skip) {
  std::vector<std::string> paragraphs;
  std::string current;
  auto flush = [&] {
    std::string p = collapse_space(current);
    if (!p.empty()) paragraphs.push_back(std::move(p));
    current.clear();
  };
  // Iterative: a hostile page nests blocks deeper than any stack.
  struct Item {
    const Node* node;
    bool leaving;
  };
  std::vector<Item> stack{{root, false}};
  while (!stack.empty()) {
    Item item = stack.back();
    stack.pop_back();
    const Node* n = item.node;
    if (item.leaving) {
      flush();
      continue;
    }
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA || n->type == GUMBO_NODE_WHITESPACE) {
      current += n->v.text.text;
      continue;
    }
    if (n->type != GUMBO_NODE_ELEMENT) continue;
    if (n != root && (is_boilerplate(n) || (skip && skip(n)))) continue;
    GumboTag tag = n->v.element.tag;
    if (tag == GUMBO_TAG_BR) {
      // Two line breaks in a row (white space between them aside: "<br>\n<br>")
      // separate paragraphs; one is a space.
      std::size_t last = current.find_last_not_of(" \t\n\r\f\v");
      if (last != std::string::npos && current[last] == '\x01') {
        current.resize(last);
        flush();
      } else {
        current += '\x01';
      }
      continue;
    }
    const bool block = is_block(tag);
    if (block) {
      flush();
      stack.push_back({n, true});
    }
    const GumboVector& kids = n->v.element.children;
    for (unsigned i = kids.length; i-- > 0;) stack.push_back({static_cast<const Node*>(kids.data[i]), false});
  }
  flush();
  std::string out;
  for (std::string& p : paragraphs) {
    for (char& c : p)
      if (c == '\x01') c = ' ';
    p = collapse_space(p);
    if (p.empty()) continue;
    if (!out.empty()) out += "\n\n";
    out += p;
  }
  return out;
}

std::string article_body(const Node* scope, const std::function<bool(const Node*)>& skip) {
  // Readability's rule: every paragraph of 25 or more characters scores its
  // length for its parent and half of it for its grandparent; the best
  // scored block is the body.
  std::map<const Node*, double> score;
  std::map<const Node*, const Node*> parent_of;
  walk(scope, [&](const Node* n) {
    if (n != scope && (is_boilerplate(n) || (skip && skip(n)))) return false;
    for (const Node* child : children(n)) parent_of[child] = n;
    if (tag_of(n) == GUMBO_TAG_P || tag_of(n) == GUMBO_TAG_PRE || tag_of(n) == GUMBO_TAG_BLOCKQUOTE) {
      const double length = static_cast<double>(text_of(n).size());
      if (length >= 25) {
        auto up = parent_of.find(n);
        if (up != parent_of.end()) {
          score[up->second] += length;
          auto up2 = parent_of.find(up->second);
          if (up2 != parent_of.end()) score[up2->second] += length / 2;
        }
      }
      return false;
    }
    return true;
  });
  const Node* best = nullptr;
  double best_score = 0;
  for (const auto& [node, s] : score)
    if (s > best_score) {
      best = node;
      best_score = s;
    }
  if (best == nullptr) return paragraphs_of(scope, skip);
  return paragraphs_of(best, skip);
}

}  // namespace byline::html
