#include "html_comments.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>

#include "html_body.h"
#include "html_dates.h"
#include "page_author.h"

namespace byline::html {
namespace {

bool id_is_comment_number(std::string_view id) {
  for (std::string_view prefix : {"comment-", "comment_", "li-comment-", "comment"}) {
    if (id.size() <= prefix.size() || id.compare(0, prefix.size(), prefix) != 0) continue;
    std::string_view rest = id.substr(prefix.size());
    if (std::all_of(rest.begin(), rest.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
      return true;
  }
  return false;
}

// Microdata's itemprop or RDFa's property names NAME: either is a list of
// names, and RDFa's may be prefixed ("schema:author") or whole IRIs.
bool has_property(const Node* n, std::string_view name) {
  for (const char* attribute : {"itemprop", "property"}) {
    std::string_view list = attr(n, attribute);
    std::size_t i = 0;
    while (i < list.size()) {
      while (i < list.size() && std::isspace(static_cast<unsigned char>(list[i]))) ++i;
      std::size_t start = i;
      while (i < list.size() && !std::isspace(static_cast<unsigned char>(list[i]))) ++i;
      std::string_view token = list.substr(start, i - start);
      std::size_t cut = token.find_last_of("/#:");
      if (cut != std::string_view::npos) token.remove_prefix(cut + 1);
      if (!token.empty() && token == name) return true;
    }
  }
  return false;
}

bool is_container_tag(GumboTag tag) {
  return tag == GUMBO_TAG_OL || tag == GUMBO_TAG_UL || tag == GUMBO_TAG_FORM || tag == GUMBO_TAG_TEXTAREA ||
         tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_A || tag == GUMBO_TAG_SPAN;
}

// One comment (with its replies, when they nest inside it).
bool is_comment_element(const Node* n) {
  if (!is_element(n) || is_container_tag(tag_of(n))) return false;
  std::string_view type = has_attr(n, "itemtype") ? attr(n, "itemtype") : attr(n, "typeof");
  if (!type.empty()) {
    std::size_t slash = type.find_last_of("/#:");
    std::string_view last = slash == std::string_view::npos ? type : type.substr(slash + 1);
    if (last == "Comment" || last == "UserComments") return true;
  }
  if (has_property(n, "comment") && (has_attr(n, "itemscope") || has_attr(n, "typeof"))) return true;
  for (std::string_view token : {"comment", "comment-item", "c-comment", "comment__item", "commentItem",
                                 "comment-thread-item", "js-comment", "user-comment", "reader-comment"})
    if (has_class(n, token)) return true;
  return id_is_comment_number(attr(n, "id"));
}

// A list of replies to the comment it follows or sits in.
bool is_replies_container(const Node* n) {
  return has_class(n, "children") || has_class(n, "indented") || has_class(n, "replies") ||
         has_class(n, "comment-replies") || has_class(n, "child-comments") || has_class(n, "comment-children");
}

bool is_author_part(const Node* n) {
  if (has_property(n, "author") || has_property(n, "creator")) return true;
  for (std::string_view token : {"fn", "comment-author", "comment__author", "comment-author-name", "author",
                                 "author-name", "username", "user-name", "commenter", "comment-user", "nickname"})
    if (has_class(n, token)) return true;
  return tag_of(n) == GUMBO_TAG_CITE;
}

bool is_text_part(const Node* n) {
  if (has_property(n, "text") || has_property(n, "commentText")) return true;
  for (std::string_view token :
       {"comment-content", "comment-text", "comment__content", "comment__body", "field--name-comment-body",
        "comment_text", "comment-body-text", "comment-message", "comment-entry"})
    if (has_class(n, token)) return true;
  return false;
}

bool is_meta_part(const Node* n) {
  return has_class(n, "comment-meta") || has_class(n, "comment-metadata") || has_class(n, "commentmetadata") ||
         has_class(n, "comment-date") || has_class(n, "comment__time") || has_class(n, "submitted") ||
         has_class(n, "comment-time") || has_class(n, "date") || has_class(n, "timestamp");
}

bool is_reply_link(const Node* n) {
  return has_class(n, "reply") || has_class(n, "comment-reply-link") || has_class(n, "comment-actions") ||
         has_class(n, "comment-links") || has_class(n, "links") || is_boilerplate(n);
}

// Searches the comment's own part of the tree: not its replies.
const Node* find_own(const Node* comment, const std::function<bool(const Node*)>& match) {
  const Node* found = nullptr;
  walk(comment, [&](const Node* n) {
    if (found != nullptr) return false;
    if (n != comment && (is_comment_element(n) || is_replies_container(n))) return false;
    if (n != comment && match(n)) {
      found = n;
      return false;
    }
    return true;
  });
  return found;
}

std::string author_name(const Node* part) {
  if (part == nullptr) return "";
  // WordPress: <div class="comment-author"><img> <cite class="fn">Name</cite> <span class="says">says:</span>
  if (const Node* fn =
          find_first(part, [&](const Node* n) { return n != part && (has_class(n, "fn") || has_property(n, "name")); }))
    part = fn;
  std::string name;
  // The words in document order ("<b>Ann</b> Lee" is "Ann Lee"), without
  // hidden screen-reader words, "says:" or the comment's time.
  std::vector<const Node*> stack{part};
  while (!stack.empty()) {
    const Node* n = stack.back();
    stack.pop_back();
    if (n->type == GUMBO_NODE_TEXT) {
      name += std::string(n->v.text.text) + " ";
      continue;
    }
    if (!is_element(n) || has_class(n, "says") || has_class(n, "screen-reader-text") || tag_of(n) == GUMBO_TAG_TIME)
      continue;
    std::vector<const Node*> kids = children(n);
    for (auto k = kids.rbegin(); k != kids.rend(); ++k) stack.push_back(*k);
  }
  name = collapse_space(name);
  for (std::string_view suffix : {" says:", " says", " wrote:", " said:"})
    if (name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
      name.resize(name.size() - suffix.size());
  if (name.size() > 3 && (name.rfind("By ", 0) == 0 || name.rfind("by ", 0) == 0)) name = name.substr(3);
  return name;
}

std::optional<std::string> comment_date(const Node* comment) {
  if (const Node* time = find_own(comment, [](const Node* n) { return tag_of(n) == GUMBO_TAG_TIME; })) {
    if (has_attr(time, "datetime"))
      if (auto d = any_date(attr(time, "datetime"))) return d;
    if (auto d = any_date(text_of(time))) return d;
  }
  if (const Node* prop = find_own(comment, [](const Node* n) {
        return has_property(n, "dateCreated") || has_property(n, "datePublished") || has_property(n, "commentTime");
      })) {
    std::string value = has_attr(prop, "content") ? std::string(attr(prop, "content")) : text_of(prop);
    if (auto d = any_date(value)) return d;
  }
  if (const Node* meta = find_own(comment, is_meta_part)) {
    if (auto d = any_date(text_of(meta))) return d;
    if (const Node* titled = find_first(meta, [](const Node* n) { return has_attr(n, "title"); }))
      if (auto d = any_date(attr(titled, "title"))) return d;
  }
  return std::nullopt;
}

std::string comment_text(const Node* comment) {
  auto skip = [&](const Node* n) {
    return is_comment_element(n) || is_replies_container(n) || is_author_part(n) || is_meta_part(n) ||
           is_reply_link(n) || tag_of(n) == GUMBO_TAG_TIME;
  };
  if (const Node* text = find_own(comment, is_text_part)) return paragraphs_of(text, skip);
  return paragraphs_of(comment, skip);
}

}  // namespace

MarkupComments read_markup_comments(const Node* root) {
  MarkupComments out;
  // Depth-first in document order, each element with the comment whose
  // subtree it is in (0: none). A reply is a comment inside another's
  // subtree, or inside a replies container: the container belongs to the
  // comment just before it among its siblings (Drupal's div.indented), else
  // to the comment it sits in (WordPress's ul.children).
  struct Frame {
    const Node* node;
    int owner;
  };
  std::vector<Frame> stack{{root, 0}};
  std::map<const Node*, int> last_comment_child;  // element -> last comment among its children
  std::map<const Node*, const Node*> parent_element;
  while (!stack.empty()) {
    Frame frame = stack.back();
    stack.pop_back();
    const Node* n = frame.node;
    if (!is_element(n)) continue;
    if (tag_of(n) == GUMBO_TAG_SCRIPT || tag_of(n) == GUMBO_TAG_STYLE || tag_of(n) == GUMBO_TAG_TEMPLATE ||
        tag_of(n) == GUMBO_TAG_FORM || tag_of(n) == GUMBO_TAG_TEXTAREA)
      continue;
    int owner = frame.owner;
    auto up = parent_element.find(n);
    if (is_replies_container(n)) {
      out.elements.push_back(n);
      if (up != parent_element.end()) {
        auto last = last_comment_child.find(up->second);
        if (last != last_comment_child.end()) owner = last->second;
      }
    } else if (is_comment_element(n)) {
      Comment comment;
      comment.author = author_name(find_own(n, is_author_part));
      comment.text = comment_text(n);
      // A wrapper with nothing of its own (<li class="comment"><article
      // class="comment">...) is not a comment: the one inside is.
      if (!comment.author.empty() || !comment.text.empty()) {
        comment.index = static_cast<int>(out.comments.size()) + 1;
        if (owner != 0) comment.parent = owner;
        comment.date = comment_date(n);
        out.comments.push_back(comment);
        out.elements.push_back(n);
        if (up != parent_element.end()) last_comment_child[up->second] = comment.index;
        owner = comment.index;
      }
    }
    const GumboVector& kids = n->v.element.children;
    for (unsigned i = kids.length; i-- > 0;) {
      const Node* child = static_cast<const Node*>(kids.data[i]);
      parent_element[child] = n;
      stack.push_back({child, owner});
    }
  }
  return out;
}

}  // namespace byline::html
