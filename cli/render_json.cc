#include "render_json.h"

#include <nlohmann/json.hpp>

#include "render_text.h"
#include "snippet_markup.h"

namespace byline::cli {
namespace {

// Keys in the documented order, not sorted.
using json = nlohmann::ordered_json;

json optional_string(const std::optional<std::string>& value) { return value ? json(*value) : json(nullptr); }

json comment_ref(const std::optional<CommentRef>& ref) {
  if (!ref) return nullptr;
  return {{"index", ref->index}, {"parent", ref->parent ? json(*ref->parent) : json(nullptr)}};
}

std::string dump(const json& value) {
  // Invalid UTF-8 cannot reach here from the index, but must not abort output.
  return value.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace

nlohmann::ordered_json document_object(const Document& d) {
  json out = {{"id", d.id},         {"type", to_string(d.type)},           {"page_id", d.page_id},
              {"title", d.title},   {"author", optional_string(d.author)}, {"date", optional_string(d.date)},
              {"source", d.source}, {"comment", comment_ref(d.comment)}};
  if (d.type == DocType::Article) out["tags"] = d.tags;
  out["text"] = d.text;
  return out;
}

nlohmann::ordered_json hit_json(const Hit& hit) {
  return {{"rank", hit.rank},
          {"id", hit.id},
          {"type", to_string(hit.type)},
          {"score", hit.score},
          {"title", hit.title},
          {"author", optional_string(hit.author)},
          {"date", optional_string(hit.date)},
          {"source", hit.source},
          {"comment", comment_ref(hit.comment)},
          {"snippet", with_highlights(hit.snippet, "<mark>", "</mark>")}};
}

std::string search_json(const Query& query, const Results& results) {
  json hits = json::array();
  for (const Hit& hit : results.hits) {
    json object = hit_json(hit);
    if (query.collapse) object["more_on_page"] = hit.more_on_page;
    hits.push_back(std::move(object));
  }
  json out = {{"query", query.text},
              {"total", results.total},
              {"offset", query.offset},
              {"limit", query.limit},
              {"corrected", optional_string(results.corrected)},
              {"hits", std::move(hits)}};
  if (!query.facets.empty()) {
    json facets = json::object();
    for (const auto& [name, counts] : results.facets) {
      json list = json::array();
      for (const FacetCount& c : counts) list.push_back(json::array({c.value, c.count}));
      facets[name] = std::move(list);
    }
    out["facets"] = std::move(facets);
  }
  if (results.partial) {
    out["partial"] = true;
    out["failed_shards"] = results.failed_shards;
  }
  return dump(out);
}

std::string document_json(const Document& document, const std::vector<Document>& comments) {
  json out = document_object(document);
  if (document.type == DocType::Article) {
    json list = json::array();
    std::vector<int> depths = reply_depths(comments);
    for (std::size_t i = 0; i < comments.size(); ++i) {
      json c = document_object(comments[i]);
      c["depth"] = depths[i];
      list.push_back(std::move(c));
    }
    out["comments"] = std::move(list);
  }
  return dump(out);
}

}  // namespace byline::cli
