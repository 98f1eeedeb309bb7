#include "html_dom.h"

#include <cctype>
#include <cstring>

namespace byline::html {

Document::Document(std::string_view utf8) : text_(utf8) {
  GumboOptions options = kGumboDefaultOptions;
  // Hostile markup nests without end; gumbo's own limit on errors kept small
  // (each error costs memory and they are never read).
  options.max_errors = 0;
  output_ = gumbo_parse_with_options(&options, text_.data(), text_.size());
}

Document::~Document() { gumbo_destroy_output(&kGumboDefaultOptions, output_); }

bool is_element(const Node* node) { return node != nullptr && node->type == GUMBO_NODE_ELEMENT; }

GumboTag tag_of(const Node* node) { return is_element(node) ? node->v.element.tag : GUMBO_TAG_UNKNOWN; }

std::string tag_name(const Node* node) {
  if (!is_element(node)) return "";
  if (node->v.element.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(node->v.element.tag);
  GumboStringPiece piece = node->v.element.original_tag;
  gumbo_tag_from_original_text(&piece);
  std::string name(piece.data, piece.length);
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return name;
}

std::string_view attr(const Node* node, const char* name) {
  if (!is_element(node)) return {};
  const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
  return a != nullptr ? std::string_view(a->value) : std::string_view();
}

bool has_attr(const Node* node, const char* name) {
  return is_element(node) && gumbo_get_attribute(&node->v.element.attributes, name) != nullptr;
}

bool has_class(const Node* node, std::string_view token) {
  std::string_view classes = attr(node, "class");
  std::size_t i = 0;
  while (i < classes.size()) {
    while (i < classes.size() && std::isspace(static_cast<unsigned char>(classes[i]))) ++i;
    std::size_t start = i;
    while (i < classes.size() && !std::isspace(static_cast<unsigned char>(classes[i]))) ++i;
    if (classes.substr(start, i - start) == token) return true;
  }
  return false;
}

namespace {
bool contains_nocase(std::string_view haystack, std::string_view needle) {
  if (needle.empty() || haystack.size() < needle.size()) return false;
  for (std::size_t i = 0; i + needle.size() <= haystack.size(); ++i) {
    std::size_t j = 0;
    while (j < needle.size() && std::tolower(static_cast<unsigned char>(haystack[i + j])) == needle[j]) ++j;
    if (j == needle.size()) return true;
  }
  return false;
}
}  // namespace

bool class_or_id_contains(const Node* node, std::string_view part) {
  return contains_nocase(attr(node, "class"), part) || contains_nocase(attr(node, "id"), part);
}

std::vector<const Node*> children(const Node* node) {
  std::vector<const Node*> out;
  if (!is_element(node)) return out;
  const GumboVector& kids = node->v.element.children;
  for (unsigned i = 0; i < kids.length; ++i) out.push_back(static_cast<const Node*>(kids.data[i]));
  return out;
}

void walk(const Node* node, const std::function<bool(const Node*)>& visit) {
  // An explicit stack: hostile pages nest elements tens of thousands deep.
  std::vector<const Node*> stack{node};
  while (!stack.empty()) {
    const Node* current = stack.back();
    stack.pop_back();
    if (!is_element(current)) continue;
    if (!visit(current)) continue;
    const GumboVector& kids = current->v.element.children;
    for (unsigned i = kids.length; i-- > 0;) stack.push_back(static_cast<const Node*>(kids.data[i]));
  }
}

std::vector<const Node*> find_all(const Node* node, const std::function<bool(const Node*)>& match) {
  std::vector<const Node*> out;
  walk(node, [&](const Node* n) {
    if (match(n)) out.push_back(n);
    return true;
  });
  return out;
}

const Node* find_first(const Node* node, const std::function<bool(const Node*)>& match) {
  const Node* found = nullptr;
  walk(node, [&](const Node* n) {
    if (found != nullptr) return false;
    if (match(n)) {
      found = n;
      return false;
    }
    return true;
  });
  return found;
}

std::string collapse_space(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    bool is_space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    // U+00A0 no-break space, common in pages: a space too.
    if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) {
      is_space = true;
      ++i;
    }
    if (is_space) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += static_cast<char>(c);
  }
  return out;
}

namespace {
bool is_hidden_content(GumboTag tag) {
  return tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_TEMPLATE || tag == GUMBO_TAG_NOSCRIPT;
}

bool is_inline(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_A:
    case GUMBO_TAG_ABBR:
    case GUMBO_TAG_B:
    case GUMBO_TAG_BDI:
    case GUMBO_TAG_BDO:
    case GUMBO_TAG_CITE:
    case GUMBO_TAG_CODE:
    case GUMBO_TAG_DATA:
    case GUMBO_TAG_DFN:
    case GUMBO_TAG_EM:
    case GUMBO_TAG_I:
    case GUMBO_TAG_KBD:
    case GUMBO_TAG_MARK:
    case GUMBO_TAG_Q:
    case GUMBO_TAG_S:
    case GUMBO_TAG_SAMP:
    case GUMBO_TAG_SMALL:
    case GUMBO_TAG_SPAN:
    case GUMBO_TAG_STRONG:
    case GUMBO_TAG_SUB:
    case GUMBO_TAG_SUP:
    case GUMBO_TAG_TIME:
    case GUMBO_TAG_U:
    case GUMBO_TAG_VAR:
    case GUMBO_TAG_FONT:
    case GUMBO_TAG_INS:
    case GUMBO_TAG_DEL:
    case GUMBO_TAG_UNKNOWN:
      return true;
    default:
      return false;
  }
}

void append_text(const Node* node, std::string& out) {
  std::vector<const Node*> stack{node};
  while (!stack.empty()) {
    const Node* current = stack.back();
    stack.pop_back();
    if (current == nullptr) {  // the end of a block
      out += ' ';
      continue;
    }
    switch (current->type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_CDATA:
      case GUMBO_NODE_WHITESPACE:
        out += current->v.text.text;
        break;
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE: {
        GumboTag tag = current->v.element.tag;
        if (is_hidden_content(tag)) break;
        // A line break, a block's start and a block's end separate words
        // ("<p>a</p><p>b</p>", "<div><p>end</p>next</div>").
        bool block = tag == GUMBO_TAG_BR || !is_inline(tag);
        if (block) {
          out += ' ';
          stack.push_back(nullptr);  // popped after the children: the block's end
        }
        const GumboVector& kids = current->v.element.children;
        for (unsigned i = kids.length; i-- > 0;) stack.push_back(static_cast<const Node*>(kids.data[i]));
        break;
      }
      default:
        break;
    }
  }
}
}  // namespace

std::string text_of(const Node* node) {
  if (node == nullptr) return "";
  std::string raw;
  append_text(node, raw);
  return collapse_space(raw);
}

}  // namespace byline::html
