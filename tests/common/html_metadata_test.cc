// html_metadata: what a page says about itself in JSON-LD, microdata / RDFa
// Lite and OpenGraph / <meta>, each source in its own fields; JSON-LD
// comments with their index and parent; the schema.org article types and
// the joining of several authors' names.
#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <vector>

#include "html_dom.h"
#include "html_metadata.h"

using byline::Comment;
using byline::html::Document;
using byline::html::is_article_type;
using byline::html::join_names;
using byline::html::Metadata;
using byline::html::read_metadata;

namespace {

std::string shown(const std::optional<std::string>& v) { return v ? *v : "<none>"; }

Metadata metadata_of(const std::string& html) {
  Document doc(html);
  return read_metadata(doc);
}

std::string ld(const std::string& json) {
  return "<html><head><script type=\"application/ld+json\">" + json + "</script></head><body></body></html>";
}

using Tags = std::vector<std::string>;

}  // namespace

TEST_CASE("a JSON-LD NewsArticle gives its headline, date, author, keywords and body", "[html][metadata]") {
  Metadata m = metadata_of(ld(R"({
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    "headline": "  Port strike\n ends  ",
    "name": "Not the headline",
    "dateModified": "2021-03-09T10:00:00Z",
    "datePublished": "2021-03-05T14:20:00-05:00",
    "author": {"@type": "Person", "name": "By Dana Whitfield", "url": "https://example.com/dana"},
    "keywords": "Labour, Shipping ,, Harbour, Labour",
    "articleBody": "First paragraph.\n\nSecond paragraph."
  })"));
  const auto& a = m.json_ld;
  CHECK(a.says_article);
  CHECK_FALSE(a.says_not_article);
  CHECK(shown(a.title) == "Port strike ends");
  CHECK(shown(a.date) == "2021-03-05T14:20");
  CHECK(shown(a.author) == "Dana Whitfield");
  CHECK(a.tags == Tags{"Labour", "Shipping", "Harbour"});
  CHECK(shown(a.text) == "First paragraph.\n\nSecond paragraph.");
  // Nothing leaks into the other sources.
  CHECK_FALSE(m.microdata.says_article);
  CHECK_FALSE(m.meta.title.has_value());
  CHECK(m.json_ld_comments.empty());
}

TEST_CASE("a JSON-LD article is found in an @graph beside a WebPage, its type given as a URL or a list",
          "[html][metadata]") {
  Metadata graph = metadata_of(ld(R"({"@context": "https://schema.org", "@graph": [
      {"@type": "WebSite", "name": "The Daily"},
      {"@type": "WebPage", "name": "Port strike ends - The Daily"},
      {"@type": ["Thing", "https://schema.org/ReportageNewsArticle"], "headline": "Port strike ends",
       "dateCreated": "2021-03-05"}]})"));
  CHECK(graph.json_ld.says_article);
  CHECK(graph.json_ld.says_not_article);  // the WebPage; the article wins where they are combined
  CHECK(shown(graph.json_ld.title) == "Port strike ends");
  CHECK(shown(graph.json_ld.date) == "2021-03-05T00:00");

  Metadata page_only = metadata_of(ld(R"([{"@type": "CollectionPage", "name": "Business"}])"));
  CHECK_FALSE(page_only.json_ld.says_article);
  CHECK(page_only.json_ld.says_not_article);
  CHECK_FALSE(page_only.json_ld.title.has_value());
}

TEST_CASE("a JSON-LD article without a headline takes its name as title", "[html][metadata]") {
  Metadata m = metadata_of(ld(R"({"@type": "BlogPosting", "name": "Notes from the harbour"})"));
  CHECK(shown(m.json_ld.title) == "Notes from the harbour");
}

TEST_CASE("a JSON-LD value given as a list is read from its first item", "[html][metadata]") {
  Metadata m = metadata_of(ld(R"({"@type": "NewsArticle", "headline": ["The first headline", "An alternative"],
      "datePublished": ["2021-03-05T14:20", "2021-03-09T10:00"], "articleBody": [{"@value": "Body."}]})"));
  CHECK(shown(m.json_ld.title) == "The first headline");
  CHECK(shown(m.json_ld.date) == "2021-03-05T14:20");
  CHECK(shown(m.json_ld.text) == "Body.");
}

TEST_CASE("JSON-LD authors given as an object, a string or a list of both are joined, URLs left out",
          "[html][metadata]") {
  CHECK(shown(metadata_of(ld(R"({"@type": "NewsArticle", "author": "Ann Lee"})")).json_ld.author) == "Ann Lee");
  CHECK(shown(metadata_of(ld(R"({"@type": "NewsArticle", "author": {"name": "Ann Lee"}})")).json_ld.author) ==
        "Ann Lee");
  CHECK(shown(metadata_of(ld(R"({"@type": "NewsArticle",
                                "author": [{"@type": "Person", "name": "Ann Lee"}, "Bo Chan",
                                           "https://example.com/authors/x", {"name": "Ann Lee"},
                                           {"@type": "Person", "name": ["Cy Diaz"]}]})"))
                  .json_ld.author) == "Ann Lee, Bo Chan and Cy Diaz");
  CHECK_FALSE(
      metadata_of(ld(R"({"@type": "NewsArticle", "author": "https://example.com/me"})")).json_ld.author.has_value());
}

TEST_CASE("JSON-LD keywords given as a list are split at commas too and kept once each", "[html][metadata]") {
  Metadata m = metadata_of(ld(R"({"@type": "NewsArticle", "keywords": ["Ports", "Labour, Strikes", "Ports"]})"));
  CHECK(m.json_ld.tags == Tags{"Ports", "Labour", "Strikes"});
}

TEST_CASE("the first JSON-LD article is used and a script that is not JSON is passed over", "[html][metadata]") {
  Metadata m = metadata_of(
      "<head><script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"headline\": broken</script>"
      "<SCRIPT TYPE=\"Application/LD+JSON\">{\"@type\": \"NewsArticle\", \"headline\": \"The first &amp; only\"}"
      "</SCRIPT>"
      "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"headline\": \"Second\"}</script>"
      "<script>{\"@type\": \"NewsArticle\", \"headline\": \"Not JSON-LD\"}</script></head>");
  CHECK(m.json_ld.says_article);
  // Script contents are raw text: the entity stays as written.
  CHECK(shown(m.json_ld.title) == "The first &amp; only");
}

TEST_CASE("a blank JSON-LD articleBody gives no text", "[html][metadata]") {
  Metadata m = metadata_of(ld(R"({"@type": "NewsArticle", "articleBody": " \n\t "})"));
  CHECK(m.json_ld.says_article);
  CHECK_FALSE(m.json_ld.text.has_value());
}

TEST_CASE("JSON-LD comments, replies nested in them, are numbered in order with their parent", "[html][metadata]") {
  Metadata m = metadata_of(ld(R"({"@type": "NewsArticle", "headline": "H", "comment": [
      {"@type": "Comment", "author": {"@type": "Person", "name": "Ann Lee"},
       "dateCreated": "2021-03-05T15:00:00+01:00", "text": "First.",
       "comment": [
         {"@type": "Comment", "author": "Bo Chan", "datePublished": "March 6, 2021 at 9:15 am", "text": "A reply.",
          "comment": {"@type": "Comment", "author": "Cy Diaz", "description": "A reply to the reply."}}]},
      {"@type": "Person", "name": "Not a comment"},
      {"@type": "Comment", "author": ["Di Eze"], "text": "Second."}]})"));
  const std::vector<Comment>& c = m.json_ld_comments;
  REQUIRE(c.size() == 4);
  CHECK(c[0].index == 1);
  CHECK_FALSE(c[0].parent.has_value());
  CHECK(c[0].author == "Ann Lee");
  CHECK(shown(c[0].date) == "2021-03-05T15:00");
  CHECK(c[0].text == "First.");
  CHECK(c[1].index == 2);
  CHECK(c[1].parent == std::optional<int>(1));
  CHECK(c[1].author == "Bo Chan");
  CHECK(shown(c[1].date) == "2021-03-06T09:15");
  CHECK(c[2].index == 3);
  CHECK(c[2].parent == std::optional<int>(2));
  CHECK(c[2].author == "Cy Diaz");
  CHECK_FALSE(c[2].date.has_value());
  CHECK(c[2].text == "A reply to the reply.");
  CHECK(c[3].index == 4);
  CHECK_FALSE(c[3].parent.has_value());
  CHECK(c[3].author == "Di Eze");
  CHECK(c[3].text == "Second.");
}

TEST_CASE("microdata gives the article item's own properties, not those of items nested in it", "[html][metadata]") {
  Metadata m = metadata_of(R"(<html><body>
    <div class=header itemscope itemtype="https://schema.org/Organization"><span itemprop=name>The Daily</span></div>
    <ARTICLE ITEMSCOPE ITEMTYPE="http://schema.org/NewsArticle">
      <div itemprop="publisher" itemscope itemtype="https://schema.org/Organization">
        <span itemprop="name">The Daily Publisher</span>
      </div>
      <h1 itemprop='name'>Library  reopens &amp; thrives</h1>
      <p>By <span itemprop="author" itemscope itemtype="https://schema.org/Person">
        <a href="/p" itemprop="url">profile</a><span itemprop="name">Priya Natarajan</span></span>
        and <span itemprop="creator">Ola Berg</span></p>
      <time itemprop="datePublished" datetime="2018-11-02T07:45:00+00:00">2 November</time>
      <meta itemprop="keywords" content="Libraries, Floods">
      <div itemprop="articleBody"><p>Text.</p></div>
      <div itemprop="isPartOf" itemscope itemtype="https://schema.org/CreativeWorkSeries">
        <meta itemprop="datePublished" content="1999-01-01"><span itemprop="keywords">Series</span>
      </div>
    </ARTICLE></body></html>)");
  const auto& a = m.microdata;
  CHECK(a.says_article);
  CHECK(shown(a.title) == "Library reopens & thrives");
  CHECK(shown(a.date) == "2018-11-02T07:45");
  CHECK(shown(a.author) == "Priya Natarajan and Ola Berg");
  CHECK(a.tags == Tags{"Libraries", "Floods"});
  // The body is read from the markup: marked present, but empty here.
  CHECK(shown(a.text) == "");
}

TEST_CASE("microdata: a headline wins over a name given before or after it", "[html][metadata]") {
  Metadata before = metadata_of(R"(<div itemscope itemtype="https://schema.org/Article">
      <span itemprop="name">Name first</span><h2 itemprop="headline">The headline</h2></div>)");
  CHECK(shown(before.microdata.title) == "The headline");
  Metadata after = metadata_of(R"(<div itemscope itemtype="https://schema.org/Article">
      <h2 itemprop="headline">The headline</h2><span itemprop="name">Name after</span></div>)");
  CHECK(shown(after.microdata.title) == "The headline");
}

TEST_CASE("a microdata item that is no article gives nothing", "[html][metadata]") {
  Metadata m = metadata_of(R"(<div itemscope itemtype="https://schema.org/Recipe">
      <h2 itemprop="name">Soup</h2><meta itemprop="datePublished" content="2020-01-01"></div>)");
  CHECK_FALSE(m.microdata.says_article);
  CHECK_FALSE(m.microdata.title.has_value());
  CHECK_FALSE(m.microdata.date.has_value());
}

TEST_CASE("RDFa Lite typeof and property are read as microdata, og: properties left to the meta reader",
          "[html][metadata]") {
  Metadata m = metadata_of(R"(<body><div vocab="http://schema.org/" typeof="WebPage BlogPosting">
      <meta property="og:title" content="An og title">
      <h2 property="name">Harbour notes</h2>
      <span property="author">by Sam Ortiz</span>
      <span property="dateCreated" content="2020-06-02T09:15">yesterday</span>
      <span property="about">Boats</span></div></body>)");
  const auto& a = m.microdata;
  CHECK(a.says_article);
  CHECK(shown(a.title) == "Harbour notes");
  CHECK(shown(a.author) == "Sam Ortiz");
  CHECK(shown(a.date) == "2020-06-02T09:15");
  CHECK(a.tags == Tags{"Boats"});
}

TEST_CASE("OpenGraph and <meta> tags give title, type, date, authors and tags", "[html][metadata]") {
  Metadata m = metadata_of(R"(<!DOCTYPE html><html><head>
      <title> Library reopens | The Daily </title>
      <meta name="twitter:title" content="Twitter title">
      <META PROPERTY="OG:TITLE" CONTENT="Library reopens after flood repairs">
      <meta property=og:type content=article>
      <meta name="date" content="2018-11-01">
      <meta property="article:published_time" content="2018-11-02T07:45:00+00:00">
      <meta name="author" content="Priya Natarajan">
      <meta name='author' content='CNN&apos;s Ola Berg'>
      <meta name="author" content="Priya Natarajan">
      <meta property="article:tag" content="Libraries">
      <meta property="article:tag" content="Floods">
      <meta name="keywords" content="ignored, because, article:tag">
    </head><body><p>x</p></body></html>)");
  const auto& a = m.meta;
  CHECK(shown(m.title_element) == "Library reopens | The Daily");
  CHECK(shown(a.title) == "Library reopens after flood repairs");
  CHECK(a.says_article);
  CHECK_FALSE(a.says_not_article);
  CHECK(shown(a.date) == "2018-11-02T07:45");
  CHECK(shown(a.author) == "Priya Natarajan and Ola Berg");
  CHECK(a.tags == Tags{"Libraries", "Floods"});
}

TEST_CASE("meta keywords are the tags when there is no article:tag, twitter:title the title without og:title",
          "[html][metadata]") {
  Metadata m = metadata_of(R"(<head><meta name="news_keywords" content="Ports,  Labour , Strikes">
      <meta name=twitter:title content="A port strike"><meta name="dc.date" content="20210305">
      <meta property="og:type" content="website"></head>)");
  CHECK(m.meta.tags == Tags{"Ports", "Labour", "Strikes"});
  CHECK(shown(m.meta.title) == "A port strike");
  CHECK(shown(m.meta.date) == "2021-03-05T00:00");
  CHECK_FALSE(m.meta.says_article);
  CHECK(m.meta.says_not_article);
  CHECK_FALSE(m.title_element.has_value());
}

TEST_CASE("og:title wins over twitter:title in either order", "[html][metadata]") {
  CHECK(shown(metadata_of(R"(<head><meta property="og:title" content="OG"><meta name="twitter:title" content="TW">)")
                  .meta.title) == "OG");
  CHECK(shown(metadata_of(R"(<head><meta name="twitter:title" content="TW"><meta property="og:title" content="OG">)")
                  .meta.title) == "OG");
}

TEST_CASE("the schema.org article types are articles and other types are not", "[html][metadata]") {
  for (const char* type : {"Article", "NewsArticle", "BlogPosting", "LiveBlogPosting", "OpinionNewsArticle",
                           "ReportageNewsArticle", "TechArticle", "SatiricalArticle", "DiscussionForumPosting"}) {
    INFO(type);
    CHECK(is_article_type(type));
  }
  for (const char* type : {"WebPage", "CollectionPage", "Person", "Comment", "newsarticle", "NewsArticles",
                           "https://schema.org/NewsArticle", ""}) {
    INFO(type);
    CHECK_FALSE(is_article_type(type));
  }
}

TEST_CASE("several authors' names are joined as the text layout writes them", "[html][metadata]") {
  CHECK(join_names({}) == "");
  CHECK(join_names({"Ann Lee"}) == "Ann Lee");
  CHECK(join_names({"Ann Lee", "Bo Chan"}) == "Ann Lee and Bo Chan");
  CHECK(join_names({"Ann Lee", "Bo Chan", "Cy Diaz"}) == "Ann Lee, Bo Chan and Cy Diaz");
  CHECK(join_names({"A", "B", "C", "D"}) == "A, B, C and D");
}
