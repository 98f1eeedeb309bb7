#include "html_metadata.h"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "html_dates.h"
#include "page_author.h"

namespace byline::html {
namespace {

using nlohmann::json;

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// "https://schema.org/NewsArticle" -> "NewsArticle".
std::string_view last_path_part(std::string_view type) {
  std::size_t slash = type.find_last_of("/#:");
  return slash == std::string_view::npos ? type : type.substr(slash + 1);
}

std::optional<std::string> non_empty(std::string text) {
  text = collapse_space(text);
  if (text.empty()) return std::nullopt;
  return text;
}

bool looks_like_url(std::string_view text) {
  return text.rfind("http://", 0) == 0 || text.rfind("https://", 0) == 0 || text.rfind("/", 0) == 0;
}

std::optional<std::string> tidy_name(const std::string& raw) {
  std::string name = collapse_space(raw);
  if (name.empty() || looks_like_url(name)) return std::nullopt;
  if (name.size() > 3 && lower(name.substr(0, 3)) == "by ") name = name.substr(3);
  return page_text::tidy_author(name);
}

void add_tags(std::vector<std::string>& tags, std::string_view text) {
  // "a, b, c" as keywords are usually given.
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t comma = text.find(',', start);
    std::string tag = collapse_space(text.substr(start, comma == std::string_view::npos ? text.npos : comma - start));
    if (!tag.empty() && std::find(tags.begin(), tags.end(), tag) == tags.end()) tags.push_back(tag);
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
}

// ---- JSON-LD ----

bool json_has_type(const json& node, bool (*pred)(std::string_view)) {
  if (!node.is_object() || !node.contains("@type")) return false;
  const json& type = node["@type"];
  if (type.is_string()) return pred(last_path_part(type.get<std::string>()));
  if (type.is_array())
    for (const json& t : type)
      if (t.is_string() && pred(last_path_part(t.get<std::string>()))) return true;
  return false;
}

bool is_comment_type(std::string_view type) { return type == "Comment" || type == "Answer"; }

bool is_page_type(std::string_view type) {
  return type == "WebPage" || type == "CollectionPage" || type == "WebSite" || type == "SearchResultsPage" ||
         type == "ItemList" || type == "ProfilePage";
}

std::string json_text(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number()) return v.dump();
  if (v.is_array() && !v.empty()) return json_text(v.front());
  if (v.is_object()) {
    if (v.contains("name")) return json_text(v["name"]);
    if (v.contains("@value")) return json_text(v["@value"]);
  }
  return "";
}

std::vector<std::string> json_names(const json& v) {
  std::vector<std::string> names;
  auto add = [&](const json& one) {
    std::optional<std::string> name = tidy_name(json_text(one));
    if (name && std::find(names.begin(), names.end(), *name) == names.end()) names.push_back(*name);
  };
  if (v.is_array())
    for (const json& one : v) add(one);
  else
    add(v);
  return names;
}

std::optional<std::string> json_date(const json& object, std::initializer_list<const char*> keys) {
  for (const char* key : keys)
    if (object.contains(key))
      if (auto date = any_date(json_text(object[key]))) return date;
  return std::nullopt;
}

// Finds every object in a JSON-LD value: top level, arrays, "@graph".
void collect_objects(const json& node, std::vector<const json*>& out, int depth = 0) {
  if (depth > 8) return;
  if (node.is_array()) {
    for (const json& item : node) collect_objects(item, out, depth + 1);
  } else if (node.is_object()) {
    out.push_back(&node);
    if (node.contains("@graph")) collect_objects(node["@graph"], out, depth + 1);
    if (node.contains("mainEntity")) collect_objects(node["mainEntity"], out, depth + 1);
  }
}

void add_json_comments(const json& list, std::optional<int> parent, std::vector<Comment>& out, int depth = 0) {
  if (depth > 200) return;
  auto one = [&](const json& c) {
    if (!c.is_object() || (c.contains("@type") && !json_has_type(c, is_comment_type))) return;
    Comment comment;
    comment.index = static_cast<int>(out.size()) + 1;
    comment.parent = parent;
    std::vector<std::string> names = c.contains("author") ? json_names(c["author"]) : std::vector<std::string>{};
    comment.author = names.empty() ? "" : names.front();
    comment.date = json_date(c, {"dateCreated", "datePublished", "commentTime"});
    comment.text = c.contains("text")          ? json_text(c["text"])
                   : c.contains("description") ? json_text(c["description"])
                                               : "";
    out.push_back(comment);
    const int self = comment.index;
    if (c.contains("comment")) add_json_comments(c["comment"], self, out, depth + 1);
  };
  if (list.is_array())
    for (const json& c : list) one(c);
  else
    one(list);
}

void read_json_ld(const Document& doc, Metadata& meta) {
  std::vector<const Node*> scripts = find_all(doc.root(), [](const Node* n) {
    return tag_of(n) == GUMBO_TAG_SCRIPT && lower(attr(n, "type")).find("ld+json") != std::string::npos;
  });
  bool found_article = false;
  for (const Node* script : scripts) {
    std::string source;
    for (const Node* child : children(script))
      if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_CDATA) source += child->v.text.text;
    json value = json::parse(source, nullptr, /*allow_exceptions=*/false);
    if (value.is_discarded()) continue;
    std::vector<const json*> objects;
    collect_objects(value, objects);
    for (const json* object : objects) {
      if (json_has_type(*object, is_page_type)) meta.json_ld.says_not_article = true;
      if (found_article || !json_has_type(*object, is_article_type)) continue;
      found_article = true;
      ArticleFields& a = meta.json_ld;
      a.says_article = true;
      if (object->contains("headline")) a.title = non_empty(json_text((*object)["headline"]));
      if (!a.title && object->contains("name")) a.title = non_empty(json_text((*object)["name"]));
      a.date = json_date(*object, {"datePublished", "dateCreated", "uploadDate"});
      if (object->contains("author")) {
        std::vector<std::string> names = json_names((*object)["author"]);
        if (!names.empty()) a.author = join_names(names);
      }
      if (object->contains("keywords")) {
        const json& k = (*object)["keywords"];
        if (k.is_array()) {
          for (const json& t : k) add_tags(a.tags, json_text(t));
        } else {
          add_tags(a.tags, json_text(k));
        }
      }
      if (object->contains("articleBody")) {
        std::string body = json_text((*object)["articleBody"]);
        if (!collapse_space(body).empty()) a.text = body;
      }
      if (object->contains("comment")) add_json_comments((*object)["comment"], std::nullopt, meta.json_ld_comments);
    }
  }
}

// ---- microdata and RDFa Lite ----

std::string_view item_type(const Node* n) {
  if (has_attr(n, "itemtype")) return attr(n, "itemtype");
  return attr(n, "typeof");
}

std::string_view item_prop(const Node* n) {
  if (has_attr(n, "itemprop")) return attr(n, "itemprop");
  std::string_view p = attr(n, "property");
  return p.rfind("og:", 0) == 0 || p.rfind("article:", 0) == 0 ? std::string_view() : p;
}

bool is_scope(const Node* n) { return has_attr(n, "itemscope") || has_attr(n, "typeof"); }

// The value of a property element, as microdata defines it.
std::string prop_value(const Node* n) {
  if (has_attr(n, "content")) return std::string(attr(n, "content"));
  switch (tag_of(n)) {
    case GUMBO_TAG_META:
      return std::string(attr(n, "content"));
    case GUMBO_TAG_TIME:
      if (has_attr(n, "datetime")) return std::string(attr(n, "datetime"));
      break;
    default:
      break;
  }
  return text_of(n);
}

bool type_is_article(std::string_view types) {
  std::size_t start = 0;
  while (start < types.size()) {
    std::size_t end = types.find(' ', start);
    std::string_view one = types.substr(start, end == std::string_view::npos ? types.npos : end - start);
    if (is_article_type(last_path_part(one))) return true;
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return false;
}

// The properties of one item: elements with itemprop under it, not inside a
// nested item (whose own itemprop still belongs to this one).
void item_properties(const Node* scope, const std::function<void(std::string_view, const Node*)>& on_prop) {
  for (const Node* child : children(scope)) {
    walk(child, [&](const Node* n) {
      std::string_view prop = item_prop(n);
      if (!prop.empty()) on_prop(prop, n);
      return !is_scope(n);
    });
  }
}

void read_microdata(const Document& doc, Metadata& meta) {
  const Node* item = find_first(doc.root(), [](const Node* n) { return is_scope(n) && type_is_article(item_type(n)); });
  if (item == nullptr) return;
  ArticleFields& a = meta.microdata;
  a.says_article = true;
  std::vector<std::string> authors;
  item_properties(item, [&](std::string_view prop, const Node* n) {
    if (prop == "headline" || (prop == "name" && !a.title)) {
      if (!a.title || prop == "headline") a.title = non_empty(prop_value(n));
    } else if (prop == "datePublished" || (prop == "dateCreated" && !a.date)) {
      if (auto d = any_date(prop_value(n))) a.date = d;
    } else if (prop == "author" || prop == "creator") {
      std::string name;
      if (is_scope(n)) {
        item_properties(n, [&](std::string_view p, const Node* m) {
          if (p == "name" && name.empty()) name = prop_value(m);
        });
      }
      if (name.empty()) name = prop_value(n);
      if (auto tidy = tidy_name(name))
        if (std::find(authors.begin(), authors.end(), *tidy) == authors.end()) authors.push_back(*tidy);
    } else if (prop == "keywords" || prop == "about") {
      add_tags(a.tags, prop_value(n));
    } else if (prop == "articleBody") {
      // The body's paragraphs are read from the markup (html_body.h).
      a.text = std::string();
    }
  });
  if (!authors.empty()) a.author = join_names(authors);
}

// ---- OpenGraph and <meta> ----

void read_meta_tags(const Document& doc, Metadata& meta) {
  ArticleFields& a = meta.meta;
  std::vector<std::string> authors;
  std::optional<std::string> title_element;
  walk(doc.root(), [&](const Node* n) {
    if (tag_of(n) == GUMBO_TAG_BODY) return true;
    if (tag_of(n) == GUMBO_TAG_TITLE && !title_element) title_element = non_empty(text_of(n));
    if (tag_of(n) != GUMBO_TAG_META) return true;
    std::string key = lower(has_attr(n, "property") ? attr(n, "property") : attr(n, "name"));
    if (key.empty()) key = lower(attr(n, "itemprop"));
    const std::string value = std::string(attr(n, "content"));
    if (key == "og:title" || (key == "twitter:title" && !a.title)) {
      if (key == "og:title" || !a.title) a.title = non_empty(value);
    } else if (key == "og:type") {
      const std::string type = lower(value);
      if (type == "article" || type.rfind("article", 0) == 0 || type == "blog")
        a.says_article = true;
      else if (type == "website" || type == "profile")
        a.says_not_article = true;
    } else if (key == "article:published_time" || key == "datepublished" || key == "date" || key == "pubdate" ||
               key == "publishdate" || key == "dc.date" || key == "dc.date.issued" || key == "parsely-pub-date" ||
               key == "sailthru.date" || key == "og:article:published_time") {
      if (!a.date || key == "article:published_time")
        if (auto d = any_date(value)) a.date = d;
    } else if (key == "author" || key == "article:author" || key == "dc.creator" || key == "parsely-author" ||
               key == "sailthru.author" || key == "byl") {
      if (auto name = tidy_name(value))
        if (std::find(authors.begin(), authors.end(), *name) == authors.end()) authors.push_back(*name);
    } else if (key == "article:tag") {
      add_tags(a.tags, value);
    } else if (key == "keywords" || key == "news_keywords") {
      if (a.tags.empty()) add_tags(a.tags, value);
    }
    return true;
  });
  meta.title_element = title_element;
  if (!authors.empty()) a.author = join_names(authors);
}

}  // namespace

bool is_article_type(std::string_view type) {
  static constexpr std::string_view kTypes[] = {"Article",
                                                "NewsArticle",
                                                "BlogPosting",
                                                "ReportageNewsArticle",
                                                "AnalysisNewsArticle",
                                                "OpinionNewsArticle",
                                                "ReviewNewsArticle",
                                                "BackgroundNewsArticle",
                                                "LiveBlogPosting",
                                                "TechArticle",
                                                "Report",
                                                "SocialMediaPosting",
                                                "DiscussionForumPosting",
                                                "ScholarlyArticle",
                                                "AdvertiserContentArticle",
                                                "SatiricalArticle"};
  return std::find(std::begin(kTypes), std::end(kTypes), type) != std::end(kTypes);
}

std::string join_names(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " and " : ", ";
    out += names[i];
  }
  return out;
}

Metadata read_metadata(const Document& doc) {
  Metadata meta;
  read_json_ld(doc, meta);
  read_microdata(doc, meta);
  read_meta_tags(doc, meta);
  return meta;
}

}  // namespace byline::html
