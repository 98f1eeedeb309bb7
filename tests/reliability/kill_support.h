// Helpers for the kill and writers tests (header-only: only *_test.cc files
// are globbed): what `byline search` answers for everything in an index, as
// one comparable value, and copying a prepared index.
#ifndef BYLINE_TESTS_KILL_SUPPORT_H
#define BYLINE_TESTS_KILL_SUPPORT_H

#include <nlohmann/json.hpp>
#include <set>

#include "reliability_support.h"

namespace byline::test::reliability {

// The answer of `byline search ""` (every document): its exit code and, on
// success, the exact total and the set of hit ids.
struct Answer {
  int exit_code = -1;
  std::string err;
  std::uint64_t total = 0;
  std::set<std::string> ids;
  bool operator==(const Answer& o) const { return exit_code == o.exit_code && total == o.total && ids == o.ids; }
};

inline Answer search_everything(const std::string& db, const fs::path& logs, const std::string& name = "search") {
  Finished r = run_timed(
      {"--db", db, "search", "--format", "json", "-n", "1000000", "--snippet-chars", "0", "--facets", "type", ""}, logs,
      60, name);
  Answer answer;
  answer.exit_code = r.exit_code;
  answer.err = r.err;
  if (r.exit_code != 0) return answer;
  try {
    const nlohmann::json out = nlohmann::json::parse(r.out);
    answer.total = out["total"].get<std::uint64_t>();
    for (const nlohmann::json& hit : out["hits"]) answer.ids.insert(hit["id"].get<std::string>());
  } catch (const std::exception& e) {
    answer.exit_code = -2;
    answer.err = std::string("invalid JSON: ") + e.what();
  }
  return answer;
}

// The same answer read with Xapian in this process (cheaper than a search
// process; for states already checked through `byline search`).
inline Answer indexed_everything(const std::string& db) {
  Answer answer;
  Xapian::Database x(db);
  answer.exit_code = 0;
  answer.total = x.get_doccount();
  for (auto it = x.allterms_begin(schema::kPrefixId); it != x.allterms_end(schema::kPrefixId); ++it)
    answer.ids.insert((*it).substr(std::string(schema::kPrefixId).size()));
  return answer;
}

inline void copy_index(const fs::path& from, const fs::path& to) {
  fs::remove_all(to);
  fs::copy(from, to, fs::copy_options::recursive);
}

// The names in `folder` that a run left behind (leftovers.h's patterns).
inline std::vector<std::string> temporary_names(const fs::path& folder) {
  std::vector<std::string> found;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    const std::string name = entry.path().filename().string();
    for (const char* mark : {".compacting.", ".resharding.", ".old.", "XAPIANDB.tmp"})
      if (name.find(mark) != std::string::npos) found.push_back(name);
  }
  return found;
}

inline int env_int(const char* name, int fallback) {
  const char* text = std::getenv(name);
  return text != nullptr && *text != '\0' ? std::atoi(text) : fallback;
}

}  // namespace byline::test::reliability

#endif  // BYLINE_TESTS_KILL_SUPPORT_H
