#include "output_format.h"

#include <cstdio>
#include <set>

#include <nlohmann/json.hpp>

#include "command.h"
#include "render_json.h"
#include "render_text.h"
#include "render_thread.h"

namespace byline::cli {
namespace {

bool has_control_character(const std::string& text) {
  for (char c : text)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return true;
  return false;
}

std::string score_text(double score) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.6g", score);
  return buffer;
}

}  // namespace

void add_search_output_options(CLI::App& search, SearchOutput& output) {
  search
      .add_option("--format", output.format,
                  "Output format: text (for people), json (one object), jsonl (one hit per line), csv (with a "
                  "header row), ids (one id per line), files (each hit's source file once, one per line)")
      ->check(CLI::IsMember(kSearchFormats))
      ->capture_default_str();
  search.add_flag("--exit-status", output.exit_status,
                  "Exit with status 1 when nothing matches (as grep does); other statuses are unchanged");
}

std::string search_output(const std::string& format, const Query& query, const Results& results, bool color,
                          std::vector<std::string>& unlisted) {
  // --thread groups hits by page in text and JSON; the line formats list the
  // hits themselves (jsonl: one group per line).
  if (format == "json") return query.thread ? thread_search_json(query, results) : search_json(query, results);
  if (format == "jsonl") return search_jsonl(query, results);
  if (format == "csv") return search_csv(results);
  if (format == "ids") return search_ids(results);
  if (format == "files") return search_files(results, unlisted);
  return query.thread ? thread_search_text(query, results, color) : search_text(query, results, color);
}

std::string search_jsonl(const Query& query, const Results& results) {
  // The hits (with --thread: the groups) of --format json exactly, same
  // fields in the same order, so the two formats cannot drift apart.
  nlohmann::ordered_json whole =
      nlohmann::ordered_json::parse(query.thread ? thread_search_json(query, results) : search_json(query, results));
  std::string out;
  for (const auto& hit : whole[query.thread ? "groups" : "hits"])
    out += hit.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
  return out;
}

std::string csv_field(const std::string& value) {
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string search_csv(const Results& results) {
  // RFC 4180: records end with CRLF, the first record names the fields.
  std::string out = "rank,id,type,score,date,author,title,source,comment,parent,snippet\r\n";
  for (const Hit& hit : results.hits) {
    std::vector<std::string> fields = {std::to_string(hit.rank),
                                       hit.id,
                                       to_string(hit.type),
                                       score_text(hit.score),
                                       hit.date.value_or(""),
                                       hit.author.value_or(""),
                                       hit.title,
                                       hit.source,
                                       hit.comment ? std::to_string(hit.comment->index) : "",
                                       hit.comment && hit.comment->parent ? std::to_string(*hit.comment->parent) : "",
                                       hit.snippet.text};
    for (std::size_t i = 0; i < fields.size(); ++i) {
      if (i > 0) out += ',';
      out += csv_field(fields[i]);
    }
    out += "\r\n";
  }
  return out;
}

std::string search_ids(const Results& results) {
  std::string out;
  for (const Hit& hit : results.hits) out += hit.id + "\n";
  return out;
}

std::string search_files(const Results& results, std::vector<std::string>& unlisted) {
  std::string out;
  std::set<std::string> seen;
  for (const Hit& hit : results.hits) {
    if (!seen.insert(hit.source).second) continue;
    if (has_control_character(hit.source)) {
      unlisted.push_back(hit.source);
      continue;
    }
    out += hit.source + "\n";
  }
  return out;
}

int search_exit_status(const SearchOutput& output, const Results& results, bool output_written) {
  if (!output_written || results.partial) return kExitPartial;
  if (output.exit_status && results.total_upper == 0) return kExitPartial;
  return kExitOk;
}

}  // namespace byline::cli
