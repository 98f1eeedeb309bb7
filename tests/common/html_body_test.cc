// html_body: what is never article text (is_boilerplate), the paragraphs of
// a block (paragraphs_of) and the article's body as the densest block of
// long paragraphs (article_body), with navigation, scripts, shares and what
// the caller marks to skip left out and the paragraph breaks kept.
#include <catch2/catch.hpp>

#include <string>

#include "html_body.h"
#include "html_dom.h"

using namespace byline::html;

namespace {

const Node* by_id(const Document& doc, std::string_view id) {
  return find_first(doc.root(), [&](const Node* n) { return attr(n, "id") == id; });
}

const auto no_skip = [](const Node*) { return false; };

// A sentence of at least 25 characters, so that it scores as a paragraph.
std::string long_text(const std::string& word) { return word + " is a sentence long enough to count as text."; }

}  // namespace

TEST_CASE("elements that are never article text are boilerplate", "[html][body]") {
  Document doc(R"(<header id=e1>h</header><nav id=e2>n</nav><aside id=e3>a</aside><footer id=e4>f</footer>
    <form id=e5></form><h1 id=e6>t</h1><figure><figcaption id=e7>c</figcaption></figure><button id=e8>b</button>
    <div id=e9 class="social-share">s</div><div id=e10 class="Related-Stories">r</div>
    <div id="SIDEBAR-left">x</div><div id=e11 class="ad">a</div><div id=e12 class="top ads">a</div>
    <p id=e13 hidden>h</p><div id=e14 aria-hidden="true">h</div><div id=e15 role="navigation">r</div>
    <div id=e16 role=contentinfo>r</div><div id=e17 class="newsletter-signup">n</div>
    <div id=e18 class="c-byline">b</div><iframe id=e19></iframe><div id=e20 class="cookie-banner">c</div>)");
  for (const char* id : {"e1",  "e2",  "e3",  "e4",  "e5",  "e6",  "e7",  "e8",  "e9",  "e10", "SIDEBAR-left",
                         "e11", "e12", "e13", "e14", "e15", "e16", "e17", "e18", "e19", "e20"}) {
    INFO(id);
    const Node* n = by_id(doc, id);
    REQUIRE(n != nullptr);
    CHECK(is_boilerplate(n));
  }
  const Node* head = children(doc.root())[0];
  CHECK(is_boilerplate(head));
  CHECK(is_boilerplate(find_first(doc.root(), [](const Node* n) { return tag_of(n) == GUMBO_TAG_FIGCAPTION; })));
}

TEST_CASE("article text is not boilerplate, nor a class that only contains the letters 'ad'", "[html][body]") {
  Document doc(R"(<article id=a1><p id=a2>t</p><div id=a3 class="story-body lead">t</div>
    <div id=a4 class="read-more shadow">t</div><div id=a5 class="header-image"></div>
    <h2 id=a6>h</h2><blockquote id=a7>q</blockquote><div id=a8 aria-hidden="false">t</div>
    <div id=a9 role="main">t</div><main id=a10></main></article>)");
  for (const char* id : {"a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9", "a10"}) {
    INFO(id);
    const Node* n = by_id(doc, id);
    REQUIRE(n != nullptr);
    CHECK_FALSE(is_boilerplate(n));
  }
}

TEST_CASE("paragraphs_of gives one paragraph per block, inline markup and entities kept in the words", "[html][body]") {
  Document doc(R"(<div id=d>
      <h2>A  <em>head</em>ing</h2>
      <p>One &amp; <b>only</b>,
         with   spaces.</p>
      bare text between blocks
      <UL><LI>Item&nbsp;a<LI>Item b</UL>
      <blockquote><p>Quoted.</p></blockquote>
      <table><tr><td>cell</td></tr></table>
    </div>)");
  CHECK(paragraphs_of(by_id(doc, "d"), no_skip) ==
        "A heading\n\nOne & only, with spaces.\n\nbare text between blocks\n\nItem a\n\nItem b\n\nQuoted.\n\ncell");
}

TEST_CASE("paragraphs_of: one line break is a space, two in a row end a paragraph", "[html][body]") {
  Document doc("<p id=p>line one<br>line two<BR/><br>line three<br></p>");
  CHECK(paragraphs_of(by_id(doc, "p"), no_skip) == "line one line two\n\nline three");
}

TEST_CASE("paragraphs_of: two line breaks with white space between them still end a paragraph", "[html][body]") {
  Document doc("<p id=p>line one<br>\n<br>line two<br> \t\n <br/>line three<br>\nline four</p>");
  CHECK(paragraphs_of(by_id(doc, "p"), no_skip) == "line one\n\nline two\n\nline three line four");
}

TEST_CASE("paragraphs_of leaves out boilerplate and what the skip predicate marks, but reads its root",
          "[html][body]") {
  Document doc(R"(<aside id=root><p>Kept.</p><nav><p>Menu</p></nav><script>var a = "<p>x</p>";</script>
    <style>p { color: red }</style><div class="share-tools"><p>Share on X</p></div>
    <div class="skip-me"><p>Skipped by the caller.</p></div><p>Also <span class="skip-me">not </span>kept.</p>
    </aside>)");
  auto skip = [](const Node* n) { return has_class(n, "skip-me"); };
  // The root is an <aside>, itself boilerplate: it is read all the same.
  CHECK(paragraphs_of(by_id(doc, "root"), skip) == "Kept.\n\nAlso kept.");
  CHECK(paragraphs_of(by_id(doc, "root"), nullptr) == "Kept.\n\nSkipped by the caller.\n\nAlso not kept.");
}

TEST_CASE("paragraphs_of of an empty block is empty", "[html][body]") {
  Document doc("<div id=d> <p> </p><p>&nbsp;</p><br><br></div>");
  CHECK(paragraphs_of(by_id(doc, "d"), no_skip) == "");
}

TEST_CASE("article_body takes the densest block of long paragraphs, without menus, shares, scripts or footer",
          "[html][body]") {
  const std::string page = "<html><body><header><p>" + long_text("The site's header") + "</p></header>" +
                           "<nav><ul><li><a href=/>" + long_text("Home") + "</a></li></ul></nav>" +
                           "<div id=teasers><p>Short teaser one.</p><p>Short teaser two.</p></div>" +
                           "<div class=story><h2>Sub heading</h2><p>" + long_text("First") + "</p>" +
                           "<script>document.write('" + long_text("Script") + "')</script>" +
                           "<div class=social-share><p>" + long_text("Share on") + "</p></div>" + "<P>" +
                           long_text("Second") + "<P>" + long_text("Third") + "</div>" + "<footer><p>" +
                           long_text("Footer") + "</p><p>" + long_text("Copyright") + "</p></footer></body></html>";
  Document doc(page);
  CHECK(article_body(doc.root(), no_skip) ==
        "Sub heading\n\n" + long_text("First") + "\n\n" + long_text("Second") + "\n\n" + long_text("Third"));
}

TEST_CASE("article_body: paragraphs under 25 characters score nothing, one of 25 wins over twenty of 24",
          "[html][body]") {
  std::string shorts;
  for (int i = 0; i < 20; ++i) shorts += "<p>Twenty-four characters!!</p>";  // 24 characters each
  Document doc("<body><div id=list>" + shorts + "</div><div id=story><p>Exactly twenty-five char.</p></div></body>");
  CHECK(article_body(doc.root(), no_skip) == "Exactly twenty-five char.");
}

TEST_CASE("article_body honours the skip predicate when scoring and when reading the body", "[html][body]") {
  std::string comments;
  for (int i = 0; i < 5; ++i) comments += "<p>" + long_text("Comment " + std::to_string(i)) + "</p>";
  Document doc("<body><div id=story><p>" + long_text("Story") + "</p><div class=comment><p>" + long_text("Inline") +
               "</p></div><p>" + long_text("More story") + "</p></div><div id=comments>" + comments + "</div></body>");
  auto skip = [](const Node* n) { return attr(n, "id") == "comments" || has_class(n, "comment"); };
  CHECK(article_body(doc.root(), skip) == long_text("Story") + "\n\n" + long_text("More story"));
  // Without the predicate the comments are the densest block.
  CHECK(article_body(doc.root(), no_skip).rfind(long_text("Comment 0"), 0) == 0);
}

TEST_CASE("article_body with no long paragraph gives the scope's paragraphs", "[html][body]") {
  Document doc("<article id=a><h2>Brief</h2><p>Short one.</p><nav>Menu</nav><p>Short two.</p></article>");
  CHECK(article_body(by_id(doc, "a"), no_skip) == "Brief\n\nShort one.\n\nShort two.");
}

TEST_CASE("article_body scores only inside its scope", "[html][body]") {
  Document doc("<body><div id=other><p>" + long_text("Elsewhere") + "</p><p>" + long_text("Elsewhere too") +
               "</p></div><article id=a><div><p>" + long_text("Inside") + "</p></div></article></body>");
  CHECK(article_body(by_id(doc, "a"), no_skip) == long_text("Inside"));
}
