// html_comments: readers' comments in a page's markup (WordPress, Drupal,
// schema.org Comment microdata and the generic forms they share), each with
// its author, date, text, index in page order and the index of the comment
// it answers.
#include <catch2/catch.hpp>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "html_comments.h"
#include "html_dom.h"

using byline::Comment;
using byline::html::Document;
using byline::html::MarkupComments;
using byline::html::Node;
using byline::html::read_markup_comments;

namespace {

std::string shown(const std::optional<std::string>& v) { return v ? *v : "<none>"; }
std::string shown(const std::optional<int>& v) { return v ? std::to_string(*v) : "<none>"; }

// "index parent author | date | text" for each comment, to compare at once.
std::vector<std::string> summary(const MarkupComments& found) {
  std::vector<std::string> out;
  for (const Comment& c : found.comments)
    out.push_back(std::to_string(c.index) + " " + shown(c.parent) + " " + c.author + " | " + shown(c.date) + " | " +
                  c.text);
  return out;
}

std::vector<std::string> comments_of(const std::string& html) {
  Document doc(html);
  return summary(read_markup_comments(doc.root()));
}

const Node* by_id(const Document& doc, std::string_view id) {
  return byline::html::find_first(doc.root(), [&](const Node* n) { return byline::html::attr(n, "id") == id; });
}

using Lines = std::vector<std::string>;

}  // namespace

TEST_CASE("WordPress comments: author, date, text, and replies in ul.children answer the comment they sit in",
          "[html][comments]") {
  const std::string page = R"(<html><body><article><p>The story.</p></article>
<div id="comments" class="comments-area">
  <h2 class="comments-title">3 thoughts on &ldquo;Story&rdquo;</h2>
  <ol class="commentlist">
    <li class="comment even thread-even depth-1 parent" id="comment-11">
      <article id="div-comment-11" class="comment-body">
        <footer class="comment-meta">
          <div class="comment-author vcard"><img alt='' src='a.png'>
            <b class="fn"><a href="http://ann.example" rel="external nofollow" class="url">Ann Lee</a></b>
            <span class="says">says:</span></div>
          <div class="comment-metadata"><a href="#comment-11"><time datetime="2013-04-24T19:43:00+00:00">
            April 24, 2013 at 7:43 pm</time></a></div>
        </footer>
        <div class="comment-content"><p>First paragraph &amp; more.</p>
          <p>Second   paragraph.</p></div>
        <div class="reply"><a rel="nofollow" class="comment-reply-link" href="#">Reply</a></div>
      </article>
      <ul class="children">
        <li class="comment byuser odd alt depth-2" id="comment-12">
          <article class="comment-body">
            <div class="comment-author vcard"><b class="fn">Bo Chan</b> <span class="says">says:</span></div>
            <div class="comment-metadata"><time datetime="2013-04-25T08:00">April 25, 2013 at 8:00 am</time></div>
            <div class="comment-content"><p>A reply.</p></div>
          </article>
        </li>
      </ul>
    </li>
    <LI CLASS="comment" ID="comment-13">
      <DIV CLASS="comment-author vcard"><CITE CLASS="fn">Cy Diaz</CITE> <SPAN CLASS="says">says:</SPAN></DIV>
      <DIV CLASS="comment-meta commentmetadata"><A HREF="#comment-13">April 26, 2013 at 10:08 pm</A></DIV>
      <P>Old theme, no content block.</P>
      <DIV CLASS="reply"><A HREF="#">Reply</A></DIV>
    </LI>
  </ol>
</div></body></html>)";
  CHECK(comments_of(page) == Lines{
                                 "1 <none> Ann Lee | 2013-04-24T19:43 | First paragraph & more.\n\nSecond paragraph.",
                                 "2 1 Bo Chan | 2013-04-25T08:00 | A reply.",
                                 "3 <none> Cy Diaz | 2013-04-26T22:08 | Old theme, no content block.",
                             });
}

TEST_CASE("WordPress replies nested two deep answer the reply they sit in", "[html][comments]") {
  const std::string page =
      "<ol class='commentlist'>"
      "<li class='comment' id='comment-1'><cite class='fn'>Ann</cite><div class='comment-content'>one</div>"
      "<ul class='children'><li class='comment' id='comment-2'><cite class='fn'>Bo</cite>"
      "<div class='comment-content'>two</div>"
      "<ul class='children'><li class='comment' id='comment-3'><cite class='fn'>Cy</cite>"
      "<div class='comment-content'>three</div></li></ul></li>"
      "<li class='comment' id='comment-4'><cite class='fn'>Di</cite><div class='comment-content'>four</div></li>"
      "</ul></li>"
      "<li class='comment' id='comment-5'><cite class='fn'>Ed</cite><div class='comment-content'>five</div></li>"
      "</ol>";
  CHECK(comments_of(page) == Lines{"1 <none> Ann | <none> | one", "2 1 Bo | <none> | two", "3 2 Cy | <none> | three",
                                   "4 1 Di | <none> | four", "5 <none> Ed | <none> | five"});
}

TEST_CASE("Drupal comments: a div.indented after a comment holds the replies to it", "[html][comments]") {
  const std::string page = R"(<section class="comments">
  <article class="comment js-comment by-anonymous" data-comment-user-id="0">
    <footer class="comment__meta">
      <div class="submitted">Submitted by <span class="username">Dee Fox</span> on 5 March 2021</div>
    </footer>
    <div class="content"><div class="field--name-comment-body"><p>Drupal text.</p></div></div>
    <ul class="links inline"><li class="comment-reply"><a href="/comment/reply/1">reply</a></li></ul>
  </article>
  <div class="indented">
    <article class="comment js-comment">
      <p class="comment__author"><span>Eve Gale</span></p>
      <p class="comment__time"><time datetime="2021-03-06T09:30:00Z">Sat, 03/06/2021</time></p>
      <span class="permalink"><a href="/comment/2#comment-2">Permalink</a></span>
      <div class="comment__content"><p>Reply one.</p><p>Second paragraph.</p></div>
    </article>
    <article class="comment js-comment">
      <p class="comment__author">Hal Ito</p>
      <div class="comment__content"><p>Reply two.</p></div>
    </article>
  </div>
  <article class="comment js-comment">
    <div class="submitted">Submitted by <span class="username">Fay Hu</span> on April 2, 2021</div>
    <div class="field--name-comment-body"><p>Not a reply.</p></div>
  </article>
</section>)";
  CHECK(comments_of(page) == Lines{
                                 "1 <none> Dee Fox | 2021-03-05T00:00 | Drupal text.",
                                 "2 1 Eve Gale | 2021-03-06T09:30 | Reply one.\n\nSecond paragraph.",
                                 "3 1 Hal Ito | <none> | Reply two.",
                                 "4 <none> Fay Hu | 2021-04-02T00:00 | Not a reply.",
                             });
}

TEST_CASE("schema.org Comment microdata gives author, date and text, and a comment inside another answers it",
          "[html][comments]") {
  const std::string page = R"(<div itemscope itemtype="https://schema.org/NewsArticle"><p>Story.</p>
  <div itemprop="comment" itemscope itemtype="https://schema.org/Comment">
    <span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">Gus Ng</span></span>
    <meta itemprop="dateCreated" content="2019-07-01T08:30:00+02:00">
    <div itemprop="text"><p>Hello &eacute;veryone.</p></div>
    <div itemprop="comment" itemscope itemtype="http://schema.org/Comment">
      <span itemprop="creator">Ida Roe</span>
      <span itemprop="dateCreated">July 2, 2019 at 6:15 pm</span>
      <p itemprop="text">Hello back.</p>
    </div>
  </div>
</div>)";
  CHECK(comments_of(page) == Lines{
                                 "1 <none> Gus Ng | 2019-07-01T08:30 | Hello \xC3\xA9veryone.",
                                 "2 1 Ida Roe | 2019-07-02T18:15 | Hello back.",
                             });
}

TEST_CASE("an RDFa typeof=Comment is a comment, its text in property=text", "[html][comments]") {
  const std::string page = R"(<div vocab="http://schema.org/" typeof="BlogPosting"><p>Story.</p>
  <div property="comment" typeof="Comment"><cite>Jo Pak</cite> <time datetime="2020-05-06T07:08">May 6</time>
    <div class="comment-links">Reply</div><span property="text">RDFa comment.</span></div>
  <div typeof="https://schema.org/UserComments"><cite>Kit Roy</cite><p>Old type name.</p></div></div>)";
  CHECK(comments_of(page) ==
        Lines{"1 <none> Jo Pak | 2020-05-06T07:08 | RDFa comment.", "2 <none> Kit Roy | <none> | Old type name."});
}

TEST_CASE("RDFa comments: author and date in property=author and property=dateCreated, prefixed or not",
          "[html][comments]") {
  const std::string page = R"(<div vocab="http://schema.org/" typeof="BlogPosting"><p>Story.</p>
  <div property="comment" typeof="Comment"><span property="author" typeof="Person"><span property="name">Jo
    Pak</span></span> <span property="dateCreated" content="2020-05-06T07:08">last May</span>
    <span property="text">First.</span></div>
  <div property="schema:comment" typeof="schema:Comment"><span property="schema:author">Kit Roy</span>
    <meta property="schema:dateCreated" content="2021-01-02"><p property="schema:text">Second.</p></div></div>)";
  CHECK(comments_of(page) ==
        Lines{"1 <none> Jo Pak | 2020-05-06T07:08 | First.", "2 <none> Kit Roy | 2021-01-02T00:00 | Second."});
}

TEST_CASE("an author's name is read in document order, whatever markup its words are in", "[html][comments]") {
  const std::string page =
      "<ol><li class='comment' id='comment-1'><span class='comment-author'><b>Ann</b> Lee</span>"
      "<div class='comment-content'>one</div></li>"
      "<li class='comment' id='comment-2'><span class='comment-author'>Dr <i>Bo</i> Chan <b>Jr</b>"
      "<span class='says'>says:</span></span><div class='comment-content'>two</div></li></ol>";
  CHECK(comments_of(page) == Lines{"1 <none> Ann Lee | <none> | one", "2 <none> Dr Bo Chan Jr | <none> | two"});
}

TEST_CASE("a comment wrapper with nothing of its own is not a comment, the comment inside it is", "[html][comments]") {
  const std::string page =
      "<ol><li class=\"comment\" id=\"li-comment-7\">"
      "<article class=\"comment\" id=\"comment-7\"><span class=\"comment-author\">Kim Lo</span>"
      "<div class=\"comment-text\">Only once.</div></article></li></ol>";
  CHECK(comments_of(page) == Lines{"1 <none> Kim Lo | <none> | Only once."});
}

TEST_CASE("generic comments: id comment-N, names without 'By' and 'wrote:', a date in a title, replies after",
          "[html][comments]") {
  const std::string page = R"(<div id="comment_40">
    <div class="author">By Lee Moss wrote:</div>
    <span class="date"><abbr title="2020-01-02T03:04:05Z">a while ago</abbr></span>
    <div class="comment-message">Generic one.<br>Same paragraph.<br><br>New paragraph.</div>
  </div>
  <div id="comment41" class="reader-comment">
    <span class="username">Max Nye</span>
    <div class="comment-body-text">Generic two.</div>
  </div>
  <div class="comment-replies">
    <div class="user-comment"><span class="nickname">Ned Ota</span><p>In the replies list after it.</p></div>
  </div>)";
  CHECK(comments_of(page) ==
        Lines{
            "1 <none> Lee Moss | 2020-01-02T03:04 | Generic one. Same paragraph.\n\nNew paragraph.",
            "2 <none> Max Nye | <none> | Generic two.",
            "3 2 Ned Ota | <none> | In the replies list after it.",
        });
}

TEST_CASE("comments in a form, a textarea, a script or a template are not read", "[html][comments]") {
  const std::string page = R"(<form id="commentform" class="comment-form">
    <div class="comment"><cite>Your name</cite><p>Leave a comment</p></div>
    <textarea class="comment"></textarea></form>
  <template><div class="comment"><cite>Tpl</cite><p>Template text.</p></div></template>
  <script type="text/html"><div class="comment"><cite>Js</cite><p>x</p></div></script>
  <div class="comment"><cite>Real Person</cite><p>Real text.</p></div>)";
  CHECK(comments_of(page) == Lines{"1 <none> Real Person | <none> | Real text."});
}

TEST_CASE("a page without comments gives none", "[html][comments]") {
  Document doc("<article><h1>Title</h1><p class='lead'>A paragraph with a comment about it.</p></article>");
  MarkupComments found = read_markup_comments(doc.root());
  CHECK(found.comments.empty());
  CHECK(found.elements.empty());
}

TEST_CASE("the comment elements and the reply containers are given back to keep them out of the body",
          "[html][comments]") {
  Document doc(
      "<article><p>Body text.</p></article>"
      "<ol class='commentlist'><li class='comment' id='comment-1'><cite>Ann</cite><p>one</p>"
      "<ul class='children' id='kids'><li class='comment' id='comment-2'><cite>Bo</cite><p>two</p></li></ul></li>"
      "</ol>");
  MarkupComments found = read_markup_comments(doc.root());
  REQUIRE(found.comments.size() == 2);
  const std::vector<const Node*>& e = found.elements;
  for (const char* id : {"comment-1", "comment-2", "kids"}) {
    INFO(id);
    const Node* n = by_id(doc, id);
    REQUIRE(n != nullptr);
    CHECK(std::find(e.begin(), e.end(), n) != e.end());
  }
  CHECK(e.size() == 3);
}
