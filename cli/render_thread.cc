#include "render_thread.h"

#include <algorithm>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "render_json.h"
#include "render_text.h"
#include "snippet_markup.h"
#include "terminal_text.h"

namespace byline::cli {
namespace {

using json = nlohmann::ordered_json;

constexpr const char* kBold = "\x1b[1m";
constexpr const char* kReset = "\x1b[0m";

std::string shown_date(const std::optional<std::string>& date) {
  if (!date) return "(no date)";
  std::string out = *date;
  if (out.size() > 10 && out[10] == 'T') out[10] = ' ';
  return terminal_safe(out);
}

std::string shown_author(const std::optional<std::string>& author) {
  return author && !author->empty() ? terminal_safe(*author) : "(no author)";
}

std::string bold(const std::string& text, bool color) { return color ? kBold + text + kReset : text; }

// A snippet on one line, without a byte that could drive the terminal.
std::string one_line(const Snippet& hostile, bool color) {
  const Snippet snippet = terminal_safe(hostile);
  return color ? with_highlights(snippet, kBold, kReset) : snippet.text;
}

// The start of an ancestor shown only for context (--matching): its first
// kContextBytes bytes on one line, terminal-safe, cut after a whole word (and never inside a
// UTF-8 sequence), "…" when cut.
constexpr std::size_t kContextBytes = 160;
std::string context_excerpt(const std::string& text) {
  if (text.empty()) return "(empty)";
  // Page text is hostile: made safe (and one line) before it is cut.
  std::string out = terminal_safe(text);
  if (out.size() <= kContextBytes) return out;
  std::size_t cut = out.rfind(' ', kContextBytes);
  if (cut == std::string::npos || cut < kContextBytes / 2) {
    cut = kContextBytes;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
  }
  out.resize(cut);
  return out + "…";
}

std::string reply_note(const Hit& hit) {
  if (!hit.comment || !hit.comment->parent) return {};
  std::string out = "  reply to #" + std::to_string(*hit.comment->parent);
  if (hit.parent_author && !hit.parent_author->empty()) out += " by " + terminal_safe(*hit.parent_author);
  return out;
}

// A document's text with the query's matches marked.
std::string marked_text(const Document& d, const ThreadMarks& marks, bool color) {
  auto found = marks.highlighted.find(d.id);
  if (found == marks.highlighted.end()) return terminal_safe(d.text, Layout::KeepLines);
  const Snippet text = terminal_safe(found->second, Layout::KeepLines);
  return color ? with_highlights(text, kBold, kReset) : with_highlights(text, "*", "*");
}

json hit_with_parent(const Hit& hit) {
  json out = hit_json(hit);
  out["parent_author"] = hit.parent_author ? json(*hit.parent_author) : json(nullptr);
  return out;
}

}  // namespace

std::string thread_search_text(const Query& query, const Results& results, bool color) {
  std::string out;
  if (results.total == 0) {
    out += "No matches for '" + terminal_safe(query.text) + "'.\n";
  } else {
    bool exact = results.total_lower == results.total_upper;
    out += (exact ? "" : "about ") + std::to_string(results.total) + (results.total == 1 ? " page" : " pages") +
           " match (" + format_millis(results.seconds) + ")";
    if (results.groups.empty())
      out += ", none from offset " + std::to_string(query.offset);
    else if (results.groups.size() < results.total)
      out +=
          ", showing " + std::to_string(results.groups.front().rank) + "-" + std::to_string(results.groups.back().rank);
    out += "\n";
  }
  if (results.corrected) out += "Did you mean: " + terminal_safe(*results.corrected) + "\n";
  for (const ThreadGroup& g : results.groups) {
    const Hit& a = g.article;
    out += '\n';
    out += std::to_string(g.rank) + ". " + bold(terminal_safe(a.title), color) + "\n";
    out += "   article  " + shown_date(a.date) + "  " + shown_author(a.author) +
           (g.article_matched ? "" : "  (the article does not match)") + "\n";
    if (g.article_matched && !a.snippet.text.empty()) out += "   " + one_line(a.snippet, color) + "\n";
    out += "   " + terminal_safe(a.source) + "\n   id " + terminal_safe(g.page_id) + "\n";
    out += "   " + std::to_string(g.comments_matching) + " of " + std::to_string(g.comments_total) +
           (g.comments_total == 1 ? " comment matches" : " comments match") + (g.comments.empty() ? "\n" : ":\n");
    for (const Hit& c : g.comments) {
      out += "     #" + std::to_string(c.comment ? c.comment->index : 0) + " " + shown_author(c.author) + "  " +
             shown_date(c.date) + reply_note(c) + "\n";
      if (!c.snippet.text.empty()) out += "        " + one_line(c.snippet, color) + "\n";
      out += "        id " + terminal_safe(c.id) + "\n";
    }
    if (g.comments_matching > g.comments.size())
      out += "     +" + std::to_string(g.comments_matching - g.comments.size()) + " more matching comments\n";
  }
  return out;
}

std::string thread_search_json(const Query& query, const Results& results) {
  json groups = json::array();
  for (const ThreadGroup& g : results.groups) {
    json hits = json::array();
    for (const Hit& c : g.comments) hits.push_back(hit_with_parent(c));
    groups.push_back({{"rank", g.rank},
                      {"page", g.page_id},
                      {"article", hit_json(g.article)},
                      {"article_matched", g.article_matched},
                      {"comments", {{"total", g.comments_total}, {"matching", g.comments_matching}, {"hits", hits}}}});
  }
  // The same envelope as search_json's, with "groups" for "hits".
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
  out["corrected"] = results.corrected ? json(*results.corrected) : json(nullptr);
  out["groups"] = std::move(groups);
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
  return out.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
}

std::vector<TreeNode> reply_tree(const std::vector<Document>& comments, const ThreadMarks& marks, bool matching_only) {
  std::map<int, std::size_t> position;  // comment index -> position in `comments`
  for (std::size_t i = 0; i < comments.size(); ++i)
    if (comments[i].comment) position[comments[i].comment->index] = i;
  // A parent that is not on the page (or comes later: a cycle cannot be
  // built from page order, but hostile input may try) makes a root.
  auto parent_of = [&](std::size_t i) -> std::optional<std::size_t> {
    const Document& c = comments[i];
    if (!c.comment || !c.comment->parent) return std::nullopt;
    auto p = position.find(*c.comment->parent);
    if (p == position.end() || p->second >= i) return std::nullopt;
    return p->second;
  };
  std::vector<bool> keep(comments.size(), !matching_only);
  std::vector<bool> context(comments.size(), false);
  if (matching_only) {
    for (std::size_t i = 0; i < comments.size(); ++i) {
      if (!marks.matching.count(comments[i].id)) continue;
      keep[i] = true;
      for (std::optional<std::size_t> p = parent_of(i); p && !keep[*p]; p = parent_of(*p))
        keep[*p] = context[*p] = true;
    }
  }
  std::vector<std::vector<std::size_t>> children(comments.size());
  std::vector<std::size_t> roots;
  for (std::size_t i = 0; i < comments.size(); ++i) {
    if (!keep[i]) continue;
    if (std::optional<std::size_t> p = parent_of(i))
      children[*p].push_back(i);
    else
      roots.push_back(i);
  }
  std::vector<TreeNode> out;
  // Iterative depth-first walk: replies may nest thousands deep.
  std::vector<std::pair<std::size_t, int>> stack;
  for (auto r = roots.rbegin(); r != roots.rend(); ++r) stack.push_back({*r, 0});
  while (!stack.empty()) {
    auto [i, depth] = stack.back();
    stack.pop_back();
    out.push_back({&comments[i], depth, context[i]});
    for (auto c = children[i].rbegin(); c != children[i].rend(); ++c) stack.push_back({*c, depth + 1});
  }
  return out;
}

std::string thread_text(const Document& d, const std::optional<std::vector<Document>>& comments,
                        const ThreadMarks& marks, bool matching_only, bool color) {
  std::string out = bold(terminal_safe(d.title), color) + "\n";
  if (d.comment) {
    out += "comment " + std::to_string(d.comment->index);
    if (d.comment->parent) out += " (reply to " + std::to_string(*d.comment->parent) + ")";
    out += " on the article " + terminal_safe(d.page_id) + "\n";
  }
  out += shown_date(d.date) + "  " + shown_author(d.author) + "\n";
  out += "source: " + terminal_safe(d.source) + "\n";
  if (!d.tags.empty()) {
    out += "tags:";
    for (std::size_t i = 0; i < d.tags.size(); ++i) out += (i ? ", " : " ") + terminal_safe(d.tags[i]);
    out += "\n";
  }
  out += "id: " + terminal_safe(d.id) + "\n";
  if (!d.text.empty()) out += "\n" + marked_text(d, marks, color) + "\n";
  if (!comments) return out;
  out += '\n';
  std::size_t matching = 0;
  for (const Document& c : *comments) matching += marks.matching.count(c.id);
  out += std::to_string(comments->size()) + (comments->size() == 1 ? " comment" : " comments");
  if (marks.has_query) out += ", " + std::to_string(matching) + " matching";
  out += comments->empty() ? ".\n" : ":\n";
  std::map<int, const Document*> by_index;
  for (const Document& c : *comments)
    if (c.comment) by_index[c.comment->index] = &c;
  for (const TreeNode& node : reply_tree(*comments, marks, matching_only)) {
    const Document& c = *node.document;
    std::string indent(2 + 4 * static_cast<std::size_t>(node.depth), ' ');
    std::string head = "#" + std::to_string(c.comment ? c.comment->index : 0) + " " + shown_author(c.author);
    out += '\n' + indent + bold(head, color) + "  " + shown_date(c.date);
    if (c.comment && c.comment->parent) {
      out += "  reply to #" + std::to_string(*c.comment->parent);
      auto p = by_index.find(*c.comment->parent);
      if (p != by_index.end()) out += " by " + shown_author(p->second->author);
    }
    if (marks.has_query && marks.matching.count(c.id)) out += "  [match]";
    out += "  id " + terminal_safe(c.id) + "\n";
    if (node.context_only)
      out += indented(terminal_safe(context_excerpt(c.text), Layout::KeepLines), indent + "   ");
    else
      out += indented(c.text.empty() ? "(empty)" : marked_text(c, marks, color), indent + "   ");
  }
  return out;
}

std::string thread_json(const Document& d, const std::optional<std::vector<Document>>& comments,
                        const ThreadMarks& marks, bool matching_only) {
  auto object = [&](const Document& doc) {
    json o = document_object(doc);
    if (marks.has_query) {
      o["matched"] = marks.matching.count(doc.id) > 0;
      json spans = json::array();
      auto found = marks.highlighted.find(doc.id);
      if (found != marks.highlighted.end())
        for (const CodePointSpan& span : highlight_code_points(found->second))
          spans.push_back(json::array({span.start, span.end}));  // as search's "highlights"
      o["highlights"] = std::move(spans);
    }
    return o;
  };
  json out = {{"format_version", kJsonFormatVersion}};
  out.update(object(d));
  if (comments) {
    std::vector<TreeNode> tree = reply_tree(*comments, marks, matching_only);
    // Flat, in tree order, with depths (as `show` printed before), and nested.
    json flat = json::array();
    for (const TreeNode& node : tree) {
      json c = object(*node.document);
      c["depth"] = node.depth;
      flat.push_back(std::move(c));
    }
    json replies = json::array();
    std::vector<json*> open;  // open[depth]: the "replies" array at that depth
    open.push_back(&replies);
    for (const TreeNode& node : tree) {
      json c = object(*node.document);
      if (matching_only) c["context_only"] = node.context_only;
      c["replies"] = json::array();
      open.resize(static_cast<std::size_t>(node.depth) + 1);
      open.back()->push_back(std::move(c));
      open.push_back(&open.back()->back()["replies"]);
    }
    out["comments"] = std::move(flat);
    if (marks.has_query)
      out["matching"] = static_cast<std::size_t>(std::count_if(
          comments->begin(), comments->end(), [&](const Document& c) { return marks.matching.count(c.id) > 0; }));
    out["replies"] = std::move(replies);
  }
  return out.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace byline::cli
