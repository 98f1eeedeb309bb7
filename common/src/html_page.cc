#include "html_page.h"

#include <algorithm>
#include <set>

#include "html_body.h"
#include "html_charset.h"
#include "html_comments.h"
#include "html_dates.h"
#include "html_dom.h"
#include "html_metadata.h"
#include "page_author.h"

namespace byline {
namespace {

using html::Node;

template <typename T>
std::optional<T> first_of(std::initializer_list<std::optional<T>> values) {
  for (const auto& v : values)
    if (v) return v;
  return std::nullopt;
}

// What the page's own markup says, inside the article's scope.
struct MarkupFields {
  std::optional<std::string> title, date, author;
  std::vector<std::string> tags;
  std::string text;
  int articles = 0;  // <article> elements that are not comments
};

// True when the rel attribute holds `token` among its space-separated words.
bool has_rel(const Node* n, std::string_view token) {
  std::string_view rel = html::attr(n, "rel");
  for (std::size_t at = rel.find(token); at != std::string_view::npos; at = rel.find(token, at + 1)) {
    bool starts = at == 0 || rel[at - 1] == ' ';
    bool ends = at + token.size() == rel.size() || rel[at + token.size()] == ' ';
    if (starts && ends) return true;
  }
  return false;
}

bool in_set(const std::set<const Node*>& set, const Node* n) { return set.count(n) != 0; }

std::optional<std::string> tidy_byline(const std::string& raw) {
  std::string name = html::collapse_space(raw);
  if (name.size() > 3 && (name.rfind("By ", 0) == 0 || name.rfind("by ", 0) == 0 || name.rfind("BY ", 0) == 0))
    name = name.substr(3);
  if (name.empty() || name.size() > 120) return std::nullopt;
  return page_text::tidy_author(name);
}

MarkupFields read_markup(const html::Document& doc, const std::set<const Node*>& comments) {
  MarkupFields m;
  const Node* root = doc.root();
  auto not_comment = [&](const Node* n) { return in_set(comments, n); };
  // The article's scope: itemprop=articleBody's article, the <article> with
  // the most text, <main>, or the whole page.
  std::vector<const Node*> articles;
  html::walk(root, [&](const Node* n) {
    if (not_comment(n)) return false;
    if (html::tag_of(n) == GUMBO_TAG_ARTICLE) articles.push_back(n);
    return true;
  });
  m.articles = static_cast<int>(articles.size());
  const Node* scope = nullptr;
  std::size_t best = 0;
  for (const Node* a : articles) {
    std::size_t length = html::text_of(a).size();
    if (length > best) {
      best = length;
      scope = a;
    }
  }
  if (scope == nullptr)
    scope = html::find_first(
        root, [](const Node* n) { return html::tag_of(n) == GUMBO_TAG_MAIN || html::attr(n, "role") == "main"; });
  if (scope == nullptr) scope = root;
  auto find_in_scope = [&](const std::function<bool(const Node*)>& match) {
    const Node* found = nullptr;
    html::walk(scope, [&](const Node* n) {
      if (found != nullptr || not_comment(n)) return false;
      if (match(n)) {
        found = n;
        return false;
      }
      return true;
    });
    return found;
  };
  const Node* h1 = find_in_scope([](const Node* n) { return html::tag_of(n) == GUMBO_TAG_H1; });
  if (h1 == nullptr) h1 = html::find_first(root, [](const Node* n) { return html::tag_of(n) == GUMBO_TAG_H1; });
  if (h1 != nullptr)
    if (std::string t = html::text_of(h1); !t.empty()) m.title = t;
  if (const Node* time = find_in_scope([](const Node* n) { return html::tag_of(n) == GUMBO_TAG_TIME; })) {
    m.date = html::any_date(html::has_attr(time, "datetime") ? html::attr(time, "datetime") : html::text_of(time));
  }
  if (!m.date)
    if (const Node* dated = find_in_scope([](const Node* n) {
          return html::class_or_id_contains(n, "dateline") || html::class_or_id_contains(n, "published") ||
                 html::has_class(n, "date") || html::class_or_id_contains(n, "post-date") ||
                 html::class_or_id_contains(n, "entry-date");
        }))
      m.date = html::any_date(html::text_of(dated));
  const Node* author =
      find_in_scope([](const Node* n) { return html::tag_of(n) == GUMBO_TAG_A && has_rel(n, "author"); });
  if (author == nullptr)
    author = find_in_scope([](const Node* n) {
      return html::has_class(n, "author") || html::has_class(n, "byline") || html::class_or_id_contains(n, "byline");
    });
  if (author != nullptr) m.author = tidy_byline(html::text_of(author));
  html::walk(scope, [&](const Node* n) {
    if (not_comment(n)) return false;
    if (html::tag_of(n) == GUMBO_TAG_A && has_rel(n, "tag")) {
      std::string tag = html::text_of(n);
      if (!tag.empty() && std::find(m.tags.begin(), m.tags.end(), tag) == m.tags.end()) m.tags.push_back(tag);
    }
    return true;
  });
  // The body: itemprop=articleBody when the page marks it, else the densest
  // block of the scope.
  auto skip = [&](const Node* n) { return not_comment(n); };
  if (const Node* marked = find_in_scope([](const Node* n) { return html::attr(n, "itemprop") == "articleBody"; }))
    m.text = html::paragraphs_of(marked, skip);
  else
    m.text = html::article_body(scope, skip);
  return m;
}

bool looks_like_error_page(const std::optional<std::string>& title) {
  if (!title) return false;
  std::string t = *title;
  for (char& c : t) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return t.find("404") != std::string::npos || t.find("not found") != std::string::npos ||
         t.find("page not available") != std::string::npos || t.find("error") == 0;
}

std::size_t paragraphs(const std::string& text) {
  if (text.empty()) return 0;
  std::size_t count = 1;
  for (std::size_t at = text.find("\n\n"); at != std::string::npos; at = text.find("\n\n", at + 2)) ++count;
  return count;
}

}  // namespace

ParseResult parse_html_bytes(std::string_view bytes, std::string_view http_charset) {
  ParseResult result;
  html::DecodedHtml decoded = html::decode_html(bytes, http_charset);
  result.warnings = decoded.warnings;
  html::Document doc(decoded.text);
  html::Metadata meta = html::read_metadata(doc);
  html::MarkupComments markup_comments = html::read_markup_comments(doc.root());
  std::set<const Node*> comment_elements(markup_comments.elements.begin(), markup_comments.elements.end());
  // The whole comments section is no part of the body, even its headings.
  html::walk(doc.root(), [&](const Node* n) {
    std::string_view id = html::attr(n, "id");
    if (id == "comments" || id == "respond" || html::has_class(n, "comments-area") || html::has_class(n, "comments") ||
        html::has_class(n, "commentlist") || html::has_class(n, "comment-list") ||
        html::has_class(n, "comment-respond")) {
      comment_elements.insert(n);
      return false;
    }
    return true;
  });
  MarkupFields markup = read_markup(doc, comment_elements);

  Article& a = result.page.article;
  a.title = first_of<std::string>(
                {meta.json_ld.title, meta.microdata.title, meta.meta.title, markup.title, meta.title_element})
                .value_or("");
  a.date = first_of<std::string>({meta.json_ld.date, meta.microdata.date, meta.meta.date, markup.date});
  a.author = first_of<std::string>({meta.json_ld.author, meta.microdata.author, meta.meta.author, markup.author});
  for (const std::vector<std::string>* tags : {&meta.json_ld.tags, &meta.microdata.tags, &meta.meta.tags, &markup.tags})
    if (!tags->empty()) {
      a.tags = *tags;
      break;
    }
  // articleBody in JSON-LD is trusted unless it is a cut-off teaser of the
  // body the markup holds.
  a.text = markup.text;
  if (meta.json_ld.text && meta.json_ld.text->size() * 3 >= markup.text.size() * 2) {
    std::string body = *meta.json_ld.text;
    // Plain text: its own blank lines are its paragraphs.
    std::string tidy;
    std::size_t start = 0;
    while (start <= body.size()) {
      std::size_t end = body.find("\n\n", start);
      std::string p =
          html::collapse_space(body.substr(start, end == std::string::npos ? std::string::npos : end - start));
      if (!p.empty()) tidy += (tidy.empty() ? "" : "\n\n") + p;
      if (end == std::string::npos) break;
      start = end + 2;
    }
    a.text = tidy;
  }
  result.page.comments = !meta.json_ld_comments.empty() ? meta.json_ld_comments : markup_comments.comments;

  // An article: typed so by its metadata, or shaped so (one main article
  // with a heading and a body of some length). Not: a page typed otherwise,
  // a list of teasers, an error page.
  const bool typed = meta.json_ld.says_article || meta.microdata.says_article || meta.meta.says_article;
  const bool typed_not = (meta.json_ld.says_not_article || meta.meta.says_not_article) && !typed;
  const bool shaped = !a.title.empty() && markup.articles <= 2 &&
                      (a.text.size() >= 600 || (a.text.size() >= 200 && paragraphs(a.text) >= 2) ||
                       (markup.articles == 1 && markup.title.has_value()));
  const bool error_page = looks_like_error_page(a.title) && a.text.size() < 1000;
  result.is_news_page = !a.title.empty() && !a.text.empty() && !error_page && !typed_not && (typed || shaped);
  if (!result.is_news_page) result.warnings.push_back("not an article (a section front, a list or an error page)");
  return result;
}

}  // namespace byline
