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

// [[start, end], ...] in code points of the snippet's text, end exclusive.
json highlight_spans(const Snippet& snippet) {
  json spans = json::array();
  for (const CodePointSpan& span : highlight_code_points(snippet)) spans.push_back(json::array({span.start, span.end}));
  return spans;
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
          {"snippet", hit.snippet.text},
          {"highlights", highlight_spans(hit.snippet)},
          {"snippet_html", snippet_html(hit.snippet)}};
}

std::string search_json(const Query& query, const Results& results) {
  json hits = json::array();
  for (const Hit& hit : results.hits) {
    json object = hit_json(hit);
    if (query.collapse) object["more_on_page"] = hit.more_on_page;
    hits.push_back(std::move(object));
  }
  json out = {{"format_version", kJsonFormatVersion},
              {"query", query.text},
              {"total", results.total},
              {"total_exact", results.total_exact}};
  if (!results.total_exact) {
    out["total_min"] = results.total_lower;
    out["total_max"] = results.total_upper;
  }
  out["offset"] = query.offset;
  out["limit"] = query.limit;
  out["corrected"] = optional_string(results.corrected);
  out["relaxed"] = results.relaxed.has_value();
  if (results.relaxed) {
    out["relaxed_words"] = results.relaxed->words;
    out["all_words_total"] = results.relaxed->all_words_matches;
  }
  out["hits"] = std::move(hits);
  if (!query.facets.empty()) {
    json facets = json::object();
    for (const auto& [name, counts] : results.facets) {
      json list = json::array();
      for (const FacetCount& c : counts) list.push_back(json::array({c.value, c.count}));
      facets[name] = std::move(list);
    }
    out["facets"] = std::move(facets);
  }
  if (results.time_limited) out["time_limited"] = true;  // Query::time_limit cut the match
  if (results.partial) {
    out["partial"] = true;
    out["failed_shards"] = results.failed_shards;
  }
  return dump(out);
}

std::string count_json(const Query& query, const Results& results) {
  json out = {{"format_version", kJsonFormatVersion},
              {"query", query.text},
              {"total", results.total},
              {"total_exact", results.total_exact}};
  if (!results.total_exact) {
    out["total_min"] = results.total_lower;
    out["total_max"] = results.total_upper;
  }
  if (results.time_limited) out["time_limited"] = true;  // Query::time_limit cut the match
  if (results.partial) {
    out["partial"] = true;
    out["failed_shards"] = results.failed_shards;
  }
  return dump(out);
}

std::string document_json(const Document& document, const std::vector<Document>& comments) {
  json out = {{"format_version", kJsonFormatVersion}};
  out.update(document_object(document));
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

std::uint64_t files_skipped(const IndexStats& s) {
  return s.files_skipped_binary + s.files_skipped_too_large + s.files_skipped_not_article;
}

std::string stats_json(const IndexStats& s, const std::string& db, const std::optional<IndexOrigin>& origin) {
  // Keys sorted (nlohmann::json), as this output has always been.
  auto optional_string = [](const std::optional<std::string>& v) {
    return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
  };
  nlohmann::json out = {{"format_version", kJsonFormatVersion},
                        {"db", db},
                        {"documents", s.documents},
                        {"articles", s.articles},
                        {"comments", s.comments},
                        {"authors", s.authors},
                        {"files", s.files},
                        {"files_skipped",
                         {{"total", files_skipped(s)},
                          {"binary", s.files_skipped_binary},
                          {"too_large", s.files_skipped_too_large},
                          {"not_article", s.files_skipped_not_article}}},
                        {"first_date", optional_string(s.first_date)},
                        {"last_date", optional_string(s.last_date)},
                        {"language", s.language},
                        {"stopwords", s.stopwords},
                        {"schema_version", s.schema_version},
                        {"size_bytes", s.size_bytes}};
  if (origin) {
    out["index"] = {{"path", db}, {"chosen_by", origin->chosen_by}};
    if (origin->chosen_by == "config") out["index"]["config_file"] = origin->config_file;
  }
  return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace byline::cli
