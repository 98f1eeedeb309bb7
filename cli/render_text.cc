#include "render_text.h"

#include <cstdio>
#include <map>

#include "facets_text.h"
#include "snippet_markup.h"
#include "terminal_text.h"

namespace byline::cli {
namespace {

constexpr const char* kBold = "\x1b[1m";
constexpr const char* kReset = "\x1b[0m";

// "2013-04-22T22:08" -> "2013-04-22 22:08".
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

std::string comment_line(const CommentRef& ref) {
  std::string out = "comment " + std::to_string(ref.index);
  if (ref.parent) out += " (reply to " + std::to_string(*ref.parent) + ")";
  return out;
}

// "71 matches", or an estimate with its bounds.
std::string total_text(const Results& results) {
  std::string noun = results.total == 1 ? " match" : " matches";
  if (results.total_exact) return std::to_string(results.total) + noun;
  return "about " + std::to_string(results.total) + noun + " (estimate: " + std::to_string(results.total_lower) +
         " to " + std::to_string(results.total_upper) + ")";
}

// The one line that says a question was relaxed (relaxed_query.h).
std::string relaxed_text(const RelaxedSearch& relaxed) {
  const std::string words = std::to_string(relaxed.words) + " words";
  std::string line = relaxed.all_words_matches == 0 ? "no document has all " + words
                     : relaxed.all_words_matches == 1
                         ? "only 1 document has all " + words
                         : "only " + std::to_string(relaxed.all_words_matches) + " documents have all " + words;
  return line + "; showing those with the most\n";
}

}  // namespace

std::string format_millis(double seconds) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f ms", seconds * 1000.0);
  return buf;
}

// The text, each line prefixed with `indent` (blank lines stay blank).
std::string indented(const std::string& text, const std::string& indent) {
  std::string out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) out += indent + text.substr(start, end - start);
    out += '\n';
    start = end + 1;
  }
  return out;
}

std::vector<int> reply_depths(const std::vector<Document>& comments) {
  std::map<int, int> depth_of;  // comment index -> depth
  std::vector<int> out;
  for (const Document& c : comments) {
    int depth = 0;
    if (c.comment && c.comment->parent) {
      auto parent = depth_of.find(*c.comment->parent);
      if (parent != depth_of.end()) depth = parent->second + 1;
    }
    if (c.comment) depth_of[c.comment->index] = depth;
    out.push_back(depth);
  }
  return out;
}

std::string search_text(const Query& query, const Results& results, bool color) {
  std::string out;
  if (results.total_upper == 0) {
    out += "No matches for '" + terminal_safe(query.text) + "'.\n";
  } else {
    out += total_text(results) + " (" + format_millis(results.seconds) + ")";
    // -n 0 asks for the count alone; a page past the last hit says so.
    if (results.hits.empty() && query.limit > 0) {
      out += ", none from offset " + std::to_string(query.offset);
    } else if (!results.hits.empty() && (results.hits.size() < results.total || query.offset > 0)) {
      out += ", showing " + std::to_string(results.hits.front().rank) + "-" + std::to_string(results.hits.back().rank);
    }
    out += "\n";
  }
  if (results.relaxed) out += relaxed_text(*results.relaxed);
  if (results.corrected) out += "Did you mean: " + terminal_safe(*results.corrected) + "\n";
  out += facets_text(results);
  for (const Hit& hit : results.hits) {
    out += '\n';
    out += std::to_string(hit.rank) + ". " + to_string(hit.type) + "  " + shown_date(hit.date) + "  " +
           shown_author(hit.author) + "\n";
    out += "   " + (hit.type == DocType::Comment ? std::string("on: ") : std::string()) +
           bold(terminal_safe(hit.title), color) + "\n";
    if (!hit.snippet.text.empty()) {
      // On one line, without a byte that could drive the terminal.
      Snippet snippet = terminal_safe(hit.snippet);
      out += "   " + (color ? with_highlights(snippet, kBold, kReset) : snippet.text) + "\n";
    }
    out += "   " + terminal_safe(hit.source);
    if (hit.comment) out += ", " + comment_line(*hit.comment);
    out += "\n   id " + terminal_safe(hit.id) + "\n";
    if (query.collapse && hit.more_on_page > 0)
      out += "   +" + std::to_string(hit.more_on_page) + " more on this page\n";
  }
  return out;
}

std::string document_text(const Document& d, const std::vector<Document>& comments, bool color) {
  std::string out = bold(terminal_safe(d.title), color) + "\n";
  if (d.comment) out += comment_line(*d.comment) + " on the article " + terminal_safe(d.page_id) + "\n";
  out += shown_date(d.date) + "  " + shown_author(d.author) + "\n";
  out += "source: " + terminal_safe(d.source) + "\n";
  if (!d.tags.empty()) {
    out += "tags:";
    for (std::size_t i = 0; i < d.tags.size(); ++i) out += (i ? ", " : " ") + terminal_safe(d.tags[i]);
    out += "\n";
  }
  out += "id: " + terminal_safe(d.id) + "\n";
  if (!d.text.empty()) {
    out += '\n';
    out += terminal_safe(d.text, Layout::KeepLines);
    out += '\n';
  }
  if (d.type != DocType::Article) return out;
  out += '\n';
  out += std::to_string(comments.size()) + (comments.size() == 1 ? " comment" : " comments") +
         (comments.empty() ? ".\n" : ":\n");
  std::vector<int> depths = reply_depths(comments);
  for (std::size_t i = 0; i < comments.size(); ++i) {
    const Document& c = comments[i];
    std::string indent(2 + 4 * static_cast<std::size_t>(depths[i]), ' ');
    out += '\n';
    out += indent + bold(std::to_string(c.comment ? c.comment->index : 0) + ". " + shown_author(c.author), color) +
           "  " + shown_date(c.date) + "  id " + terminal_safe(c.id) + "\n";
    out += indented(c.text.empty() ? "(empty)" : terminal_safe(c.text, Layout::KeepLines), indent + "   ");
  }
  return out;
}

std::string skipped_reasons_text(const SkippedFiles& skipped) {
  std::string out;
  auto part = [&](std::uint64_t n, const char* one, const char* many) {
    if (n == 0) return;
    if (!out.empty()) out += ", ";
    out += std::to_string(n) + " " + (n == 1 ? one : many);
  };
  part(skipped.binary, "binary", "binary");
  part(skipped.too_large, "too large", "too large");
  part(skipped.not_article, "not an article", "not articles");
  part(skipped.duplicate, "duplicate", "duplicates");
  return out;
}

}  // namespace byline::cli
