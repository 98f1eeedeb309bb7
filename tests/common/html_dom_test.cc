// html_dom: gumbo's HTML5 tree of a document and the questions the page
// reader asks of its elements (tag, attributes, class tokens, children,
// traversal, text).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "html_dom.h"

using namespace byline::html;

namespace {

const Node* by_id(const Document& doc, std::string_view id) {
  return find_first(doc.root(), [&](const Node* n) { return attr(n, "id") == id; });
}

std::vector<std::string> tags_of(const std::vector<const Node*>& nodes) {
  std::vector<std::string> out;
  for (const Node* n : nodes) out.push_back(tag_name(n));
  return out;
}

using Names = std::vector<std::string>;

}  // namespace

TEST_CASE("a document is parsed as HTML5: implied html, head and body, unclosed paragraphs closed", "[html][dom]") {
  Document doc("<title>T</title><P ID=one>first<p id=two>second<div id=three>third</div>");
  const Node* root = doc.root();
  CHECK(tag_of(root) == GUMBO_TAG_HTML);
  CHECK(tags_of(children(root)) == Names{"head", "body"});
  const Node* body = children(root)[1];
  CHECK(tags_of(children(body)) == Names{"p", "p", "div"});
  CHECK(text_of(by_id(doc, "one")) == "first");
  CHECK(text_of(by_id(doc, "two")) == "second");
}

TEST_CASE("the document keeps its own copy of the text it parsed", "[html][dom]") {
  std::string source = "<p id=x>kept &amp; safe</p>";
  Document doc(source);
  source.assign(source.size(), 'z');
  source.clear();
  source.shrink_to_fit();
  CHECK(text_of(by_id(doc, "x")) == "kept & safe");
}

TEST_CASE("tag names are lowercase, for elements gumbo does not know too", "[html][dom]") {
  Document doc("<BODY><My-Widget id=w>x</My-Widget><SECTION id=s></SECTION>some text</BODY>");
  const Node* w = by_id(doc, "w");
  REQUIRE(w != nullptr);
  CHECK(tag_of(w) == GUMBO_TAG_UNKNOWN);
  CHECK(tag_name(w) == "my-widget");
  CHECK(tag_of(by_id(doc, "s")) == GUMBO_TAG_SECTION);
  CHECK(tag_name(by_id(doc, "s")) == "section");
  // Text nodes and nullptr are no elements.
  const Node* body = children(doc.root())[1];
  const Node* text = children(body).back();
  CHECK_FALSE(is_element(text));
  CHECK(tag_name(text) == "");
  CHECK(tag_of(text) == GUMBO_TAG_UNKNOWN);
  CHECK_FALSE(is_element(nullptr));
  CHECK(tag_name(nullptr) == "");
}

TEST_CASE("attributes are read whatever their quoting, with entities decoded, and absent ones are empty",
          "[html][dom]") {
  Document doc(R"(<a id=plain HREF='/x?a=1&amp;b=2' title="say &quot;hi&quot;" data-empty="" disabled>l</a>)");
  const Node* a = by_id(doc, "plain");
  REQUIRE(a != nullptr);
  CHECK(attr(a, "href") == "/x?a=1&b=2");
  CHECK(attr(a, "title") == "say \"hi\"");
  CHECK(has_attr(a, "data-empty"));
  CHECK(attr(a, "data-empty") == "");
  CHECK(has_attr(a, "disabled"));
  CHECK_FALSE(has_attr(a, "rel"));
  CHECK(attr(a, "rel") == "");
  CHECK_FALSE(has_attr(nullptr, "id"));
  CHECK(attr(nullptr, "id") == "");
}

TEST_CASE("has_class matches whole whitespace-separated class tokens only", "[html][dom]") {
  Document doc("<div id=d class=\"  alpha\tbeta-gamma\n Delta \"></div><div id=none></div>");
  const Node* d = by_id(doc, "d");
  CHECK(has_class(d, "alpha"));
  CHECK(has_class(d, "beta-gamma"));
  CHECK(has_class(d, "Delta"));
  CHECK_FALSE(has_class(d, "beta"));
  CHECK_FALSE(has_class(d, "delta"));
  CHECK_FALSE(has_class(d, "alpha beta-gamma"));
  CHECK_FALSE(has_class(by_id(doc, "none"), "alpha"));
}

TEST_CASE("class_or_id_contains finds a part of the class or id in any case", "[html][dom]") {
  Document doc("<nav id=\"MainNav\" class=\"Site-Header top\"></nav><p id=p>x</p>");
  const Node* nav = by_id(doc, "MainNav");
  CHECK(class_or_id_contains(nav, "nav"));
  CHECK(class_or_id_contains(nav, "mainnav"));
  CHECK(class_or_id_contains(nav, "header"));
  CHECK(class_or_id_contains(nav, "e-h"));
  CHECK_FALSE(class_or_id_contains(nav, "footer"));
  CHECK_FALSE(class_or_id_contains(nav, ""));
  CHECK_FALSE(class_or_id_contains(by_id(doc, "p"), "pp"));
}

TEST_CASE("children gives every child node in order, text included", "[html][dom]") {
  Document doc("<ul id=u>a<li>1</li><!-- c --><li>2</li></ul>");
  std::vector<const Node*> kids = children(by_id(doc, "u"));
  REQUIRE(kids.size() == 4);
  CHECK(kids[0]->type == GUMBO_NODE_TEXT);
  CHECK(tag_name(kids[1]) == "li");
  CHECK(kids[2]->type == GUMBO_NODE_COMMENT);
  CHECK(tag_name(kids[3]) == "li");
  CHECK(children(kids[0]).empty());
}

TEST_CASE("walk visits elements depth-first in document order and skips a subtree when told", "[html][dom]") {
  Document doc("<div id=top><h2>h</h2><ul><li><b>1</b></li><li>2</li></ul><p><i>x</i></p></div>");
  Names seen;
  walk(by_id(doc, "top"), [&](const Node* n) {
    seen.push_back(tag_name(n));
    return tag_of(n) != GUMBO_TAG_UL;
  });
  CHECK(seen == Names{"div", "h2", "ul", "p", "i"});
  Names all;
  walk(by_id(doc, "top"), [&](const Node* n) {
    all.push_back(tag_name(n));
    return true;
  });
  CHECK(all == Names{"div", "h2", "ul", "li", "b", "li", "p", "i"});
}

TEST_CASE("find_all includes the start node and find_first gives the first match in document order", "[html][dom]") {
  Document doc("<section id=s class=k><p class=k id=a><span class=k id=b></span></p><p class=k id=c></p></section>");
  const Node* s = by_id(doc, "s");
  std::vector<const Node*> found = find_all(s, [](const Node* n) { return has_class(n, "k"); });
  Names ids;
  for (const Node* n : found) ids.emplace_back(attr(n, "id"));
  CHECK(ids == Names{"s", "a", "b", "c"});
  const Node* first_p = find_first(s, [](const Node* n) { return tag_of(n) == GUMBO_TAG_P; });
  CHECK(attr(first_p, "id") == "a");
  CHECK(find_first(s, [](const Node* n) { return tag_of(n) == GUMBO_TAG_TABLE; }) == nullptr);
}

TEST_CASE("text_of collapses whitespace, separates blocks and line breaks, and leaves scripts and styles out",
          "[html][dom]") {
  Document doc(
      "<div id=d>\n  <h2>Head</h2><p>one <b>bo</b>ld<br>line<br/>two</p><p>three&nbsp;&amp;&#x20AC;</p>"
      "<script>var x = 1;</script><style>p{}</style><noscript>enable js</noscript>"
      "<template>tpl</template> <span>in</span><em>line</em></div>");
  CHECK(text_of(by_id(doc, "d")) == "Head one bold line two three &\xE2\x82\xAC inline");
  CHECK(text_of(nullptr) == "");
}

TEST_CASE("text_of separates the words after a block from the block's last word", "[html][dom]") {
  Document doc(
      "<div id=a><p>end</p>next</div><div id=b><ul><li>one</li></ul>two<h3>three</h3>four</div>"
      "<div id=c><span>in</span>line<b>word</b></div>");
  CHECK(text_of(by_id(doc, "a")) == "end next");
  CHECK(text_of(by_id(doc, "b")) == "one two three four");
  CHECK(text_of(by_id(doc, "c")) == "inlineword");  // inline elements still join
}

TEST_CASE("collapse_space turns whitespace runs and no-break spaces into one space and trims", "[html][dom]") {
  CHECK(collapse_space("  a \t\n\r\f\v b  ") == "a b");
  CHECK(collapse_space("\xC2\xA0 a\xC2\xA0\xC2\xA0"
                       "b\xC2\xA0") == "a b");
  CHECK(collapse_space("caf\xC3\xA9 \xC2\xAB x \xC2\xBB") == "caf\xC3\xA9 \xC2\xAB x \xC2\xBB");
  CHECK(collapse_space("") == "");
  CHECK(collapse_space(" \n ") == "");
}
