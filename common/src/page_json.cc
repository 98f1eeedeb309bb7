#include "byline/page_json.h"

#include <nlohmann/json.hpp>

#include "byline/error.h"

namespace byline {
namespace {

using nlohmann::json;

json optional_string(const std::optional<std::string>& value) {
  if (!value) return nullptr;
  return *value;
}

json optional_int(const std::optional<int>& value) {
  if (!value) return nullptr;
  return *value;
}

std::string get_string(const json& object, const char* key, const char* where) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return {};
  if (!it->is_string()) throw Error(std::string(where) + "." + key + " is not a string");
  return it->get<std::string>();
}

std::optional<std::string> get_optional_string(const json& object, const char* key, const char* where) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return std::nullopt;
  if (!it->is_string()) throw Error(std::string(where) + "." + key + " is not a string or null");
  return it->get<std::string>();
}

std::optional<int> get_optional_int(const json& object, const char* key, const char* where) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return std::nullopt;
  if (!it->is_number_integer()) throw Error(std::string(where) + "." + key + " is not an integer or null");
  return it->get<int>();
}

}  // namespace

std::string page_to_json(const Page& page, const std::string& source, bool pretty) {
  json comments = json::array();
  for (const Comment& c : page.comments) {
    comments.push_back(json{{"index", c.index},
                            {"parent", optional_int(c.parent)},
                            {"author", c.author},
                            {"date", optional_string(c.date)},
                            {"text", c.text}});
  }
  const Article& a = page.article;
  json out{{"source", source},
           {"article",
            json{{"title", a.title},
                 {"date", optional_string(a.date)},
                 {"author", optional_string(a.author)},
                 {"tags", a.tags},
                 {"text", a.text}}},
           {"comments", std::move(comments)}};
  return out.dump(pretty ? 2 : -1, ' ', false, json::error_handler_t::replace);
}

JsonPage page_from_json(std::string_view text) {
  json doc = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) throw Error("not valid JSON");
  if (!doc.is_object()) throw Error("not a JSON object");
  auto article_it = doc.find("article");
  if (article_it == doc.end() || !article_it->is_object()) throw Error("no \"article\" object");
  const json& a = *article_it;

  JsonPage out;
  out.source = get_optional_string(doc, "source", "page");
  Article& article = out.page.article;
  article.title = get_string(a, "title", "article");
  article.date = get_optional_string(a, "date", "article");
  article.author = get_optional_string(a, "author", "article");
  article.text = get_string(a, "text", "article");
  if (auto tags = a.find("tags"); tags != a.end() && !tags->is_null()) {
    if (!tags->is_array()) throw Error("article.tags is not an array");
    for (const json& tag : *tags) {
      if (!tag.is_string()) throw Error("article.tags holds a non-string");
      article.tags.push_back(tag.get<std::string>());
    }
  }
  if (auto comments = doc.find("comments"); comments != doc.end() && !comments->is_null()) {
    if (!comments->is_array()) throw Error("\"comments\" is not an array");
    int position = 0;
    for (const json& c : *comments) {
      ++position;
      if (!c.is_object()) throw Error("comment " + std::to_string(position) + " is not an object");
      Comment comment;
      comment.index = get_optional_int(c, "index", "comment").value_or(position);
      comment.parent = get_optional_int(c, "parent", "comment");
      comment.author = get_string(c, "author", "comment");
      comment.date = get_optional_string(c, "date", "comment");
      comment.text = get_string(c, "text", "comment");
      out.page.comments.push_back(std::move(comment));
    }
  }
  return out;
}

}  // namespace byline
