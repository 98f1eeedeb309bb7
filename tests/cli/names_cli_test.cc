// `byline authors` and `byline tags`, end to end on the real binary: every
// count and first/last date is computed from make-archive's ground truth
// (each article's and comment's author, date and tags), never from Byline;
// and the seed page's ten commenters, by hand.
#include <catch2/catch.hpp>

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "test_support.h"

namespace fs = std::filesystem;
using namespace byline::test;
using nlohmann::json;

namespace {

struct Tally {
  std::uint64_t count = 0;
  std::string first, last;  // "YYYY-MM-DDTHH:MM"
  void add(const std::string& date) {
    ++count;
    if (first.empty() || date < first) first = date;
    if (last.empty() || date > last) last = date;
  }
};
using Tallies = std::map<std::string, Tally>;

struct TruthDoc {
  bool is_comment = false;
  std::string author, date;
  std::set<std::string> tags;         // the article's (comments: their article's, lowercased, for tag:)
  std::vector<std::string> own_tags;  // as printed, articles only
};

struct Archive {
  TempDir dir;
  std::string db = (dir / "db").string();
  std::vector<TruthDoc> docs;
  bool ok = false;
  std::string why;

  Archive() {
    fs::path truth = dir / "truth.jsonl";
    if (!make_archive(dir / "pages", 80, 31, truth, why)) return;
    std::istringstream lines(read_file(truth));
    std::string line;
    while (std::getline(lines, line)) {
      json p = json::parse(line);
      const json& a = p["article"];
      TruthDoc article;
      if (!a["author"].is_null()) article.author = a["author"];
      article.date = a["date"];
      for (const auto& t : a["tags"]) {
        article.own_tags.push_back(t);
        std::string lower = t;
        for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        article.tags.insert(lower);
      }
      docs.push_back(article);
      for (const auto& c : p["comments"]) {
        TruthDoc d;
        d.is_comment = true;
        d.author = c["author"];
        d.date = c["date"];
        d.tags = article.tags;
        docs.push_back(d);
      }
    }
    RunResult r = run_byline({"--db", db, "index", (dir / "pages").string()});
    ok = r.exit_code == 0;
    if (!ok) why = "indexing failed: " + r.err;
  }

  template <typename Keep>
  Tallies authors(Keep keep) const {
    Tallies out;
    for (const TruthDoc& d : docs)
      if (keep(d) && !d.author.empty()) out[d.author].add(d.date);
    return out;
  }
  template <typename Keep>
  Tallies tags(Keep keep) const {
    Tallies out;
    for (const TruthDoc& d : docs)
      if (keep(d) && !d.is_comment)
        for (const std::string& t : d.own_tags) out[t].add(d.date);
    return out;
  }
};

Archive& archive() {
  static Archive a;
  return a;
}

// The list a `--format json` run printed, as tallies, in its order.
Tallies listed(const json& out, const std::string& key, std::vector<std::string>* order = nullptr) {
  Tallies got;
  for (const auto& n : out[key]) {
    Tally t;
    t.count = n["count"];
    t.first = n["first_date"].is_null() ? "" : n["first_date"].get<std::string>();
    t.last = n["last_date"].is_null() ? "" : n["last_date"].get<std::string>();
    got[n["name"]] = t;
    if (order) order->push_back(n["name"]);
  }
  return got;
}

void check_same(const Tallies& got, const Tallies& want) {
  CHECK(got.size() == want.size());
  for (const auto& [name, w] : want) {
    INFO(name);
    auto g = got.find(name);
    REQUIRE(g != got.end());
    CHECK(g->second.count == w.count);
    CHECK(g->second.first == w.first);
    CHECK(g->second.last == w.last);
  }
}

json run_json(const Archive& a, std::vector<std::string> args) {
  args.insert(args.begin(), {"--db", a.db});
  args.push_back("--format");
  args.push_back("json");
  RunResult r = run_byline(args);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return json::parse(r.out);
}

#define REQUIRE_ARCHIVE(a)      \
  Archive& a = archive();       \
  if (!a.ok) {                  \
    WARN("SKIPPED: " << a.why); \
    return;                     \
  }

}  // namespace

TEST_CASE("authors: counts and first/last dates against the ground truth", "[cli][names]") {
  REQUIRE_ARCHIVE(a);
  std::vector<std::string> order;
  json all = run_json(a, {"authors"});
  CHECK(all["format_version"] == 2);
  Tallies want = a.authors([](const TruthDoc&) { return true; });
  REQUIRE(want.size() > 20);
  check_same(listed(all, "authors", &order), want);
  // Sorted by count, largest first.
  for (std::size_t i = 1; i < order.size(); ++i) CHECK(want[order[i - 1]].count >= want[order[i]].count);

  // Filters: comments only; one tag (comments answer their article's tag:).
  check_same(listed(run_json(a, {"authors", "--type", "comment"}), "authors"),
             a.authors([](const TruthDoc& d) { return d.is_comment; }));
  std::string tag = *a.docs.front().tags.begin();
  check_same(listed(run_json(a, {"authors", "tag:" + tag}), "authors"),
             a.authors([&](const TruthDoc& d) { return d.tags.count(tag) != 0; }));

  // --sort name and --sort recent.
  std::vector<std::string> by_name, by_recent;
  listed(run_json(a, {"authors", "--sort", "name"}), "authors", &by_name);
  listed(run_json(a, {"authors", "--sort", "recent"}), "authors", &by_recent);
  REQUIRE(by_name.size() == want.size());
  REQUIRE(by_recent.size() == want.size());
  auto folded = [](std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  };
  for (std::size_t i = 1; i < by_name.size(); ++i) CHECK(folded(by_name[i - 1]) <= folded(by_name[i]));
  for (std::size_t i = 1; i < by_recent.size(); ++i) CHECK(want[by_recent[i - 1]].last >= want[by_recent[i]].last);
}

TEST_CASE("tags: counts and first/last dates against the ground truth", "[cli][names]") {
  REQUIRE_ARCHIVE(a);
  Tallies want = a.tags([](const TruthDoc&) { return true; });
  REQUIRE(want.size() > 3);
  check_same(listed(run_json(a, {"tags"}), "tags"), want);
  // A date filter: the later half of the dates.
  std::vector<std::string> dates;
  for (const TruthDoc& d : a.docs)
    if (!d.is_comment) dates.push_back(d.date);
  std::sort(dates.begin(), dates.end());
  const std::string since = dates[dates.size() / 2].substr(0, 10);
  check_same(listed(run_json(a, {"tags", "--since", since}), "tags"),
             a.tags([&](const TruthDoc& d) { return d.date.substr(0, 10) >= since; }));
  // The text output: a header, then one aligned line per tag, count first.
  RunResult text = run_byline({"--db", a.db, "tags"});
  REQUIRE(text.exit_code == 0);
  std::istringstream lines(text.out);
  std::string line;
  std::getline(lines, line);
  CHECK(line.find("count") != std::string::npos);
  const std::size_t name_at = line.find("tag");
  std::size_t rows = 0;
  while (std::getline(lines, line)) {
    ++rows;
    std::istringstream fields(line);
    std::uint64_t count = 0;
    fields >> count;
    const std::string name = line.substr(name_at);
    INFO(line);
    REQUIRE(want.count(name) == 1);
    CHECK(want[name].count == count);
  }
  CHECK(rows == want.size());
}

TEST_CASE("authors and tags: usage errors and a query that matches nothing", "[cli][names]") {
  REQUIRE_ARCHIVE(a);
  RunResult bad = run_byline({"--db", a.db, "authors", "--sort", "size"});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.rfind("byline: ", 0) == 0);
  RunResult query = run_byline({"--db", a.db, "tags", "date:2099-13"});
  CHECK(query.exit_code == 2);
  RunResult none = run_byline({"--db", a.db, "authors", "zzzqqqxxyy"});
  CHECK(none.exit_code == 0);
  CHECK(none.out == "no authors\n");
  CHECK(run_json(a, {"tags", "zzzqqqxxyy"})["tags"].empty());
  RunResult missing = run_byline({"--db", (a.dir / "nothing").string(), "authors"});
  CHECK(missing.exit_code == 3);
}

TEST_CASE("seed page authors and hostile names kept off the terminal", "[cli][names][seed]") {
  TempDir dir;
  const std::string db = (dir / "db").string();
  write_file(dir / "pages" / "seed.txt", read_file(source_path("corpus/000_22e4804a8479d9b0.txt")));
  REQUIRE(run_byline({"--db", db, "index", (dir / "pages").string()}).exit_code == 0);
  // The ten commenters, each once, as the page shows them.
  json out = json::parse(run_byline({"--db", db, "authors", "--type", "comment", "--format", "json"}).out);
  std::set<std::string> names;
  for (const auto& n : out["authors"]) {
    names.insert(n["name"].get<std::string>());
    CHECK(n["count"] == 1);
  }
  CHECK(names == std::set<std::string>{"Name*sidx1", "Gdgjhuk Msftj", "JZG", "Ted", "Yury", "Valentine", "USMC1371",
                                       "helenecha", "Rtyihfgj Eruknb", "Eleni"});
  RunResult barrel = run_byline({"--db", db, "authors", "barrel", "--format", "json"});
  json b = json::parse(barrel.out);
  REQUIRE(b["authors"].size() == 1);
  CHECK(b["authors"][0]["name"] == "USMC1371");
  CHECK(b["authors"][0]["first_date"] == "2013-04-23T06:45");

  // An author and a tag with escape sequences, from a JSON Lines page.
  json page = {{"source", "hostile-1"},
               {"article",
                {{"title", "Hostile"},
                 {"text", "Quiet words about harbours."},
                 {"author", "Evil\x1b]0;owned\x07 Name"},
                 {"date", "2013-05-01T10:00"},
                 {"tags", {"Tag\x1b[2J"}}}}};
  write_file(dir / "hostile.jsonl", page.dump() + "\n");
  RunResult indexed = run_byline({"--db", db, "index", "--format", "jsonl", (dir / "hostile.jsonl").string()});
  REQUIRE(indexed.exit_code == 0);
  for (const char* sub : {"authors", "tags"}) {
    RunResult r = run_byline({"--db", db, sub, "harbours"});
    INFO(r.out);
    CHECK(r.exit_code == 0);
    CHECK(r.out.find('\x1b') == std::string::npos);
    CHECK(r.out.find('\x07') == std::string::npos);
    CHECK(r.out.find("2013-05-01 10:00") != std::string::npos);
  }
}
